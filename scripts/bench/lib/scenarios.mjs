// What each scenario sends. Every generator is deterministic (a counter), so the API and the
// baseline receive the same sequence of requests.
import { randomUUID } from 'node:crypto';
import { BENCH_PASSWORD } from './fixtures.mjs';

const json = { 'content-type': 'application/json' };

/** Sign-in: the bench accounts in turn (distinct emails: the per-email lock does not serialize them). */
export function signIn(accounts) {
  const bodies = accounts.map((account) => JSON.stringify({ email: account.email, password: BENCH_PASSWORD }));
  let i = 0;
  return () => ({ method: 'POST', path: '/api/v1/auth/login', headers: json, body: bodies[i++ % bodies.length] });
}

const SUBMISSIONS = [
  [
    'market-access',
    'Contacto con compradores de cafe en Alemania',
    'Buscamos compradores para 2 contenedores de cafe organico de la proxima cosecha.',
  ],
  [
    'standards-compliance',
    'Auditoria de certificacion en marzo',
    'La certificadora visita la organizacion en marzo; tenemos dudas sobre el criterio 3.2.',
  ],
  [
    'sustainable-production',
    'Renovacion de parcelas de cacao',
    'Necesitamos apoyo tecnico para renovar parcelas viejas de cacao fino de aroma.',
  ],
  [
    'climate-resilience',
    'Sequia en la zona alta',
    'La sequia afecta a 40 productores; pedimos orientacion sobre el fondo de resiliencia.',
  ],
  [
    'fair-trade-visibility',
    'Materiales para la feria nacional',
    'Queremos presentar la prima de Comercio Justo en la feria nacional de mayo.',
  ],
  [
    'human-rights',
    'Condiciones de trabajadores temporales',
    'Revisamos las condiciones laborales de los trabajadores temporales de la cosecha.',
  ],
  [
    'social-inclusion',
    'Programa para jovenes productores',
    'Queremos incluir a mas jovenes y mujeres en el consejo directivo.',
  ],
];

/**
 * Submission: members of organizations in every country in turn, each request with a new
 * Idempotency-Key (so each one creates a request, as a person pressing "Send" once does).
 */
export function submission(members) {
  let i = 0;
  return () => {
    const member = members[i % members.length];
    const [area, subject, description] = SUBMISSIONS[i % SUBMISSIONS.length];
    const priority = i % 10 === 0 ? 'high' : 'normal';
    i++;
    return {
      method: 'POST',
      path: '/api/v1/requests',
      headers: { ...json, authorization: `Bearer ${member.token}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ area, subject: `${subject} (${i})`, description, priority }),
    };
  };
}

const OPEN = 'new,assigned,in_progress,waiting_on_member';

/**
 * The staff inbox as the web app asks for it (sort=-createdAt, 25 a page; a view of the inbox
 * page becomes assignee=me, a status list, an area, a search): a representative's and a
 * director's open work — all of it, their own, one area — searched by words or by a reference.
 * `sample(person)` gives a request the person can see (visibleSample): its reference (pasted
 * from an email: lower case), its organization's name and its member's name, each searched
 * for (issue 19), and the reference's end as typed from a phone call ("000123").
 */
export function inboxQueries(staff, sample) {
  return queriesOf(staff, (person) => [
    ['open work', `status=${OPEN}`],
    // A director's own list is short (escalations): its triage view of the unassigned instead.
    person.role === 'director'
      ? ['unassigned', `assignee=none&status=new`]
      : ['mine, open', `assignee=me&status=${OPEN}`],
    ['open, one area', `status=assigned,in_progress,waiting_on_member&area=market-access`],
    ['open, area + search', `status=in_progress,waiting_on_member&area=standards-compliance&q=auditoria`],
    ['open, search', `status=${OPEN}&q=cafe`],
    ['resolved, search', `status=resolved&q=${encodeURIComponent('precio minimo')}`],
    ['in progress, area + search', `status=in_progress&area=sustainable-production&q=organico`],
    ['reference', `q=${encodeURIComponent(sample(person).reference.toLowerCase())}`],
    ['search, reference end', `q=${sample(person).reference.slice(-6)}`],
    ['search, organization', `q=${encodeURIComponent(sample(person).organization)}`],
    ['search, member', `q=${encodeURIComponent(sample(person).member)}`],
  ]);
}

/**
 * Heavier views, measured apart: the whole of one's scope with no filter (a director's region
 * since 3 years: ~350,000 requests counted for every page; a representative's own requests
 * ever), and a search through 3 years of closed requests.
 */
export function heavyInboxQueries(staff) {
  return queriesOf(staff, (person) => [
    [
      person.role === 'director' ? 'whole region, no filter' : 'mine, ever',
      person.role === 'director' ? '' : 'assignee=me',
    ],
    ['archive search', `status=closed&area=climate-resilience&q=sequia`],
  ]);
}

function queriesOf(staff, kindsOf) {
  const queries = [];
  for (const [p, person] of staff.entries()) {
    for (const [k, [kind, query]] of kindsOf(person).entries()) {
      // Interleaved: each kind of query for each person, then the next kind.
      queries.push({
        kind,
        person,
        order: k * staff.length + p,
        path: `/api/v1/requests?${query ? `${query}&` : ''}sort=-createdAt&pageSize=25`,
      });
    }
  }
  return queries;
}

export function inbox(queries) {
  let i = 0;
  const order = [...queries].sort((a, b) => a.order - b.order);
  return () => {
    const query = order[i++ % order.length];
    return { method: 'GET', path: query.path, headers: { authorization: `Bearer ${query.person.token}` } };
  };
}

/**
 * Lists of queries merged into one mix, each list spread evenly through it (in its own
 * order): the open loop sends the heavy views among the everyday ones, not in a burst.
 */
export function interleave(...lists) {
  return lists.flatMap((list) => {
    const sorted = [...list].sort((a, b) => a.order - b.order);
    return sorted.map((query, i) => ({ ...query, order: (i + 0.5) / sorted.length }));
  });
}
