/**
 * The notification list's own texts in Spanish, the reference: its keys are those of every
 * other language. Loaded with the list (the bell's panel and /notifications), not in the
 * first download; the bell's own label is in the shared dictionaries.
 */
export const notificationsEs = {
  'notifications.panel.label': 'Notificaciones recientes',
  'notifications.unread': 'Sin leer',
  'notifications.markAll': 'Marcar todas como leídas',
  'notifications.markRead': 'Marcar como leída',
  'notifications.seeAll': 'Ver todas las notificaciones',
  'notifications.close': 'Cerrar las notificaciones',
  'notifications.loading': 'Cargando las notificaciones…',
  'notifications.empty': 'No tiene notificaciones por ahora.',
  'notifications.emptyHint':
    'Aquí verá las respuestas, los cambios de estado y las asignaciones de las solicitudes que sigue.',
  'notifications.error': 'No se pudieron cargar las notificaciones. Revise su conexión e inténtelo de nuevo.',
  'notifications.retry': 'Intentar de nuevo',
  'notifications.more': 'Mostrar más',
  'notifications.allRead': 'Todas las notificaciones quedaron marcadas como leídas.',
  'notifications.markFailed': 'No se pudo marcar como leídas. Inténtelo de nuevo.',
  'notifications.request': 'Solicitud {reference}',
  'notifications.intro': 'Avisos sobre las solicitudes que sigue, los no leídos primero.',
} as const;
