import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { createKey } from '../db/keys.ts';
import { serviceTextVector, services as servicesTable } from '../db/schema.ts';
import { importCatalog } from '../hsds/catalog-file.ts';
import { withIsolatedInstance } from '../runtime.ts';
import { meiliFilter } from '../search/query.ts';
import { rebuildIndex } from '../search/reindex.ts';
import { MATCHING_STRATEGY } from '../search/service.ts';
import { meiliHttpClient as httpJson } from '../search/http-client.ts';
import { growCatalog } from './synthetic.ts';

/**
 * `tarjotin bench [--services N] [--catalog F] [--json]`: latency of search, recommend
 * and write-to-searchable on a catalog grown to N services, on an isolated instance.
 * Search is reported against two baselines measured in the same run on the same data:
 * the same query sent straight to Meilisearch, and PostgreSQL full-text search.
 */

const QUERIES: Array<Record<string, string>> = [
  { q: 'velkaneuvonta' },
  { q: 'velkoja ulosotto', municipality: '091' },
  { q: 'päihdeongelma omainen' },
  { q: 'yksinäisyys ikäihmiset', municipality: '297' },
  { q: 'turvakoti', municipality: '837' },
  { q: 'kriisipuhelin' },
  { q: 'vertaistukiryhmä mielenterveys', municipality: '179' },
  { q: 'rahapelaaminen' },
  { q: 'asunnottomuus päiväkeskus', municipality: '091' },
  { q: 'skuldrådgivning' },
  { q: 'food aid', municipality: '698' },
  { q: 'nuorten chat' },
];

const PROFILES = [
  { profile: { needs: ['debt', 'gambling'], urgency: 'routine', municipality: '297', age: 42, language: 'fi' } },
  { profile: { needs: ['violence', 'crisis'], urgency: 'acute', municipality: '091', age: 30, language: 'fi' } },
  { profile: { needs: ['substance', 'housing'], urgency: 'soon', municipality: '837', age: 51, language: 'fi' } },
  { profile: { needs: ['loneliness', 'elderly'], urgency: 'routine', municipality: '179', age: 80, language: 'sv' } },
  { text: 'Asiakkaalla on velkoja ja hän pelaa paljon rahapelejä. Yksinäinen.', profile: { municipality: '297', age: 38 } },
];

interface Latency {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  n: number;
}

function percentiles(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
  return { p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), n: s.length };
}

async function measure(n: number, run: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < Math.min(20, n); i++) await run(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

async function throughput(url: string, requests: autocannon.Request[]): Promise<number> {
  const result = await autocannon({ url, connections: 8, duration: 5, requests });
  return Math.round(result.requests.average);
}

export async function runBench(opts: { services: number; catalog: string; rounds: number }) {
  return withIsolatedInstance(async (app, base) => {
    const db = app.database.db;

    await importCatalog(db, JSON.parse(await fs.readFile(opts.catalog, 'utf8')));
    await app.outbox.drain();
    const t0 = performance.now();
    await growCatalog(db, opts.services);
    await rebuildIndex(app);
    const indexSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const [{ n: services } = { n: 0 }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from services`)).rows;

    const searchUrl = (i: number) => `${base}/v1/search?${new URLSearchParams({ limit: '10', ...QUERIES[i % QUERIES.length]! })}`;
    // The same keep-alive node:http client for the API and for Meilisearch, so the ratio compares servers.
    const search = await measure(opts.rounds, (i) => httpJson(searchUrl(i)));

    const engine = app.searchService.engine;
    const meiliDirect = await measure(opts.rounds, (i) => {
      const { q = '', municipality } = QUERIES[i % QUERIES.length]!;
      return engine.index.search(app.searchService.queryKeys(q).join(' '), {
        filter: meiliFilter({ municipality }),
        limit: 10,
        facets: ['needs', 'service_types', 'target_groups', 'access', 'languages', 'provider_type'],
        matchingStrategy: MATCHING_STRATEGY,
      });
    });
    const postgresFts = await measure(opts.rounds, (i) =>
      db.execute(sql`
        select id from services, websearch_to_tsquery('finnish', ${QUERIES[i % QUERIES.length]!.q}) query
        where deleted_at is null and status = 'active'
          and ${serviceTextVector(servicesTable)} @@ query
        order by ts_rank(${serviceTextVector(servicesTable)}, query) desc
        limit 10`),
    );
    const recommend = await measure(opts.rounds, (i) =>
      httpJson(`${base}/v1/recommend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...PROFILES[i % PROFILES.length], limit: 10 }),
      }),
    );
    const searchRps = await throughput(
      base,
      QUERIES.map((q) => ({ method: 'GET' as const, path: `/v1/search?${new URLSearchParams({ limit: '10', ...q })}` })),
    );

    const writeVisible = await measureWriteVisibility(app, base, 100);
    return {
      services,
      index_build_s: indexSeconds,
      search: { ...search, rps_8_connections: searchRps },
      baselines: { meilisearch_direct: meiliDirect, postgres_fts: postgresFts },
      ratios: {
        search_p95_vs_meilisearch_direct: Math.round((search.p95_ms / Math.max(meiliDirect.p95_ms, 0.01)) * 100) / 100,
        search_p95_vs_postgres_fts: Math.round((search.p95_ms / Math.max(postgresFts.p95_ms, 0.01)) * 100) / 100,
      },
      recommend,
      write_to_searchable: writeVisible,
    };
  });
}

/** PATCHes services one by one and times until each change is found by search. */
async function measureWriteVisibility(app: FastifyInstance, base: string, n: number): Promise<Latency> {
  const { secret } = await createKey(app.database.db, { role: 'admin' });
  const ids = (await app.database.db.execute<{ id: string }>(sql`select id from services where status = 'active' order by id limit ${n}`)).rows;
  const samples: number[] = [];
  for (const { id } of ids) {
    // Analysis keys are word prefixes, so each marker word must differ in its first letters.
    const word = Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const t0 = performance.now();
    await httpJson(`${base}/v1/services/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ alternate_name: word }),
    });
    for (;;) {
      const found = (await httpJson(`${base}/v1/search?q=${word}&limit=1`)) as { hits: Array<{ id: string }> };
      if (found.hits[0]?.id === id) break;
      if (performance.now() - t0 > 30_000) throw new Error('a write did not become searchable in 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

export async function runBenchCommand(_config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      services: { type: 'string', default: '50000' },
      catalog: { type: 'string', default: fileURLToPath(new URL('../../data/eval/catalog.json', import.meta.url)) },
      rounds: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const figures = await runBench({ services: Number(values.services), catalog: values.catalog!, rounds: Number(values.rounds) });
  console.log(`services: ${figures.services} (index built in ${figures.index_build_s} s)`);
  const line = (label: string, l: Latency) => console.log(`${label.padEnd(34)} p50 ${l.p50_ms} ms  p95 ${l.p95_ms} ms  p99 ${l.p99_ms} ms`);
  line('GET /v1/search', figures.search);
  line('  baseline: Meilisearch directly', figures.baselines.meilisearch_direct);
  line('  baseline: PostgreSQL FTS', figures.baselines.postgres_fts);
  console.log(`  search throughput (8 connections): ${figures.search.rps_8_connections} req/s`);
  console.log(`  p95 ratio vs Meilisearch ${figures.ratios.search_p95_vs_meilisearch_direct}, vs PostgreSQL FTS ${figures.ratios.search_p95_vs_postgres_fts}`);
  line('POST /v1/recommend', figures.recommend);
  line('write → searchable', figures.write_to_searchable);
  if (values.json) console.log(JSON.stringify(figures));
  return 0;
}
