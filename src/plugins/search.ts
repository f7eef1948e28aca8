import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SearchEngine } from '../search/engine.ts';
import { buildLexicon } from '../search/lexicon.ts';
import { OutboxWorker } from '../search/outbox.ts';
import { SearchService } from '../search/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    searchService: SearchService;
    outbox: OutboxWorker;
  }
}

export interface SearchPluginOptions {
  meiliUrl: string;
  meiliKey: string | undefined;
  indexName: string;
  databaseUrl: string;
  /** Run the outbox worker in this process (the default). */
  worker?: boolean;
}

/**
 * The search engine, the search service over it, and the outbox worker that keeps the
 * index in step with PostgreSQL. The service starts even when Meilisearch is down:
 * search then answers from PostgreSQL and the settings are applied once it is back.
 */
export default fp<SearchPluginOptions>(
  async function searchPlugin(app: FastifyInstance, opts) {
    const engine = new SearchEngine(opts.meiliUrl, opts.meiliKey, opts.indexName);
    const lexicon = buildLexicon();
    const service = new SearchService(engine, app.database.db, lexicon, () => app.metrics.searchDegraded.inc());
    const worker = new OutboxWorker({
      db: app.database.db,
      databaseUrl: opts.databaseUrl,
      engine,
      lexicon,
      log: app.log,
      onApplied: (n) => app.metrics.outboxApplied.inc(n),
      onFailure: () => app.metrics.outboxFailures.inc(),
    });
    app.decorate('searchService', service);
    app.decorate('outbox', worker);

    let settingsApplied = false;
    const applySettings = async () => {
      try {
        await engine.ensureIndex();
        settingsApplied = true;
      } catch (err) {
        app.log.warn({ err: (err as Error).message }, 'search engine not reachable; index settings will be applied when it is');
      }
    };
    await applySettings();
    const retry = setInterval(() => {
      if (settingsApplied) clearInterval(retry);
      else void applySettings();
    }, 2_000);
    retry.unref();

    if (opts.worker !== false) {
      app.addHook('onReady', () => worker.start());
      app.addHook('onClose', async () => {
        clearInterval(retry);
        await worker.stop();
      });
    } else {
      app.addHook('onClose', async () => clearInterval(retry));
    }
  },
  { name: 'search', dependencies: ['db', 'metrics'] },
);
