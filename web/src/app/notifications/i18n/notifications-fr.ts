import type { NotificationsDictionary } from './notifications-dictionaries';

/** The notification list's own texts in French. */
export const notificationsFr: NotificationsDictionary = {
  'notifications.panel.label': 'Notifications récentes',
  'notifications.unread': 'Non lue',
  'notifications.markAll': 'Tout marquer comme lu',
  'notifications.markRead': 'Marquer comme lue',
  'notifications.seeAll': 'Voir toutes les notifications',
  'notifications.close': 'Fermer les notifications',
  'notifications.loading': 'Chargement des notifications…',
  'notifications.empty': 'Vous n’avez aucune notification pour le moment.',
  'notifications.emptyHint':
    'Les réponses, changements de statut et attributions des demandes que vous suivez s’afficheront ici.',
  'notifications.error': 'Les notifications n’ont pas pu être chargées. Vérifiez votre connexion et réessayez.',
  'notifications.retry': 'Réessayer',
  'notifications.more': 'Afficher plus',
  'notifications.allRead': 'Toutes les notifications sont marquées comme lues.',
  'notifications.markFailed': 'Impossible de les marquer comme lues. Veuillez réessayer.',
  'notifications.request': 'Demande {reference}',
  'notifications.intro': 'Les nouvelles des demandes que vous suivez, les non lues d’abord.',
};
