import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import {
  type Language,
  type LoadFigures,
  type LoadReport,
  type ReportGroup,
  REQUEST_STATUSES,
  type TrendReport,
} from '@portal/shared';
import { STATUS_NAMES } from '../notifications/templates';
import { dayIn } from './report-time-zone';

/**
 * The reports as spreadsheets a director opens with one click (GET /reports/load.csv and
 * trend.csv with format=xlsx or Accept: XLSX_TYPE): headers in the viewer's language, counts
 * and hours as numbers, the compliance as a number formatted as a percentage, days as date
 * cells. Written on the server (write-excel-file, MIT) so the web bundle stays small. The CSV
 * stays the machine format: English snake_case headers, unchanged.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Words {
  sheet: { load: string; trend: string; period: string };
  groups: Record<ReportGroup, string>;
  total: string;
  totalRow: string;
  open: string;
  breached: string;
  cameDue: string;
  compliance: string;
  aging: [string, string, string, string];
  firstResponse: string;
  resolution: string;
  satisfaction: string;
  week: string;
  month: string;
  new: string;
  resolved: string;
  from: string;
  to: string;
  timeZone: string;
  previousFrom: string;
  previousTotal: string;
}

const WORDS: Record<Language, Words> = {
  es: {
    sheet: { load: 'Carga', trend: 'Tendencia', period: 'Período' },
    groups: {
      region: 'Región',
      country: 'País',
      area: 'Área temática',
      assignee: 'Responsable',
      status: 'Estado',
      product: 'Producto',
      organization: 'Organización',
    },
    total: 'Solicitudes',
    totalRow: 'Total',
    open: 'Abiertas',
    breached: 'Fuera de plazo',
    cameDue: 'Con plazo vencido o cumplido',
    compliance: 'Cumplimiento de plazos',
    aging: ['Abiertas 0 a 2 días', 'Abiertas 3 a 7 días', 'Abiertas 8 a 30 días', 'Abiertas más de 30 días'],
    firstResponse: 'Mediana primera respuesta (h)',
    resolution: 'Mediana resolución (h)',
    satisfaction: 'Satisfacción media',
    week: 'Semana del',
    month: 'Mes',
    new: 'Nuevas',
    resolved: 'Resueltas',
    from: 'Desde',
    to: 'Hasta',
    timeZone: 'Zona horaria',
    previousFrom: 'Período anterior desde',
    previousTotal: 'Solicitudes del período anterior',
  },
  pt: {
    sheet: { load: 'Carga', trend: 'Tendência', period: 'Período' },
    groups: {
      region: 'Região',
      country: 'País',
      area: 'Área temática',
      assignee: 'Responsável',
      status: 'Estado',
      product: 'Produto',
      organization: 'Organização',
    },
    total: 'Solicitações',
    totalRow: 'Total',
    open: 'Abertas',
    breached: 'Fora do prazo',
    cameDue: 'Com prazo vencido ou cumprido',
    compliance: 'Cumprimento de prazos',
    aging: ['Abertas 0 a 2 dias', 'Abertas 3 a 7 dias', 'Abertas 8 a 30 dias', 'Abertas mais de 30 dias'],
    firstResponse: 'Mediana primeira resposta (h)',
    resolution: 'Mediana resolução (h)',
    satisfaction: 'Satisfação média',
    week: 'Semana de',
    month: 'Mês',
    new: 'Novas',
    resolved: 'Resolvidas',
    from: 'De',
    to: 'Até',
    timeZone: 'Fuso horário',
    previousFrom: 'Período anterior desde',
    previousTotal: 'Solicitações do período anterior',
  },
  fr: {
    sheet: { load: 'Charge', trend: 'Tendance', period: 'Période' },
    groups: {
      region: 'Région',
      country: 'Pays',
      area: 'Domaine thématique',
      assignee: 'Responsable',
      status: 'Statut',
      product: 'Produit',
      organization: 'Organisation',
    },
    total: 'Demandes',
    totalRow: 'Total',
    open: 'Ouvertes',
    breached: 'En retard',
    cameDue: 'Arrivées à échéance',
    compliance: 'Respect des délais',
    aging: ['Ouvertes 0 à 2 jours', 'Ouvertes 3 à 7 jours', 'Ouvertes 8 à 30 jours', 'Ouvertes plus de 30 jours'],
    firstResponse: 'Médiane première réponse (h)',
    resolution: 'Médiane résolution (h)',
    satisfaction: 'Satisfaction moyenne',
    week: 'Semaine du',
    month: 'Mois',
    new: 'Nouvelles',
    resolved: 'Résolues',
    from: 'Du',
    to: 'Au',
    timeZone: 'Fuseau horaire',
    previousFrom: 'Période précédente à partir du',
    previousTotal: 'Demandes de la période précédente',
  },
  en: {
    sheet: { load: 'Load', trend: 'Trend', period: 'Period' },
    groups: {
      region: 'Region',
      country: 'Country',
      area: 'Thematic area',
      assignee: 'Assignee',
      status: 'Status',
      product: 'Product',
      organization: 'Organization',
    },
    total: 'Requests',
    totalRow: 'Total',
    open: 'Open',
    breached: 'Past due',
    cameDue: 'Came due',
    compliance: 'On-time rate',
    aging: ['Open 0 to 2 days', 'Open 3 to 7 days', 'Open 8 to 30 days', 'Open more than 30 days'],
    firstResponse: 'Median first response (h)',
    resolution: 'Median resolution (h)',
    satisfaction: 'Average satisfaction',
    week: 'Week of',
    month: 'Month',
    new: 'New',
    resolved: 'Resolved',
    from: 'From',
    to: 'To',
    timeZone: 'Time zone',
    previousFrom: 'Previous period from',
    previousTotal: 'Requests in the previous period',
  },
};

/** Day-first where the language writes it so; ISO 8601 in English (no month/day confusion). */
const DATE_FORMAT: Record<Language, string> = {
  es: 'dd/mm/yyyy',
  pt: 'dd/mm/yyyy',
  fr: 'dd/mm/yyyy',
  en: 'yyyy-mm-dd',
};

const header = (text: string): Cell => ({ value: text, fontWeight: 'bold' });
const number = (value: number | null): Cell => (value === null ? null : { value, type: Number });
/** A calendar day (YYYY-MM-DD) as a date cell: spreadsheets keep dates without a zone. */
const day = (text: string, language: Language): Cell => ({
  value: new Date(`${text}T00:00:00Z`),
  type: Date,
  format: DATE_FORMAT[language],
});

/** The column headers of the load sheet, in the viewer's language. */
export function loadHeaders(groupBy: ReportGroup, language: Language): string[] {
  const words = WORDS[language];
  const statusName = (name: string) => name.replace(/^./, (c) => c.toUpperCase());
  return [
    words.groups[groupBy],
    words.total,
    ...REQUEST_STATUSES.map((s) => statusName(STATUS_NAMES[language][s])),
    words.open,
    words.breached,
    words.cameDue,
    words.compliance,
    ...words.aging,
    words.firstResponse,
    words.resolution,
    words.satisfaction,
  ];
}

function figureCells(figures: LoadFigures): Cell[] {
  return [
    number(figures.total),
    ...REQUEST_STATUSES.map((s) => number(figures.byStatus[s])),
    number(figures.open),
    number(figures.breached),
    number(figures.cameDue),
    figures.slaCompliance === null ? null : { value: figures.slaCompliance, type: Number, format: '0.0%' },
    number(figures.aging.d0_2),
    number(figures.aging.d3_7),
    number(figures.aging.d8_30),
    number(figures.aging.d31_plus),
    number(figures.medianFirstResponseHours),
    number(figures.medianResolutionHours),
    number(figures.satisfactionAvg),
  ];
}

/** The report's period as days of the viewer's zone: `to` is exclusive, the last day the one before it. */
function periodSheet(
  report: { from: string; to: string },
  timeZone: string,
  language: Language,
  extra: Row[] = [],
): Row[] {
  const words = WORDS[language];
  const firstDay = dayIn(new Date(report.from), timeZone);
  const lastDay = dayIn(new Date(new Date(report.to).getTime() - 1), timeZone);
  return [
    [header(words.from), day(firstDay, language)],
    [header(words.to), day(lastDay, language)],
    [header(words.timeZone), timeZone],
    ...extra,
  ];
}

const widths = (count: number, first: number) => [
  { width: first },
  ...Array.from({ length: count - 1 }, () => ({ width: 14 })),
];

/** The load report as an XLSX file: its rows and totals, then the period. */
export function loadSpreadsheet(report: LoadReport, language: Language, timeZone: string): Promise<Buffer> {
  const words = WORDS[language];
  const headers = loadHeaders(report.groupBy, language);
  const rows: Row[] = [
    headers.map(header),
    ...report.rows.map((row): Row => [row.label, ...figureCells(row)]),
    [header(words.totalRow), ...figureCells(report.totals)],
  ];
  const previous = [
    [header(words.previousFrom), day(dayIn(new Date(report.previous.from), timeZone), language)],
    [header(words.previousTotal), number(report.previous.totals.total)],
  ];
  return writeXlsxFile([
    { data: rows, sheet: words.sheet.load, columns: widths(headers.length, 28), stickyRowsCount: 1 },
    { data: periodSheet(report, timeZone, language, previous), sheet: words.sheet.period, columns: widths(2, 34) },
  ]).toBuffer();
}

/** The trend report as an XLSX file: one row per week or month, its first day a date cell. */
export function trendSpreadsheet(report: TrendReport, language: Language): Promise<Buffer> {
  const words = WORDS[language];
  const rows: Row[] = [
    [header(report.interval === 'week' ? words.week : words.month), header(words.new), header(words.resolved)],
    ...report.points.map((p): Row => [day(p.period, language), number(p.new), number(p.resolved)]),
  ];
  return writeXlsxFile([
    { data: rows, sheet: words.sheet.trend, columns: widths(3, 16), stickyRowsCount: 1 },
    { data: periodSheet(report, report.timeZone, language), sheet: words.sheet.period, columns: widths(2, 20) },
  ]).toBuffer();
}
