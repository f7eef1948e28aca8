import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import t from 'tap';
import { newOrganization, newService } from '../routes/v1/fixtures/write-side.ts';
import { tempDir } from '../helpers/app.ts';
import { embeddedPids, gone, startServe } from '../helpers/processes.ts';

/**
 * SIGTERM under load: requests the server has taken finish (a write that committed is
 * answered), later ones get 503 or find the port closed, nothing answers 500, the
 * process exits 0 with nothing left running, and every committed write reaches the index
 * after the next start (the outbox worker stopped between batches, losing nothing).
 */

const ADMIN = 'admin-secret-0123456789abcdef';
const word = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };

type Outcome = { kind: 'write' | 'search'; name: string; status?: number; contentType?: string | null; error?: string };

t.test('SIGTERM under load', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const env = { TARJOTIN_DATA_DIR: path.join(dir, 'data'), TARJOTIN_ADMIN_KEY: ADMIN, LOG_LEVEL: 'warn' };
  const served = await startServe(t, env);
  const org = await fetch(`${served.url}/v1/organizations`, { method: 'POST', headers: auth, body: JSON.stringify(newOrganization()) });
  const organizationId = ((await org.json()) as { id: string }).id;
  const pids = await embeddedPids(env.TARJOTIN_DATA_DIR);

  const outcomes: Outcome[] = [];
  let running = true;
  const client = async (n: number) => {
    while (running) {
      const name = word();
      const kind = n % 2 === 0 ? 'write' : 'search';
      const request =
        kind === 'write'
          ? fetch(`${served.url}/v1/services`, { method: 'POST', headers: auth, body: JSON.stringify(newService(organizationId, { alternate_name: name })) })
          : fetch(`${served.url}/v1/search?q=velkaneuvonta&limit=5`);
      outcomes.push(
        await request.then(
          async (res) => ({ kind, name, status: res.status, contentType: res.headers.get('content-type'), body: await res.text() }),
          (err: Error) => ({ kind, name, error: String((err.cause as Error | undefined)?.message ?? err.message) }),
        ),
      );
    }
  };
  const clients = Array.from({ length: 8 }, (_, n) => client(n));
  await sleep(2_000);
  const beforeSignal = outcomes.length;
  served.child.kill('SIGTERM');
  const code = await served.exited;
  await sleep(300);
  running = false;
  await Promise.all(clients);

  t.equal(code, 0, 'serve exits 0');
  t.ok(await gone(pids.postgres!), 'PostgreSQL stopped');
  t.ok(await gone(pids.meilisearch!), 'Meilisearch stopped');
  const answered = outcomes.filter((o) => o.status !== undefined);
  const statuses = [...new Set(answered.map((o) => o.status))].sort();
  t.comment(`${beforeSignal} requests before SIGTERM, ${outcomes.length} in all; statuses ${statuses.join(', ')}; ${outcomes.length - answered.length} without an answer`);
  t.same(answered.filter((o) => ![200, 201, 503].includes(o.status!)), [], 'every answer is a success or 503');
  const refused = answered.filter((o) => o.status === 503);
  t.comment(`${refused.length} answered 503`);
  t.same(refused.filter((o) => !o.contentType?.startsWith('application/problem+json')), [], 'every 503 is problem+json');
  t.ok(outcomes.slice(0, beforeSignal).every((o) => o.status === 200 || o.status === 201), 'under load before the signal, everything succeeded');

  // The store's own view, from a fresh start on the same data: acknowledged writes are
  // there, a write without an answer was not committed, and the outbox is applied.
  const again = await startServe(t, env);
  const instance = JSON.parse(await fs.readFile(path.join(env.TARJOTIN_DATA_DIR, 'instance.json'), 'utf8')) as { databaseUrl: string };
  const db = new pg.Client({ connectionString: instance.databaseUrl });
  await db.connect();
  t.teardown(() => db.end());
  const stored = new Set(
    (await db.query<{ name: string }>(`select alternate_name as name from services where alternate_name is not null`)).rows.map((r) => r.name),
  );
  const writes = outcomes.filter((o) => o.kind === 'write');
  t.same(writes.filter((o) => o.status === 201 && !stored.has(o.name)).map((o) => o.name), [], 'every acknowledged write is stored');
  t.same(writes.filter((o) => o.status === undefined && stored.has(o.name)).map((o) => o.name), [], 'no write was committed without its answer');
  t.same(writes.filter((o) => o.status === 503 && stored.has(o.name)).map((o) => o.name), [], 'a write refused with 503 changed nothing');

  const deadline = Date.now() + 60_000;
  let pending = -1;
  while (pending !== 0 && Date.now() < deadline) {
    pending = (await db.query<{ n: number }>('select count(*)::int as n from search_outbox')).rows[0]!.n;
    if (pending !== 0) await sleep(200);
  }
  t.equal(pending, 0, 'the outbox is applied after the next start');
  const last = writes.filter((o) => o.status === 201).at(-1)!;
  const hit = await fetch(`${again.url}/v1/search?q=${last.name}&limit=1`);
  t.equal(hit.headers.get('x-search-degraded'), null);
  t.equal(((await hit.json()) as { total: number }).total, 1, 'the last acknowledged write is searchable');
});
