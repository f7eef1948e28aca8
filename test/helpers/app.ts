import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import tap from 'tap';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Backends, type Config } from '../../src/config.ts';
import { resolveBackends, type ResolvedBackends } from '../../src/embedded/index.ts';
import { createKey, type Role } from '../../src/db/keys.ts';
import { importCatalog } from '../../src/hsds/catalog-file.ts';

/**
 * Real stores for tests: one embedded PostgreSQL and one Meilisearch per test file
 * (each file runs in its own process), and for every app a database and an index of
 * its own, so tests never see each other's data.
 */

export const EVAL_DIR = path.resolve(import.meta.dirname, '../../data/eval');
export const DEV_CATALOG = path.join(EVAL_DIR, 'catalog.json');

let shared: Promise<ResolvedBackends> | undefined;

export async function tempDir(prefix = 'tarjotin-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // The embedded PostgreSQL runs as another user and must traverse it.
  await fs.chmod(dir, 0o755);
  return dir;
}

export function sharedBackends(): Promise<ResolvedBackends> {
  shared ??= (async () => {
    const dir = await tempDir();
    const resolved = await resolveBackends(loadConfig({ TARJOTIN_DATA_DIR: path.join(dir, 'data') }));
    tap.teardown(async () => {
      await resolved.stop();
      await fs.rm(dir, { recursive: true, force: true });
    });
    return resolved;
  })();
  return shared;
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  backends: Backends;
  /** Waits until every committed write is in the search index. */
  indexed(): Promise<void>;
  key(role: Role, organizationId?: string): Promise<string>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logStream?: NodeJS.WritableStream;
  worker?: boolean;
  /** Backends to use instead of the shared ones (e.g. a Meilisearch a test stops). */
  backends?: Backends;
  /** A fixed clock for opening hours. */
  clock?: () => Date;
}

export interface Teardown {
  teardown(fn: () => unknown): void;
}

/** The stores with a new, empty database of their own, and a name for an index of its own. */
export async function freshBackends(base?: Backends): Promise<{ backends: Backends; name: string }> {
  const stores = base ?? (await sharedBackends()).backends;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: stores.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { backends: { ...stores, databaseUrl: stores.databaseUrl.replace(/\/[^/]*$/, `/${name}`) }, name };
}

export async function buildTestApp(t: Teardown, opts: TestAppOptions = {}): Promise<TestApp> {
  const { backends, name } = await freshBackends(opts.backends);
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'warn', TARJOTIN_RATE_LIMIT: '100000', ...opts.env }),
    indexName: `services_${name}`,
  };
  const app = await buildApp({ config, backends, logStream: opts.logStream, worker: opts.worker, ...(opts.clock ? { clock: opts.clock } : {}) });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    const { engine } = app.searchService;
    for (const index of [config.indexName, `${config.indexName}_state`]) await engine.done(engine.client.deleteIndex(index)).catch(() => {});
  });
  return {
    app,
    config,
    backends,
    indexed: () => app.outbox.drain(),
    key: async (role, organizationId) => (await createKey(app.database.db, { role, organizationId })).secret,
  };
}

let devCatalog: unknown;
export async function loadDevCatalog(): Promise<unknown> {
  devCatalog ??= JSON.parse(await fs.readFile(DEV_CATALOG, 'utf8'));
  return structuredClone(devCatalog);
}

/** Imports the development catalog and waits for the index. */
export async function withDevCatalog(t: TestApp): Promise<void> {
  await importCatalog(t.app.database.db, await loadDevCatalog());
  await t.indexed();
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
