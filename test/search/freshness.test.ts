import { Writable } from 'node:stream';
import pg from 'pg';
import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { applyMigrations } from '../../src/db/client.ts';
import { indexFingerprint } from '../../src/search/fingerprint.ts';
import { rebuildIfStale } from '../../src/search/reindex.ts';
import { buildTestApp, freshBackends, withDevCatalog } from '../helpers/app.ts';

/**
 * An index built by another version of the analysis (or whose fingerprint is missing:
 * a new or emptied Meilisearch) is rebuilt from PostgreSQL; the outbox alone would
 * never bring back what a release indexes differently.
 */

const OLDER_VERSION = 'built-by-an-older-version';

/** Waits until `done`, for at most 20 s: the check at start runs in the background, and is tried again if it fails. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 20_000; !(await done()) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
}

t.test('index freshness', async (t) => {
  const ta = await buildTestApp(t);
  await withDevCatalog(ta);
  const { app } = ta;
  const { engine } = app.searchService;
  const [someId] = (await engine.search('', { limit: 1, attributesToRetrieve: ['id'] })).hits.map((h) => h.id);
  const indexed = async (id: string) => (await engine.search('', { filter: [`id = ${JSON.stringify(id)}`], limit: 1 })).hits.length === 1;
  /** What an older version left behind: another fingerprint, and a document it indexed differently (here: not at all). */
  const makeStale = async (t: Test) => {
    await ta.indexed(); // replays of an earlier rebuild would restore the document
    await engine.markBuiltWith(OLDER_VERSION);
    await engine.apply([], [someId!]);
    t.notOk(await indexed(someId!), 'the older index lacks the document');
  };

  t.test('a new service records the fingerprint of its empty index at start', async (t) => {
    await until(async () => (await engine.builtWith()) === indexFingerprint());
    t.equal(await engine.builtWith(), indexFingerprint());
    t.equal(await rebuildIfStale(app), 'fresh', 'and leaves a current index alone');
  });

  t.test('an index built by another version is rebuilt from PostgreSQL', async (t) => {
    await makeStale(t);
    t.equal(await rebuildIfStale(app), 'rebuilt');
    await ta.indexed();
    t.ok(await indexed(someId!), 'the document is back');
    t.equal(await engine.builtWith(), indexFingerprint(), 'and the new fingerprint recorded');
  });

  t.test('one instance rebuilds at a time; another waits and takes over if it stops', async (t) => {
    await makeStale(t);
    const other = new pg.Client({ connectionString: ta.backends.databaseUrl });
    await other.connect();
    t.teardown(() => other.end());
    await other.query('select pg_advisory_lock($1)', [0x74617269]);
    let settled = false;
    const waiting = rebuildIfStale(app).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1_500));
    t.notOk(settled, 'it waits while another instance holds the lock');
    t.equal(await engine.builtWith(), OLDER_VERSION, 'and leaves the index to it');
    // The other instance stops without rebuilding (it died half-way): this one takes over.
    await other.query('select pg_advisory_unlock($1)', [0x74617269]);
    t.equal(await waiting, 'rebuilt');

    await makeStale(t);
    await other.query('select pg_advisory_lock($1)', [0x74617269]);
    const closing = new AbortController();
    const stopped = rebuildIfStale(app, closing.signal);
    closing.abort();
    t.equal(await stopped, 'stopped', 'shutting down ends the waiting');
    await other.query('select pg_advisory_unlock($1)', [0x74617269]);
    t.equal(await rebuildIfStale(app), 'rebuilt');
  });

  t.test('a service starting on a stale index rebuilds it in the background', async (t) => {
    await makeStale(t);
    const next = await buildApp({ config: ta.config, backends: ta.backends });
    await next.ready();
    t.teardown(() => next.close());
    await until(async () => (await engine.builtWith()) === indexFingerprint());
    await next.outbox.drain();
    t.equal(await engine.builtWith(), indexFingerprint(), 'rebuilt at start');
    t.ok(await indexed(someId!), 'with the document back');
  });
});

t.test('a freshness check that fails at start is tried again', async (t) => {
  const { backends, name } = await freshBackends();
  const config = { ...loadConfig({ LOG_LEVEL: 'warn' }), indexName: `services_${name}` };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // A database whose tables are not there yet: the check's query fails, as when PostgreSQL is slow to answer at start.
  const app = await buildApp({ config, backends, stores: 'use', logStream });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    for (const index of [config.indexName, `${config.indexName}_state`]) await engine.done(engine.client.deleteIndex(index)).catch(() => {});
  });
  const { engine } = app.searchService;
  await until(() => logs.some((l) => l.includes('freshness not checked')));
  t.ok(logs.some((l) => l.includes('freshness not checked') && l.includes('retryInMs')), 'the failure is logged with when it is tried again');
  t.not(await engine.builtWith(), indexFingerprint(), 'nothing is recorded while the check fails');
  await applyMigrations(app.database);
  await until(async () => (await engine.builtWith()) === indexFingerprint());
  t.equal(await engine.builtWith(), indexFingerprint(), 'the next try records the empty index');
});
