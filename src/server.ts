import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { publishInstance, resolveBackends } from './embedded/index.ts';
import { Problem } from './problems.ts';
import { shutDownInSteps } from './shutdown.ts';

/**
 * How long a shutdown may take in all before the process is cut off, and how that time
 * is shared: in-flight requests and the outbox worker's current batch first, then the
 * embedded stores, which stop side by side and escalate their signals on their own
 * (see `src/embedded/`), well within what is left.
 */
const GRACE_MS = 15_000;
const APP_CLOSE_MS = 8_000;
const INSTANCE_RECORD_MS = 1_000;
const STORES_MS = GRACE_MS - APP_CLOSE_MS - INSTANCE_RECORD_MS;

/**
 * `tarjotin serve`: resolves the stores (starting and supervising the embedded ones when
 * none are configured) and serves the API. On SIGINT/SIGTERM it answers new requests 503,
 * lets in-flight requests finish, stops the outbox worker between batches, closes the
 * pool and then the embedded processes, so that nothing is left running. Each step is
 * bounded and logged with its time, so that a slow one shows and does not hold the rest;
 * a step left behind makes the exit code 1.
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
  closeWithGrace({ delay: GRACE_MS, logger: app.log }, async ({ err, signal }) => {
    shuttingDown = true;
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    const outcomes = await shutDownInSteps(app.log, [
      { name: 'requests, outbox worker and pool', run: () => app.close(), boundMs: APP_CLOSE_MS },
      { name: 'instance record', run: unpublish, boundMs: INSTANCE_RECORD_MS },
      { name: 'stores', run: resolved.stop, boundMs: STORES_MS },
    ]);
    // A shutdown that left a step behind exits 1 (close-with-grace), for the process manager to see.
    if (outcomes.some((outcome) => outcome !== 'done')) throw new Error('the shutdown was not clean: a step failed or overran (logged above)');
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ stores: resolved.source }, 'tarjotin is ready');
}
