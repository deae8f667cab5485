import type { Language } from '@portal/shared';

/** What these templates read of a notification's params (a subset of templates.ts's NotificationParams). */
interface TrustParams {
  name?: string;
  url?: string;
  failures?: number;
}

type Template = (p: TrustParams) => { title: string; body: string };

/** Account emails of two-factor sign-in and webhooks (api/src/two-factor, api/src/webhooks). */
export type TrustNotificationKind = 'account.two-factor-reset' | 'account.webhook-disabled';

export const TRUST_TEMPLATES: Record<Language, Record<TrustNotificationKind, Template>> = {
  es: {
    'account.two-factor-reset': (p) => ({
      title: 'Se desactivó la verificación en dos pasos de su cuenta',
      body: `Hola ${p.name}: un administrador desactivó la verificación en dos pasos de su cuenta (por ejemplo, porque perdió su teléfono). Ahora inicia sesión solo con su contraseña; vuelva a activarla en su perfil. Si usted no lo pidió, avise al equipo del portal.`,
    }),
    'account.webhook-disabled': (p) => ({
      title: 'Se desactivó un webhook que fallaba',
      body: `El webhook ${p.url} falló ${p.failures} veces seguidas y se desactivó: no se le envían más eventos. Revise el receptor y vuelva a activarlo en Administración → Webhooks; los eventos pendientes se enviarán entonces.`,
    }),
  },
  en: {
    'account.two-factor-reset': (p) => ({
      title: 'Two-factor sign-in was turned off for your account',
      body: `Hello ${p.name}: an administrator turned off two-factor sign-in for your account (for instance because you lost your phone). You now sign in with your password only; turn it on again in your profile. If you did not ask for this, tell the portal team.`,
    }),
    'account.webhook-disabled': (p) => ({
      title: 'A failing webhook was disabled',
      body: `The webhook ${p.url} failed ${p.failures} times in a row and was disabled: no more events are sent to it. Check the receiver and enable it again in Administration → Webhooks; the pending events are then sent.`,
    }),
  },
  pt: {
    'account.two-factor-reset': (p) => ({
      title: 'A verificação em duas etapas da sua conta foi desativada',
      body: `Olá ${p.name}: um administrador desativou a verificação em duas etapas da sua conta (por exemplo, porque você perdeu o celular). Agora você entra só com a senha; ative-a de novo no seu perfil. Se não foi você que pediu, avise a equipe do portal.`,
    }),
    'account.webhook-disabled': (p) => ({
      title: 'Um webhook com falhas foi desativado',
      body: `O webhook ${p.url} falhou ${p.failures} vezes seguidas e foi desativado: nenhum evento é mais enviado a ele. Verifique o receptor e ative-o de novo em Administração → Webhooks; os eventos pendentes serão enviados então.`,
    }),
  },
  fr: {
    'account.two-factor-reset': (p) => ({
      title: 'La validation en deux étapes de votre compte a été désactivée',
      body: `Bonjour ${p.name} : un administrateur a désactivé la validation en deux étapes de votre compte (par exemple parce que vous avez perdu votre téléphone). Vous vous connectez désormais avec votre seul mot de passe ; réactivez-la dans votre profil. Si vous ne l’avez pas demandé, prévenez l’équipe du portail.`,
    }),
    'account.webhook-disabled': (p) => ({
      title: 'Un webhook en échec a été désactivé',
      body: `Le webhook ${p.url} a échoué ${p.failures} fois de suite et a été désactivé : plus aucun événement ne lui est envoyé. Vérifiez le récepteur et réactivez-le dans Administration → Webhooks ; les événements en attente seront alors envoyés.`,
    }),
  },
};
