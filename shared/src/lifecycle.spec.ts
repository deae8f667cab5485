import { allowedTransitions, TRANSITIONS } from './lifecycle.js';
import { REQUEST_STATUSES } from './requests.js';

const now = new Date('2026-11-28T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('request lifecycle', () => {
  it('lets a member withdraw only while new or assigned', () => {
    const withdrawable = REQUEST_STATUSES.filter((s) =>
      allowedTransitions(s, 'member', { resolvedAt: null, now }).includes('withdrawn'),
    );
    expect(withdrawable).toEqual(['new', 'assigned']);
  });

  it('lets staff work a case: start, wait on the member, resume, resolve', () => {
    expect(allowedTransitions('assigned', 'representative', { resolvedAt: null, now })).toEqual(['in_progress']);
    expect(allowedTransitions('in_progress', 'specialist', { resolvedAt: null, now })).toEqual([
      'waiting_on_member',
      'resolved',
    ]);
    expect(allowedTransitions('waiting_on_member', 'director', { resolvedAt: null, now })).toEqual([
      'in_progress',
      'resolved',
    ]);
    expect(allowedTransitions('new', 'admin', { resolvedAt: null, now })).toEqual([]);
  });

  it('lets the member confirm or reopen a resolved request, and reopen a closed one within 14 days', () => {
    expect(allowedTransitions('resolved', 'member', { resolvedAt: daysAgo(1), now })).toEqual([
      'closed',
      'in_progress',
    ]);
    expect(allowedTransitions('closed', 'member', { resolvedAt: daysAgo(13.9), now })).toEqual(['in_progress']);
    expect(allowedTransitions('closed', 'member', { resolvedAt: daysAgo(14.1), now })).toEqual([]);
    expect(allowedTransitions('resolved', 'member', { resolvedAt: daysAgo(15), now })).toEqual(['closed']);
  });

  it('gives the executive directorate no transition at all', () => {
    for (const status of REQUEST_STATUSES)
      expect(allowedTransitions(status, 'executive', { resolvedAt: daysAgo(1), now })).toEqual([]);
  });

  it('ends in withdrawn with no way out', () => {
    expect(TRANSITIONS.filter((t) => t.from === 'withdrawn')).toEqual([]);
  });
});
