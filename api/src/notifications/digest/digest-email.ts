import type { Language } from '@portal/shared';
import {
  escapeHtml,
  FOOTER,
  type NotificationKind,
  type NotificationParams,
  OPEN_LINK,
  renderNotification,
} from '../templates';

export interface DigestItem {
  kind: NotificationKind;
  requestId: string | null;
  params: NotificationParams;
  createdAt: Date;
}

interface DigestWords {
  subject: (updates: number, requests: number) => string;
  intro: string;
  settings: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const WORDS: Record<Language, DigestWords> = {
  es: {
    subject: (u, r) =>
      `Resumen diario: ${plural(u, 'novedad', 'novedades')} en ${plural(r, 'solicitud', 'solicitudes')}`,
    intro: 'Esto pasó en las solicitudes desde su último resumen.',
    settings: 'Puede elegir qué correos recibe en su perfil del portal.',
  },
  en: {
    subject: (u, r) => `Daily digest: ${plural(u, 'update', 'updates')} on ${plural(r, 'request', 'requests')}`,
    intro: 'This is what happened on the requests since your last digest.',
    settings: 'You can choose which emails you get on your profile in the portal.',
  },
  pt: {
    subject: (u, r) =>
      `Resumo diário: ${plural(u, 'novidade', 'novidades')} em ${plural(r, 'solicitação', 'solicitações')}`,
    intro: 'Isto aconteceu nas solicitações desde o seu último resumo.',
    settings: 'Você pode escolher quais e-mails recebe no seu perfil do portal.',
  },
  fr: {
    subject: (u, r) =>
      `Résumé quotidien : ${plural(u, 'nouveauté', 'nouveautés')} sur ${plural(r, 'demande', 'demandes')}`,
    intro: 'Voici ce qui s’est passé sur les demandes depuis votre dernier résumé.',
    settings: 'Vous pouvez choisir les e-mails que vous recevez dans votre profil du portail.',
  },
};

/**
 * The daily digest email: the notifications since the last one, grouped by request (its
 * reference and subject, each thing that happened with its local time, the words of the
 * in-app entry, and a link), in the recipient's language and time zone.
 */
export function renderDigestEmail(
  language: Language,
  timeZone: string,
  items: readonly DigestItem[],
  linkOf: (requestId: string | null) => string,
) {
  const groups = new Map<string, DigestItem[]>();
  for (const item of items) {
    const key = item.requestId ?? `${item.kind}:${item.createdAt.toISOString()}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const when = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const words = WORDS[language];
  const sections = [...groups.values()].map((group) => {
    const latest = group[group.length - 1];
    const heading = [latest.params.reference, latest.params.subject].filter(Boolean).join(' · ');
    const entries = group.map((item) => ({
      at: when.format(item.createdAt),
      ...renderNotification(item.kind, language, item.params),
    }));
    return { heading, entries, link: linkOf(latest.requestId) };
  });
  const subject = words.subject(items.length, groups.size);
  const text = `${words.intro}\n\n${sections
    .map(
      (s) =>
        `${s.heading}\n${s.entries.map((e) => `- ${e.at}: ${e.title}\n  ${e.body.replace(/\n+/g, '\n  ')}`).join('\n')}\n${OPEN_LINK[language]}: ${s.link}`,
    )
    .join('\n\n')}\n\n${words.settings}\n\n--\n${FOOTER[language]}\n`;
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#1b2b22;max-width:560px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;color:#1f5c3a">${escapeHtml(subject)}</h1><p style="margin:0 0 16px">${escapeHtml(words.intro)}</p>${sections
    .map(
      (s) =>
        `<h2 style="font-size:17px;margin:24px 0 8px">${escapeHtml(s.heading)}</h2><ul style="margin:0 0 8px;padding-left:20px">${s.entries
          .map(
            (e) =>
              `<li style="margin:0 0 8px"><strong>${escapeHtml(e.at)}</strong> — ${escapeHtml(e.title)}<br>${escapeHtml(e.body).replace(/\n+/g, '<br>')}</li>`,
          )
          .join(
            '',
          )}</ul><p style="margin:0 0 16px"><a href="${escapeHtml(s.link)}" style="color:#1f5c3a">${OPEN_LINK[language]}</a></p>`,
    )
    .join('')}
<p style="color:#5b6b62;font-size:12px">${escapeHtml(words.settings)}<br>${FOOTER[language]}</p></body></html>`;
  return { subject, text, html };
}
