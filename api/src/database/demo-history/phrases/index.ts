import type { Language, ThematicArea } from '@portal/shared';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { PT } from './pt';
import type { PhraseBank, Topic } from './types';

export { fill, type PhraseBank, type Slots, type Topic } from './types';

export const PHRASE_BANKS: Readonly<Record<Language, PhraseBank>> = { es: ES, pt: PT, fr: FR, en: EN };

/** The topics of an area that suit an organization of this kind (all of the area's when none is meant for it). */
export function topicsFor(bank: PhraseBank, area: ThematicArea, kind: 'small-producer' | 'workers'): readonly Topic[] {
  const all = bank.topics[area];
  const suited = all.filter((topic) => !topic.kinds || topic.kinds.includes(kind));
  return suited.length > 0 ? suited : all;
}
