/**
 * The account pages' own texts in Spanish, the reference: its keys are those of every other
 * language (see `AccountsDictionary`). Loaded with those pages, not in the first download.
 */
export const accountsEs = {
  'accounts.signIn': 'Iniciar sesión',
  'accounts.backToSignIn': 'Volver a iniciar sesión',
  'accounts.error.network': 'No se pudo conectar con el portal. Revise su conexión a internet e inténtelo de nuevo.',
  'accounts.error.server': 'El portal no pudo responder en este momento. Inténtelo de nuevo en unos minutos.',
  'accounts.error.rateLimited': 'Demasiados intentos en poco tiempo. Espere un minuto e inténtelo de nuevo.',
  'accounts.error.sessionEnded': 'Su sesión terminó. Inicie sesión de nuevo para continuar.',
  'accounts.error.invalid': 'El portal no aceptó estos datos. Revíselos e inténtelo de nuevo.',

  'password.label': 'Contraseña nueva',
  'password.repeat': 'Repita la contraseña',
  'password.show': 'Mostrar las contraseñas',
  'password.rules': 'Su contraseña debe:',
  'password.rule.length': 'tener al menos {min} caracteres (una frase corta es fácil de recordar)',
  'password.rule.common': 'no ser una de las contraseñas más usadas',
  'password.rule.email': 'no ser su dirección de correo electrónico',
  'password.error.required': 'Elija una contraseña.',
  'password.error.tooShort': 'La contraseña debe tener al menos {min} caracteres.',
  'password.error.tooLong': 'La contraseña puede tener como máximo {max} caracteres.',
  'password.error.common': 'Es una de las contraseñas más usadas: elija otra.',
  'password.error.email': 'La contraseña no puede ser su correo electrónico.',
  'password.error.other': 'El portal no aceptó esta contraseña: elija otra.',
  'password.error.repeatRequired': 'Escriba la contraseña otra vez.',
  'password.error.mismatch': 'Las dos contraseñas no son iguales.',

  'accept.heading': 'Le damos la bienvenida al portal',
  'accept.intro':
    'Recibió una invitación para usar el Portal de servicios de la red. Para empezar, elija su contraseña y su idioma.',
  'accept.language': 'Idioma',
  'accept.languageHint': 'El del portal y de los correos que le enviemos.',
  'accept.submit': 'Guardar y entrar',
  'accept.submitting': 'Guardando…',
  'accept.signedInAs':
    'En este dispositivo está abierta la sesión de {name}. Al guardar, esa sesión se cierra y entrará con su cuenta nueva.',
  'accept.gone': 'Este enlace ya se usó o venció (vale 7 días). Pida una invitación nueva a quien se la envió.',
  'accept.goneSignIn': 'Si ya eligió su contraseña, puede iniciar sesión.',
  'accept.noToken':
    'Este enlace está incompleto: le falta el código de la invitación. Ábralo de nuevo desde el correo de invitación, o copie la dirección completa.',

  'forgot.heading': '¿Olvidó su contraseña?',
  'forgot.intro':
    'Escriba el correo electrónico de su cuenta. Le enviaremos un enlace para elegir una contraseña nueva.',
  'forgot.email': 'Correo electrónico',
  'forgot.submit': 'Enviar el enlace',
  'forgot.submitting': 'Enviando…',
  'forgot.done.heading': 'Revise su correo',
  'forgot.done':
    'Si existe una cuenta con la dirección {email}, le enviamos un enlace para elegir una contraseña nueva. El enlace funciona durante 30 minutos y una sola vez.',
  'forgot.done.hint': '¿No llega? Revise la carpeta de correo no deseado y espere unos minutos antes de pedir otro.',
  'forgot.otherAddress': 'Probar con otra dirección',

  'reset.heading': 'Elija una contraseña nueva',
  'reset.intro': 'La contraseña nueva reemplaza a la anterior.',
  'reset.submit': 'Guardar la contraseña',
  'reset.submitting': 'Guardando…',
  'reset.done.heading': 'Su contraseña cambió',
  'reset.done':
    'Ya puede iniciar sesión con su contraseña nueva. Por seguridad, cerramos su sesión en todos los dispositivos donde estaba abierta.',
  'reset.gone': 'Este enlace ya se usó o venció (vale 30 minutos). Pida uno nuevo.',
  'reset.requestNew': 'Pedir un enlace nuevo',
  'reset.noToken':
    'Este enlace está incompleto: le falta su código. Ábralo de nuevo desde el correo, o pida uno nuevo.',

  'people.intro':
    'Las personas de {organization} que usan el portal. Como contacto de la organización, usted invita a sus colegas y desactiva las cuentas que ya no se usan.',
  'people.loading': 'Cargando las personas de su organización…',
  'people.retry': 'Intentar de nuevo',
  'people.list': 'Personas',
  'people.you': 'Usted',
  'people.contact': 'Contacto',
  'people.active': 'Activa',
  'people.deactivated': 'Desactivada',
  'people.pending': 'Invitación pendiente',
  'people.deactivate': 'Desactivar',
  'people.deactivateWho': 'Desactivar a {name}',
  'people.resend': 'Enviar la invitación otra vez',
  'people.resendWho': 'Enviar otra vez la invitación a {name}',
  'people.resent': 'Enviamos una invitación nueva a {email}. Vale hasta el {date}.',
  'people.confirm.heading': '¿Desactivar a {name}?',
  'people.confirm.text':
    '{name} ya no podrá entrar al portal. Sus solicitudes y mensajes se conservan. Para volver a activar la cuenta, escriba a la administración del portal.',
  'people.confirm.yes': 'Sí, desactivar',
  'people.confirm.no': 'Cancelar',
  'people.deactivatedDone': 'Se desactivó la cuenta de {name}.',
  'people.notContact.heading': 'El contacto de su organización gestiona a sus personas',
  'people.notContact.text':
    'Cada organización tiene en el portal una persona de contacto. Ella invita a sus colegas y desactiva las cuentas que ya no se usan. Si alguien de su organización necesita entrar al portal, pídaselo a esa persona.',
  'people.notContact.unknown': '¿No sabe quién es? Pregúntelo a la red en una solicitud.',
  'people.notContact.newRequest': 'Escribir una solicitud',

  'invite.heading': 'Invitar a un colega',
  'invite.intro': 'Le enviaremos un correo con un enlace para que elija su contraseña. El enlace vale 7 días.',
  'invite.name': 'Nombre y apellido',
  'invite.email': 'Correo electrónico',
  'invite.language': 'Idioma del correo y del portal',
  'invite.submit': 'Enviar la invitación',
  'invite.submitting': 'Enviando…',
  'invite.done': 'Invitación enviada a {email}. El enlace vale 7 días, hasta el {date}.',
  'invite.error.nameRequired': 'Escriba el nombre de la persona.',
  'invite.error.nameTooLong': 'El nombre puede tener como máximo {max} caracteres.',
  'invite.error.emailRequired': 'Escriba el correo electrónico de la persona.',
  'invite.error.emailInvalid': 'Escriba un correo electrónico válido, por ejemplo nombre@cooperativa.org.',
  'invite.error.emailTaken': 'Esta dirección ya tiene una cuenta en el portal.',
} as const;
