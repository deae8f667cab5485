import type { Language } from '@portal/shared';

import type { TranslationKey } from '../../i18n/dictionary';
import { notificationsEn } from './notifications-en';
import { notificationsEs } from './notifications-es';
import { notificationsFr } from './notifications-fr';
import { notificationsPt } from './notifications-pt';

/** A key of the notification list's own texts; Spanish defines them. */
export type NotificationsKey = keyof typeof notificationsEs;

/** A language's texts for the notification list: exactly the Spanish keys. */
export type NotificationsDictionary = { readonly [K in NotificationsKey]: string };

/** Any text the list shows: its own, or one of the whole app's. */
export type NotificationsTextKey = NotificationsKey | TranslationKey;

/**
 * The list's texts travel with the list (the bell's panel is deferred until first opened,
 * and /notifications is a lazy route): the bell in the header needs only its label, which
 * is in the shared dictionaries.
 */
export const NOTIFICATIONS_DICTIONARIES: { readonly [L in Language]: NotificationsDictionary } = {
  es: notificationsEs,
  en: notificationsEn,
  pt: notificationsPt,
  fr: notificationsFr,
};
