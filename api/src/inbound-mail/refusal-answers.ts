import { type InboundMailRefusal, type Language, LANGUAGES } from '@portal/shared';
import { escapeHtml, FOOTER } from '../notifications/templates';

/**
 * The one answer an unknown sender gets (at most once a day): in the four languages of the
 * network, since nothing says which one the person reads.
 */
const TEXT = {
  es: 'Recibimos su correo, pero esta dirección no corresponde a ninguna persona registrada en el portal de servicios, por lo que no fue registrado. Si su organización es miembro de la red, pida a su contacto en el portal que le invite, o escriba desde la dirección con la que ingresa al portal.',
  en: 'We received your email, but this address does not belong to anyone registered in the service portal, so it was not filed. If your organization is a member of the network, ask its contact in the portal to invite you, or write from the address you sign in to the portal with.',
  pt: 'Recebemos seu e-mail, mas este endereço não pertence a nenhuma pessoa cadastrada no portal de serviços, por isso ele não foi registrado. Se a sua organização é membro da rede, peça ao contato dela no portal que convide você, ou escreva do endereço com que você entra no portal.',
  fr: "Nous avons bien reçu votre e-mail, mais cette adresse n'appartient à aucune personne inscrite sur le portail de services ; il n'a donc pas été enregistré. Si votre organisation est membre du réseau, demandez à son contact sur le portail de vous inviter, ou écrivez depuis l'adresse avec laquelle vous vous connectez au portail.",
} as const;

const SUBJECT = 'Portal de servicios · Service portal · Portal de serviços · Portail de services';

export function unknownSenderAnswer(): { subject: string; text: string; html: string } {
  const text = LANGUAGES.map((language) => `${TEXT[language]}\n${FOOTER[language]}`).join('\n\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1b2b22;max-width:560px;margin:0 auto;padding:16px">${LANGUAGES.map(
    (language) =>
      `<div lang="${language}"><p style="margin:0 0 8px">${escapeHtml(TEXT[language])}</p><p style="color:#5b6b62;font-size:12px;margin:0 0 24px">${escapeHtml(FOOTER[language])}</p></div>`,
  ).join('')}</body></html>`;
  return { subject: SUBJECT, text, html };
}

/** Why a known person's mail was not added, in a sentence of its own (the refusals a person can act on). */
export const REFUSAL_REASONS = {
  'request-closed': {
    es: 'la solicitud está cerrada o retirada. Si necesita algo más, reábrala en el portal o escriba un correo nuevo (sin responder) para abrir otra.',
    en: 'the request is closed or withdrawn. If you need more, reopen it in the portal, or write a new email (not a reply) to file another.',
    pt: 'a solicitação está encerrada ou retirada. Se precisar de algo mais, reabra-a no portal ou escreva um e-mail novo (sem responder) para abrir outra.',
    fr: "la demande est clôturée ou retirée. S'il vous faut autre chose, rouvrez-la sur le portail ou écrivez un nouvel e-mail (pas une réponse) pour en créer une autre.",
  },
  'not-allowed': {
    es: 'su cuenta no puede escribir en esa solicitud.',
    en: 'your account may not write on that request.',
    pt: 'sua conta não pode escrever nessa solicitação.',
    fr: 'votre compte ne peut pas écrire sur cette demande.',
  },
  empty: {
    es: 'el correo no tenía texto ni archivos.',
    en: 'the email had no text and no files.',
    pt: 'o e-mail não tinha texto nem arquivos.',
    fr: "l'e-mail ne contenait ni texte ni fichier.",
  },
  'staff-new-mail': {
    es: 'el personal responde a las solicitudes, pero no las crea por correo.',
    en: 'staff answer requests, but do not file them by email.',
    pt: 'a equipe responde às solicitações, mas não as cria por e-mail.',
    fr: 'le personnel répond aux demandes, mais ne les crée pas par e-mail.',
  },
  'inactive-organization': {
    es: 'su organización no está activa en el portal.',
    en: 'your organization is not active in the portal.',
    pt: 'sua organização não está ativa no portal.',
    fr: "votre organisation n'est pas active sur le portail.",
  },
} as const satisfies Partial<Record<InboundMailRefusal, Record<Language, string>>>;

const NOT_ADDED: Record<Language, { subject: string; lead: (subject: string) => string; open: string }> = {
  es: {
    subject: 'Su correo no se añadió al portal',
    lead: (subject) => `Su correo «${subject}» no se añadió al portal de servicios:`,
    open: 'Abrir el portal',
  },
  en: {
    subject: 'Your email was not added to the portal',
    lead: (subject) => `Your email “${subject}” was not added to the service portal:`,
    open: 'Open the portal',
  },
  pt: {
    subject: 'Seu e-mail não foi adicionado ao portal',
    lead: (subject) => `Seu e-mail “${subject}” não foi adicionado ao portal de serviços:`,
    open: 'Abrir o portal',
  },
  fr: {
    subject: "Votre e-mail n'a pas été ajouté au portail",
    lead: (subject) => `Votre e-mail « ${subject} » n'a pas été ajouté au portail de services :`,
    open: 'Ouvrir le portail',
  },
};

/** The answer to a known person whose mail the portal's rules refused: why, in its language, and the way to the portal. */
export function refusedMailAnswer(
  language: Language,
  refusal: keyof typeof REFUSAL_REASONS,
  subject: string,
  portalUrl: string,
): { subject: string; text: string; html: string } {
  const words = NOT_ADDED[language];
  const lead = words.lead(subject.slice(0, 120));
  const reason = REFUSAL_REASONS[refusal][language];
  const text = `${lead} ${reason}\n\n${words.open}: ${portalUrl}\n\n${FOOTER[language]}\n`;
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#1b2b22;max-width:560px;margin:0 auto;padding:16px"><p>${escapeHtml(lead)} ${escapeHtml(reason)}</p><p><a href="${escapeHtml(portalUrl)}">${escapeHtml(words.open)}</a></p><p style="color:#5b6b62;font-size:12px">${escapeHtml(FOOTER[language])}</p></body></html>`;
  return { subject: words.subject, text, html };
}
