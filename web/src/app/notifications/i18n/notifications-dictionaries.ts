import type { TranslationKey } from '../../i18n/dictionary';
import type { KeyOf } from '../../i18n/texts';

/**
 * A key of the notification list's own texts (locales/es/notifications.json defines them).
 * They load with the list (the bell's panel and /notifications); the bell's own label is
 * in the app's shared texts.
 */
export type NotificationsKey = KeyOf<'notifications'>;

/** Any text the list shows: its own, or one of the whole app's. */
export type NotificationsTextKey = NotificationsKey | TranslationKey;
