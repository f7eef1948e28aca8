import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { publishInstance, resolveBackends } from './embedded/index.ts';
import { Problem } from './problems.ts';

/** How long in-flight requests and the outbox worker's current batch get to finish on SIGTERM. */
const GRACE_MS = 15_000;

/**
 * `tarjotin serve`: resolves the stores (starting and supervising the embedded ones when
 * none are configured) and serves the API. On SIGINT/SIGTERM it answers new requests 503,
 * lets in-flight requests finish, stops the outbox worker between batches, closes the
 * pool and then the embedded processes, so that nothing is left running.
 */
export async function serve(config: Config): Promise<void> {
  const resolved = await resolveBackends(config, pino({ level: config.logLevel }));
  const unpublish = resolved.source === 'embedded' ? await publishInstance(config.dataDir, resolved.backends) : async () => {};
  let app;
  try {
    app = await buildApp({ config, backends: resolved.backends });
  } catch (err) {
    await unpublish();
    await resolved.stop();
    throw err;
  }
  let shuttingDown = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (!shuttingDown) return;
    reply.header('connection', 'close').header('retry-after', '5');
    throw new Problem('unavailable', 'the service is shutting down; retry shortly');
  });
  closeWithGrace({ delay: GRACE_MS }, async ({ err, signal }) => {
    shuttingDown = true;
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await unpublish();
    await resolved.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ stores: resolved.source }, 'tarjotin is ready');
}
