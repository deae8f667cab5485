import type { Language, RequestStatus, SlaDeadline } from '@portal/shared';
import { SATISFACTION_TEMPLATES, SCORE_LINKS } from './satisfaction-templates';
import { TRUST_TEMPLATES } from './trust-templates';

export const NOTIFICATION_KINDS = [
  'request.assigned',
  'request.reply',
  'request.status_changed',
  'request.resolved',
  'request.breached',
  'request.sla_warning',
  'request.escalated',
  'request.received',
  'request.low-score',
  'request.rating-reminder',
  'account.invitation',
  'account.password-reset',
  'account.two-factor-reset',
  'account.webhook-disabled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a template may use. Never the text of an internal note. */
export interface NotificationParams {
  reference?: string;
  subject?: string;
  organization?: string;
  author?: string;
  excerpt?: string;
  from?: RequestStatus;
  to?: RequestStatus;
  assignee?: string;
  reason?: string;
  /** Account links: the id of the link; the token is derived from it when the email is written. */
  tokenId?: string;
  name?: string;
  inviter?: string;
  /** The receipt: the first-response due time (ISO) and the organization's country, shown in its time zone. */
  dueAt?: string;
  country?: string;
  timeZone?: string;
  /** The SLA's warning and breach: which deadline (dueAt is its due time). Breaches stored before it have none. */
  deadline?: SlaDeadline;
  /** A member's satisfaction score (1–5), for the director's low-score notification. */
  score?: number;
  /** A disabled webhook endpoint: its address and failures in a row. */
  url?: string;
  failures?: number;
}

/** A deadline's name in a sentence ("the {first-response} time"); the second is for older breaches that named none. */
const DEADLINE_NAMES: Record<Language, Record<SlaDeadline | 'any', string>> = {
  es: { first_response: 'primera respuesta', resolution: 'resolución', any: 'atención' },
  en: { first_response: 'first-response', resolution: 'resolution', any: 'service' },
  pt: { first_response: 'primeira resposta', resolution: 'resolução', any: 'atendimento' },
  fr: { first_response: 'première réponse', resolution: 'résolution', any: 'traitement' },
};

export const STATUS_NAMES: Record<Language, Record<RequestStatus, string>> = {
  es: {
    new: 'nueva',
    assigned: 'asignada',
    in_progress: 'en curso',
    waiting_on_member: 'esperando su respuesta',
    resolved: 'resuelta',
    closed: 'cerrada',
    withdrawn: 'retirada',
  },
  en: {
    new: 'new',
    assigned: 'assigned',
    in_progress: 'in progress',
    waiting_on_member: 'waiting for your answer',
    resolved: 'resolved',
    closed: 'closed',
    withdrawn: 'withdrawn',
  },
  pt: {
    new: 'nova',
    assigned: 'atribuída',
    in_progress: 'em andamento',
    waiting_on_member: 'aguardando sua resposta',
    resolved: 'resolvida',
    closed: 'encerrada',
    withdrawn: 'retirada',
  },
  fr: {
    new: 'nouvelle',
    assigned: 'attribuée',
    in_progress: 'en cours',
    waiting_on_member: 'en attente de votre réponse',
    resolved: 'résolue',
    closed: 'fermée',
    withdrawn: 'retirée',
  },
};

/** What a template may ask of the recipient's language besides the params. */
interface Words {
  status: (s?: RequestStatus) => string;
  /** The due time in words in the country's time zone, e.g. "Tuesday 8 December, 17:00". */
  due: (p: NotificationParams) => string;
  country: (p: NotificationParams) => string;
  /** The deadline's name, e.g. "primera respuesta". */
  deadline: (p: NotificationParams) => string;
}

type Template = (p: NotificationParams, words: Words) => { title: string; body: string };

const TEMPLATES: Record<Language, Record<NotificationKind, Template>> = {
  es: {
    ...SATISFACTION_TEMPLATES.es,
    ...TRUST_TEMPLATES.es,
    'request.assigned': (p) => ({
      title: `${p.reference} le fue asignada: ${p.subject}`,
      body: `${p.organization} presentó una solicitud que ahora está a su cargo.`,
    }),
    'request.reply': (p) => ({
      title: `Nueva respuesta en ${p.reference}`,
      body: `${p.author} respondió a «${p.subject}»:\n\n${p.excerpt}`,
    }),
    'request.status_changed': (p, { status: s }) => ({
      title: `${p.reference}: ahora está ${s(p.to)}`,
      body: `Su solicitud «${p.subject}» pasó de ${s(p.from)} a ${s(p.to)}.${p.reason ? `\n\nMotivo: ${p.reason}` : ''}`,
    }),
    'request.resolved': (p) => ({
      title: `${p.reference} fue resuelta: confirme y califique`,
      body: `Su solicitud «${p.subject}» fue marcada como resuelta. Confirme la resolución y califique el servicio de 1 a 5. Si el problema sigue, puede reabrirla dentro de los 14 días.`,
    }),
    'request.breached': (p, w) => ({
      title: p.deadline ? `Plazo de ${w.deadline(p)} vencido: ${p.reference}` : `Plazo vencido: ${p.reference}`,
      body: p.deadline
        ? `La solicitud «${p.subject}» superó su plazo de ${w.deadline(p)}${p.dueAt ? ` (${w.due(p)}, hora de ${w.country(p)})` : ''} y fue escalada a la dirección regional. Responsable: ${p.assignee ?? 'sin asignar'}.`
        : `La solicitud «${p.subject}» superó su plazo de atención. Responsable: ${p.assignee ?? 'sin asignar'}.`,
    }),
    'request.sla_warning': (p, w) => ({
      title: `Plazo por vencer: ${p.reference}`,
      body: `Se usó el 75 % del plazo de ${w.deadline(p)} de la solicitud «${p.subject}».${p.dueAt ? ` Vence el ${w.due(p)} (hora de ${w.country(p)}).` : ''}`,
    }),
    'request.escalated': (p) => ({
      title: `${p.reference} fue escalada a usted`,
      body: `${p.author} escaló la solicitud «${p.subject}».\n\nMotivo: ${p.reason}`,
    }),
    'request.received': (p, w) => ({
      title: `Recibimos su solicitud ${p.reference}: ${p.subject}`,
      body: `Su solicitud «${p.subject}» quedó registrada con la referencia ${p.reference}.\n\nLa atiende: ${p.assignee ?? `el equipo de ${w.country(p)}`}.${p.dueAt ? `\nPrimera respuesta: a más tardar el ${w.due(p)} (hora de ${w.country(p)}).` : ''}`,
    }),
    'account.invitation': (p) => ({
      title: 'Invitación al Portal de servicios',
      body: `Hola ${p.name}: ${p.inviter} le invitó al Portal de servicios${p.organization ? ` de ${p.organization}` : ''}. Elija su contraseña con el enlace de abajo; vale 7 días y se usa una sola vez.`,
    }),
    'account.password-reset': (p) => ({
      title: 'Restablecer su contraseña',
      body: `Hola ${p.name}: alguien pidió restablecer la contraseña de su cuenta. El enlace de abajo vale 30 minutos y se usa una sola vez. Si no fue usted, ignore este mensaje.`,
    }),
  },
  en: {
    ...SATISFACTION_TEMPLATES.en,
    ...TRUST_TEMPLATES.en,
    'request.assigned': (p) => ({
      title: `${p.reference} was assigned to you: ${p.subject}`,
      body: `${p.organization} filed a request that is now in your hands.`,
    }),
    'request.reply': (p) => ({
      title: `New reply on ${p.reference}`,
      body: `${p.author} replied to “${p.subject}”:\n\n${p.excerpt}`,
    }),
    'request.status_changed': (p, { status: s }) => ({
      title: `${p.reference} is now ${s(p.to)}`,
      body: `Your request “${p.subject}” went from ${s(p.from)} to ${s(p.to)}.${p.reason ? `\n\nReason: ${p.reason}` : ''}`,
    }),
    'request.resolved': (p) => ({
      title: `${p.reference} was resolved: please confirm and rate`,
      body: `Your request “${p.subject}” was marked as resolved. Please confirm the resolution and rate the service from 1 to 5. If the problem remains, you can reopen it within 14 days.`,
    }),
    'request.breached': (p, w) => ({
      title: p.deadline
        ? `${p.deadline === 'resolution' ? 'Resolution' : 'First-response'} deadline missed: ${p.reference}`
        : `Deadline missed: ${p.reference}`,
      body: p.deadline
        ? `The request “${p.subject}” missed its ${w.deadline(p)} deadline${p.dueAt ? ` (${w.due(p)}, ${w.country(p)} time)` : ''} and was escalated to the regional director. Assigned to: ${p.assignee ?? 'nobody'}.`
        : `The request “${p.subject}” is past its service deadline. Assigned to: ${p.assignee ?? 'nobody'}.`,
    }),
    'request.sla_warning': (p, w) => ({
      title: `Deadline approaching: ${p.reference}`,
      body: `75 % of the ${w.deadline(p)} time of the request “${p.subject}” is used.${p.dueAt ? ` It is due ${w.due(p)} (${w.country(p)} time).` : ''}`,
    }),
    'request.escalated': (p) => ({
      title: `${p.reference} was escalated to you`,
      body: `${p.author} escalated the request “${p.subject}”.\n\nReason: ${p.reason}`,
    }),
    'request.received': (p, w) => ({
      title: `We received your request ${p.reference}: ${p.subject}`,
      body: `Your request “${p.subject}” was filed with the reference ${p.reference}.\n\nHandled by: ${p.assignee ?? `the team of ${w.country(p)}`}.${p.dueAt ? `\nFirst answer: by ${w.due(p)} (${w.country(p)} time).` : ''}`,
    }),
    'account.invitation': (p) => ({
      title: 'Invitation to the Service portal',
      body: `Hello ${p.name}: ${p.inviter} invited you to the Service portal${p.organization ? ` for ${p.organization}` : ''}. Choose your password with the link below; it is valid for 7 days and works once.`,
    }),
    'account.password-reset': (p) => ({
      title: 'Reset your password',
      body: `Hello ${p.name}: someone asked to reset the password of your account. The link below is valid for 30 minutes and works once. If it was not you, ignore this message.`,
    }),
  },
  pt: {
    ...SATISFACTION_TEMPLATES.pt,
    ...TRUST_TEMPLATES.pt,
    'request.assigned': (p) => ({
      title: `${p.reference} foi atribuída a você: ${p.subject}`,
      body: `${p.organization} enviou uma solicitação que agora está sob sua responsabilidade.`,
    }),
    'request.reply': (p) => ({
      title: `Nova resposta em ${p.reference}`,
      body: `${p.author} respondeu a “${p.subject}”:\n\n${p.excerpt}`,
    }),
    'request.status_changed': (p, { status: s }) => ({
      title: `${p.reference} agora está ${s(p.to)}`,
      body: `Sua solicitação “${p.subject}” passou de ${s(p.from)} para ${s(p.to)}.${p.reason ? `\n\nMotivo: ${p.reason}` : ''}`,
    }),
    'request.resolved': (p) => ({
      title: `${p.reference} foi resolvida: confirme e avalie`,
      body: `Sua solicitação “${p.subject}” foi marcada como resolvida. Confirme a resolução e avalie o atendimento de 1 a 5. Se o problema continuar, você pode reabri-la em até 14 dias.`,
    }),
    'request.breached': (p, w) => ({
      title: p.deadline ? `Prazo de ${w.deadline(p)} vencido: ${p.reference}` : `Prazo vencido: ${p.reference}`,
      body: p.deadline
        ? `A solicitação “${p.subject}” passou do prazo de ${w.deadline(p)}${p.dueAt ? ` (${w.due(p)}, horário de ${w.country(p)})` : ''} e foi escalada para a diretoria regional. Responsável: ${p.assignee ?? 'ninguém'}.`
        : `A solicitação “${p.subject}” passou do prazo de atendimento. Responsável: ${p.assignee ?? 'ninguém'}.`,
    }),
    'request.sla_warning': (p, w) => ({
      title: `Prazo perto do fim: ${p.reference}`,
      body: `Já foram usados 75 % do prazo de ${w.deadline(p)} da solicitação “${p.subject}”.${p.dueAt ? ` Vence em ${w.due(p)} (horário de ${w.country(p)}).` : ''}`,
    }),
    'request.escalated': (p) => ({
      title: `${p.reference} foi escalada para você`,
      body: `${p.author} escalou a solicitação “${p.subject}”.\n\nMotivo: ${p.reason}`,
    }),
    'request.received': (p, w) => ({
      title: `Recebemos sua solicitação ${p.reference}: ${p.subject}`,
      body: `Sua solicitação “${p.subject}” foi registrada com a referência ${p.reference}.\n\nQuem atende: ${p.assignee ?? `a equipe de ${w.country(p)}`}.${p.dueAt ? `\nPrimeira resposta: até ${w.due(p)} (horário de ${w.country(p)}).` : ''}`,
    }),
    'account.invitation': (p) => ({
      title: 'Convite para o Portal de serviços',
      body: `Olá ${p.name}: ${p.inviter} convidou você para o Portal de serviços${p.organization ? ` de ${p.organization}` : ''}. Escolha sua senha pelo link abaixo; ele vale 7 dias e pode ser usado uma única vez.`,
    }),
    'account.password-reset': (p) => ({
      title: 'Redefinir sua senha',
      body: `Olá ${p.name}: alguém pediu para redefinir a senha da sua conta. O link abaixo vale 30 minutos e pode ser usado uma única vez. Se não foi você, ignore esta mensagem.`,
    }),
  },
  fr: {
    ...SATISFACTION_TEMPLATES.fr,
    ...TRUST_TEMPLATES.fr,
    'request.assigned': (p) => ({
      title: `${p.reference} vous a été attribuée : ${p.subject}`,
      body: `${p.organization} a déposé une demande dont vous êtes maintenant responsable.`,
    }),
    'request.reply': (p) => ({
      title: `Nouvelle réponse sur ${p.reference}`,
      body: `${p.author} a répondu à « ${p.subject} » :\n\n${p.excerpt}`,
    }),
    'request.status_changed': (p, { status: s }) => ({
      title: `${p.reference} est maintenant ${s(p.to)}`,
      body: `Votre demande « ${p.subject} » est passée de ${s(p.from)} à ${s(p.to)}.${p.reason ? `\n\nMotif : ${p.reason}` : ''}`,
    }),
    'request.resolved': (p) => ({
      title: `${p.reference} a été résolue : confirmez et évaluez`,
      body: `Votre demande « ${p.subject} » a été marquée comme résolue. Confirmez la résolution et évaluez le service de 1 à 5. Si le problème persiste, vous pouvez la rouvrir dans les 14 jours.`,
    }),
    'request.breached': (p, w) => ({
      title: p.deadline ? `Délai de ${w.deadline(p)} dépassé : ${p.reference}` : `Délai dépassé : ${p.reference}`,
      body: p.deadline
        ? `La demande « ${p.subject} » a dépassé son délai de ${w.deadline(p)}${p.dueAt ? ` (${w.due(p)}, heure de ${w.country(p)})` : ''} et a été transmise à la direction régionale. Responsable : ${p.assignee ?? 'personne'}.`
        : `La demande « ${p.subject} » a dépassé son délai de traitement. Responsable : ${p.assignee ?? 'personne'}.`,
    }),
    'request.sla_warning': (p, w) => ({
      title: `Délai bientôt atteint : ${p.reference}`,
      body: `75 % du délai de ${w.deadline(p)} de la demande « ${p.subject} » est écoulé.${p.dueAt ? ` Échéance : ${w.due(p)} (heure de ${w.country(p)}).` : ''}`,
    }),
    'request.escalated': (p) => ({
      title: `${p.reference} vous a été transmise`,
      body: `${p.author} a transmis la demande « ${p.subject} ».\n\nMotif : ${p.reason}`,
    }),
    'request.received': (p, w) => ({
      title: `Nous avons reçu votre demande ${p.reference} : ${p.subject}`,
      body: `Votre demande « ${p.subject} » a été enregistrée sous la référence ${p.reference}.\n\nPrise en charge par : ${p.assignee ?? `l’équipe de ${w.country(p)}`}.${p.dueAt ? `\nPremière réponse : au plus tard le ${w.due(p)} (heure de ${w.country(p)}).` : ''}`,
    }),
    'account.invitation': (p) => ({
      title: 'Invitation au Portail de services',
      body: `Bonjour ${p.name} : ${p.inviter} vous a invité(e) au Portail de services${p.organization ? ` pour ${p.organization}` : ''}. Choisissez votre mot de passe avec le lien ci-dessous ; il est valable 7 jours et ne sert qu’une fois.`,
    }),
    'account.password-reset': (p) => ({
      title: 'Réinitialiser votre mot de passe',
      body: `Bonjour ${p.name} : quelqu’un a demandé à réinitialiser le mot de passe de votre compte. Le lien ci-dessous est valable 30 minutes et ne sert qu’une fois. Si ce n’est pas vous, ignorez ce message.`,
    }),
  },
};

export const OPEN_LINK: Record<Language, string> = {
  es: 'Abrir la solicitud',
  en: 'Open the request',
  pt: 'Abrir a solicitação',
  fr: 'Ouvrir la demande',
};
const ACCOUNT_LINK: Record<Language, string> = {
  es: 'Elegir mi contraseña',
  en: 'Choose my password',
  pt: 'Escolher minha senha',
  fr: 'Choisir mon mot de passe',
};
export const FOOTER: Record<Language, string> = {
  es: 'Portal de servicios de la red de organizaciones de Comercio Justo',
  en: 'Service portal of the Fair Trade organizations network',
  pt: 'Portal de serviços da rede de organizações de Comércio Justo',
  fr: 'Portail de services du réseau des organisations du commerce équitable',
};

/** Who an email with a reply address goes to: who filed the request, or who works it (whose answer is public). */
export type ReplyHint = 'filer' | 'worker';

/** Under an email that has a reply address: answering it is answering on the portal (for staff: in public). */
const REPLY_HINT: Record<ReplyHint, Record<Language, string>> = {
  filer: {
    es: 'Puede responder a este correo: su respuesta se añade a la solicitud.',
    en: 'You can reply to this email: your answer is added to the request.',
    pt: 'Você pode responder a este e-mail: sua resposta é adicionada à solicitação.',
    fr: 'Vous pouvez répondre à cet e-mail : votre réponse est ajoutée à la demande.',
  },
  worker: {
    es: 'Puede responder a este correo: su respuesta se añade a la solicitud como respuesta pública, que el miembro ve.',
    en: 'You can reply to this email: your answer is added to the request as a public reply, which the member sees.',
    pt: 'Você pode responder a este e-mail: sua resposta é adicionada à solicitação como resposta pública, que o membro vê.',
    fr: 'Vous pouvez répondre à cet e-mail : votre réponse est ajoutée à la demande comme réponse publique, que le membre voit.',
  },
};

export function renderNotification(
  kind: NotificationKind,
  language: Language,
  params: NotificationParams,
): { title: string; body: string } {
  return TEMPLATES[language][kind](params, {
    status: (status) => (status ? STATUS_NAMES[language][status] : ''),
    due: (p) => dueInWords(language, p),
    country: (p) =>
      p.country ? (new Intl.DisplayNames([language], { type: 'region' }).of(p.country) ?? p.country) : '',
    deadline: (p) => DEADLINE_NAMES[language][p.deadline ?? 'any'],
  });
}

/** "martes, 8 de diciembre, 17:00": the day and time in the country's time zone, in the recipient's language. */
function dueInWords(language: Language, p: NotificationParams): string {
  if (!p.dueAt) return '';
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: p.timeZone ?? 'UTC',
  }).format(new Date(p.dueAt));
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The email: the same words as the in-app entry, as plain text and as simple HTML. With
 * `scoreLinks` (the five one-tap links, score 1 first), a block of big tap targets above the button.
 */
export function renderEmail(
  kind: NotificationKind,
  language: Language,
  params: NotificationParams,
  link: string,
  scoreLinks: readonly string[] = [],
  replyHint: ReplyHint | null = null,
) {
  const { title, body } = renderNotification(kind, language, params);
  const hint = replyHint ? `${REPLY_HINT[replyHint][language]}\n\n` : '';
  const action = kind.startsWith('account.') ? ACCOUNT_LINK[language] : OPEN_LINK[language];
  const scores = SCORE_LINKS[language];
  const scoreText = scoreLinks.length
    ? `${scores.heading}\n${scoreLinks.map((url, i) => `${scores.scores[i]}: ${url}`).join('\n')}\n\n`
    : '';
  const text = `${body}\n\n${scoreText}${action}: ${link}\n\n${hint}--\n${FOOTER[language]}\n`;
  const paragraphs = body
    .split('\n\n')
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const scoreHtml = scoreLinks.length
    ? `<p style="margin:0 0 8px;font-weight:bold">${escapeHtml(scores.heading)}</p><p style="margin:0 0 16px">${scoreLinks
        .map(
          (url, i) =>
            `<a href="${escapeHtml(url)}" style="display:block;margin:0 0 8px;padding:12px 16px;border:2px solid #1f5c3a;border-radius:6px;color:#1f5c3a;text-decoration:none;font-size:16px">${escapeHtml(scores.scores[i])}</a>`,
        )
        .join('')}</p>`
    : '';
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#1b2b22;max-width:560px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;color:#1f5c3a">${escapeHtml(title)}</h1>${paragraphs}${scoreHtml}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1f5c3a;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${action}</a></p>
${replyHint ? `<p style="margin:0 0 16px">${escapeHtml(REPLY_HINT[replyHint][language])}</p>` : ''}<p style="color:#5b6b62;font-size:12px">${FOOTER[language]}</p></body></html>`;
  return { subject: title, text, html };
}
