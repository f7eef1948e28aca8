import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Lexicon } from './analysis.ts';
import { loadDocuments } from './document.ts';
import type { SearchEngine } from './engine.ts';

/**
 * Applies the transactional outbox to the search index. Every catalog write adds the
 * ids of the changed services to `search_outbox` in its own transaction; this worker
 * takes them in batches, reads the services' current state and upserts or removes their
 * documents. A batch is deleted from the outbox only after the index has applied it, so
 * nothing is lost while Meilisearch is down: failed batches return with exponential
 * backoff. One worker at a time (a PostgreSQL advisory lock) keeps the order of writes
 * to the same service across several API instances.
 */

const LOCK_KEY = 0x7461726a; // "tarj"
const POLL_MS = 250;
const MAX_BACKOFF_MS = 2_000;

export interface OutboxOptions {
  db: Db;
  databaseUrl: string;
  engine: SearchEngine;
  lexicon: Lexicon;
  log: FastifyBaseLogger;
  onApplied?: (n: number) => void;
  onFailure?: () => void;
  batchSize?: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  constructor(private readonly opts: OutboxOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
  }

  /**
   * Returns once the outbox is empty, applying batches itself or waiting for another
   * worker (this process's or another instance's) that holds the lock; for commands and
   * tests. Entries postponed after a failure are waited for too.
   */
  async drain(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.runBatch()) > 0) continue;
      if ((await this.backlog()).pending === 0) return;
      if (Date.now() > deadline) throw new Error('the search outbox did not drain in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** How many entries wait, and the age of the oldest, for readiness and metrics. */
  async backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const { rows } = await this.opts.db.execute<{ pending: number; oldest: number | null }>(
      sql`select count(*)::int as pending, extract(epoch from now() - min(created_at))::float as oldest from search_outbox`,
    );
    return { pending: rows[0]?.pending ?? 0, oldestSeconds: rows[0]?.oldest ?? 0 };
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.databaseUrl });
    client.on('error', () => this.relisten(client));
    client.on('end', () => this.relisten(client));
    client.on('notification', () => this.kick());
    try {
      await client.connect();
      await client.query('listen search_outbox');
      this.listener = client;
    } catch {
      this.relisten(client);
    }
  }

  /** The poll covers the gap; re-subscribing is best effort. */
  private relisten(client: pg.Client): void {
    if (this.listener === client) this.listener = undefined;
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped && !this.listener) void this.listen();
    }, 1_000).unref();
  }

  private kick(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let delay = POLL_MS;
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.runBatch()) === (this.opts.batchSize ?? 500)) {
          /* a full batch: more may be waiting */
        }
      } while (this.again && !this.stopped);
      if (this.failures > 0) this.opts.log.info({ failures: this.failures }, 'search outbox applies again');
      this.failures = 0;
    } catch (err) {
      // A store that is down fails every batch: retry ever less often (capped), and log the first failures only.
      this.failures++;
      if (this.failures <= 3) this.opts.log.warn({ err: (err as Error).message, failures: this.failures }, 'search outbox batch failed; will retry');
      this.opts.onFailure?.();
      delay = Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** (this.failures - 1));
    }
    this.schedule(delay);
  }

  /** Processes one batch; returns how many outbox entries it applied. */
  async runBatch(): Promise<number> {
    const { db, engine, lexicon } = this.opts;
    const limit = this.opts.batchSize ?? 500;
    let claimed: number[] = [];
    try {
      return await db.transaction(async (tx) => {
        const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
        if (!lock.rows[0]?.ok) return 0;
        const due = await tx.execute<{ id: number; service_id: string }>(sql`
          select id, service_id from search_outbox
          where available_at <= now() order by id limit ${limit} for update skip locked`);
        if (due.rows.length === 0) return 0;
        claimed = due.rows.map((r) => Number(r.id));
        const ids = [...new Set(due.rows.map((r) => r.service_id))];
        const { upsert, remove } = await loadDocuments(tx, ids, lexicon);
        await engine.apply(upsert, remove);
        await tx.execute(sql`delete from search_outbox where id = any(${sql.raw(`array[${claimed.join(',')}]::bigint[]`)})`);
        this.opts.onApplied?.(claimed.length);
        return claimed.length;
      });
    } catch (err) {
      if (claimed.length > 0) await this.postpone(claimed, (err as Error).message);
      throw err;
    }
  }

  private async postpone(ids: number[], error: string): Promise<void> {
    await this.opts.db
      .execute(sql`
        update search_outbox set attempts = attempts + 1, last_error = ${error.slice(0, 500)},
          available_at = now() + least(${MAX_BACKOFF_MS}, 100 * power(2, attempts)) * interval '1 millisecond'
        where id = any(${sql.raw(`array[${ids.join(',')}]::bigint[]`)})`)
      .catch(() => {});
  }
}
