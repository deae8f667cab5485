import { can, type Role } from '@portal/shared';

/** One in-app notification, as GET /notifications lists it (title and body in the reader's language). */
export interface NotificationItem {
  readonly id: string;
  readonly kind: string;
  readonly requestId: string | null;
  readonly reference: string | null;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** The bell's entry for one request (GET /notifications/by-request): how many, how many unread, the latest. */
export interface NotificationGroup {
  readonly requestId: string | null;
  readonly reference: string | null;
  readonly count: number;
  readonly unread: number;
  readonly latest: NotificationItem;
}

/** A group's key: its request, or its only notification when it has none. */
export function groupKey(group: NotificationGroup): string {
  return group.requestId ?? group.latest.id;
}

/** Where a notification leads: its request, on the member's or the staff's side of the app. */
export function notificationLink(item: Pick<NotificationItem, 'requestId'>, role: Role): string | null {
  if (!item.requestId) return null;
  // Who files requests follows them in "my requests"; staff in the inbox.
  return can(role, 'requests.file') ? `/requests/${item.requestId}` : `/inbox/${item.requestId}`;
}

/** The body cut to a readable excerpt at a word boundary; the full text is on the request's page. */
export function excerpt(text: string, maxLength = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:–-]+$/, '')}…`;
}

/** The badge's text: a small number stays readable, a large one is capped. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
