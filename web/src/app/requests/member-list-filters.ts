/**
 * The member's list views (issue 18): what needs them (an answer they owe, or a resolution to
 * confirm or rate), what is open, what is finished, or everything. The statuses each shows.
 */
export const MEMBER_VIEWS = {
  all: null,
  'needs-me': 'waiting_on_member,resolved',
  open: 'new,assigned,in_progress,waiting_on_member',
  closed: 'resolved,closed,withdrawn',
} as const;
export type MemberView = keyof typeof MEMBER_VIEWS;

export function memberView(value: string | undefined): MemberView {
  return value !== undefined && value in MEMBER_VIEWS ? (value as MemberView) : 'all';
}
