/**
 * Spanish, the portal's default language and the reference dictionary: its keys are the
 * keys of every other language (see `Dictionary`), so a key missing in en/pt/fr or a key
 * unknown to Spanish is a compile error. `{name}` marks a value filled in at runtime.
 */
export const es = {
  'app.name': 'Portal de servicios',
  'app.network':
    'Red de organizaciones de pequeños productores y trabajadores de Comercio Justo de América Latina y el Caribe',
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
  'login.error.tooManyAttemptsMinutes':
    'Demasiados intentos fallidos. Inténtelo de nuevo más tarde (en unos {minutes} min).',
  'login.error.network': 'No se pudo conectar con el portal. Revise su conexión a internet e inténtelo de nuevo.',
  'login.error.server': 'El portal no pudo responder en este momento. Inténtelo de nuevo en unos minutos.',
  'login.sessionExpired': 'Su sesión terminó. Inicie sesión de nuevo para continuar.',
  'login.forgotPassword': '¿Olvidó su contraseña?',
  'accounts.title.welcome': 'Le damos la bienvenida',
  'accounts.title.reset': 'Nueva contraseña',

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
  'nav.organizationPeople': 'Personas de mi organización',

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
  'comingSoon.myRequests':
    'Esta sección está en preparación. Pronto podrá ver aquí las solicitudes de su organización, su estado y las respuestas del equipo.',
  'comingSoon.newRequest':
    'Esta sección está en preparación. Pronto podrá enviar desde aquí una nueva solicitud de servicio.',
  'comingSoon.inbox':
    'Esta sección está en preparación. Pronto verá aquí las solicitudes asignadas a usted y las de su cobertura.',
  'comingSoon.reports':
    'Esta sección está en preparación. Pronto encontrará aquí los informes de carga, plazos y satisfacción.',
  'comingSoon.organizations':
    'Esta sección está en preparación. Pronto podrá registrar y editar aquí las organizaciones.',
  'comingSoon.users':
    'Esta sección está en preparación. Pronto podrá invitar y administrar aquí a las personas usuarias.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  'form.error.area': 'Elija una de las áreas temáticas.',
  'form.error.subject': 'Escriba un asunto de {min} a {max} caracteres.',
  'form.error.description': 'La descripción puede tener como máximo {max} caracteres.',
  'form.error.priority': 'Elija una prioridad de la lista.',
  'form.error.body': 'Escriba un mensaje de como máximo 20 000 caracteres.',
  'form.error.reason': 'El motivo puede tener como máximo 2000 caracteres.',
  'form.error.score': 'Elija una calificación de 1 a 5.',
  'form.error.comment': 'El comentario puede tener como máximo 2000 caracteres.',
  'form.error.assignee':
    'Esta persona no puede recibir la solicitud ahora (inactiva, no atiende casos o no está disponible).',
  'requests.status.new': 'Nueva',
  'requests.status.assigned': 'Asignada',
  'requests.status.in_progress': 'En curso',
  'requests.status.waiting_on_member': 'Esperando a la organización',
  'requests.status.waitingOnYou': 'Esperando su respuesta',
  'requests.status.resolved': 'Resuelta',
  'requests.status.closed': 'Cerrada',
  'requests.status.withdrawn': 'Retirada',
  'requests.priority.low': 'Baja',
  'requests.priority.normal': 'Normal',
  'requests.priority.high': 'Alta',
  'requests.priority.urgent': 'Urgente',
  'requests.notAssigned': 'Todavía sin asignar',
  'requests.error.network': 'No se pudo conectar con el portal. Revise su conexión e inténtelo de nuevo.',
  'requests.error.server': 'El portal no pudo responder en este momento. Inténtelo de nuevo en unos minutos.',
  'requests.error.rateLimited': 'Demasiados intentos en poco tiempo. Espere un momento e inténtelo de nuevo.',
  'requests.error.sessionEnded': 'Su sesión terminó. Vuelva a ingresar para continuar.',
  'requests.error.notFound': 'Esta solicitud no existe o usted no puede verla.',
  'requests.error.forbidden': 'Usted no tiene permiso para hacer esto.',
  'requests.error.conflict': 'No se pudo hacer porque la solicitud cambió mientras tanto. Se volvió a cargar.',
  'requests.error.validation': 'Faltan datos o algunos no son válidos.',
  'requests.error.transitionNotAllowed':
    'Esta acción ya no es posible: la solicitud cambió mientras tanto. Se volvió a cargar.',
  'requests.error.staleVersion':
    'Otra persona cambió esta solicitud mientras tanto. Se volvió a cargar: revísela e inténtelo de nuevo.',
  'requests.error.closed': 'Esta solicitud está cerrada o retirada: ya no admite cambios.',
  'requests.error.alreadyAssigned': 'La solicitud ya está asignada a esta persona.',
  'requests.error.alreadyEscalated': 'La solicitud ya fue escalada a la dirección.',
  'requests.error.noDirector': 'La región no tiene una dirección activa a la que escalar.',
  'requests.error.notResolved': 'Una solicitud se puede calificar cuando está resuelta.',
  'requests.error.alreadyRated': 'Esta solicitud ya fue calificada.',
  'requests.error.keyReused':
    'Este envío ya se usó para otra solicitud. Revise las solicitudes de su organización antes de enviar de nuevo.',
  'requests.error.fileType':
    'Este tipo de archivo no se acepta. Envíe PDF, imágenes (PNG, JPG, WebP), Word, Excel, texto OpenDocument, texto simple o CSV.',
  'requests.error.fileTooLarge': 'El archivo es demasiado grande: como máximo 10 MB.',
  'requests.error.tooManyFiles': 'Un mensaje puede llevar como máximo 5 archivos.',
  'request.pageTitle': 'Solicitud',
  'request.dialog.close': 'Cerrar',
  // --- end requests ---

  // --- problems the API reports (core/problem-messages.ts maps every code to a text) ---
  'problem.linkGone': 'Este enlace ya se usó o venció. Pida uno nuevo.',
  'problem.busy': 'Se están verificando muchos inicios de sesión ahora mismo. Inténtelo de nuevo en un momento.',
  'problem.emailTaken': 'Ya hay una persona registrada con este correo.',
  'problem.selfLockout': 'No puede desactivarse ni quitarse el rol de administración a sí mismo.',
  'problem.nameTaken': 'Ya hay una organización con este nombre en este país.',
  'problem.fairtradeIdTaken': 'Otra organización tiene este ID Fairtrade.',
  'problem.holidayExists': 'Este país ya tiene un feriado en esa fecha.',
  'problem.otherRegion': 'Usted solo puede ver los informes de su propia región.',
  'problem.emptyRange': 'La fecha de inicio debe ser anterior a la de fin.',
  'problem.rangeTooLong': 'La evolución abarca como máximo diez años: acorte el rango de fechas.',
  // --- end problems ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // Route titles only; the pages' own texts load with them (core/staff-i18n).
  'admin.org.new': 'Nueva organización',
  'admin.org.edit': 'Organización',
  'admin.user.new': 'Invitar a una persona',
  'admin.user.edit': 'Persona',
  // --- end inbox and administration ---

  // --- notifications (the bell in the header; the list's own texts load with it: notifications/i18n) ---
  'nav.notifications': 'Notificaciones',
  'notifications.bell.none': 'Notificaciones: ninguna sin leer',
  'notifications.bell.one': '{count} notificación sin leer',
  'notifications.bell.other': '{count} notificaciones sin leer',
  // --- end notifications ---
} as const;
