import { DEMO_PASSWORD } from './api-harness';

/**
 * Many people using the portal at once, every answer checked against its own caller: the
 * identity /me gives, the organization and author of the request a submission created, the
 * rows of lists (a member sees only its organization's; anyone sees only what they can see
 * when asked alone afterwards), a report's region, and a submission that fails halfway
 * through its transaction (an Idempotency-Key reused for another request: 409).
 * Used by the embedded database's concurrency test and by `npm run bench -- --embedded`'s
 * check; it knows the demo accounts.
 */

export interface LoadPerson {
  email: string;
  kind: 'member' | 'staff';
  /** Set by signIn. */
  id?: string;
  token?: string;
  organizationId?: string | null;
  region?: string | null;
  /** A request of its own, filed before the load (members), with its Idempotency-Key. */
  keyedRequest?: { id: string; key: string };
}

export const LOAD_MEMBERS = [
  'ana@valle-alto.example',
  'luis@valle-alto.example',
  'rosa@quinua-andina.example',
  'marco@tierra-viva.example',
  'joana@apicultores-sertao.example',
  'jean@kafe-mon-no.example',
  'maria@los-altos.example',
  'jose@montana-verde.example',
  'pedro@sierra-madre.example',
  'grace@lucia-bananas.example',
  'camilo@finca-esperanza.example',
];
export const LOAD_STAFF = [
  'rep.pe1@clac.example',
  'rep.pe2@clac.example',
  'rep.br@clac.example',
  'climate.and@clac.example',
  'director.and@clac.example',
  'admin@clac.example',
];

export function loadPeople(): LoadPerson[] {
  return [
    ...LOAD_MEMBERS.map((email) => ({ email, kind: 'member' as const })),
    ...LOAD_STAFF.map((email) => ({ email, kind: 'staff' as const })),
  ];
}

export interface Answer {
  status: number;
  body: any;
}

/** One HTTP call; a call that gets no answer within the timeout is status 0, never left waiting. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: kept as text */
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: String((error as Error).message ?? error) };
  }
}

/** Signs everyone in and files each member's keyed request, one at a time (no load yet). */
export async function signIn(baseUrl: string, people: LoadPerson[]): Promise<void> {
  for (const person of people) {
    const login = await call(baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: person.email, password: DEMO_PASSWORD },
    });
    if (login.status !== 200)
      throw new Error(`sign-in of ${person.email}: ${login.status} ${JSON.stringify(login.body)}`);
    person.token = login.body.accessToken;
    person.id = login.body.user.id;
    person.organizationId = login.body.user.organization?.id ?? null;
    person.region = login.body.user.region ?? null;
    if (login.body.user.email !== person.email)
      throw new Error(`sign-in of ${person.email} answered ${login.body.user.email}`);
    if (person.kind === 'member') {
      const key = `mixed-load-${person.id}`;
      const filed = await call(baseUrl, 'POST', '/api/v1/requests', {
        token: person.token,
        body: submission(person, 'keyed'),
        headers: { 'Idempotency-Key': key },
      });
      if (filed.status !== 201)
        throw new Error(`keyed request of ${person.email}: ${filed.status} ${JSON.stringify(filed.body)}`);
      person.keyedRequest = { id: filed.body.id, key };
    }
  }
}

function submission(person: LoadPerson, tag: string) {
  return {
    area: 'standards-compliance',
    subject: `Carga mixta ${person.email} ${tag}`,
    description: 'Consulta sobre la auditoría de certificación del próximo mes.',
  };
}

export interface LoadResult {
  /** Every call made, with what was wrong with its answer (null when right). */
  calls: { person: string; what: string; status: number; problem: string | null }[];
  /** What each person saw, to check against a quiet read afterwards. */
  seen: Map<string, { requestIds: Set<string>; notificationIds: Set<string> }>;
  created: Map<string, string[]>;
}

type Check = (answer: Answer) => string | null;

/** Requests each member files in each round. */
export const SUBMISSIONS_PER_ROUND = 4;

/**
 * One round: every person's calls sent at once. Returns each call's answer checked
 * against its caller. `round` makes subjects unique across rounds.
 */
export async function mixedRound(
  baseUrl: string,
  people: LoadPerson[],
  round: number,
  result: LoadResult,
): Promise<void> {
  const pending: Promise<void>[] = [];
  const run = (person: LoadPerson, what: string, send: () => Promise<Answer>, check: Check) => {
    pending.push(
      send().then((answer) => {
        let problem: string | null;
        if (answer.status === 0) problem = `no answer: ${answer.body}`;
        else if (answer.status >= 500) problem = `${answer.status} ${JSON.stringify(answer.body)}`;
        else if (answer.status === 401) problem = `401 with a valid token: ${JSON.stringify(answer.body)}`;
        else problem = check(answer);
        result.calls.push({ person: person.email, what, status: answer.status, problem });
      }),
    );
  };
  const seen = (person: LoadPerson) => {
    if (!result.seen.has(person.email))
      result.seen.set(person.email, { requestIds: new Set(), notificationIds: new Set() });
    return result.seen.get(person.email)!;
  };
  const is200 = (answer: Answer, then: () => string | null) =>
    answer.status === 200 ? then() : `expected 200, got ${answer.status} ${JSON.stringify(answer.body)}`;
  const get = (person: LoadPerson, path: string) => () => call(baseUrl, 'GET', path, { token: person.token });

  for (const person of people) {
    const me: Check = (answer) =>
      is200(answer, () =>
        answer.body.id === person.id && answer.body.email === person.email
          ? null
          : `/me answered ${answer.body.email} (${answer.body.id})`,
      );
    for (let i = 0; i < 4; i++) run(person, 'GET /me', get(person, '/api/v1/me'), me);

    const list: Check = (answer) =>
      is200(answer, () => {
        if (!Array.isArray(answer.body.items)) return 'no items';
        for (const item of answer.body.items) {
          seen(person).requestIds.add(item.id);
          if (person.kind === 'member' && item.organization.id !== person.organizationId)
            return `a member listed ${item.reference} of another organization`;
        }
        return null;
      });
    run(person, 'GET /requests', get(person, '/api/v1/requests?pageSize=50'), list);
    run(person, 'GET /requests?status', get(person, '/api/v1/requests?status=new,assigned&sort=createdAt'), list);

    const notifications: Check = (answer) =>
      is200(answer, () => {
        if (!Array.isArray(answer.body.items)) return 'no items';
        for (const item of answer.body.items) seen(person).notificationIds.add(item.id);
        return null;
      });
    run(person, 'GET /notifications', get(person, '/api/v1/notifications?pageSize=100'), notifications);
    run(
      person,
      'GET /notifications?unread',
      get(person, '/api/v1/notifications?unread=true&pageSize=20'),
      notifications,
    );

    if (person.kind === 'member') {
      for (let i = 0; i < SUBMISSIONS_PER_ROUND; i++) {
        const body = submission(person, `r${round}-${i}`);
        run(
          person,
          'POST /requests',
          () => call(baseUrl, 'POST', '/api/v1/requests', { token: person.token, body }),
          (answer) => {
            if (answer.status !== 201) return `expected 201, got ${answer.status} ${JSON.stringify(answer.body)}`;
            if (answer.body.subject !== body.subject)
              return `submission answered with another request: ${answer.body.subject}`;
            if (answer.body.organization.id !== person.organizationId || answer.body.createdBy.id !== person.id)
              return `request filed for another organization or person`;
            result.created.set(person.email, [...(result.created.get(person.email) ?? []), answer.body.id]);
            return null;
          },
        );
      }
      // A transaction that fails halfway: the key is locked and read, then the submission is refused.
      run(
        person,
        'POST /requests (key reused)',
        () =>
          call(baseUrl, 'POST', '/api/v1/requests', {
            token: person.token,
            body: submission(person, `reuse-${round}`),
            headers: { 'Idempotency-Key': person.keyedRequest!.key },
          }),
        (answer) =>
          answer.status === 409 && answer.body.code === 'requests.idempotency-key-reused'
            ? null
            : `expected 409 key reused, got ${answer.status} ${JSON.stringify(answer.body)}`,
      );
      run(person, 'GET /requests/:id', get(person, `/api/v1/requests/${person.keyedRequest!.id}`), (answer) =>
        is200(answer, () =>
          answer.body.id === person.keyedRequest!.id && answer.body.createdBy.id === person.id
            ? null
            : `answered request ${answer.body.id}`,
        ),
      );
    } else {
      run(person, 'GET /requests?assignee=me', get(person, '/api/v1/requests?assignee=me&pageSize=20'), (answer) =>
        is200(answer, () => {
          for (const item of answer.body.items) {
            seen(person).requestIds.add(item.id);
            if (item.assignee?.id !== person.id)
              return `"assigned to me" listed ${item.reference} assigned to ${item.assignee?.name}`;
          }
          return null;
        }),
      );
      if (person.email.startsWith('director') || person.email.startsWith('admin')) {
        run(person, 'GET /reports/load', get(person, '/api/v1/reports/load?groupBy=country'), (answer) =>
          is200(answer, () => {
            if (person.region && answer.body.region !== person.region)
              return `a director of ${person.region} got a report of ${answer.body.region}`;
            return Array.isArray(answer.body.rows) ? null : 'no rows';
          }),
        );
      }
    }
  }
  await Promise.all(pending);
}

/**
 * After the load, alone: everything a person saw is still theirs to see (nobody got
 * another person's rows), and every request a 201 announced is there exactly once.
 */
export async function checkAfterwards(baseUrl: string, people: LoadPerson[], result: LoadResult): Promise<string[]> {
  const problems: string[] = [];
  for (const person of people) {
    const seen = result.seen.get(person.email);
    const notifications = await call(baseUrl, 'GET', '/api/v1/notifications?pageSize=100', { token: person.token });
    const quietNotifications = new Set<string>((notifications.body.items ?? []).map((n: { id: string }) => n.id));
    for (const id of seen?.notificationIds ?? [])
      if (!quietNotifications.has(id)) problems.push(`${person.email} was shown notification ${id} that is not theirs`);
    for (const id of seen?.requestIds ?? []) {
      const alone = await call(baseUrl, 'GET', `/api/v1/requests/${id}`, { token: person.token });
      if (alone.status !== 200)
        problems.push(`${person.email} was listed request ${id} it cannot open (${alone.status})`);
    }
    for (const id of result.created.get(person.email) ?? []) {
      const alone = await call(baseUrl, 'GET', `/api/v1/requests/${id}`, { token: person.token });
      if (alone.status !== 200 || alone.body.createdBy.id !== person.id)
        problems.push(`${person.email}'s request ${id} is not theirs afterwards (${alone.status})`);
    }
  }
  return problems;
}
