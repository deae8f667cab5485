/**
 * Spanish, the portal's default language and the reference dictionary: its keys are the
 * keys of every other language (see `Dictionary`), so a key missing in en/pt/fr or a key
 * unknown to Spanish is a compile error. `{name}` marks a value filled in at runtime.
 */
export const es = {
  'app.name': 'Portal de servicios',
  'app.network': 'Red de organizaciones de pequeños productores y trabajadores de Comercio Justo de América Latina y el Caribe',
  'app.skipToContent': 'Saltar al contenido principal',

  'language.label': 'Idioma',

  'login.title': 'Iniciar sesión',
  'login.intro': 'Ingrese con el correo electrónico y la contraseña de su cuenta.',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.showPassword': 'Mostrar contraseña',
  'login.submit': 'Iniciar sesión',
  'login.submitting': 'Iniciando sesión…',
  'login.emailRequired': 'Escriba su correo electrónico.',
  'login.emailInvalid': 'Escriba un correo electrónico válido, por ejemplo nombre@cooperativa.org.',
  'login.passwordRequired': 'Escriba su contraseña.',
  'login.error.invalidCredentials': 'El correo electrónico o la contraseña no son correctos.',
  'login.error.tooManyAttempts': 'Demasiados intentos fallidos. Espere unos minutos e inténtelo de nuevo más tarde.',
  'login.error.tooManyAttemptsMinutes': 'Demasiados intentos fallidos. Inténtelo de nuevo más tarde (en unos {minutes} min).',
  'login.error.network': 'No se pudo conectar con el portal. Revise su conexión a internet e inténtelo de nuevo.',
  'login.error.server': 'El portal no pudo responder en este momento. Inténtelo de nuevo en unos minutos.',
  'login.sessionExpired': 'Su sesión terminó. Inicie sesión de nuevo para continuar.',

  'shell.mainNavigation': 'Navegación principal',
  'shell.openMenu': 'Menú',
  'shell.signOut': 'Cerrar sesión',
  'shell.signedInAs': 'Sesión iniciada como',

  'nav.home': 'Inicio',
  'nav.myRequests': 'Solicitudes de mi organización',
  'nav.newRequest': 'Nueva solicitud',
  'nav.inbox': 'Bandeja de entrada',
  'nav.reports': 'Informes',
  'nav.organizations': 'Organizaciones',
  'nav.users': 'Usuarios',

  'home.greeting': 'Hola, {name}',
  'home.organization': 'Organización',
  'home.role': 'Rol',
  'home.region': 'Región',
  'home.intro.member': 'Aquí puede pedir apoyo a la red y seguir las solicitudes de su organización.',
  'home.intro.caseWorker': 'Aquí atenderá las solicitudes de servicio de las organizaciones de su cobertura.',
  'home.intro.executive': 'Aquí podrá seguir las solicitudes y los informes de toda la red.',
  'home.intro.admin': 'Aquí administrará las organizaciones, las personas usuarias y la configuración del portal.',
  'home.shortcuts': 'Accesos directos',

  'role.member': 'Integrante de organización',
  'role.representative': 'Representante de país',
  'role.specialist': 'Especialista de área temática',
  'role.director': 'Dirección regional',
  'role.executive': 'Dirección ejecutiva',
  'role.admin': 'Administración del portal',

  'region.CAM': 'Centroamérica y México',
  'region.CAR': 'Caribe',
  'region.AND': 'Región Andina',
  'region.SUR': 'Cono Sur',

  'comingSoon.badge': 'En preparación',
  'comingSoon.myRequests': 'Esta sección está en preparación. Pronto podrá ver aquí las solicitudes de su organización, su estado y las respuestas del equipo.',
  'comingSoon.newRequest': 'Esta sección está en preparación. Pronto podrá enviar desde aquí una nueva solicitud de servicio.',
  'comingSoon.inbox': 'Esta sección está en preparación. Pronto verá aquí las solicitudes asignadas a usted y las de su cobertura.',
  'comingSoon.reports': 'Esta sección está en preparación. Pronto encontrará aquí los informes de carga, plazos y satisfacción.',
  'comingSoon.organizations': 'Esta sección está en preparación. Pronto podrá registrar y editar aquí las organizaciones.',
  'comingSoon.users': 'Esta sección está en preparación. Pronto podrá invitar y administrar aquí a las personas usuarias.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  // --- end requests ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // --- end inbox and administration ---
} as const;
