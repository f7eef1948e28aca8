import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SearchEngine } from '../search/engine.ts';
import { buildLexicon } from '../search/lexicon.ts';
import { OutboxWorker } from '../search/outbox.ts';
import { rebuildIfStale } from '../search/reindex.ts';
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
 * Applies the index settings now, or, while the engine is unreachable, every 2 s until
 * it is; then runs `then` once.
 */
async function keepIndexSettings(app: FastifyInstance, engine: SearchEngine, then: () => void): Promise<void> {
  let applied = false;
  const apply = async () => {
    try {
      await engine.ensureIndex();
      applied = true;
      then();
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

/**
 * Rebuilds a stale index in the background (see `rebuildIfStale`). Closing stops waiting
 * for another instance's rebuild, and waits for one of its own.
 */
function rebuildWhenStale(app: FastifyInstance): () => void {
  let running: Promise<void> | undefined;
  const closing = new AbortController();
  app.addHook('onClose', async () => {
    closing.abort();
    await running;
  });
  return () => {
    running ??= rebuildIfStale(app, closing.signal)
      .then((outcome) => {
        if (outcome === 'rebuilt') app.log.info('search index rebuilt: it was built by another version of the analysis, or not recorded');
      })
      .catch((err: unknown) => app.log.warn({ err: (err as Error).message }, 'search index freshness not checked; run `tarjotin reindex` if search misses services'));
  };
}

/**
 * The search engine, the search service over it, and the outbox worker that keeps the
 * index in step with PostgreSQL. The service starts even when Meilisearch is down:
 * search then answers from PostgreSQL and the settings are applied once it is back. The
 * process that runs the worker also rebuilds an index built by another version.
 */
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

    const keepsIndex = opts.worker !== false;
    if (opts.connect !== false) await keepIndexSettings(app, engine, keepsIndex ? rebuildWhenStale(app) : () => {});
    if (keepsIndex) {
      app.addHook('onReady', () => worker.start());
      app.addHook('onClose', () => worker.stop());
    }
  },
  { name: 'search', dependencies: ['db', 'metrics'] },
);
