import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// DATE columns stay ISO strings (`2026-09-14`) rather than midnight-UTC Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * How long opening a connection may take, how long a request may wait for a pooled one,
 * and how long one statement may run. A PostgreSQL that is down or does not answer makes
 * requests fail within a second with 503 (see errors.ts) instead of hanging; a busy pool
 * (a burst, a slow moment) is waited for longer, so that load alone does not refuse
 * requests. No statement of the API comes near the statement limit; commands that scan
 * the whole catalog page through it.
 */
const CONNECT_TIMEOUT_MS = 900;
const POOL_WAIT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

/** The pool applies one timeout to waiting and connecting; each connection gets the shorter one. */
class PromptClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/** Whether PostgreSQL answers a query now. */
export async function isReachable(db: Db): Promise<boolean> {
  return db.execute(sql`select 1`).then(() => true, () => false);
}

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: PromptClient,
    connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A connection lost while idle (the pool's 'error') or while checked out (say, in a
  // transaction waiting on the search engine: the client's own 'error', which has no
  // listener then) must not crash the process; the query in flight fails, and the pool
  // drops the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

const MIGRATION_LOCK_KEY = 0x7461726d; // "tarm"

/**
 * Applies the migrations, then `after` (e.g. seeding), holding an advisory lock so that
 * replicas starting together on one database do it one at a time.
 */
export async function applyMigrations(database: Database, after: (db: Db) => Promise<void> = async () => {}): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    await after(db);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
