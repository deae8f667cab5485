/**
 * The demo organizations' year: when each harvests, when its certification audit comes and
 * when the weather hits (months 1–12), and each demo country's public holidays (which the
 * SLA clock skips). Requests swell in those seasons, and their areas follow: standards in
 * audit season, markets and production at harvest, climate in the storm or dry season.
 */
export interface Seasons {
  /** Requests a month in an ordinary month. */
  perMonth: number;
  harvest: readonly number[];
  audit: readonly number[];
  climate: readonly number[];
  /** What the climate season brings: storms and heavy rain, or drought (the rest of the year, the other). */
  climateKind?: 'storm' | 'dry';
  /** Places the members write from (sectors, communities, the packing station…). */
  places: readonly string[];
}

export const SEASONS: Readonly<Record<string, Seasons>> = {
  'valle-alto': {
    perMonth: 30,
    harvest: [4, 5, 6, 7, 8, 9],
    audit: [7, 8, 9],
    climate: [12, 1, 2, 3],
    places: ['Huabal', 'Chirinos', 'San Ignacio', 'La Coipa', 'Tabaconas'],
  },
  'quinua-andina': {
    perMonth: 14,
    harvest: [4, 5, 6],
    audit: [6, 7],
    climate: [1, 2, 6, 7],
    places: ['Cabana', 'Ilave', 'Juli', 'Acora'],
  },
  'tierra-viva': {
    perMonth: 14,
    harvest: [1, 2, 3, 4, 5],
    audit: [4, 5],
    climate: [12, 1, 2, 3],
    places: ['Sapecho', 'Palos Blancos', 'Alto Beni', 'Covendo'],
  },
  'apicultores-sertao': {
    perMonth: 14,
    harvest: [3, 4, 5, 6, 7],
    audit: [8, 9],
    climate: [9, 10, 11],
    climateKind: 'dry',
    places: ['Picos', 'Simões', 'Itainópolis', 'Jaicós'],
  },
  'kafe-mon-no': {
    perMonth: 10,
    harvest: [9, 10, 11, 12, 1],
    audit: [1, 2],
    climate: [8, 9, 10],
    places: ['Thiotte', 'Belle-Anse', 'Marigot', 'Baptiste'],
  },
  'los-altos': {
    perMonth: 16,
    harvest: [11, 12, 1, 2, 3],
    audit: [2, 3, 4],
    climate: [6, 7, 8, 9, 10],
    places: ['Huehuetenango', 'La Libertad', 'Cuilco', 'San Pedro Necta'],
  },
  'montana-verde': {
    perMonth: 12,
    harvest: [11, 12, 1, 2, 3],
    audit: [3, 4],
    climate: [6, 7, 8, 9, 10],
    places: ['Marcala', 'La Paz', 'Santa Elena', 'Opatoro'],
  },
  'sierra-madre': {
    perMonth: 16,
    harvest: [12, 1, 2, 3, 4],
    audit: [4, 5],
    climate: [7, 8, 9],
    places: ['Motozintla', 'Siltepec', 'El Porvenir', 'Bella Vista'],
  },
  'lucia-bananas': {
    perMonth: 12,
    harvest: [],
    audit: [2, 3],
    climate: [6, 7, 8, 9, 10, 11],
    places: ['Mabouya Valley', 'Roseau Valley', 'Micoud', 'Vieux Fort'],
  },
  'finca-esperanza-workers': {
    perMonth: 10,
    harvest: [1, 2, 4, 5],
    audit: [8, 9],
    climate: [4, 5, 10, 11],
    places: ['Facatativá', 'Madrid', 'El Rosal', 'Funza'],
  },
};

/** An organization not in the table: an ordinary year. */
export const ORDINARY_SEASONS: Seasons = { perMonth: 10, harvest: [], audit: [], climate: [], places: [] };

/** Easter Sunday (Gregorian computus), as [month 1–12, day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return [Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
/** The nth Monday of a month. */
const nthMonday = (year: number, month: number, n: number) => {
  const first = day(year, month, 1);
  return plusDays(first, ((8 - first.getUTCDay()) % 7) + 7 * (n - 1));
};

type Rule = [name: string, date: (year: number, easterSunday: Date) => Date];
const fixed = (name: string, month: number, date: number): Rule => [name, (year) => day(year, month, date)];
const fromEaster = (name: string, days: number): Rule => [name, (_, sunday) => plusDays(sunday, days)];

/** National public holidays of the demo countries (the fixed and the Easter ones; local names). */
const HOLIDAY_RULES: Readonly<Record<string, Rule[]>> = {
  PE: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Jueves Santo', -3),
    fromEaster('Viernes Santo', -2),
    fixed('Día del Trabajo', 5, 1),
    fixed('Batalla de Arica y Día de la Bandera', 6, 7),
    fixed('San Pedro y San Pablo', 6, 29),
    fixed('Fiestas Patrias', 7, 28),
    fixed('Fiestas Patrias', 7, 29),
    fixed('Batalla de Junín', 8, 6),
    fixed('Santa Rosa de Lima', 8, 30),
    fixed('Combate de Angamos', 10, 8),
    fixed('Todos los Santos', 11, 1),
    fixed('Inmaculada Concepción', 12, 8),
    fixed('Batalla de Ayacucho', 12, 9),
    fixed('Navidad', 12, 25),
  ],
  BO: [
    fixed('Año Nuevo', 1, 1),
    fixed('Día del Estado Plurinacional', 1, 22),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    fromEaster('Viernes Santo', -2),
    fixed('Día del Trabajo', 5, 1),
    fromEaster('Corpus Christi', 60),
    fixed('Año Nuevo Andino Amazónico', 6, 21),
    fixed('Día de la Independencia', 8, 6),
    fixed('Todos Santos', 11, 2),
    fixed('Navidad', 12, 25),
  ],
  CO: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Jueves Santo', -3),
    fromEaster('Viernes Santo', -2),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 7, 20),
    fixed('Batalla de Boyacá', 8, 7),
    fixed('Inmaculada Concepción', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  BR: [
    fixed('Confraternização Universal', 1, 1),
    fromEaster('Paixão de Cristo', -2),
    fixed('Tiradentes', 4, 21),
    fixed('Dia do Trabalho', 5, 1),
    fixed('Independência do Brasil', 9, 7),
    fixed('Nossa Senhora Aparecida', 10, 12),
    fixed('Finados', 11, 2),
    fixed('Proclamação da República', 11, 15),
    fixed('Dia da Consciência Negra', 11, 20),
    fixed('Natal', 12, 25),
  ],
  HT: [
    fixed("Fête de l'Indépendance", 1, 1),
    fixed('Jour des Aïeux', 1, 2),
    fromEaster('Lundi gras', -48),
    fromEaster('Mardi gras', -47),
    fromEaster('Vendredi saint', -2),
    fixed('Fête du Travail', 5, 1),
    fixed('Fête du Drapeau', 5, 18),
    fixed('Toussaint', 11, 1),
    fixed('Fête des Morts', 11, 2),
    fixed('Bataille de Vertières', 11, 18),
    fixed('Noël', 12, 25),
  ],
  GT: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Jueves Santo', -3),
    fromEaster('Viernes Santo', -2),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 9, 15),
    fixed('Día de la Revolución', 10, 20),
    fixed('Día de Todos los Santos', 11, 1),
    fixed('Navidad', 12, 25),
  ],
  HN: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Jueves Santo', -3),
    fromEaster('Viernes Santo', -2),
    fixed('Día de las Américas', 4, 14),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 9, 15),
    fixed('Navidad', 12, 25),
  ],
  MX: [
    fixed('Año Nuevo', 1, 1),
    ['Día de la Constitución', (year) => nthMonday(year, 2, 1)],
    ['Natalicio de Benito Juárez', (year) => nthMonday(year, 3, 3)],
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 9, 16),
    ['Día de la Revolución', (year) => nthMonday(year, 11, 3)],
    fixed('Navidad', 12, 25),
  ],
  LC: [
    fixed("New Year's Day", 1, 1),
    fixed('New Year Holiday', 1, 2),
    fixed('Independence Day', 2, 22),
    fromEaster('Good Friday', -2),
    fromEaster('Easter Monday', 1),
    fixed('Labour Day', 5, 1),
    fromEaster('Whit Monday', 50),
    fromEaster('Corpus Christi', 60),
    fixed('Emancipation Day', 8, 1),
    ['Thanksgiving Day', (year) => nthMonday(year, 10, 1)],
    fixed('National Day', 12, 13),
    fixed('Christmas Day', 12, 25),
    fixed('Boxing Day', 12, 26),
  ],
};

export interface DemoHoliday {
  country: string;
  date: string;
  name: string;
}

/** The holidays of the given countries in the given years (the countries without rules have none here). */
export function demoHolidays(countries: readonly string[], fromYear: number, toYear: number): DemoHoliday[] {
  const holidays: DemoHoliday[] = [];
  for (const country of countries) {
    for (let year = fromYear; year <= toYear; year++) {
      const [month, date] = easter(year);
      const sunday = day(year, month, date);
      const seen = new Set<string>();
      for (const [name, rule] of HOLIDAY_RULES[country] ?? []) {
        const when = iso(rule(year, sunday));
        if (seen.has(when)) continue;
        seen.add(when);
        holidays.push({ country, date: when, name });
      }
    }
  }
  return holidays;
}
