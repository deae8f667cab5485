import { isAutomatic, type MailFacts, refusalBeforeLookup } from './mail-checks';

const facts = (
  headers: Record<string, string>,
  from = 'ana@coop.example',
  messageId = '<1@coop.example>',
): MailFacts => ({
  headers: new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value]])),
  from,
  messageId,
});

const OWN = ['portal@example.org', 'no-reply@portal.local'];

describe('mails nobody wrote, and the portal talking to itself', () => {
  it.each([
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }],
    ['Auto-Submitted: auto-generated', { 'Auto-Submitted': 'Auto-Generated' }],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }],
    ['X-Autorespond', { 'X-Autorespond': 'Vacation' }],
    ['Precedence: bulk', { Precedence: 'bulk' }],
    ['Precedence: auto_reply', { Precedence: 'auto_reply' }],
    ['an empty Return-Path (a bounce)', { 'Return-Path': '<>' }],
    ['a delivery report', { 'Content-Type': 'multipart/report; report-type=delivery-status' }],
    ['X-Failed-Recipients', { 'X-Failed-Recipients': 'ana@coop.example' }],
  ])('%s is automatic', (_name, headers) => {
    expect(isAutomatic(facts(headers))).toBe(true);
    expect(refusalBeforeLookup(facts(headers), OWN, 'portal.notifications')).toBe('automatic');
  });

  it('a person’s mail is not', () => {
    expect(
      isAutomatic(facts({ 'Auto-Submitted': 'no', Precedence: 'normal', 'Return-Path': '<ana@coop.example>' })),
    ).toBe(false);
    expect(refusalBeforeLookup(facts({}), OWN, 'portal.notifications')).toBeNull();
  });

  it('a mailer-daemon or postmaster is a bounce', () => {
    expect(isAutomatic(facts({}, 'mailer-daemon@mx.coop.example'))).toBe(true);
    expect(isAutomatic(facts({}, 'postmaster@coop.example'))).toBe(true);
  });

  it("mail from the portal's own addresses (tagged or not), or carrying its own Message-ID, is a loop", () => {
    expect(refusalBeforeLookup(facts({}, 'portal@example.org'), OWN, 'portal.notifications')).toBe('loop');
    expect(refusalBeforeLookup(facts({}, 'portal+abc@example.org'), OWN, 'portal.notifications')).toBe('loop');
    expect(refusalBeforeLookup(facts({}, 'no-reply@portal.local'), OWN, 'portal.notifications')).toBe('loop');
    expect(
      refusalBeforeLookup(facts({}, 'ana@coop.example', '<abc@portal.notifications>'), OWN, 'portal.notifications'),
    ).toBe('loop');
  });

  it('a sender its own domain disowns (DMARC fail) is refused', () => {
    const spoofed = facts({
      'Authentication-Results': 'mx.example.org; spf=fail; dmarc=fail (p=REJECT) header.from=coop.example',
    });
    expect(refusalBeforeLookup(spoofed, OWN, 'portal.notifications')).toBe('failed-authentication');
  });
});
