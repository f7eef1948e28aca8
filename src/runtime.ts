import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { resolveBackends, type ResolvedBackends } from './embedded/index.ts';

/**
 * Runs `fn` with a built app on the configured (or embedded, or already running)
 * backends, then closes everything it started. For one-shot commands.
 */
export async function withApp<T>(
  config: Config,
  fn: (app: FastifyInstance, resolved: ResolvedBackends) => Promise<T>,
  opts: { worker?: boolean } = {},
): Promise<T> {
  const resolved = await resolveBackends(config);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config: { ...config, logLevel: 'warn' }, backends: resolved.backends, worker: opts.worker ?? false });
    await app.ready();
    return await fn(app, resolved);
  } finally {
    await app?.close();
    await resolved.stop();
  }
}
