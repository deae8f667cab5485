import publicHolidays from '../../shared/data/public-holidays.json';
import { startTestPortal, type TestPortal } from '../support/api-harness';

const table = publicHolidays.holidays as Record<string, Record<string, { date: string; name: string }[]>>;

describe('importing a country’s public holidays from the shipped table', () => {
  let portal: TestPortal;
  let admin: string;
  let rep: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = (await portal.login('admin@clac.example')).accessToken;
    rep = (await portal.login('rep.pe1@clac.example')).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const holidayCount = async (country?: string) =>
    (
      await portal.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM holidays WHERE $1::text IS NULL OR country_code = $1`,
        [country ?? null],
      )
    ).rows[0].n;

  it('covers the 26 countries of the reference data for 2026–2028, each with its national day and Christmas', () => {
    expect(Object.keys(table)).toHaveLength(26);
    for (const [country, years] of Object.entries(table)) {
      expect(Object.keys(years)).toEqual(['2026', '2027', '2028']);
      for (const [year, holidays] of Object.entries(years)) {
        expect(holidays.length).toBeGreaterThanOrEqual(7);
        expect(holidays.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
        expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
        expect(holidays.some((h) => h.date.endsWith('-12-25') || h.date === `${year}-12-26`)).toBe(true);
        expect(country).toMatch(/^[A-Z]{2}$/);
      }
    }
    // The Easter-based ones: Good Friday 2026 is 3 April; Colombia's Emiliani Mondays.
    expect(table['PE']['2026']).toEqual(
      expect.arrayContaining([
        { date: '2026-04-02', name: 'Jueves Santo' },
        { date: '2026-04-03', name: 'Viernes Santo' },
        { date: '2026-07-28', name: 'Fiestas Patrias' },
      ]),
    );
    expect(table['CO']['2026']).toEqual(
      expect.arrayContaining([{ date: '2026-01-12', name: 'Día de los Reyes Magos' }]),
    );
    expect(table['BO']['2027']).toEqual(expect.arrayContaining([{ date: '2027-05-27', name: 'Corpus Christi' }]));
  });

  it('adds the country’s holidays of the year once, audited, and a second import adds nothing', async () => {
    const before = await holidayCount('PE');
    const first = await portal.request('POST', '/api/v1/holidays/import', {
      token: admin,
      body: { country: 'PE', year: 2027 },
    });
    expect(first.status).toBe(200);
    expect(first.body.country).toBe('PE');
    expect(first.body.year).toBe(2027);
    expect(first.body.added.map((h: { date: string }) => h.date)).toEqual(table['PE']['2027'].map((h) => h.date));
    expect(first.body.skipped).toBe(0);
    expect(await holidayCount('PE')).toBe(before + table['PE']['2027'].length);

    const listed = await portal.request('GET', '/api/v1/holidays?country=PE&year=2027', { token: rep });
    expect(listed.body.map((h: { date: string; name: string }) => ({ date: h.date, name: h.name }))).toEqual(
      table['PE']['2027'],
    );
    const { rows: audited } = await portal.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'holiday.created' AND entity_id = ANY ($1::text[])`,
      [first.body.added.map((h: { id: string }) => h.id)],
    );
    expect(audited[0].n).toBe(table['PE']['2027'].length);

    const second = await portal.request('POST', '/api/v1/holidays/import', {
      token: admin,
      body: { country: 'PE', year: 2027 },
    });
    expect(second.status).toBe(200);
    expect(second.body.added).toEqual([]);
    expect(second.body.skipped).toBe(table['PE']['2027'].length);
    expect(await holidayCount('PE')).toBe(before + table['PE']['2027'].length);
  });

  it('keeps a holiday the country already has on a date of the table, and adds the rest', async () => {
    const own = await portal.request('POST', '/api/v1/holidays', {
      token: admin,
      body: { country: 'BR', date: '2026-04-21', name: 'Tiradentes (nosso)' },
    });
    expect(own.status).toBe(201);
    const imported = await portal.request('POST', '/api/v1/holidays/import', {
      token: admin,
      body: { country: 'BR', year: 2026 },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.skipped).toBe(1);
    expect(imported.body.added).toHaveLength(table['BR']['2026'].length - 1);
    const { rows } = await portal.db.query<{ name: string }>(
      `SELECT name FROM holidays WHERE country_code = 'BR' AND date = '2026-04-21'`,
    );
    expect(rows).toEqual([{ name: 'Tiradentes (nosso)' }]);
  });

  it('refuses a caller without the SLA management permission, writing nothing', async () => {
    const before = await holidayCount();
    const refused = await portal.request('POST', '/api/v1/holidays/import', {
      token: rep,
      body: { country: 'CO', year: 2026 },
    });
    expect(refused.status).toBe(403);
    const anonymous = await portal.request('POST', '/api/v1/holidays/import', { body: { country: 'CO', year: 2026 } });
    expect(anonymous.status).toBe(401);
    expect(await holidayCount()).toBe(before);
  });

  it.each([
    ['an unknown country', { country: 'XX', year: 2026 }, 'country'],
    ['a country outside the network', { country: 'US', year: 2026 }, 'country'],
    ['a year before the table', { country: 'PE', year: 2025 }, 'year'],
    ['a year after the table', { country: 'PE', year: 2029 }, 'year'],
    ['a year as text', { country: 'PE', year: '2026' }, 'year'],
    ['a lower-case country', { country: 'pe', year: 2026 }, 'country'],
  ])('answers %s with a 400 naming the field, writing nothing', async (_case, body, field) => {
    const before = await holidayCount();
    const refused = await portal.request('POST', '/api/v1/holidays/import', { token: admin, body });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation.failed');
    expect(Object.keys(refused.body.errors)).toContain(field);
    expect(await holidayCount()).toBe(before);
  });
});
