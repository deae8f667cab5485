import fc from 'fast-check';
import { PRIORITIES, REQUEST_STATUSES, THEMATIC_AREAS } from '@portal/shared';
import { type ApiAnswer, requestRefusedEarly, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Whatever a client sends to the request routes, a malformed body or query is answered with
 * a 4xx RFC 9457 problem document (docs/api.md, "Conventions": never a 500 for anything a client
 * can send; unknown fields are a 400) and nothing is written.
 *
 * Every generated input is checked against the contract *in this file* (docs/api.md,
 * docs/domain.md and the limits in shared/src/limits.ts) and dropped when it happens to be valid, so "nothing
 * written" is a sound expectation. Lengths are counted in characters (Unicode code points),
 * after trimming, as the database's own CHECK constraints count them.
 */

const API = '/api/v1';
const AREAS: readonly string[] = THEMATIC_AREAS;
const STATUSES: readonly string[] = REQUEST_STATUSES;
const PRIORITY_VALUES: readonly string[] = PRIORITIES;
const REGIONS = ['CAM', 'CAR', 'AND', 'SUR'];
const SERVED_COUNTRIES = [
  'MX',
  'GT',
  'BZ',
  'SV',
  'HN',
  'NI',
  'CR',
  'PA',
  'DO',
  'HT',
  'CU',
  'JM',
  'DM',
  'LC',
  'VC',
  'GD',
  'CO',
  'EC',
  'PE',
  'BO',
  'VE',
  'BR',
  'PY',
  'AR',
  'CL',
  'UY',
];
const LOOSE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const MEMBER = 'marco@tierra-viva.example';
const STAFF = 'rep.bo@clac.example';
const ADMIN = 'admin@clac.example';

let portal: TestPortal;
const tokens: Record<string, string> = {};
/** A Bolivia standards-compliance request, `assigned` to rep.bo: a valid body would change it. */
let assignedId: string;
/** A resolved, unrated request of the same member: a valid rating would be stored. */
let resolvedId: string;
let someStaffId: string;
let currentVersion = 1;
/** Staff who work cases and could take the request: a valid assign body would reassign it. */
const STAFF_IDS: string[] = [];
/** One of STAFF_IDS, picked when generating (they are read from the database before the tests run). */
const aStaffId = fc.nat({ max: 1000 }).map((i) => STAFF_IDS[i % STAFF_IDS.length]);

// ---------------------------------------------------------------------------------------
// What the contract accepts, written out independently of the API's code
// ---------------------------------------------------------------------------------------

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const chars = (s: string) => [...s.trim()].length;
const textWithin = (v: Json, min: number, max: number) => typeof v === 'string' && chars(v) >= min && chars(v) <= max;
/** Something a reader can see: not only controls, format (zero-width, bidi), spaces, fillers or lone marks. */
const visible = (v: Json) =>
  typeof v === 'string' && /[^\p{Cc}\p{Cf}\p{Z}\s\p{Default_Ignorable_Code_Point}\p{M}]/u.test(v);
const absent = (v: Json) => v === undefined || v === null; // optional fields may be left out or null
const onlyKeys = (body: Record<string, Json>, keys: string[]) => Object.keys(body).every((k) => keys.includes(k));
const intWithin = (v: Json, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const VALID: Record<string, (body: Json) => boolean> = {
  create: (b) =>
    isObject(b) &&
    onlyKeys(b, ['area', 'subject', 'description', 'priority']) &&
    AREAS.includes(b.area as string) &&
    textWithin(b.subject, 3, 200) &&
    visible(b.subject) &&
    textWithin(b.description, 1, 20000) &&
    visible(b.description) &&
    (absent(b.priority) || PRIORITY_VALUES.includes(b.priority as string)),
  update: (b) =>
    isObject(b) &&
    onlyKeys(b, ['priority', 'area', 'version']) &&
    intWithin(b.version, 1, 2_000_000_000) &&
    (absent(b.priority) || PRIORITY_VALUES.includes(b.priority as string)) &&
    (absent(b.area) || AREAS.includes(b.area as string)),
  message: (b) =>
    isObject(b) &&
    onlyKeys(b, ['body', 'internal']) &&
    textWithin(b.body, 1, 20000) &&
    visible(b.body) &&
    (absent(b.internal) || typeof b.internal === 'boolean'),
  transition: (b) =>
    isObject(b) &&
    onlyKeys(b, ['to', 'reason']) &&
    STATUSES.includes(b.to as string) &&
    (absent(b.reason) || textWithin(b.reason, 0, 2000)),
  assign: (b) =>
    isObject(b) &&
    onlyKeys(b, ['assigneeId', 'reason']) &&
    typeof b.assigneeId === 'string' &&
    LOOSE_UUID.test(b.assigneeId) &&
    (absent(b.reason) || textWithin(b.reason, 0, 2000)),
  escalate: (b) => isObject(b) && onlyKeys(b, ['reason']) && textWithin(b.reason, 3, 2000),
  satisfaction: (b) =>
    isObject(b) &&
    onlyKeys(b, ['score', 'comment']) &&
    intWithin(b.score, 1, 5) &&
    (absent(b.comment) || textWithin(b.comment, 0, 2000)),
};

/** A real calendar date (and time, and offset) in the shape the list filters take. */
function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2})))?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', , oh = '0', om = '0'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const calendar =
    day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d);
  return calendar && Number(h) < 24 && Number(mi) < 60 && Number(sec) < 60 && Number(oh) <= 23 && Number(om) < 60;
}

type Query = Record<string, string | string[]>;
const single = (v: string | string[] | undefined): v is string => typeof v === 'string';
const statusList = new RegExp(`^(${STATUSES.join('|')})(,(${STATUSES.join('|')}))*$`);
const pageNumber = (v: string, max: number) => {
  const n = Number(v);
  return v.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= max;
};
const LIST_PARAMS: Record<string, (v: string) => boolean> = {
  status: (v) => statusList.test(v),
  area: (v) => AREAS.includes(v),
  country: (v) => /^[A-Z]{2}$/.test(v),
  region: (v) => REGIONS.includes(v),
  assignee: (v) => /^(me|none)$/i.test(v) || LOOSE_UUID.test(v),
  organization: (v) => LOOSE_UUID.test(v),
  q: (v) => chars(v) <= 200 || v.length <= 200,
  breached: (v) => v === 'true' || v === 'false',
  escalated: (v) => v === 'true' || v === 'false',
  from: (v) => DATE_PATTERN.test(v) && isRealDate(v),
  to: (v) => DATE_PATTERN.test(v) && isRealDate(v),
  sort: (v) => /^-?(createdAt|updatedAt|priority|dueAt)$/.test(v),
  page: (v) => pageNumber(v, 100000),
  pageSize: (v) => pageNumber(v, 100),
};
const validListQuery = (q: Query) =>
  Object.entries(q).every(([k, v]) => Object.hasOwn(LIST_PARAMS, k) && single(v) && LIST_PARAMS[k](v));
const validPreviewQuery = (q: Query) =>
  onlyKeys(q, ['country', 'area']) &&
  single(q.country) &&
  SERVED_COUNTRIES.includes(q.country) &&
  single(q.area) &&
  AREAS.includes(q.area);

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/** Characters that trip up length counting, normalization, terminals and databases. */
const trickyChar = fc.constantFrom(
  '\u0301', // combining acute
  '\uFE0F', // variation selector-16
  '\uFE0E',
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\u202E', // right-to-left override
  '\uFEFF', // BOM
  '\u00A0',
  '\u2028',
  '\t',
  '\n',
  '😀',
  '👩‍👩‍👧',
  '𝕏',
  'é',
  'ñ',
  '"',
  '\\',
  "'",
  '<',
  '%',
);
const unicodeJunk = fc.string({
  unit: fc.oneof(
    trickyChar,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
const nastyString = fc.constantFrom(
  '',
  ' ',
  '   \t\n ',
  'null',
  'undefined',
  'NaN',
  '<script>alert(1)</script>',
  "'; DROP TABLE requests; --",
  '../../etc/passwd',
  '${7*7}',
  '{{7*7}}',
  '%00',
  '\u202Egnp.exe',
);

/** A string longer than `max` characters, in several alphabets (code points, after trimming). */
function overLong(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('x', 'é', '😀', 'e\u0301', '👩‍👩‍👧', '字', 'x '), fc.integer({ min: 1, max: 3 * max }))
    .map(([unit, extra]) => unit.repeat(Math.ceil((max + extra) / [...unit].length) + 1))
    .filter((s) => chars(s) > max);
}

/**
 * A string longer than `max` characters made of characters followed by a variation selector
 * (U+FE0F, U+FE0E), which some length counters count as one character per pair.
 */
function overLongWithVariationSelectors(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('a\uFE0F', '☺\uFE0F', '1\uFE0E', 'a\uFE0Fb'),
      fc.integer({ min: 1, max: max }),
      fc.constantFrom('', 'x', 'hola '),
    )
    .map(([unit, extra, lead]) => lead + unit.repeat(Math.ceil((max + extra) / [...unit].length)))
    .filter((s) => chars(s) > max);
}

/** Names every JavaScript object answers to: as field names they are just as unknown as any other. */
const OBJECT_MEMBER_NAMES = [
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];

/** A string shorter than `min` characters once trimmed. */
function tooShort(min: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '\t', '\n', '\u00A0', '\u2028'), maxLength: min + 4 }),
    )
    .map(([s]) => s)
    .filter((s) => chars(s) < min);
}

/** Any JSON value of the wrong kind: numbers, booleans, null, arrays, nested objects, big strings. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e-308),
  unicodeJunk,
  nastyString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.integer({ min: 1000, max: 40000 }).map((n) => 'y'.repeat(n)),
);

/** A value that is not one of `allowed` (and, for optional fields, not null either). */
function notOneOf(allowed: readonly string[], optional = false): fc.Arbitrary<Json> {
  const nearMiss = fc
    .tuple(fc.constantFrom(...allowed), fc.constantFrom('upper', 'pad', 'suffix', 'prefix', 'underscore', 'nul'))
    .map(
      ([v, how]) =>
        ({
          upper: v.toUpperCase(),
          pad: ` ${v} `,
          suffix: `${v}x`,
          prefix: `x${v}`,
          underscore: v.replace(/-/g, '_') + '_',
          nul: `${v}\u0000`,
        })[how],
    );
  return fc
    .oneof(
      nearMiss,
      anyJson,
      fc.array(fc.constantFrom(...allowed), { minLength: 1, maxLength: 2 }),
      fc.constantFrom(...allowed).map((v) => ({ value: v })),
    )
    .filter((v) => !(typeof v === 'string' && allowed.includes(v)) && !(optional && v === null));
}

/** A value that is not text of `min`..`max` characters. */
function notText(min: number, max: number, optional = false): fc.Arbitrary<Json> {
  return fc
    .oneof(overLong(max), min > 0 ? tooShort(min) : overLong(max), anyJson)
    .filter((v) => !textWithin(v, min, max) && !(optional && v === null));
}

/** A value that is not an integer within min..max. */
function notInt(min: number, max: number): fc.Arbitrary<Json> {
  return fc
    .oneof(
      fc.integer({ min: -(2 ** 31), max: min - 1 }),
      fc.integer({ min: max + 1, max: Math.max(max + 1, 2 ** 31) }),
      fc.constantFrom(max + 1, min - 1, 0, -0.5, min + 0.5, 1e21, -1e21, 2 ** 53 + 1),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
      fc.integer({ min, max }).map(String), // the right number as a string
      anyJson,
    )
    .filter((v) => !intWithin(v, min, max));
}

const validText = (min: number, max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) })
    .filter((s) => textWithin(s, min, max) && !s.includes('\u0000'));

interface FieldSpec {
  valid: fc.Arbitrary<Json>;
  invalid: fc.Arbitrary<Json>;
}

const NO_VALUE = Symbol('absent');

/**
 * Bodies that break the contract: one field made invalid among otherwise valid ones, any mix
 * of valid, invalid and missing fields, unknown extra fields, the body wrapped in another
 * object, or a body that is not an object at all. Filtered through `isValid` (after a JSON
 * round trip, as the server sees it), so none of them is acceptable.
 */
function malformedBody(fields: Record<string, FieldSpec>, isValid: (b: Json) => boolean): fc.Arbitrary<Json> {
  const names = Object.keys(fields);
  const extraKey = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom(
        'id',
        'status',
        'organizationId',
        'assignee',
        'version ',
        'Area',
        'internal_',
        'createdBy',
        'escalated',
      ),
    )
    // Names of Object.prototype members have a property of their own below.
    .filter((k) => !names.includes(k) && k !== '__proto__' && !OBJECT_MEMBER_NAMES.includes(k));
  const validBody = fc.record(Object.fromEntries(names.map((n) => [n, fields[n].valid])));
  const oneBadField = fc
    .tuple(validBody, fc.constantFrom(...names))
    .chain(([body, bad]) => fields[bad].invalid.map((value) => ({ ...body, [bad]: value })));
  const mixed = fc
    .record(
      Object.fromEntries(
        names.map((n) => [n, fc.oneof(fields[n].valid, fields[n].invalid, fc.constant(NO_VALUE))]),
      ) as Record<string, fc.Arbitrary<Json>>,
    )
    .map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== NO_VALUE)));
  const withExtra = fc
    .tuple(validBody, fc.dictionary(extraKey, anyJson, { minKeys: 1, maxKeys: 3 }))
    .map(([body, extra]) => ({ ...body, ...extra }));
  const missingOne = fc
    .tuple(validBody, fc.constantFrom(...names))
    .map(([body, gone]) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== gone)));
  const nested = fc
    .tuple(validBody, fc.constantFrom('data', 'body', 'request', 'attributes'))
    .map(([body, key]) => ({ [key]: body }));
  const notAnObject = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    unicodeJunk,
    fc.array(validBody, { maxLength: 3 }),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  );
  return fc
    .oneof(
      { weight: 5, arbitrary: oneBadField },
      { weight: 3, arbitrary: mixed },
      { weight: 2, arbitrary: withExtra },
      { weight: 1, arbitrary: missingOne },
      { weight: 1, arbitrary: nested },
      { weight: 1, arbitrary: notAnObject },
    )
    .map((body) => JSON.parse(JSON.stringify(body) ?? 'null') as Json)
    .filter((body) => !isValid(body));
}

/** Text that is not JSON, sent as application/json. */
const notJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    unicodeJunk,
    fc.jsonValue({ maxDepth: 3 }).chain((v) => {
      const text = JSON.stringify(v);
      return fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut));
    }),
    fc.constantFrom(
      '{',
      '}',
      '{"body": "x",}',
      "{'body': 'x'}",
      '{"body": "x" /* comment */}',
      '{"score": NaN}',
      '{"score": Infinity}',
      '{"body": "a\u0001b"}',
      '{"body": undefined}',
      '{body: "x"}',
      '[1, 2',
      '"unterminated',
      '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"admin": true}}}',
      '\u0000',
      '{"a":1}{"b":2}',
      'tru',
      '0x10',
      '01',
    ),
  )
  .filter((text) => {
    try {
      const parsed = JSON.parse(text);
      // Valid JSON text is kept only when it is not an acceptable body for any route.
      return !Object.values(VALID).some((valid) => valid(parsed)) && text.trim() !== '';
    } catch {
      return true;
    }
  });

/** JSON nested far deeper than any body of the API, as text (too deep to build as objects here). */
const deepJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('body', 'to', 'reason', 'score', 'version', 'area', 'assigneeId', 'extra'),
    fc.integer({ min: 100, max: 20000 }),
    fc.constantFrom('array', 'object'),
  )
  .map(([key, depth, kind]) => {
    const [open, close] = kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
    return `{"${key}":${open.repeat(depth)}1${close.repeat(depth)}}`;
  });

// ---------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------

async function call(
  method: string,
  path: string,
  email: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ApiAnswer> {
  return portal.request(method, `${API}${path}`, { token: tokens[email], body, headers });
}

/** Raw text as the body, with a JSON content type. */
async function callRaw(method: string, path: string, email: string, text: string): Promise<ApiAnswer> {
  const response = await fetch(`${portal.url}${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[email]}`, 'content-type': 'application/json' },
    body: text,
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // left as text: the assertion below reports it
  }
  return { status: response.status, headers: response.headers, body };
}

/** Everything a write could leave behind. */
async function footprint() {
  const { rows } = await portal.db.query(
    `SELECT (SELECT count(*) FROM requests)::int AS requests,
            (SELECT count(*) FROM request_messages)::int AS messages,
            (SELECT count(*) FROM request_events)::int AS events,
            (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys,
            (SELECT json_agg(json_build_object('id', id, 'version', version, 'updated_at', updated_at, 'status', status,
                                               'priority', priority, 'assignee', assignee_id, 'score', satisfaction_score) ORDER BY id)
             FROM requests WHERE id = ANY($1::uuid[])) AS targets`,
    [[assignedId, resolvedId]],
  );
  return rows[0];
}

function expectProblem(answer: ApiAnswer, sent: unknown): void {
  const where = { sent, status: answer.status, body: answer.body };
  if (answer.status < 400 || answer.status > 499)
    throw new Error(`expected a 4xx answer, got ${answer.status}: ${JSON.stringify(where).slice(0, 2000)}`);
  expect(answer.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: answer.status, title: expect.any(String), detail: expect.any(String) });
}

/**
 * Runs a property over `inputs`: each answer is a 4xx problem document, and the database
 * is exactly as before. The footprint is compared around each run, so a failure points at
 * the input that wrote.
 */
async function neverAcceptedNorWritten<T>(
  inputs: fc.Arbitrary<T>,
  send: (input: T) => Promise<ApiAnswer>,
  numRuns: number,
): Promise<void> {
  let before = await footprint();
  await fc.assert(
    fc.asyncProperty(inputs, async (input) => {
      const answer = await send(input);
      const after = await footprint();
      const unchanged = JSON.stringify(after) === JSON.stringify(before);
      before = after;
      expectProblem(answer, input);
      expect(unchanged).toBe(true);
    }),
    { numRuns, endOnFailure: false },
  );
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

beforeAll(async () => {
  portal = await startTestPortal();
  for (const email of [MEMBER, STAFF, ADMIN]) tokens[email] = (await portal.login(email)).accessToken;
  const { rows } = await portal.db.query(`SELECT id FROM users WHERE email = 'director.and@clac.example'`);
  someStaffId = rows[0].id;
  const staff = await portal.db.query(
    `SELECT id FROM users WHERE role IN ('representative', 'specialist', 'director', 'admin') AND active AND available AND email <> $1`,
    [STAFF],
  );
  STAFF_IDS.push(...staff.rows.map((r) => r.id));
});

/** Fresh targets for every test, so a write that slipped through in one cannot blunt the next. */
beforeEach(async () => {
  const create = (subject: string) =>
    call('POST', '/requests', MEMBER, {
      area: 'standards-compliance',
      subject,
      description: 'Necesitamos orientación.',
    });
  const assigned = await create('Solicitud que no debe cambiar');
  expect(assigned.status).toBe(201);
  expect(assigned.body.status).toBe('assigned');
  assignedId = assigned.body.id;
  currentVersion = assigned.body.version;
  const resolved = await create('Solicitud resuelta');
  resolvedId = resolved.body.id;
  for (const to of ['in_progress', 'resolved'])
    expect((await call('POST', `/requests/${resolvedId}/transitions`, STAFF, { to })).status).toBe(200);
});

afterAll(async () => {
  await portal?.stop();
});

// ---------------------------------------------------------------------------------------
// Bodies of each write route
// ---------------------------------------------------------------------------------------

const FIELDS = {
  create: {
    area: { valid: fc.constantFrom(...AREAS), invalid: notOneOf(AREAS) },
    subject: { valid: validText(3, 200), invalid: notText(3, 200) },
    description: { valid: validText(1, 20000), invalid: notText(1, 20000) },
    priority: { valid: fc.constantFrom(...PRIORITY_VALUES), invalid: notOneOf(PRIORITY_VALUES, true) },
  },
  update: {
    priority: { valid: fc.constantFrom(...PRIORITY_VALUES), invalid: notOneOf(PRIORITY_VALUES, true) },
    area: { valid: fc.constantFrom(...AREAS), invalid: notOneOf(AREAS, true) },
    // The target's current version, so that only the malformed part can stop the change.
    version: { valid: fc.constant(null).map(() => currentVersion), invalid: notInt(1, 2_000_000_000) },
  },
  message: {
    body: { valid: validText(1, 20000), invalid: notText(1, 20000) },
    internal: { valid: fc.boolean(), invalid: anyJson.filter((v) => typeof v !== 'boolean' && v !== null) },
  },
  transition: {
    to: { valid: fc.constantFrom(...STATUSES), invalid: notOneOf(STATUSES) },
    reason: { valid: validText(0, 2000), invalid: notText(0, 2000, true) },
  },
  assign: {
    assigneeId: {
      valid: aStaffId,
      invalid: fc
        .oneof(
          anyJson,
          fc.uuid().map((u) => u.slice(0, -1)),
          fc.uuid().map((u) => `${u}0`),
          fc.uuid().map((u) => u.replace(/-/g, '')),
          fc.uuid().map((u) => `{${u}}`),
        )
        .filter((v) => !(typeof v === 'string' && LOOSE_UUID.test(v))),
    },
    reason: { valid: validText(0, 2000), invalid: notText(0, 2000, true) },
  },
  escalate: {
    reason: { valid: validText(3, 2000), invalid: notText(3, 2000) },
  },
  satisfaction: {
    score: { valid: fc.integer({ min: 1, max: 5 }), invalid: notInt(1, 5) },
    comment: { valid: validText(0, 2000), invalid: notText(0, 2000, true) },
  },
} satisfies Record<string, Record<string, FieldSpec>>;

describe('malformed bodies are refused with a 4xx problem document and write nothing', () => {
  it('POST /requests', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.create, VALID.create),
      (body) => call('POST', '/requests', MEMBER, body),
      450,
    );
  });

  it('POST /requests with an Idempotency-Key stores no key for a refused body', async () => {
    const key = fc.stringMatching(/^[\x21-\x7e]{1,40}$/);
    await neverAcceptedNorWritten(
      fc.tuple(malformedBody(FIELDS.create, VALID.create), key),
      ([body, idempotencyKey]) => call('POST', '/requests', MEMBER, body, { 'Idempotency-Key': idempotencyKey }),
      150,
    );
  });

  it('POST /requests with a valid body but a malformed Idempotency-Key', async () => {
    const badKey = fc
      .oneof(
        fc.string({ unit: fc.constantFrom(' ', 'a', '\t', '~', '!'), minLength: 1, maxLength: 10 }),
        fc.integer({ min: 201, max: 2000 }).map((n) => 'k'.repeat(n)),
      )
      .filter((k) => !/^[\x21-\x7e]{1,200}$/.test(k) && k.trim() === k && k !== '');
    await neverAcceptedNorWritten(
      badKey,
      (idempotencyKey) =>
        call(
          'POST',
          '/requests',
          MEMBER,
          { area: 'market-access', subject: 'Clave inválida', description: 'x' },
          { 'Idempotency-Key': idempotencyKey },
        ),
      100,
    );
  });

  it('PATCH /requests/:id (staff, on a request it holds)', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.update, VALID.update),
      (body) => call('PATCH', `/requests/${assignedId}`, STAFF, body),
      350,
    );
  });

  it('POST /requests/:id/messages by the member', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.message, VALID.message),
      (body) => call('POST', `/requests/${assignedId}/messages`, MEMBER, body),
      200,
    );
  });

  it('POST /requests/:id/messages by the assignee', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.message, VALID.message),
      (body) => call('POST', `/requests/${assignedId}/messages`, STAFF, body),
      200,
    );
  });

  it('POST /requests/:id/transitions', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.transition, VALID.transition),
      (body) => call('POST', `/requests/${assignedId}/transitions`, STAFF, body),
      350,
    );
  });

  it('POST /requests/:id/assign', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.assign, VALID.assign),
      (body) => call('POST', `/requests/${assignedId}/assign`, ADMIN, body),
      300,
    );
  });

  it('POST /requests/:id/escalate', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.escalate, VALID.escalate),
      (body) => call('POST', `/requests/${assignedId}/escalate`, STAFF, body),
      300,
    );
  });

  it('POST /requests/:id/satisfaction (on a resolved request)', async () => {
    await neverAcceptedNorWritten(
      malformedBody(FIELDS.satisfaction, VALID.satisfaction),
      (body) => call('POST', `/requests/${resolvedId}/satisfaction`, MEMBER, body),
      300,
    );
  });
});

describe('text that is not JSON, or JSON no route could accept, sent as application/json, is refused with a 4xx problem document and writes nothing', () => {
  const routes: [string, string, () => string, string][] = [
    ['POST', '/requests', () => '/requests', MEMBER],
    ['PATCH', '/requests/:id', () => `/requests/${assignedId}`, STAFF],
    ['POST', '/requests/:id/messages', () => `/requests/${assignedId}/messages`, STAFF],
    ['POST', '/requests/:id/transitions', () => `/requests/${assignedId}/transitions`, STAFF],
    ['POST', '/requests/:id/assign', () => `/requests/${assignedId}/assign`, ADMIN],
    ['POST', '/requests/:id/escalate', () => `/requests/${assignedId}/escalate`, STAFF],
    ['POST', '/requests/:id/satisfaction', () => `/requests/${resolvedId}/satisfaction`, MEMBER],
  ];
  it.each(routes)('%s %s', async (method, _route, path, email) => {
    await neverAcceptedNorWritten(notJson, (text) => callRaw(method, path(), email, text), 60);
  });

  it.each(routes)('%s %s: JSON nested thousands of levels deep', async (method, _route, path, email) => {
    await neverAcceptedNorWritten(deepJson, (text) => callRaw(method, path(), email, text), 15);
  });
});

describe('malformed ids in the path answer 404, and write nothing', () => {
  const notAUuid = fc
    .oneof(
      unicodeJunk,
      nastyString,
      fc.uuid().map((u) => u.slice(1)),
      fc.uuid().map((u) => `${u}a`),
      fc.uuid().map((u) => u.replace(/-/g, '')),
      fc.uuid().map((u) => u.replace(/[0-9a-f]/, 'g')),
      fc.uuid().map((u) => ` ${u}`),
      fc.integer().map(String),
      fc.constantFrom(
        'null',
        'undefined',
        '0',
        '-1',
        'SR-2026-000001',
        '1 OR 1=1',
        "' OR '1'='1",
        '%',
        '%25',
        'me',
        'new',
      ),
      fc.integer({ min: 37, max: 90 }).map((n) => 'a'.repeat(n)),
    )
    .filter((s) => s.trim() !== '' && s !== '.' && s !== '..' && !LOOSE_UUID.test(s.trim()))
    .filter((s) => {
      try {
        // Longer ids than a URL segment may hold are the router's business: see the test below.
        return encodeURIComponent(s).length <= 100;
      } catch {
        return false; // lone surrogates cannot be put in a URL
      }
    });
  const routes: [string, string, (id: string) => Promise<ApiAnswer>][] = [
    ['GET', '/requests/:id', (id) => call('GET', `/requests/${id}`, STAFF)],
    ['PATCH', '/requests/:id', (id) => call('PATCH', `/requests/${id}`, STAFF, { priority: 'high', version: 1 })],
    ['POST', '/requests/:id/messages', (id) => call('POST', `/requests/${id}/messages`, STAFF, { body: 'Hola' })],
    [
      'POST',
      '/requests/:id/transitions',
      (id) => call('POST', `/requests/${id}/transitions`, STAFF, { to: 'in_progress' }),
    ],
    [
      'POST',
      '/requests/:id/assign',
      (id) => call('POST', `/requests/${id}/assign`, ADMIN, { assigneeId: someStaffId }),
    ],
    [
      'POST',
      '/requests/:id/escalate',
      (id) => call('POST', `/requests/${id}/escalate`, STAFF, { reason: 'Necesita la dirección' }),
    ],
    ['POST', '/requests/:id/satisfaction', (id) => call('POST', `/requests/${id}/satisfaction`, MEMBER, { score: 5 })],
  ];
  it.each(routes)('%s %s', async (_method, _route, send) => {
    await neverAcceptedNorWritten(
      notAUuid,
      async (id) => {
        const answer = await send(encodeURIComponent(id));
        expect({ id, status: answer.status }).toEqual({ id, status: 404 });
        return answer;
      },
      60,
    );
  });

  it.each(routes)(
    '%s %s with an id of 101 to 5000 characters: 404 or 414, as a problem document',
    async (_method, _route, send) => {
      await neverAcceptedNorWritten(
        fc.integer({ min: 101, max: 5000 }).map((n) => 'a'.repeat(n)),
        async (id) => {
          const answer = await send(id);
          expect([404, 414]).toContain(answer.status);
          return answer;
        },
        10,
      );
    },
  );
});

// ---------------------------------------------------------------------------------------
// Query strings
// ---------------------------------------------------------------------------------------

function queryValue(
  valid: fc.Arbitrary<string>,
  invalid: fc.Arbitrary<string>,
): { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string | string[]> } {
  return { valid, invalid: fc.oneof(invalid, fc.array(valid, { minLength: 2, maxLength: 3 })) };
}
const junkText = fc.oneof(unicodeJunk, nastyString, fc.string({ maxLength: 20 }), fc.integer().map(String));
const notNumber = (max: number) =>
  fc
    .oneof(
      fc.integer({ min: -1000, max: 0 }).map(String),
      fc.integer({ min: max + 1, max: max * 100 }).map(String),
      fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 })
        .filter((d) => !Number.isInteger(d))
        .map(String),
      fc.constantFrom('', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', 'one', '1,5', '[1]', '{}', 'null', 'true'),
    )
    .filter((v) => !pageNumber(v, max));

const LIST_QUERY = {
  status: queryValue(
    fc.subarray([...STATUSES], { minLength: 1 }).map((s) => s.join(',')),
    junkText.filter((v) => !statusList.test(v)),
  ),
  area: queryValue(
    fc.constantFrom(...AREAS),
    junkText.filter((v) => !AREAS.includes(v)),
  ),
  country: queryValue(
    fc.constantFrom('PE', 'BO', 'BR', 'HT'),
    fc.oneof(junkText, fc.constantFrom('pe', 'PER', 'P', 'P1', 'ÑE')).filter((v) => !/^[A-Z]{2}$/.test(v)),
  ),
  region: queryValue(
    fc.constantFrom(...REGIONS),
    fc.oneof(junkText, fc.constantFrom('and', 'ANDEAN', 'EUR')).filter((v) => !REGIONS.includes(v)),
  ),
  assignee: queryValue(
    fc.oneof(fc.constant('me'), fc.constant('none'), fc.uuid()),
    junkText.filter((v) => !LIST_PARAMS.assignee(v)),
  ),
  organization: queryValue(
    fc.uuid(),
    junkText.filter((v) => !LOOSE_UUID.test(v)),
  ),
  q: queryValue(
    fc.string({ maxLength: 30 }).filter((v) => !v.includes('\u0000')),
    fc.integer({ min: 201, max: 5000 }).map((n) => 'q'.repeat(n)),
  ),
  breached: queryValue(
    fc.constantFrom('true', 'false'),
    fc
      .oneof(junkText, fc.constantFrom('TRUE', 'False', '1', '0', 'yes', ''))
      .filter((v) => v !== 'true' && v !== 'false'),
  ),
  escalated: queryValue(
    fc.constantFrom('true', 'false'),
    fc.oneof(junkText, fc.constantFrom('TRUE', '1', 'on', '')).filter((v) => v !== 'true' && v !== 'false'),
  ),
  from: queryValue(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc
      .oneof(
        junkText,
        fc.constantFrom(
          '2026-1-1',
          '26-01-01',
          '2026/01/01',
          '2026-01-01T10',
          '2026-01-01 10:00',
          'yesterday',
          '1700000000',
          '2026-01-01T10:00:00',
        ),
      )
      .filter((v) => !DATE_PATTERN.test(v)),
  ),
  to: queryValue(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc
      .oneof(junkText, fc.constantFrom('2026-12', '2026-12-31T', 'tomorrow', '2026-12-31Z'))
      .filter((v) => !DATE_PATTERN.test(v)),
  ),
  sort: queryValue(
    fc.constantFrom('createdAt', '-createdAt', 'updatedAt', '-priority', 'dueAt'),
    fc
      .oneof(
        junkText,
        fc.constantFrom('+createdAt', '--createdAt', 'created_at', 'id', 'createdAt;DROP', 'priority desc'),
      )
      .filter((v) => !LIST_PARAMS.sort(v)),
  ),
  page: queryValue(fc.integer({ min: 1, max: 100000 }).map(String), notNumber(100000)),
  pageSize: queryValue(fc.integer({ min: 1, max: 100 }).map(String), notNumber(100)),
};

/** Queries with at least one malformed, repeated or unknown parameter. */
function malformedQuery(
  params: Record<string, { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string | string[]> }>,
  isValid: (q: Query) => boolean,
): fc.Arbitrary<Query> {
  const names = Object.keys(params);
  const someValid = fc.record(Object.fromEntries(names.map((n) => [n, params[n].valid])), { requiredKeys: [] });
  const oneBad = fc
    .tuple(someValid, fc.constantFrom(...names))
    .chain(([query, bad]) => params[bad].invalid.map((value) => ({ ...query, [bad]: value }) as Query));
  const unknown = fc
    .tuple(
      someValid,
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !names.includes(k) && !OBJECT_MEMBER_NAMES.includes(k) && k !== '__proto__'),
      junkText,
    )
    .map(([query, key, value]) => ({ ...query, [key]: value }) as Query);
  return fc.oneof({ weight: 4, arbitrary: oneBad }, { weight: 1, arbitrary: unknown }).filter((q) => !isValid(q));
}

describe('malformed query strings are refused with a 4xx problem document', () => {
  it('GET /requests', async () => {
    await neverAcceptedNorWritten(
      malformedQuery(LIST_QUERY, validListQuery),
      (query) => call('GET', `/requests?${queryString(query)}`, STAFF),
      450,
    );
  });

  it('GET /requests with dates in the right shape that are not real dates', async () => {
    const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
    const impossible = fc
      .oneof(
        fc.tuple(fc.integer({ min: 2000, max: 2100 }), two(0, 99), two(0, 99)).map(([y, m, d]) => `${y}-${m}-${d}`),
        fc
          .tuple(fc.integer({ min: 2000, max: 2100 }), two(0, 99), two(0, 99))
          .map(([y, h, mi]) => `${y}-06-15T${h}:${mi}Z`),
        fc.tuple(two(0, 99), two(0, 99)).map(([oh, om]) => `2026-06-15T10:00:00+${oh}:${om}`),
      )
      .filter((v) => DATE_PATTERN.test(v) && !isRealDate(v));
    await neverAcceptedNorWritten(
      fc.tuple(fc.constantFrom('from', 'to'), impossible),
      ([name, value]) => call('GET', `/requests?${queryString({ [name]: value })}`, STAFF),
      150,
    );
  });

  it('GET /routing/preview', async () => {
    const preview = {
      country: queryValue(
        fc.constantFrom(...SERVED_COUNTRIES),
        fc
          .oneof(junkText, fc.constantFrom('XX', 'US', 'ES', 'pe', 'PER', ''))
          .filter((v) => !SERVED_COUNTRIES.includes(v)),
      ),
      area: queryValue(
        fc.constantFrom(...AREAS),
        junkText.filter((v) => !AREAS.includes(v)),
      ),
    };
    const missing = fc.oneof(
      fc.record({ country: preview.country.valid }),
      fc.record({ area: preview.area.valid }),
      fc.constant({}),
    );
    await neverAcceptedNorWritten(
      fc.oneof(malformedQuery(preview, validPreviewQuery), missing).filter((q) => !validPreviewQuery(q)),
      (query) => call('GET', `/routing/preview?${queryString(query)}`, STAFF),
      300,
    );
  });
});

// ---------------------------------------------------------------------------------------
// Two kinds of malformed input, each in a property of its own
// ---------------------------------------------------------------------------------------

/** Every write route, with a valid body to build on. */
const WRITE_ROUTES: {
  route: string;
  send: (body: Json) => Promise<ApiAnswer>;
  valid: () => Record<string, Json>;
  texts: Record<string, number>;
}[] = [
  {
    route: 'POST /requests',
    send: (body) => call('POST', '/requests', MEMBER, body),
    valid: () => ({ area: 'market-access', subject: 'Compradores en Europa', description: 'Buscamos compradores.' }),
    texts: { subject: 200, description: 20000 },
  },
  {
    route: 'PATCH /requests/:id',
    send: (body) => call('PATCH', `/requests/${assignedId}`, STAFF, body),
    valid: () => ({ priority: 'high', version: currentVersion }),
    texts: {},
  },
  {
    route: 'POST /requests/:id/messages',
    send: (body) => call('POST', `/requests/${assignedId}/messages`, STAFF, body),
    valid: () => ({ body: 'Hola' }),
    texts: { body: 20000 },
  },
  {
    route: 'POST /requests/:id/transitions',
    send: (body) => call('POST', `/requests/${assignedId}/transitions`, STAFF, body),
    valid: () => ({ to: 'in_progress', reason: 'Empezamos' }),
    texts: { reason: 2000 },
  },
  {
    route: 'POST /requests/:id/assign',
    send: (body) => call('POST', `/requests/${assignedId}/assign`, ADMIN, body),
    valid: () => ({ assigneeId: someStaffId, reason: 'Traspaso' }),
    texts: { reason: 2000 },
  },
  {
    route: 'POST /requests/:id/escalate',
    send: (body) => call('POST', `/requests/${assignedId}/escalate`, STAFF, body),
    valid: () => ({ reason: 'Necesita la dirección' }),
    texts: { reason: 2000 },
  },
  {
    route: 'POST /requests/:id/satisfaction',
    send: (body) => call('POST', `/requests/${resolvedId}/satisfaction`, MEMBER, body),
    valid: () => ({ score: 4, comment: 'Bien' }),
    texts: { comment: 2000 },
  },
];

describe('unknown fields named like members of every JavaScript object are refused like any unknown field', () => {
  it.each(WRITE_ROUTES.map((r) => [r.route, r] as const))('%s', async (_route, route) => {
    await neverAcceptedNorWritten(
      fc.tuple(fc.constantFrom(...OBJECT_MEMBER_NAMES), anyJson),
      ([key, value]) => route.send({ ...route.valid(), [key]: value }),
      30,
    );
  });

  it.each([
    ['GET /requests', (key: string) => call('GET', `/requests?${key}=1`, STAFF)],
    [
      'GET /routing/preview',
      (key: string) => call('GET', `/routing/preview?country=PE&area=market-access&${key}=1`, STAFF),
    ],
  ] as const)('%s', async (_route, send) => {
    await neverAcceptedNorWritten(fc.constantFrom(...OBJECT_MEMBER_NAMES), send, 20);
  });
});

describe('text over its limit is refused even when variation selectors make it look shorter', () => {
  const cases = WRITE_ROUTES.flatMap((route) =>
    Object.entries(route.texts).map(([field, max]) => [route.route, field, max, route] as const),
  );
  it.each(cases)('%s: %s longer than %d characters', async (_route, field, max, route) => {
    await neverAcceptedNorWritten(
      overLongWithVariationSelectors(max),
      (text) => route.send({ ...route.valid(), [field]: text }),
      25,
    );
  });
});

// ---------------------------------------------------------------------------------------
// Inputs found to break the API, one by one (each also reachable by the properties above)
// ---------------------------------------------------------------------------------------

describe('inputs that must not cause a server error', () => {
  it('refuses a subject of more than 200 characters written with variation selectors (400, nothing created)', async () => {
    const before = await footprint();
    const subject = 'a\uFE0F'.repeat(150); // 300 characters
    const answer = await call('POST', '/requests', MEMBER, { area: 'market-access', subject, description: 'x' });
    expectProblem(answer, subject);
    expect(answer.status).toBe(400);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a message of more than 20000 characters written with variation selectors (400, nothing written)', async () => {
    const before = await footprint();
    const answer = await call('POST', `/requests/${assignedId}/messages`, STAFF, { body: 'a\uFE0F'.repeat(10001) });
    expectProblem(answer, 'a\uFE0F × 10001');
    expect(answer.status).toBe(400);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a transition reason of more than 2000 characters written with variation selectors (400, nothing written)', async () => {
    const before = await footprint();
    const answer = await call('POST', `/requests/${assignedId}/transitions`, STAFF, {
      to: 'in_progress',
      reason: 'a\uFE0F'.repeat(1001),
    });
    expectProblem(answer, 'a\uFE0F × 1001');
    expect(answer.status).toBe(400);
    expect(await footprint()).toEqual(before);
  });

  it('answers a NUL character in a subject without a server error', async () => {
    const answer = await call('POST', '/requests', MEMBER, {
      area: 'market-access',
      subject: 'abc\u0000def',
      description: 'x',
    });
    expect(answer.status).toBeLessThan(500);
    expect([201, 400]).toContain(answer.status);
  });

  it('answers a search for text with a NUL character without a server error', async () => {
    const answer = await call('GET', '/requests?q=caf%00e', MEMBER);
    expect(answer.status).toBeLessThan(500);
    expect([200, 400]).toContain(answer.status);
  });

  it.each(['ME', 'Me', 'mE'])('answers ?assignee=%s as "me" or with 400, never a server error', async (value) => {
    const answer = await call('GET', `/requests?assignee=${value}`, STAFF);
    expect(answer.status).toBeLessThan(500);
    expect([200, 400]).toContain(answer.status);
  });

  it.each([
    ['to', '2026-13-45'],
    ['from', '2026-01-01T00:00+99:99'],
    ['from', '2026-02-30'],
    ['to', '2026-04-31'],
  ])('refuses ?%s=%s, which is not a real date, with 400', async (name, value) => {
    const answer = await call('GET', `/requests?${name}=${encodeURIComponent(value)}`, STAFF);
    expectProblem(answer, value);
    expect(answer.status).toBe(400);
  });

  it('answers a body nested 10000 levels deep with 400', async () => {
    const before = await footprint();
    const text = `{"body":${'['.repeat(10000)}${']'.repeat(10000)}}`;
    const answer = await callRaw('POST', `/requests/${assignedId}/messages`, STAFF, text);
    expectProblem(answer, 'nested 10000 deep');
    expect(await footprint()).toEqual(before);
  });

  it('answers a body over 1 MB with a 413 problem document', async () => {
    const before = await footprint();
    const answer = await requestRefusedEarly(
      'POST',
      `${portal.url}${API}/requests`,
      { authorization: `Bearer ${tokens[MEMBER]}` },
      {
        area: 'market-access',
        subject: 'Grande',
        description: 'x'.repeat(1_100_000),
      },
    );
    expectProblem(answer, 'a 1.1 MB description');
    expect(answer.status).toBe(413);
    expect(await footprint()).toEqual(before);
  });

  it('answers a malformed percent-encoding in the path with a 4xx problem document', async () => {
    const answer = await portal.request('GET', `${API}/requests/%E0%A4%A`, { token: tokens[STAFF] });
    expectProblem(answer, '/requests/%E0%A4%A');
  });
});
