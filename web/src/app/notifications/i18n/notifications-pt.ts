import type { NotificationsDictionary } from './notifications-dictionaries';

/** The notification list's own texts in Portuguese. */
export const notificationsPt: NotificationsDictionary = {
  'notifications.panel.label': 'Notificações recentes',
  'notifications.unread': 'Não lida',
  'notifications.markAll': 'Marcar todas como lidas',
  'notifications.markRead': 'Marcar como lida',
  'notifications.seeAll': 'Ver todas as notificações',
  'notifications.close': 'Fechar as notificações',
  'notifications.loading': 'Carregando as notificações…',
  'notifications.empty': 'Você não tem notificações por enquanto.',
  'notifications.emptyHint':
    'Aqui aparecerão as respostas, as mudanças de status e as atribuições das solicitações que você acompanha.',
  'notifications.error': 'Não foi possível carregar as notificações. Verifique sua conexão e tente novamente.',
  'notifications.retry': 'Tentar novamente',
  'notifications.more': 'Mostrar mais',
  'notifications.allRead': 'Todas as notificações foram marcadas como lidas.',
  'notifications.markFailed': 'Não foi possível marcá-las como lidas. Tente novamente.',
  'notifications.request': 'Solicitação {reference}',
  'notifications.intro': 'Avisos sobre as solicitações que você acompanha, as não lidas primeiro.',
};
