import { LANGUAGES } from '@portal/shared';
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
