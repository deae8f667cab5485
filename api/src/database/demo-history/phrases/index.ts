import type { Language, ThematicArea } from '@portal/shared';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { PT } from './pt';
import type { PhraseBank, Topic } from './types';

export { fill, type PhraseBank, type Slots, type Topic } from './types';

export const PHRASE_BANKS: Readonly<Record<Language, PhraseBank>> = { es: ES, pt: PT, fr: FR, en: EN };

/**
 * The topics of an area that suit an organization of this kind and the weather of the moment
 * (no drought in the rainy season); all of the area's when none does.
 */
export function topicsFor(
  bank: PhraseBank,
  area: ThematicArea,
  kind: 'small-producer' | 'workers',
  weather: 'storm' | 'dry',
): readonly Topic[] {
  const all = bank.topics[area];
  const suited = all.filter(
    (topic) => (!topic.kinds || topic.kinds.includes(kind)) && (!topic.weather || topic.weather === weather),
  );
  return suited.length > 0 ? suited : all;
}
