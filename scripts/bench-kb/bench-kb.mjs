#!/usr/bin/env node
// npm run bench:kb [-- --articles 10000 --runs 30 --embedded --keep]
//
// The knowledge base's search (issue 21) on 10,000 published articles × 4 languages (40,000
// versions): a fresh database (kb_bench on the local PostgreSQL server, or DATABASE_URL; with
// --embedded, the portal's embedded PGlite through `cli.js embedded-postgres`), migrated with
// the API's own migrations, filled with articles composed from the demo articles' paragraphs
// in each language (so the stemmed words and their spread are those of real articles), then
// timed with the SQL the API runs: KnowledgeBaseRepository.search (GET /kb/articles: ranked,
// one page of 20 with the total; also narrowed to an area) and .suggest (GET /kb/suggestions:
// any word as a prefix, the area first, three). Prints p50, p95 and p99 per kind and language.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect, DEFAULT_SERVER_URL, ensureApiBuilt, migrate, ROOT, withDatabase } from '../volume/lib/database.mjs';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '30' },
    embedded: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(args.articles);
const RUNS = Number(args.runs);
const LANGUAGES = ['es', 'pt', 'fr', 'en'];
const AREAS = [
  'fair-trade-visibility',
  'market-access',
  'standards-compliance',
  'sustainable-production',
  'climate-resilience',
  'human-rights',
  'social-inclusion',
];
const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

await ensureApiBuilt(log);
const require = createRequire(import.meta.url);
const dist = (...path) => join(ROOT, 'api', 'dist', 'api', 'src', ...path);
const { KnowledgeBaseRepository } = require(dist('knowledge-base', 'knowledge-base.repository.js'));
const { DEMO_ARTICLES } = require(dist('database', 'demo-articles.js'));

// What people type, per language: accents left out and words in other forms on purpose.
const QUERIES = {
  es: [
    'auditoria',
    'prima comercio justo',
    'sequia riego',
    'trabajo infantil',
    'compradores precio minimo',
    'plagas broca cafe',
    'mujeres jovenes junta',
    'certificacion no conformidades',
  ],
  pt: [
    'auditoria',
    'premio assembleia',
    'seca irrigacao',
    'pragas broca',
    'mulheres jovens',
    'certificacao',
    'compradores',
    'agrotoxicos lista',
  ],
  fr: [
    'audit certification',
    'prime assemblee',
    'secheresse',
    'acheteurs prix minimum',
    'ravageurs',
    'travail des enfants',
    'femmes jeunes',
    'plan adaptation',
  ],
  en: [
    'audit',
    'premium assembly',
    'drought irrigation',
    'child labour',
    'buyers minimum price',
    'pests',
    'women youth',
    'certification',
  ],
};
const SUBJECTS = {
  es: ['Preparar la audit', 'Uso de la prima para sequ', 'Broca en las parcelas', 'Compradores nuevos para el caf'],
  pt: ['Preparar a auditor', 'Uso do prêmio', 'Pragas no café', 'Compradores de mel'],
  fr: ['Préparer l’audit', 'Sécheresse et pluies', 'Prime pour la communaut', 'Nouveaux acheteurs'],
  en: ['Preparing the audit', 'Premium for drought', 'Child labour case', 'New buyers for coffee'],
};

// Paragraphs and titles of the demo articles, per language (every language has some).
const pool = Object.fromEntries(LANGUAGES.map((language) => [language, { titles: [], paragraphs: [] }]));
for (const article of DEMO_ARTICLES) {
  for (const version of article.versions) {
    pool[version.language].titles.push(version.title);
    pool[version.language].paragraphs.push(...version.body.split(/\n\n+/));
  }
}

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];

async function startEmbedded() {
  const child = spawn(process.execPath, [dist('cli.js'), 'embedded-postgres'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: ':memory:',
      EMBEDDED_DATABASE_PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /embedded-postgres ready (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`embedded-postgres ended (${code}): ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

let database;
let stop = async () => {};
if (args.embedded) {
  const embedded = await startEmbedded();
  database = embedded.url;
  stop = async () => embedded.stop();
} else if (process.env.DATABASE_URL) {
  database = process.env.DATABASE_URL;
} else {
  const admin = await connect(DEFAULT_SERVER_URL);
  await admin.query('DROP DATABASE IF EXISTS kb_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE kb_bench');
  await admin.end();
  database = withDatabase(DEFAULT_SERVER_URL, 'kb_bench');
  if (!args.keep)
    stop = async () => {
      const again = await connect(DEFAULT_SERVER_URL);
      await again.query('DROP DATABASE IF EXISTS kb_bench WITH (FORCE)');
      await again.end();
    };
}

try {
  log(`migrating ${args.embedded ? 'the embedded database' : database}…`);
  await migrate(database);
  const client = await connect(database);
  const db = { query: async (sql, params) => (await client.query(sql, params)).rows };

  log(`writing ${ARTICLES} articles × ${LANGUAGES.length} languages…`);
  const filling = performance.now();
  const BATCH = 250;
  for (let start = 0; start < ARTICLES; start += BATCH) {
    const count = Math.min(BATCH, ARTICLES - start);
    const slugs = [];
    const areas = [];
    for (let i = 0; i < count; i += 1) {
      slugs.push(`bench-article-${start + i}`);
      areas.push(AREAS[(start + i) % AREAS.length]);
    }
    const { rows } = await client.query(
      `INSERT INTO kb_articles (slug, area_code, status, members_only, last_reviewed_at)
       SELECT s, a, 'published', (n % 10 = 0), now() - (n || ' hours')::interval
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(s, a, n) RETURNING id`,
      [slugs, areas],
    );
    const ids = [];
    const languages = [];
    const titles = [];
    const bodies = [];
    for (const { id } of rows) {
      for (const language of LANGUAGES) {
        const { titles: someTitles, paragraphs } = pool[language];
        const parts = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(paragraphs));
        ids.push(id);
        languages.push(language);
        titles.push(`${pick(someTitles)} (${start + ids.length})`);
        bodies.push(parts.join('\n\n'));
      }
    }
    await client.query(
      `INSERT INTO kb_article_versions (article_id, language, title, body, search_document)
       SELECT i, l, t, b, kb_document(l, t, b) FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(i, l, t, b)`,
      [ids, languages, titles, bodies],
    );
  }
  await client.query('ANALYZE kb_articles');
  await client.query('ANALYZE kb_article_versions');
  const {
    rows: [info],
  } = await client.query(
    `SELECT (SELECT count(*) FROM kb_article_versions)::int AS versions, version() AS version,
            pg_size_pretty(pg_total_relation_size('kb_article_versions')) AS size`,
  );
  log(
    `${info.versions} versions (${info.size}) in ${((performance.now() - filling) / 1000).toFixed(1)} s; ${info.version}`,
  );

  const repository = new KnowledgeBaseRepository();
  const kinds = {
    search: (language, q) => repository.search(db, { language, q, area: null, signedIn: false, limit: 20, offset: 0 }),
    'search by area': (language, q, i) =>
      repository.search(db, { language, q, area: AREAS[i % AREAS.length], signedIn: true, limit: 20, offset: 0 }),
    suggest: (language, _q, i) =>
      repository.suggest(db, language, SUBJECTS[language][i % SUBJECTS[language].length], AREAS[i % AREAS.length], 3),
  };
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const results = [];
  for (const [kind, run] of Object.entries(kinds)) {
    for (const language of LANGUAGES) {
      const queries = QUERIES[language];
      for (let i = 0; i < queries.length; i += 1) await run(language, queries[i], i); // warm
      const times = [];
      let found = 0;
      for (let r = 0; r < RUNS; r += 1) {
        for (let i = 0; i < queries.length; i += 1) {
          const started = performance.now();
          const answer = await run(language, queries[i], i + r);
          times.push(performance.now() - started);
          found += Array.isArray(answer) ? answer.length : answer.total;
        }
      }
      times.sort((a, b) => a - b);
      results.push({
        kind,
        language,
        calls: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        meanHits: found / times.length,
      });
    }
  }
  await client.end();

  const all = results.map((r) => r.p95);
  console.log(
    `\nknowledge base search, ${ARTICLES} articles × ${LANGUAGES.length} languages, ${args.embedded ? 'embedded PGlite' : 'PostgreSQL'}`,
  );
  console.log('kind            lang  calls   p50 ms   p95 ms   p99 ms   hits/call');
  for (const r of results)
    console.log(
      `${r.kind.padEnd(15)} ${r.language.padEnd(4)} ${String(r.calls).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.meanHits.toFixed(1).padStart(11)}`,
    );
  console.log(`worst p95: ${Math.max(...all).toFixed(1)} ms`);
} finally {
  await stop();
}
