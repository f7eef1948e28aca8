import { asc, gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { services } from '../db/schema.ts';
import { loadDocuments, type IndexedDocument } from './document.ts';

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
