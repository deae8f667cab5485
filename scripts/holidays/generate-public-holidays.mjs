// Writes shared/data/public-holidays.json: the national public holidays of the 26 countries of
// shared/data/reference.json for 2026–2028, which admins import per country and year
// (POST /api/v1/holidays/import). Run: node scripts/holidays/generate-public-holidays.mjs
// (`--check`: only say whether the committed file is what the rules give; a unit test runs it).
//
// The rules are the national public holidays (days off for everyone, not regional or bank
// holidays) as the countries' laws stood in 2026, written from these sources' rules (no
// network at generation time): Mexico, Ley Federal del Trabajo art. 74; Guatemala, Código de
// Trabajo art. 127; Belize, Holidays Act (cap. 289); El Salvador, Código de Trabajo art. 190;
// Honduras, Código de Trabajo art. 339 (and the Morazán week's days as the Decreto 78-2015
// fixed them, kept on their own dates here); Nicaragua, Código del Trabajo art. 66; Costa Rica,
// Código de Trabajo art. 148 (Ley 9875: 25 July and 15 September moved to the Monday in
// 2020–2024, kept on their dates from 2025); Panama, Código de Trabajo art. 46; Dominican
// Republic, Ley 139-97 (moved days); Haiti, the Code du travail's public holidays; Cuba, Código
// de Trabajo (Ley 116) art. 95; Jamaica, Holidays (Public General) Act; Dominica, Saint Lucia,
// Saint Vincent and the Grenadines and Grenada, their Public Holidays / Bank Holidays Acts
// (a holiday on a Sunday kept on the Monday after); Colombia, Ley 51 de 1983 ("Ley Emiliani":
// the movable ones on the next Monday); Ecuador, Código del Trabajo art. 65 and Ley Orgánica
// Reformatoria de 2016 (the move of some days is decreed each year: not done here); Peru,
// Decreto Legislativo 713 and later laws; Bolivia, Decreto Supremo 1210 and 2750; Venezuela,
// Ley Orgánica del Trabajo art. 184; Brazil, Lei 662/1949, 6.802/1980 and 14.759/2023 (Consciência
// Negra), with Carnival and Corpus Christi as the federal government's optional days left out;
// Paraguay, Ley 1601/2000 and later laws; Argentina, Ley 27.399 (the "trasladables" moved:
// Tuesday or Wednesday to the Monday before, Thursday or Friday to the Monday after); Chile,
// Ley 19.668 (San Pedro y San Pablo and 12 October moved the same way), Ley 20.299 (31 October)
// and Ley 21.357 (the Pueblos Indígenas day on the winter solstice); Uruguay, Ley 16.805 (the movable ones).
// Days that a government decrees year by year (bridges, extra days) are not included.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const YEARS = [2026, 2027, 2028];

/** Easter Sunday (Gregorian computus) as a UTC date. */
function easter(year) {
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
  return day(year, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}

const day = (year, month, date) => new Date(Date.UTC(year, month - 1, date));
const plusDays = (date, days) => new Date(date.getTime() + days * 86_400_000);
const iso = (date) => date.toISOString().slice(0, 10);
/** The nth (1-based; -1: last) given weekday (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(year, month, weekday, n) {
  if (n === -1) {
    const last = day(year, month + 1, 0);
    return plusDays(last, -((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = day(year, month, 1);
  return plusDays(first, ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
}
/** The Monday on or after a date. */
const nextMonday = (date) => plusDays(date, (8 - date.getUTCDay()) % 7);
/** Argentina's and Chile's rule: Tuesday or Wednesday to the Monday before, Thursday or Friday to the one after. */
function nearestMonday(date) {
  const weekday = date.getUTCDay();
  if (weekday === 2 || weekday === 3) return plusDays(date, 1 - weekday);
  if (weekday === 4 || weekday === 5) return plusDays(date, 8 - weekday);
  return date;
}
/** The Dominican Republic's Ley 139-97: Tuesday or Wednesday to the Monday before, Thursday or Friday to the Monday after; weekends stay. */
const dominicanMove = nearestMonday;
/** The Commonwealth Caribbean rule: a holiday on a Sunday is kept on the Monday after. */
const sundayToMonday = (date) => (date.getUTCDay() === 0 ? plusDays(date, 1) : date);

// A rule: [name, (year, easterSunday) => Date].
const fixed = (name, month, date, move = (d) => d) => [name, (year) => move(day(year, month, date))];
const fromEaster = (name, days) => [name, (_, sunday) => plusDays(sunday, days)];
const nth = (name, month, weekday, n) => [name, (year) => nthWeekday(year, month, weekday, n)];
const HOLY_THURSDAY_ES = fromEaster('Jueves Santo', -3);
const GOOD_FRIDAY_ES = fromEaster('Viernes Santo', -2);
const GOOD_FRIDAY_EN = fromEaster('Good Friday', -2);
const EASTER_MONDAY_EN = fromEaster('Easter Monday', 1);
const WHIT_MONDAY_EN = fromEaster('Whit Monday', 50);

/** English-speaking Caribbean: fixed dates kept on Monday when they fall on a Sunday. */
const caribbean = (name, month, date) => fixed(name, month, date, sundayToMonday);

const RULES = {
  MX: [
    fixed('Año Nuevo', 1, 1),
    nth('Día de la Constitución', 2, 1, 1),
    nth('Natalicio de Benito Juárez', 3, 1, 3),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 9, 16),
    nth('Día de la Revolución', 11, 1, 3),
    fixed('Navidad', 12, 25),
  ],
  GT: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fixed('Día del Ejército', 6, 30),
    fixed('Día de la Independencia', 9, 15),
    fixed('Día de la Revolución', 10, 20),
    fixed('Día de Todos los Santos', 11, 1),
    fixed('Navidad', 12, 25),
  ],
  BZ: [
    fixed("New Year's Day", 1, 1, sundayToMonday),
    fixed('Baron Bliss Day', 3, 9, nextMonday),
    GOOD_FRIDAY_EN,
    fromEaster('Holy Saturday', -1),
    EASTER_MONDAY_EN,
    fixed('Labour Day', 5, 1, sundayToMonday),
    fixed('Commonwealth Day', 5, 24, nextMonday),
    fixed('Emancipation Day', 8, 1, sundayToMonday),
    fixed("St. George's Caye Day", 9, 10, sundayToMonday),
    fixed('Independence Day', 9, 21, sundayToMonday),
    fixed('Indigenous Peoples Resistance Day', 10, 12, nextMonday),
    fixed('Garifuna Settlement Day', 11, 19, sundayToMonday),
    fixed('Christmas Day', 12, 25, sundayToMonday),
    fixed('Boxing Day', 12, 26, sundayToMonday),
  ],
  SV: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fromEaster('Sábado Santo', -1),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Madre', 5, 10),
    fixed('Día del Padre', 6, 17),
    fixed('Fiestas Agostinas', 8, 6),
    fixed('Día de la Independencia', 9, 15),
    fixed('Día de los Difuntos', 11, 2),
    fixed('Navidad', 12, 25),
  ],
  HN: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fromEaster('Sábado Santo', -1),
    fixed('Día de las Américas', 4, 14),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Independencia', 9, 15),
    fixed('Día de Francisco Morazán', 10, 3),
    fixed('Día de la Raza', 10, 12),
    fixed('Día de las Fuerzas Armadas', 10, 21),
    fixed('Navidad', 12, 25),
  ],
  NI: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Revolución', 7, 19),
    fixed('Batalla de San Jacinto', 9, 14),
    fixed('Día de la Independencia', 9, 15),
    fixed('Inmaculada Concepción', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  CR: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día de Juan Santamaría', 4, 11),
    fixed('Día del Trabajo', 5, 1),
    fixed('Anexión del Partido de Nicoya', 7, 25),
    fixed('Virgen de los Ángeles', 8, 2),
    fixed('Día de la Madre', 8, 15),
    fixed('Día de la Persona Negra y la Cultura Afrocostarricense', 8, 31),
    fixed('Día de la Independencia', 9, 15),
    fixed('Navidad', 12, 25),
  ],
  PA: [
    fixed('Año Nuevo', 1, 1, sundayToMonday),
    fixed('Día de los Mártires', 1, 9, sundayToMonday),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1, sundayToMonday),
    fixed('Separación de Panamá de Colombia', 11, 3, sundayToMonday),
    fixed('Día de los Símbolos Patrios', 11, 4, sundayToMonday),
    fixed('Día de Colón', 11, 5, sundayToMonday),
    fixed('Primer Grito de Independencia', 11, 10, sundayToMonday),
    fixed('Independencia de Panamá de España', 11, 28, sundayToMonday),
    fixed('Día de las Madres', 12, 8, sundayToMonday),
    fixed('Navidad', 12, 25, sundayToMonday),
  ],
  DO: [
    fixed('Año Nuevo', 1, 1),
    fixed('Día de los Santos Reyes', 1, 6, dominicanMove),
    fixed('Nuestra Señora de la Altagracia', 1, 21),
    fixed('Día de Duarte', 1, 26, dominicanMove),
    fixed('Día de la Independencia', 2, 27),
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1, dominicanMove),
    fromEaster('Corpus Christi', 60),
    fixed('Día de la Restauración', 8, 16),
    fixed('Nuestra Señora de las Mercedes', 9, 24),
    fixed('Día de la Constitución', 11, 6, dominicanMove),
    fixed('Navidad', 12, 25),
  ],
  HT: [
    fixed("Fête de l'Indépendance", 1, 1),
    fixed('Jour des Aïeux', 1, 2),
    fromEaster('Lundi gras', -48),
    fromEaster('Mardi gras', -47),
    fromEaster('Vendredi saint', -2),
    fixed('Fête du Travail', 5, 1),
    fixed('Fête du Drapeau', 5, 18),
    fromEaster('Fête-Dieu', 60),
    fixed('Assomption', 8, 15),
    fixed('Mort de Dessalines', 10, 17),
    fixed('Toussaint', 11, 1),
    fixed('Fête des Morts', 11, 2),
    fixed('Bataille de Vertières', 11, 18),
    fixed('Noël', 12, 25),
  ],
  CU: [
    fixed('Triunfo de la Revolución', 1, 1),
    fixed('Día de la Victoria', 1, 2),
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de la Rebeldía Nacional', 7, 25),
    fixed('Día de la Rebeldía Nacional', 7, 26),
    fixed('Día de la Rebeldía Nacional', 7, 27),
    fixed('Inicio de las Guerras de Independencia', 10, 10),
    fixed('Navidad', 12, 25),
    fixed('Fin de Año', 12, 31),
  ],
  JM: [
    caribbean("New Year's Day", 1, 1),
    fromEaster('Ash Wednesday', -46),
    GOOD_FRIDAY_EN,
    EASTER_MONDAY_EN,
    caribbean('Labour Day', 5, 23),
    caribbean('Emancipation Day', 8, 1),
    caribbean('Independence Day', 8, 6),
    nth('National Heroes Day', 10, 1, 3),
    caribbean('Christmas Day', 12, 25),
    caribbean('Boxing Day', 12, 26),
  ],
  DM: [
    caribbean("New Year's Day", 1, 1),
    fromEaster('Carnival Monday', -48),
    fromEaster('Carnival Tuesday', -47),
    GOOD_FRIDAY_EN,
    EASTER_MONDAY_EN,
    caribbean('Labour Day', 5, 1),
    WHIT_MONDAY_EN,
    nth('Emancipation Day', 8, 1, 1),
    caribbean('Independence Day', 11, 3),
    caribbean('National Day of Community Service', 11, 4),
    caribbean('Christmas Day', 12, 25),
    caribbean('Boxing Day', 12, 26),
  ],
  LC: [
    caribbean("New Year's Day", 1, 1),
    caribbean('New Year Holiday', 1, 2),
    caribbean('Independence Day', 2, 22),
    GOOD_FRIDAY_EN,
    EASTER_MONDAY_EN,
    caribbean('Labour Day', 5, 1),
    WHIT_MONDAY_EN,
    fromEaster('Corpus Christi', 60),
    caribbean('Emancipation Day', 8, 1),
    nth('Thanksgiving Day', 10, 1, 1),
    caribbean('National Day', 12, 13),
    caribbean('Christmas Day', 12, 25),
    caribbean('Boxing Day', 12, 26),
  ],
  VC: [
    caribbean("New Year's Day", 1, 1),
    caribbean('National Heroes Day', 3, 14),
    GOOD_FRIDAY_EN,
    EASTER_MONDAY_EN,
    caribbean('Labour Day', 5, 1),
    WHIT_MONDAY_EN,
    nth('Carnival Monday', 7, 1, 1),
    ['Carnival Tuesday', (year) => plusDays(nthWeekday(year, 7, 1, 1), 1)],
    caribbean('Emancipation Day', 8, 1),
    caribbean('Independence Day', 10, 27),
    caribbean('Christmas Day', 12, 25),
    caribbean('Boxing Day', 12, 26),
  ],
  GD: [
    caribbean("New Year's Day", 1, 1),
    caribbean('Independence Day', 2, 7),
    GOOD_FRIDAY_EN,
    EASTER_MONDAY_EN,
    caribbean('Labour Day', 5, 1),
    WHIT_MONDAY_EN,
    fromEaster('Corpus Christi', 60),
    caribbean('Emancipation Day', 8, 1),
    nth('Carnival Monday', 8, 1, 2),
    ['Carnival Tuesday', (year) => plusDays(nthWeekday(year, 8, 1, 2), 1)],
    caribbean('National Heroes Day', 10, 19),
    caribbean('Thanksgiving Day', 10, 25),
    caribbean('Christmas Day', 12, 25),
    caribbean('Boxing Day', 12, 26),
  ],
  CO: [
    fixed('Año Nuevo', 1, 1),
    fixed('Día de los Reyes Magos', 1, 6, nextMonday),
    fixed('Día de San José', 3, 19, nextMonday),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fromEaster('Ascensión del Señor', 43),
    fromEaster('Corpus Christi', 64),
    fromEaster('Sagrado Corazón', 71),
    fixed('San Pedro y San Pablo', 6, 29, nextMonday),
    fixed('Día de la Independencia', 7, 20),
    fixed('Batalla de Boyacá', 8, 7),
    fixed('Asunción de la Virgen', 8, 15, nextMonday),
    fixed('Día de la Raza', 10, 12, nextMonday),
    fixed('Todos los Santos', 11, 1, nextMonday),
    fixed('Independencia de Cartagena', 11, 11, nextMonday),
    fixed('Inmaculada Concepción', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  EC: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fixed('Batalla de Pichincha', 5, 24),
    fixed('Primer Grito de Independencia', 8, 10),
    fixed('Independencia de Guayaquil', 10, 9),
    fixed('Día de los Difuntos', 11, 2),
    fixed('Independencia de Cuenca', 11, 3),
    fixed('Navidad', 12, 25),
  ],
  PE: [
    fixed('Año Nuevo', 1, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fixed('Batalla de Arica y Día de la Bandera', 6, 7),
    fixed('San Pedro y San Pablo', 6, 29),
    fixed('Día de la Fuerza Aérea', 7, 23),
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
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajo', 5, 1),
    fromEaster('Corpus Christi', 60),
    fixed('Año Nuevo Andino Amazónico', 6, 21),
    fixed('Día de la Independencia', 8, 6),
    fixed('Todos Santos', 11, 2),
    fixed('Navidad', 12, 25),
  ],
  VE: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Declaración de la Independencia', 4, 19),
    fixed('Día del Trabajo', 5, 1),
    fixed('Batalla de Carabobo', 6, 24),
    fixed('Día de la Independencia', 7, 5),
    fixed('Natalicio del Libertador', 7, 24),
    fixed('Día de la Resistencia Indígena', 10, 12),
    fixed('Nochebuena', 12, 24),
    fixed('Navidad', 12, 25),
    fixed('Fin de Año', 12, 31),
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
    fixed('Dia Nacional de Zumbi e da Consciência Negra', 11, 20),
    fixed('Natal', 12, 25),
  ],
  PY: [
    fixed('Año Nuevo', 1, 1),
    fixed('Día de los Héroes', 3, 1),
    HOLY_THURSDAY_ES,
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajador', 5, 1),
    fixed('Independencia Nacional', 5, 14),
    fixed('Independencia Nacional', 5, 15),
    fixed('Paz del Chaco', 6, 12),
    fixed('Fundación de Asunción', 8, 15),
    fixed('Victoria de Boquerón', 9, 29),
    fixed('Virgen de Caacupé', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  AR: [
    fixed('Año Nuevo', 1, 1),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    fixed('Día Nacional de la Memoria por la Verdad y la Justicia', 3, 24),
    fixed('Día del Veterano y de los Caídos en la Guerra de Malvinas', 4, 2),
    GOOD_FRIDAY_ES,
    fixed('Día del Trabajador', 5, 1),
    fixed('Día de la Revolución de Mayo', 5, 25),
    fixed('Paso a la Inmortalidad del General Güemes', 6, 17, nearestMonday),
    fixed('Paso a la Inmortalidad del General Belgrano', 6, 20),
    fixed('Día de la Independencia', 7, 9),
    fixed('Paso a la Inmortalidad del General San Martín', 8, 17, nearestMonday),
    fixed('Día del Respeto a la Diversidad Cultural', 10, 12, nearestMonday),
    fixed('Día de la Soberanía Nacional', 11, 20, nearestMonday),
    fixed('Inmaculada Concepción de María', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  CL: [
    fixed('Año Nuevo', 1, 1),
    GOOD_FRIDAY_ES,
    fromEaster('Sábado Santo', -1),
    fixed('Día del Trabajo', 5, 1),
    fixed('Día de las Glorias Navales', 5, 21),
    // The winter solstice: 21 June in 2026 and 2027, 20 June in 2028.
    ['Día Nacional de los Pueblos Indígenas', (year) => day(year, 6, year % 4 === 0 ? 20 : 21)],
    fixed('San Pedro y San Pablo', 6, 29, nearestMonday),
    fixed('Día de la Virgen del Carmen', 7, 16),
    fixed('Asunción de la Virgen', 8, 15),
    fixed('Independencia Nacional', 9, 18),
    fixed('Día de las Glorias del Ejército', 9, 19),
    fixed('Encuentro de Dos Mundos', 10, 12, nearestMonday),
    // Ley 20.299: on a Tuesday it is kept the Friday before, on a Wednesday the Friday after.
    fixed('Día de las Iglesias Evangélicas y Protestantes', 10, 31, (date) =>
      date.getUTCDay() === 2 ? plusDays(date, -4) : date.getUTCDay() === 3 ? plusDays(date, 2) : date,
    ),
    fixed('Día de Todos los Santos', 11, 1),
    fixed('Inmaculada Concepción', 12, 8),
    fixed('Navidad', 12, 25),
  ],
  UY: [
    fixed('Año Nuevo', 1, 1),
    fixed('Día de Reyes', 1, 6),
    fromEaster('Lunes de Carnaval', -48),
    fromEaster('Martes de Carnaval', -47),
    fromEaster('Jueves de Semana de Turismo', -3),
    fromEaster('Viernes de Semana de Turismo', -2),
    fixed('Desembarco de los 33 Orientales', 4, 19, nearestMonday),
    fixed('Día de los Trabajadores', 5, 1),
    fixed('Batalla de Las Piedras', 5, 18, nearestMonday),
    fixed('Natalicio de Artigas', 6, 19),
    fixed('Jura de la Constitución', 7, 18),
    fixed('Declaratoria de la Independencia', 8, 25),
    fixed('Día de la Diversidad Cultural', 10, 12, nearestMonday),
    fixed('Día de los Difuntos', 11, 2),
    fixed('Navidad', 12, 25),
  ],
};

const reference = JSON.parse(readFileSync(join(ROOT, 'shared/data/reference.json'), 'utf8'));
const countries = reference.countries.map((country) => country.code);
const missing = countries.filter((code) => !RULES[code]);
if (missing.length > 0) throw new Error(`No holiday rules for ${missing.join(', ')}`);

const holidays = {};
for (const country of countries) {
  holidays[country] = {};
  for (const year of YEARS) {
    const sunday = easter(year);
    const byDate = new Map();
    for (const [name, rule] of RULES[country]) {
      const date = iso(rule(year, sunday));
      if (!date.startsWith(String(year))) throw new Error(`${country} ${name}: ${date} is not in ${year}`);
      // Two holidays on one day (a Sunday holiday moved onto another): one row, both names.
      byDate.set(date, byDate.has(date) && byDate.get(date) !== name ? `${byDate.get(date)} / ${name}` : name);
    }
    holidays[country][year] = [...byDate]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, name]) => ({ date, name }));
  }
}

const data = {
  about:
    'National public holidays as of 2026 of the 26 countries of reference.json, 2026–2028, generated by ' +
    'scripts/holidays/generate-public-holidays.mjs (do not edit by hand). Rules from each country’s labour code or ' +
    'holidays act as they stood in 2026 (the script names them); holidays a government decrees year by year, and ' +
    'regional ones, are not included. Admins import a country and year with POST /api/v1/holidays/import.',
  years: YEARS,
  holidays,
};
// As Prettier writes it (a short array on one line), so the format check passes on the output.
const text = JSON.stringify(data, null, 2).replace(/"years": \[[^\]]*\]/, `"years": [${YEARS.join(', ')}]`);
const target = join(ROOT, 'shared/data/public-holidays.json');
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== `${text}\n`) {
    console.error(
      'shared/data/public-holidays.json is not what the rules give: run this script and commit its output.',
    );
    process.exit(1);
  }
} else {
  writeFileSync(target, `${text}\n`);
  console.log(`Wrote shared/data/public-holidays.json: ${countries.length} countries, ${YEARS.join(', ')}`);
}
