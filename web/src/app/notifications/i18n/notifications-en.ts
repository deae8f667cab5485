import type { NotificationsDictionary } from './notifications-dictionaries';

/** The notification list's own texts in English. */
export const notificationsEn: NotificationsDictionary = {
  'notifications.panel.label': 'Recent notifications',
  'notifications.unread': 'Unread',
  'notifications.markAll': 'Mark all as read',
  'notifications.markRead': 'Mark as read',
  'notifications.seeAll': 'See all notifications',
  'notifications.close': 'Close notifications',
  'notifications.loading': 'Loading notifications…',
  'notifications.empty': 'You have no notifications for now.',
  'notifications.emptyHint': 'Replies, status changes and assignments of the requests you follow will show here.',
  'notifications.error': 'The notifications could not be loaded. Check your connection and try again.',
  'notifications.retry': 'Try again',
  'notifications.more': 'Show more',
  'notifications.allRead': 'All notifications are now marked as read.',
  'notifications.markFailed': 'They could not be marked as read. Please try again.',
  'notifications.request': 'Request {reference}',
  'notifications.intro': 'News about the requests you follow, unread first.',
};
