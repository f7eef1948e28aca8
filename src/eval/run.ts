import { isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { services } from '../db/schema.ts';
import { getServices } from '../db/services.ts';
import { importCatalog } from '../hsds/catalog-file.ts';
import { withIsolatedInstance } from '../runtime.ts';
import { isOpenAt } from '../search/opening-hours.ts';
import { extentsCovering } from '../vocabulary/index.ts';
import { readJson, type EvalCase, type EvalQuery } from './data.ts';
import { harmAt, mean, ndcgAt, recallAt, round, type Judgments } from './metrics.ts';
import { scorePrecision, TOPIC_PAGE_SIZE, type PrecisionScores, type TopicDetail, type TopicQuery } from './precision.ts';
import { notesOfCases, scoreReader, type LabelledNote, type ReaderScores } from './reader.ts';

export interface EvalFiles {
  catalog: string;
  cases: string;
  queries: string;
  /** Labelled referral notes for the situation reader (optional). */
  notes?: string;
  /** Search queries with their topic, for precision (optional). */
  topics?: string;
}

export interface SearchScores {
  ndcg5: number;
  recall10: number;
}

export interface RecommendScores extends SearchScores {
  harm5: number;
  acute_top3: number;
}

export interface EvalReport {
  recommend: RecommendScores;
  recommend_text: RecommendScores;
  search: SearchScores;
  /** The situation reader on the cases' texts (labels: their profiles), and on the labelled notes. */
  reader: { cases: ReaderScores; notes?: ReaderScores };
  /** Search precision on the topic queries. */
  precision?: PrecisionScores;
  baselines: {
    meilisearch_plain: { search: SearchScores; recommend: RecommendScores };
    postgres_fts: { search: SearchScores };
  };
  cases: number;
  queries: number;
  /** The moment the instance's clock stood at. */
  at: string;
  /** Per query and case, for finding where the method fails. */
  details: {
    queries: Array<{ id: string; ndcg5: number }>;
    cases: Array<{ id: string; full: number; text: number }>;
    topics: TopicDetail[];
  };
}

type Ranker = (q: EvalQuery) => Promise<string[]>;
type CaseRanker = (c: EvalCase) => Promise<string[]>;

/**
 * Runs the evaluation on an isolated instance: a temporary data dir with its own
 * embedded PostgreSQL and Meilisearch, the catalog imported, every query and case sent
 * over HTTP, and the baselines measured on the same documents in the same run. The
 * instance's clock stands still at `now`: what is open decides acute cases, and a run
 * that crossed an opening hour would measure two moments.
 */
export async function runEval(files: EvalFiles, now = new Date()): Promise<EvalReport> {
  const [catalog, cases, queries, notes, topics] = await Promise.all([
    readJson<unknown>(files.catalog),
    readJson<EvalCase[]>(files.cases),
    readJson<EvalQuery[]>(files.queries),
    files.notes ? readJson<LabelledNote[]>(files.notes) : undefined,
    files.topics ? readJson<TopicQuery[]>(files.topics) : undefined,
  ]);
  return withIsolatedInstance(async (app, base) => {
    await importCatalog(app.database.db, catalog);
    await app.outbox.drain();

    const reachable = await reachableNow(app.database.db, now);
    const searchApi: Ranker = async (q) => {
      const params = new URLSearchParams({ q: q.q, limit: '10', ...(q.filters ?? {}) });
      const res = await fetch(`${base}/v1/search?${params}`);
      if (!res.ok) return [];
      return ((await res.json()) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
    };
    const recommendApi = (mode: 'full' | 'text'): CaseRanker => async (c) => {
      const profile =
        mode === 'full'
          ? c.profile
          : { municipality: c.profile.municipality, age: c.profile.age, language: c.profile.language };
      const res = await fetch(`${base}/v1/recommend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: c.text, profile, limit: 10 }),
      });
      if (!res.ok) return [];
      return ((await res.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id);
    };

    const topicSearch = async (t: TopicQuery, page: number) => {
      const params = new URLSearchParams({ q: t.q, page: String(page), limit: String(TOPIC_PAGE_SIZE), lang: t.lang ?? 'fi' });
      const res = await fetch(`${base}/v1/search?${params}`);
      return (await res.json()) as { hits: Array<{ needs: Array<{ code: string }>; target_groups: Array<{ code: string }> }>; total: number };
    };

    const plain = await plainMeilisearch(app);
    const report: EvalReport = {
      search: await scoreQueries(queries, searchApi),
      recommend: await scoreCases(cases, recommendApi('full'), reachable),
      recommend_text: await scoreCases(cases, recommendApi('text'), reachable),
      reader: { cases: scoreReader(notesOfCases(cases)).scores, ...(notes ? { notes: scoreReader(notes).scores } : {}) },
      baselines: {
        meilisearch_plain: {
          search: await scoreQueries(queries, (q) => plain.search(q.q, q.filters?.municipality)),
          recommend: await scoreCases(cases, (c) => plain.search(c.text, c.profile.municipality), reachable),
        },
        postgres_fts: { search: await scoreQueries(queries, (q) => postgresFts(app.database.db, q.q, q.filters?.municipality)) },
      },
      cases: cases.length,
      queries: queries.length,
      at: now.toISOString(),
      details: { queries: [], cases: [], topics: [] },
    };
    if (topics) {
      const { scores, details } = await scorePrecision(topics, topicSearch);
      report.precision = scores;
      report.details.topics = details;
    }
    for (const q of queries) report.details.queries.push({ id: q.id, ndcg5: round(ndcgAt(5, await searchApi(q), q.judgments)) });
    for (const c of cases) {
      report.details.cases.push({
        id: c.id,
        full: round(ndcgAt(5, await recommendApi('full')(c), c.judgments)),
        text: round(ndcgAt(5, await recommendApi('text')(c), c.judgments)),
      });
    }
    await plain.drop();
    return report;
  }, { clock: () => now });
}

async function scoreQueries(queries: EvalQuery[], rank: Ranker): Promise<SearchScores> {
  const ndcg: number[] = [];
  const recall: number[] = [];
  for (const q of queries) {
    const ranked = await rank(q);
    ndcg.push(ndcgAt(5, ranked, q.judgments));
    recall.push(recallAt(10, ranked, q.judgments));
  }
  return { ndcg5: round(mean(ndcg)), recall10: round(mean(recall)) };
}

async function scoreCases(cases: EvalCase[], rank: CaseRanker, reachable: Set<string>): Promise<RecommendScores> {
  const ndcg: number[] = [];
  const recall: number[] = [];
  const harm: number[] = [];
  const acute: number[] = [];
  for (const c of cases) {
    const ranked = await rank(c);
    ndcg.push(ndcgAt(5, ranked, c.judgments));
    recall.push(recallAt(10, ranked, c.judgments));
    harm.push(harmAt(5, ranked, c.unavailable ?? []));
    if (c.profile.urgency === 'acute') acute.push(ranked.slice(0, 3).some((id) => reachable.has(id)) ? 1 : 0);
  }
  return { ndcg5: round(mean(ndcg)), recall10: round(mean(recall)), harm5: round(mean(harm)), acute_top3: round(mean(acute)) };
}

/** Services open around the clock or open at `now`. */
async function reachableNow(db: Db, now: Date): Promise<Set<string>> {
  const ids = (await db.select({ id: services.id }).from(services).where(isNull(services.deletedAt))).map((r) => r.id);
  const all = await getServices(db, ids);
  return new Set(all.filter((s) => isOpenAt(s.schedules ?? [], now) || (s.access ?? []).includes('always_open')).map((s) => s.id));
}

/** Baseline: the services' texts in a Meilisearch index with default settings. */
async function plainMeilisearch(app: FastifyInstance) {
  const client = app.searchService.engine.client;
  const uid = `plain_${Date.now()}`;
  const ids = (await app.database.db.select({ id: services.id }).from(services)).map((r) => r.id);
  const docs = (await getServices(app.database.db, ids)).map((s) => ({
    id: s.id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    status: s.status,
    areas: (s.service_areas ?? []).map((a) => a.extent),
  }));
  const engine = app.searchService.engine;
  await engine.done(client.createIndex(uid, { primaryKey: 'id' }));
  const index = client.index(uid);
  // Only what filtering needs; ranking, tokenisation and typo settings stay default.
  await engine.done(index.updateFilterableAttributes(['status', 'areas']));
  await engine.done(index.addDocuments(docs));
  return {
    async search(q: string, municipality?: string): Promise<string[]> {
      const filter = ['status = "active"', ...(municipality ? [`areas IN [${extentsCovering(municipality).map((e) => JSON.stringify(e)).join(', ')}]`] : [])];
      const res = await index.search(q, { filter, limit: 10 });
      return res.hits.map((h) => String(h.id));
    },
    drop: () => engine.done(client.deleteIndex(uid)),
  };
}

/** Baseline: PostgreSQL full-text search (`finnish`) on name and description. */
async function postgresFts(db: Db, q: string, municipality?: string): Promise<string[]> {
  const inArea = municipality
    ? sql`and exists (select 1 from jsonb_array_elements(service_areas) a
        where a->>'extent' in (${sql.join(extentsCovering(municipality).map((e) => sql`${e}`), sql`, `)}))`
    : sql``;
  const res = await db.execute<{ id: string }>(sql`
    select id from services, websearch_to_tsquery('finnish', ${q}) query
    where deleted_at is null and status = 'active'
      and to_tsvector('finnish', name || ' ' || description) @@ query ${inArea}
    order by ts_rank(to_tsvector('finnish', name || ' ' || description), query) desc
    limit 10`);
  return res.rows.map((r) => r.id);
}

export type { Judgments };
