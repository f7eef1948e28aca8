import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { describeError } from '../errors.ts';
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

/** The waits before checking the index's freshness again after a failed check; the last repeats. */
const FRESHNESS_RETRY_MS = [2_000, 4_000, 8_000, 16_000, 30_000];

/**
 * Rebuilds a stale index in the background (see `rebuildIfStale`). A check that fails (a
 * database slow to answer at start, a lost connection) is tried again, or a release that
 * indexes differently would serve the old index until the next restart. Closing stops
 * waiting and retrying, and waits for a rebuild of its own.
 */
function rebuildWhenStale(app: FastifyInstance): () => void {
  let running: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  const closing = new AbortController();
  app.addHook('onClose', async () => {
    closing.abort();
    clearTimeout(retry);
    await running;
  });
  const check = (attempt: number): Promise<void> =>
    rebuildIfStale(app, closing.signal)
      .then((outcome) => {
        if (outcome === 'rebuilt') app.log.info('search index rebuilt: it was built by another version of the analysis, or not recorded');
      })
      .catch((err: unknown) => {
        if (closing.signal.aborted) return;
        const waitMs = FRESHNESS_RETRY_MS[Math.min(attempt, FRESHNESS_RETRY_MS.length - 1)]!;
        app.log.warn({ err: describeError(err), retryInMs: waitMs }, 'search index freshness not checked; trying again');
        retry = setTimeout(() => (running = check(attempt + 1)), waitMs);
        retry.unref();
      });
  return () => {
    running ??= check(0);
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
