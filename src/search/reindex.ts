import { setTimeout as sleep } from 'node:timers/promises';
import { asc, gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { services } from '../db/schema.ts';
import type { Database } from '../db/client.ts';
import { loadDocuments, type IndexedDocument } from './document.ts';
import { indexFingerprint } from './fingerprint.ts';

const BATCH = 1_000;
/** Writes stamped this long before the rebuild began are replayed too (in-flight transactions). */
const REPLAY_MARGIN_MS = 10_000;

/**
 * Rebuilds the search index from PostgreSQL into a fresh index and swaps it in, so
 * queries keep being answered from the old index until the new one is complete. Writes
 * that land meanwhile went to the old index; they are replayed through the outbox.
 */
export async function reindex(app: FastifyInstance): Promise<number> {
  const started = new Date(Date.now() - REPLAY_MARGIN_MS);
  const count = await rebuildIndex(app);
  await app.searchService.engine.markBuiltWith(indexFingerprint());
  const db = app.database.db;
  await db.execute(sql`
    insert into search_outbox (service_id)
    select id from services where updated_at >= ${started.toISOString()}::timestamptz`);
  await db.execute(sql`select pg_notify('search_outbox', '')`);
  return count;
}

/** Builds a fresh index from PostgreSQL and swaps it in; no replay (see `reindex`). */
export async function rebuildIndex(app: FastifyInstance): Promise<number> {
  const db = app.database.db;
  async function* batches(): AsyncGenerator<IndexedDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await db.select({ id: services.id }).from(services).where(gt(services.id, after)).orderBy(asc(services.id)).limit(BATCH);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      const { upsert } = await loadDocuments(db, rows.map((r) => r.id), app.searchService.lexicon);
      if (upsert.length > 0) yield upsert;
    }
  }
  return app.searchService.engine.rebuild(batches());
}

const REBUILD_LOCK_KEY = 0x74617269; // "tari"
/** While another instance rebuilds, look again this often: it may finish, or die half-way. */
const REBUILD_RECHECK_MS = 1_000;

/**
 * Rebuilds the index when it was built by another version of the analysis, or its
 * fingerprint is missing (a new or emptied Meilisearch beside a catalog in PostgreSQL):
 * the outbox carries changes, not what a new release indexes differently. One instance
 * rebuilds (a PostgreSQL advisory lock); the others go on serving the old index, which
 * answers until the new one is swapped in, and look again until it is fresh, so that an
 * instance that dies half-way is taken over. `until` ends the waiting (on shutdown).
 */
export async function rebuildIfStale(app: FastifyInstance, until?: AbortSignal): Promise<'fresh' | 'rebuilt' | 'recorded' | 'stopped'> {
  const engine = app.searchService.engine;
  const fingerprint = indexFingerprint();
  for (;;) {
    if ((await engine.builtWith()) === fingerprint) return 'fresh';
    const outcome = await whileHolding(app.database, REBUILD_LOCK_KEY, async () => {
      if ((await engine.builtWith()) === fingerprint) return 'fresh' as const;
      const { rows } = await app.database.db.execute<{ any: boolean }>(sql`select exists(select 1 from services) as any`);
      if (!rows[0]?.any) {
        await engine.markBuiltWith(fingerprint);
        return 'recorded' as const;
      }
      await reindex(app);
      return 'rebuilt' as const;
    });
    if (outcome) return outcome;
    if (until?.aborted) return 'stopped';
    await sleep(REBUILD_RECHECK_MS, undefined, { signal: until }).catch(() => {});
  }
}

/** Runs `fn` holding a session advisory lock, or returns undefined at once when another session holds it. */
async function whileHolding<T>(database: Database, key: number, fn: () => Promise<T>): Promise<T | undefined> {
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
    if (!rows[0]?.ok) return undefined;
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
