/**
 * Per staff member, for each event about cases, how it reaches the person (issue 19):
 * in the app and by email, in the app only, or not at all. Account emails (invitations,
 * password resets) and a member's receipt are not events of this list: they always go.
 * 'email' follows the person's emailNotifications (each one, the daily digest, or none):
 * an event that is not by email is in no digest either.
 */
export const NOTIFICATION_EVENTS = [
  'request.assigned', // a case was given to the person (routing, reassignment, a claim by someone else)
  'request.reply', // the member replied on the person's case
  'request.status_changed', // the member withdrew, confirmed or reopened the person's case
  'request.escalated', // a case was escalated to the person (a region's director)
  'request.breached', // a case of the person's region or hands missed its deadline
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** `email`: in the app and by email (the default); `in_app`: the bell only; `off`: nothing. */
export const NOTIFICATION_CHANNELS = ['email', 'in_app', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const DEFAULT_NOTIFICATION_CHANNEL: NotificationChannel = 'email';

export interface NotificationSetting {
  event: NotificationEvent;
  channel: NotificationChannel;
}

/** GET /me/notification-settings: every event, in the order of NOTIFICATION_EVENTS. */
export interface NotificationSettings {
  events: NotificationSetting[];
}

/** PUT /me/notification-settings: the events it lists take the channel given; the others keep theirs. */
export interface UpdateNotificationSettingsBody {
  events: NotificationSetting[];
}

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return typeof value === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}
