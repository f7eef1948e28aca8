import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import t from 'tap';
import { loadConfig } from '../../src/config.ts';
import { resolveBackends } from '../../src/embedded/index.ts';
import { newOrganization, newService } from '../routes/v1/fixtures/write-side.ts';
import { tempDir } from '../helpers/app.ts';
import { startServe, type Served } from '../helpers/processes.ts';

/**
 * Two API processes on one PostgreSQL and one Meilisearch, the production shape behind a
 * load balancer: a write through one is found through the other, and when one is killed
 * with -9 in the middle of a stream of writes, the other's outbox worker takes over and
 * the index ends up holding exactly the live services of PostgreSQL.
 */

const ADMIN = 'admin-secret-0123456789abcdef';
const word = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };

async function write(served: Served, organizationId: string, name: string): Promise<string | undefined> {
  const res = await fetch(`${served.url}/v1/services`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(newService(organizationId, { alternate_name: name })),
  }).catch(() => undefined);
  return res?.status === 201 ? ((await res.json()) as { id: string }).id : undefined;
}

async function firstHit(served: Served, q: string): Promise<string | undefined> {
  const res = await fetch(`${served.url}/v1/search?q=${q}&limit=1`);
  if (!res.ok || res.headers.get('x-search-degraded')) return undefined;
  return ((await res.json()) as { hits: Array<{ id: string }> }).hits[0]?.id;
}

t.test('two replicas share one catalog and one index', async (t) => {
  const dir = await tempDir();
  const stores = await resolveBackends(loadConfig({ TARJOTIN_DATA_DIR: path.join(dir, 'stores'), LOG_LEVEL: 'warn' }));
  t.teardown(async () => {
    await stores.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });
  const { databaseUrl, meiliUrl, meiliKey } = stores.backends;
  const env = (name: string) => ({
    DATABASE_URL: databaseUrl,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey ?? '',
    TARJOTIN_ADMIN_KEY: ADMIN,
    TARJOTIN_DATA_DIR: path.join(dir, name),
    LOG_LEVEL: 'warn',
  });
  // Started together: migrations and seeding take turns.
  const [a, b] = await Promise.all([startServe(t, env('a')), startServe(t, env('b'))]);
  const org = await fetch(`${a.url}/v1/organizations`, { method: 'POST', headers: auth, body: JSON.stringify(newOrganization()) });
  const organizationId = ((await org.json()) as { id: string }).id;

  await t.test('a write through one replica is found through the other', async (t) => {
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      const name = word();
      const started = performance.now();
      const id = await write(from, organizationId, name);
      t.ok(id, 'the write is accepted');
      let found: string | undefined;
      while (!found && performance.now() - started < 10_000) {
        found = (await firstHit(to, name)) === id ? id : undefined;
        if (!found) await sleep(5);
      }
      t.equal(found, id, 'and searchable through the other replica');
      latencies.push(performance.now() - started);
    }
    latencies.sort((x, y) => x - y);
    t.comment(`write → searchable on the other replica: median ${Math.round(latencies[10]!)} ms, max ${Math.round(latencies[19]!)} ms`);
  });

  await t.test('kill -9 of one replica in the middle of a stream of writes loses nothing', async (t) => {
    const acknowledged: string[] = [];
    let killed = false;
    const stream = async (served: Served, n: number) => {
      for (let i = 0; i < n; i++) {
        if (served === a && killed) return;
        const id = await write(served, organizationId, word());
        if (id) acknowledged.push(id);
        await sleep(10);
      }
    };
    const throughA = stream(a, 1_000);
    const throughB = stream(b, 120);
    while (acknowledged.length < 40) await sleep(5);
    a.child.kill('SIGKILL');
    killed = true;
    const atKill = acknowledged.length;
    await Promise.all([throughA, throughB]);
    t.comment(`${acknowledged.length} writes acknowledged, replica A killed with -9 after ${atKill}`);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    t.teardown(() => db.end());
    const live = async () => new Set((await db.query<{ id: string }>('select id from services where deleted_at is null')).rows.map((r) => r.id));
    const indexed = async () => {
      const res = await fetch(`${meiliUrl}/indexes/services/documents?fields=id&limit=100000`, { headers: { authorization: `Bearer ${meiliKey}` } });
      return new Set(((await res.json()) as { results: Array<{ id: string }> }).results.map((d) => d.id));
    };
    const inDatabase = await live();
    t.same(acknowledged.filter((id) => !inDatabase.has(id)), [], 'every acknowledged write is in PostgreSQL');
    const started = Date.now();
    let missing: string[] = [...inDatabase];
    while (missing.length > 0 && Date.now() - started < 60_000) {
      const index = await indexed();
      missing = [...inDatabase].filter((id) => !index.has(id));
      if (missing.length > 0) await sleep(200);
    }
    t.same(missing, [], 'every service in PostgreSQL reached the index through the surviving replica');
    t.comment(`index complete ${Date.now() - started} ms after the last write`);
    // The worker deletes an entry once Meilisearch has applied it, a moment after the
    // documents are visible.
    const pending = async () => (await db.query<{ n: number }>('select count(*)::int as n from search_outbox')).rows[0]?.n;
    for (const until = Date.now() + 10_000; (await pending()) !== 0 && Date.now() < until; ) await sleep(200);
    t.equal(await pending(), 0, 'the outbox is empty');
  });
});
