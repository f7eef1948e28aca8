import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { publishInstance, resolveBackends } from './embedded/index.ts';

/**
 * `tarjotin serve`: resolves the stores (starting the embedded ones when none are
 * configured), serves the API, and on SIGINT/SIGTERM closes the server, then the
 * embedded processes, so that nothing is left running.
 */
export async function serve(config: Config): Promise<void> {
  const resolved = await resolveBackends(config);
  const unpublish = resolved.source === 'embedded' ? await publishInstance(config.dataDir, resolved.backends) : async () => {};
  let app;
  try {
    app = await buildApp({ config, backends: resolved.backends });
  } catch (err) {
    await unpublish();
    await resolved.stop();
    throw err;
  }
  closeWithGrace({ delay: 15_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await unpublish();
    await resolved.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ stores: resolved.source }, 'tarjotin is ready');
}
