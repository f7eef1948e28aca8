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
  /** Apply the index settings at start (the default); false for an app that connects nowhere. */
  connect?: boolean;
  /** The clock for opening hours (the real one by default). */
  clock?: () => Date;
}

/**
 * The search engine, the search service over it, and the outbox worker that keeps the
 * index in step with PostgreSQL. The service starts even when Meilisearch is down:
 * search then answers from PostgreSQL and the settings are applied once it is back.
 */
/** Applies the index settings now, or, while the engine is unreachable, every 2 s until it is. */
async function keepIndexSettings(app: FastifyInstance, engine: SearchEngine): Promise<void> {
  let applied = false;
  const apply = async () => {
    try {
      await engine.ensureIndex();
      applied = true;
    } catch (err) {
      app.log.warn({ err: (err as Error).message }, 'search engine not reachable; index settings will be applied when it is');
    }
  };
  await apply();
  if (applied) return;
  const retry = setInterval(() => {
    if (applied) clearInterval(retry);
    else void apply();
  }, 2_000);
  retry.unref();
  app.addHook('onClose', async () => clearInterval(retry));
}

export default fp<SearchPluginOptions>(
  async function searchPlugin(app: FastifyInstance, opts) {
    const engine = new SearchEngine(opts.meiliUrl, opts.meiliKey, opts.indexName);
    const lexicon = buildLexicon();
    const service = new SearchService(engine, app.database.db, lexicon, () => app.metrics.searchDegraded.inc(), opts.clock);
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

    if (opts.connect !== false) await keepIndexSettings(app, engine);
    if (opts.worker !== false) {
      app.addHook('onReady', () => worker.start());
      app.addHook('onClose', () => worker.stop());
    }
  },
  { name: 'search', dependencies: ['db', 'metrics'] },
);
