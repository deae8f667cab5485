import type { Language } from '@portal/shared';

/**
 * What these templates read of a notification's params (templates.ts: NotificationParams,
 * which has these fields; not imported from there, which imports this file).
 */
interface SatisfactionParams {
  reference?: string;
  subject?: string;
  organization?: string;
  assignee?: string;
  score?: number;
}

type Template = (p: SatisfactionParams) => { title: string; body: string };

/** The notifications of satisfaction in one tap (api/src/satisfaction). */
export type SatisfactionNotificationKind = 'request.low-score' | 'request.rating-reminder';

export const SATISFACTION_TEMPLATES: Record<Language, Record<SatisfactionNotificationKind, Template>> = {
  es: {
    'request.low-score': (p) => ({
      title: `Calificación baja (${p.score} de 5): ${p.reference}`,
      body: `${p.organization} calificó con ${p.score} de 5 el servicio de la solicitud «${p.subject}». Responsable: ${p.assignee ?? 'sin asignar'}.`,
    }),
    'request.rating-reminder': (p) => ({
      title: `¿Cómo le fue con ${p.reference}? Califique con un toque`,
      body: `Su solicitud «${p.subject}» fue resuelta hace unos días. ¿Qué tan satisfecho está con el servicio? Toque una calificación abajo; no hace falta iniciar sesión.`,
    }),
  },
  en: {
    'request.low-score': (p) => ({
      title: `Low rating (${p.score} of 5): ${p.reference}`,
      body: `${p.organization} rated the service on the request “${p.subject}” ${p.score} of 5. Assigned to: ${p.assignee ?? 'nobody'}.`,
    }),
    'request.rating-reminder': (p) => ({
      title: `How did it go with ${p.reference}? Rate it in one tap`,
      body: `Your request “${p.subject}” was resolved a few days ago. How satisfied are you with the service? Tap a score below; no need to sign in.`,
    }),
  },
  pt: {
    'request.low-score': (p) => ({
      title: `Avaliação baixa (${p.score} de 5): ${p.reference}`,
      body: `${p.organization} avaliou com ${p.score} de 5 o atendimento da solicitação “${p.subject}”. Responsável: ${p.assignee ?? 'ninguém'}.`,
    }),
    'request.rating-reminder': (p) => ({
      title: `Como foi com ${p.reference}? Avalie com um toque`,
      body: `Sua solicitação “${p.subject}” foi resolvida há alguns dias. Qual é a sua satisfação com o atendimento? Toque em uma nota abaixo; não é preciso entrar no portal.`,
    }),
  },
  fr: {
    'request.low-score': (p) => ({
      title: `Note basse (${p.score} sur 5) : ${p.reference}`,
      body: `${p.organization} a noté ${p.score} sur 5 le service de la demande « ${p.subject} ». Responsable : ${p.assignee ?? 'personne'}.`,
    }),
    'request.rating-reminder': (p) => ({
      title: `Comment cela s’est-il passé avec ${p.reference} ? Notez d’un geste`,
      body: `Votre demande « ${p.subject} » a été résolue il y a quelques jours. Êtes-vous satisfait du service ? Touchez une note ci-dessous ; inutile de vous connecter.`,
    }),
  },
};

/** The one-tap block of the resolution email and the reminder: a heading and a label per score. */
export const SCORE_LINKS: Record<
  Language,
  { heading: string; scores: readonly [string, string, string, string, string] }
> = {
  es: {
    heading: 'Califique con un toque (sin iniciar sesión):',
    scores: [
      '1 muy insatisfecho',
      '2 insatisfecho',
      '3 ni satisfecho ni insatisfecho',
      '4 satisfecho',
      '5 muy satisfecho',
    ],
  },
  en: {
    heading: 'Rate in one tap (no need to sign in):',
    scores: [
      '1 very dissatisfied',
      '2 dissatisfied',
      '3 neither satisfied nor dissatisfied',
      '4 satisfied',
      '5 very satisfied',
    ],
  },
  pt: {
    heading: 'Avalie com um toque (sem entrar no portal):',
    scores: [
      '1 muito insatisfeito',
      '2 insatisfeito',
      '3 nem satisfeito nem insatisfeito',
      '4 satisfeito',
      '5 muito satisfeito',
    ],
  },
  fr: {
    heading: 'Notez d’un geste (sans vous connecter) :',
    scores: ['1 très insatisfait', '2 insatisfait', '3 ni satisfait ni insatisfait', '4 satisfait', '5 très satisfait'],
  },
};

/** The kinds whose email to the member carries the five score links. */
export const SCORE_LINK_KINDS: readonly string[] = ['request.resolved', 'request.rating-reminder'];
