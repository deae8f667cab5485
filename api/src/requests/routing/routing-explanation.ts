import type { Language, Role, RoutingReasonCode, RoutingTier, RoutingView } from '@portal/shared';
import reference from '../../../../shared/data/reference.json';
import type { RoutingFacts } from './routing-engine';

/** What a request keeps of its routing, and who has it now. */
export interface StoredRouting {
  tier: RoutingTier | null;
  coverage: { country: string | null; region: string | null; area: string | null } | null;
  facts: RoutingFacts | null;
  /** The English sentence every request has; staff read it where no facts were stored (older requests). */
  sentence: string;
  request: { country: string; region: string; area: string };
  assignee: { id: string; name: string; role: Role } | null;
}

const TIER_CODES: Record<RoutingTier, Exclude<RoutingReasonCode, 'triage' | 'reassigned'>> = {
  1: 'country-area',
  2: 'country',
  3: 'region-area',
  4: 'region',
  5: 'area',
};

/**
 * Names in the reader's language, made once per language (namers): an Intl.DisplayNames costs
 * ~65 µs to construct and ~1 µs to ask, and an inbox page explains 25 requests' routing.
 */
function namer(language: Language): ReturnType<typeof makeNamer> {
  let names = namers.get(language);
  if (!names) namers.set(language, (names = makeNamer(language)));
  return names;
}

/** Names in the reader's language: areas and regions from the shipped reference data, countries from Intl. */
function makeNamer(language: Language) {
  const pick = (names: Record<string, string | undefined>) => names[language] ?? names.es ?? names.en ?? '';
  const countries = new Intl.DisplayNames([language], { type: 'region' });
  return {
    area: (code: string) => pick(reference.thematicAreas.find((a) => a.code === code)?.name ?? {}) || code,
    /** An area's name inside a member's sentence: lower-cased first letter, except in French, which quotes it. */
    areaInSentence: (name: string) => (language === 'fr' ? name : name.charAt(0).toLowerCase() + name.slice(1)),
    region: (code: string) => pick(reference.regions.find((r) => r.code === code)?.name ?? {}) || code,
    country: (code: string) => countries.of(code) ?? code,
    /** "en Perú", "no Brasil", "au Pérou", "in Peru": Portuguese and French take the country's article. */
    inCountry: (code: string) => `${IN_COUNTRY[language](code)} ${countries.of(code) ?? code}`,
    /** An absence's last day: it is stored as the exclusive midnight after it. */
    lastDay: (until: string) =>
      new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.parse(until) - 1),
      ),
  };
}

const namers = new Map<Language, ReturnType<typeof makeNamer>>();

/** The preposition (with its article) before a country of the network, per language. */
const IN_COUNTRY: Record<Language, (code: string) => string> = {
  es: () => 'en',
  en: () => 'in',
  pt: (code) =>
    ['MX', 'PA', 'HT', 'EC', 'PE', 'BR', 'PY', 'CL', 'UY'].includes(code)
      ? 'no'
      : ['NI', 'CR', 'DO', 'JM', 'DM', 'CO', 'BO', 'VE', 'AR', 'GT'].includes(code)
        ? 'na'
        : 'em',
  fr: (code) =>
    ['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'VE', 'BR', 'PY', 'CL', 'PE'].includes(code)
      ? 'au'
      : ['CU', 'LC', 'VC'].includes(code)
        ? 'à'
        : code === 'GD'
          ? 'à la'
          : 'en',
};

const ROLE_NAMES: Record<Language, Record<Role, string>> = {
  es: {
    member: 'integrante',
    representative: 'representante de país',
    specialist: 'especialista temático/a',
    director: 'director/a regional',
    executive: 'dirección ejecutiva',
    admin: 'administración del portal',
  },
  pt: {
    member: 'integrante',
    representative: 'representante do país',
    specialist: 'especialista temático/a',
    director: 'diretor/a regional',
    executive: 'direção executiva',
    admin: 'administração do portal',
  },
  fr: {
    member: 'membre',
    representative: 'représentant·e pays',
    specialist: 'spécialiste thématique',
    director: 'directeur·rice régional·e',
    executive: 'direction exécutive',
    admin: 'administration du portail',
  },
  en: {
    member: 'organization member',
    representative: 'country representative',
    specialist: 'thematic specialist',
    director: 'regional director',
    executive: 'executive director',
    admin: 'portal administrator',
  },
};

interface Phrases {
  /** Where and what the person covers, for a member: "the climate area in Peru". */
  /** `inPlace` is the country with its preposition ("no Brasil"); `place` a region's name. */
  covers: (
    code: Exclude<RoutingReasonCode, 'triage' | 'reassigned'>,
    n: { area: string; place: string; inPlace: string },
  ) => string;
  chosen: (person: string, covers: string) => string;
  /** For a member: the person who covers it is away and who stands in. */
  away: (absent: string, covers: string, until: string, who: string) => string;
  /** For staff: "Lucía Mamani, away until 10 December". */
  awayUntil: (absent: string, until: string) => string;
  /** `inCountry` with its preposition: "en Perú", "no Brasil". */
  triage: (area: string, inCountry: string) => string;
  staffTriage: (area: string, inCountry: string) => string;
  reassigned: (person: string) => string;
  /** The staff line's load: "3 open". */
  open: (count: number) => string;
  anyArea: string;
  anywhere: string;
}

const PHRASES: Record<Language, Phrases> = {
  es: {
    covers: (code, n) =>
      ({
        'country-area': `${n.area} ${n.inPlace}`,
        country: `todas las áreas ${n.inPlace}`,
        'region-area': `${n.area} en la región ${n.place}`,
        region: `todas las áreas en la región ${n.place}`,
        area: `${n.area} en toda la red`,
      })[code],
    chosen: (person, covers) => `${person} atiende ${covers}; por eso tiene su solicitud.`,
    away: (absent, covers, until, who) =>
      `${absent} atiende ${covers} y está ausente hasta el ${until}: ${who} la reemplaza y tiene su solicitud.`,
    awayUntil: (absent, until) => `${absent}, ausente hasta el ${until}`,
    triage: (area, country) =>
      `Por ahora nadie atiende ${area} ${country}: el equipo del portal asignará su solicitud a la persona adecuada.`,
    staffTriage: (area, country) => `Nadie disponible atiende ${area} ${country}: espera en la cola de triaje`,
    reassigned: (person) => `El equipo pasó su solicitud a ${person}, la persona mejor ubicada para responderle.`,
    open: (count) => `${count} ${count === 1 ? 'abierta' : 'abiertas'}`,
    anyArea: 'todas las áreas',
    anywhere: 'toda la red',
  },
  pt: {
    covers: (code, n) =>
      ({
        'country-area': `${n.area} ${n.inPlace}`,
        country: `todas as áreas ${n.inPlace}`,
        'region-area': `${n.area} na região ${n.place}`,
        region: `todas as áreas na região ${n.place}`,
        area: `${n.area} em toda a rede`,
      })[code],
    chosen: (person, covers) => `${person} atende ${covers}; por isso está com a sua solicitação.`,
    away: (absent, covers, until, who) =>
      `${absent} atende ${covers} e está ausente até ${until}: ${who} faz a substituição e está com a sua solicitação.`,
    awayUntil: (absent, until) => `${absent}, ausente até ${until}`,
    triage: (area, country) =>
      `No momento ninguém atende ${area} ${country}: a equipe do portal vai atribuir a sua solicitação à pessoa certa.`,
    staffTriage: (area, country) => `Ninguém disponível atende ${area} ${country}: aguarda na fila de triagem`,
    reassigned: (person) => `A equipe passou a sua solicitação para ${person}, a pessoa mais indicada para responder.`,
    open: (count) => `${count} ${count === 1 ? 'aberta' : 'abertas'}`,
    anyArea: 'todas as áreas',
    anywhere: 'toda a rede',
  },
  fr: {
    covers: (code, n) =>
      ({
        'country-area': `le domaine « ${n.area} » ${n.inPlace}`,
        country: `tous les domaines ${n.inPlace}`,
        'region-area': `le domaine « ${n.area} » dans la région ${n.place}`,
        region: `tous les domaines dans la région ${n.place}`,
        area: `le domaine « ${n.area} » pour tout le réseau`,
      })[code],
    chosen: (person, covers) => `${person} suit ${covers} : c’est pourquoi votre demande lui a été confiée.`,
    away: (absent, covers, until, who) =>
      `${absent} suit ${covers} et est absent·e jusqu’au ${until} : ${who} assure le remplacement et a votre demande.`,
    awayUntil: (absent, until) => `${absent}, absent·e jusqu’au ${until}`,
    triage: (area, country) =>
      `Personne ne suit pour l’instant « ${area} » ${country} : l’équipe du portail confiera votre demande à la bonne personne.`,
    staffTriage: (area, country) => `Personne de disponible ne suit « ${area} » ${country} : en attente de tri`,
    reassigned: (person) => `L’équipe a confié votre demande à ${person}, la mieux placée pour vous répondre.`,
    open: (count) => `${count} ${count < 2 ? 'ouverte' : 'ouvertes'}`,
    anyArea: 'tous les domaines',
    anywhere: 'tout le réseau',
  },
  en: {
    covers: (code, n) =>
      ({
        'country-area': `${n.area} ${n.inPlace}`,
        country: `every area ${n.inPlace}`,
        'region-area': `${n.area} in the ${n.place} region`,
        region: `every area in the ${n.place} region`,
        area: `${n.area} across the network`,
      })[code],
    chosen: (person, covers) => `${person} looks after ${covers}, which is why they have your request.`,
    away: (absent, covers, until, who) =>
      `${absent} looks after ${covers} and is away until ${until}, so ${who} stands in and has your request.`,
    awayUntil: (absent, until) => `${absent}, away until ${until}`,
    triage: (area, country) =>
      `Nobody looks after ${area} ${country} yet: the portal team will give your request to the right person.`,
    staffTriage: (area, country) => `Nobody available covers ${area} ${country}: waiting in the triage queue`,
    reassigned: (person) => `The team passed your request to ${person}, the person best placed to answer it.`,
    open: (count) => `${count} open`,
    anyArea: 'every area',
    anywhere: 'the whole network',
  },
};

/**
 * Routing's decision for one reader, in their language, from the stored fields (issue 18).
 * Members read who has their request and why in a sentence; staff read the compact line
 * "Peru · every area → Rosa Quispe (3 open)", the only place a colleague's workload appears.
 */
export function explainRouting(stored: StoredRouting, language: Language, readerIsStaff: boolean): RoutingView {
  const names = namer(language);
  const phrases = PHRASES[language];
  const { tier, coverage, facts, request, assignee } = stored;
  // The person routing chose: from the facts, or (older requests) the assignee it recorded.
  const routed = facts?.person ?? (tier !== null ? assignee : null);
  const view = (reasonCode: RoutingReasonCode, reason: string): RoutingView => ({
    tier,
    coverage,
    assignee: routed ? { id: routed.id, name: routed.name, role: routed.role } : null,
    reasonCode,
    reason,
  });

  if (tier === null || !coverage || !routed) {
    const area = names.area(request.area);
    const country = names.inCountry(request.country);
    const reasonCode = assignee ? 'reassigned' : 'triage';
    if (readerIsStaff) return view(reasonCode, phrases.staffTriage(area, country));
    return view(
      reasonCode,
      assignee ? phrases.reassigned(assignee.name) : phrases.triage(names.areaInSentence(area), country),
    );
  }

  const code = TIER_CODES[tier];
  const place = coverage.country
    ? names.country(coverage.country)
    : coverage.region
      ? names.region(coverage.region)
      : phrases.anywhere;
  const area = coverage.area ? names.area(coverage.area) : phrases.anyArea;
  // Someone moved the case since (or took it back to triage): the timeline tells who and why.
  const moved = assignee?.id !== routed.id;

  if (readerIsStaff) {
    if (!facts) return view(moved ? 'reassigned' : code, stored.sentence);
    const away = facts.away ? `${phrases.awayUntil(facts.away.name, names.lastDay(facts.away.until))} → ` : '';
    return view(
      moved ? 'reassigned' : code,
      `${place} · ${area} → ${away}${routed.name} (${phrases.open(facts.open)})`,
    );
  }

  if (!assignee)
    return view(
      'triage',
      phrases.triage(names.areaInSentence(names.area(request.area)), names.inCountry(request.country)),
    );
  if (moved) return view('reassigned', phrases.reassigned(assignee.name));
  const who = `${routed.name} (${ROLE_NAMES[language][routed.role]})`;
  const inPlace = coverage.country ? names.inCountry(coverage.country) : place;
  const covers = phrases.covers(code, { area: names.areaInSentence(area), place, inPlace });
  if (facts?.away) return view(code, phrases.away(facts.away.name, covers, names.lastDay(facts.away.until), who));
  return view(code, phrases.chosen(who, covers));
}
