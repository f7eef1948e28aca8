import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { meilisearchBinary, startEmbeddedMeilisearch } from '../../src/embedded/meilisearch.ts';
import { freePort } from '../../src/embedded/process.ts';
import { bearer, buildTestApp, sharedBackends, tempDir, withDevCatalog } from '../helpers/app.ts';

/**
 * The index follows PostgreSQL through the outbox, and nothing is lost while
 * Meilisearch is down: search answers from PostgreSQL meanwhile, and every write made
 * during the outage is searchable once it is back.
 */

const ADMIN = 'admin-secret-0123456789abcdef';
const word = () => Array.from(randomBytes(9), (b) => String.fromCharCode(97 + (b % 26))).join('');

t.test('writes made while Meilisearch is down reach the index when it is back', async (t) => {
  const dir = await tempDir();
  const key = randomBytes(16).toString('hex');
  const port = await freePort();
  const start = () => startEmbeddedMeilisearch(path.join(dir, 'meili'), key, meilisearchBinary(), port);
  let meili = await start();
  t.teardown(() => meili.stop());
  const shared = await sharedBackends();
  const ta = await buildTestApp(t, {
    env: { TARJOTIN_ADMIN_KEY: ADMIN },
    backends: { databaseUrl: shared.backends.databaseUrl, meiliUrl: meili.url, meiliKey: key },
  });
  const { app } = ta;
  await withDevCatalog(ta);
  const ids = (await app.database.db.execute<{ id: string }>(sql`select id from services where status = 'active' order by id limit 20`)).rows.map((r) => r.id);

  await meili.stop();
  const words = new Map<string, string>();
  for (const id of ids) {
    const w = word();
    words.set(id, w);
    const res = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${id}`,
      headers: { ...bearer(ADMIN), 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ alternate_name: w }),
    });
    t.equal(res.statusCode, 200, 'writes succeed while the index is down');
  }

  const degraded = await app.inject({ url: `/v1/search?q=${words.get(ids[0]!)}` });
  t.equal(degraded.statusCode, 200);
  t.equal(degraded.headers['x-search-degraded'], 'postgres');
  t.equal(degraded.json().hits[0]?.id, ids[0], 'the fallback already sees the write');
  t.equal((await app.inject({ url: '/ready' })).statusCode, 503, '/ready reports the outage');
  const pending = await app.outbox.backlog();
  t.ok(pending.pending >= ids.length, 'the writes wait in the outbox');

  meili = await start();
  const back = Date.now();
  const missing = new Set(ids);
  while (missing.size > 0 && Date.now() - back < 30_000) {
    for (const id of [...missing]) {
      const res = await app.inject({ url: `/v1/search?q=${words.get(id)}` });
      if (!res.headers['x-search-degraded'] && res.json().hits[0]?.id === id) missing.delete(id);
    }
    if (missing.size > 0) await new Promise((r) => setTimeout(r, 100));
  }
  t.equal(missing.size, 0, 'every write made during the outage is searchable');
  t.comment(`all ${ids.length} writes searchable ${Date.now() - back} ms after Meilisearch was back`);
  t.equal((await app.outbox.backlog()).pending, 0, 'the outbox is empty');
  t.equal((await app.inject({ url: '/ready' })).statusCode, 200);
});

t.test('every write is searchable through the outbox', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN } });
  const { app } = ta;
  await withDevCatalog(ta);
  const ids = (await app.database.db.execute<{ id: string }>(sql`select id from services where status = 'active' order by id limit 100`)).rows.map((r) => r.id);
  const latencies: number[] = [];
  for (const id of ids) {
    const w = word();
    const t0 = Date.now();
    await app.inject({
      method: 'PATCH',
      url: `/v1/services/${id}`,
      headers: { ...bearer(ADMIN), 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ alternate_name: w }),
    });
    for (;;) {
      const res = await app.inject({ url: `/v1/search?q=${w}&limit=1` });
      if (res.json().hits[0]?.id === id) break;
      if (Date.now() - t0 > 30_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    latencies.push(Date.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  t.ok(latencies.every((l) => l <= 30_000), 'all 100 writes became searchable');
  t.comment(`write → searchable over 100 writes: p50 ${latencies[49]} ms, p95 ${latencies[94]} ms, max ${latencies[99]} ms`);

  const gone = ids[0]!;
  const del = await app.inject({ method: 'DELETE', url: `/v1/services/${gone}`, headers: bearer(ADMIN) });
  t.equal(del.statusCode, 204);
  await ta.indexed();
  const hit = await app.searchService.engine.index.getDocument(gone).catch(() => undefined);
  t.equal(hit, undefined, 'a deleted service leaves the index');

  const closed = ids[1]!;
  await app.inject({
    method: 'PATCH',
    url: `/v1/services/${closed}`,
    headers: { ...bearer(ADMIN), 'content-type': 'application/merge-patch+json' },
    payload: JSON.stringify({ status: 'defunct' }),
  });
  await ta.indexed();
  t.equal(await app.searchService.engine.index.getDocument(closed).catch(() => undefined), undefined, 'a defunct service leaves the index');
});
