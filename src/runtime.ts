import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { resolveBackends, type ResolvedBackends } from './embedded/index.ts';

/**
 * Runs `fn` with a built app on the configured (or embedded, or already running)
 * backends, then closes everything it started. For one-shot commands: those that write
 * apply pending migrations first (the default), those that only read use the database
 * as it is (`stores: 'use'`).
 */
export async function withApp<T>(
  config: Config,
  fn: (app: FastifyInstance, resolved: ResolvedBackends) => Promise<T>,
  opts: { worker?: boolean; stores?: 'migrate' | 'use' } = {},
): Promise<T> {
  const resolved = await resolveBackends(config);
  let app: FastifyInstance | undefined;
  try {
    // Logs go to stderr: stdout carries the command's output (an export, a key).
    app = await buildApp({
      config: { ...config, logLevel: 'warn' },
      backends: resolved.backends,
      worker: opts.worker ?? false,
      stores: opts.stores ?? 'migrate',
      logStream: process.stderr,
    });
    await app.ready();
    return await fn(app, resolved);
  } finally {
    await app?.close();
    await resolved.stop();
  }
}

/** Addresses nothing listens at: an app built with `stores: 'none'` never uses them. */
const NO_STORES = { databaseUrl: 'postgres://stores.invalid/none', meiliUrl: 'http://stores.invalid', meiliKey: undefined };

/** The OpenAPI document of the app, built without starting or connecting to any store. */
export async function apiDocument(config: Config): Promise<unknown> {
  const app = await buildApp({ config: { ...config, logLevel: 'warn' }, backends: NO_STORES, stores: 'none', worker: false, logStream: process.stderr });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

/**
 * Runs `fn` against a fresh instance of its own — embedded stores on a temporary data
 * dir, the API listening on a free loopback port — and removes it all afterwards. For
 * `eval` and `bench`, whose figures must not depend on what else runs.
 */
export async function withIsolatedInstance<T>(
  fn: (app: FastifyInstance, baseUrl: string) => Promise<T>,
  opts: { clock?: () => Date } = {},
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tarjotin-isolated-'));
  // The embedded PostgreSQL runs as its own user and must traverse the data dir.
  await fs.chmod(dir, 0o755);
  const config = loadConfig({ TARJOTIN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', TARJOTIN_RATE_LIMIT: '100000000' });
  const resolved = await resolveBackends({ ...config, databaseUrl: undefined, meiliUrl: undefined });
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config, backends: resolved.backends, logStream: process.stderr, ...opts });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return await fn(app, `http://127.0.0.1:${port}`);
  } finally {
    await app?.close();
    await resolved.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
