import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { newOrganization, newService } from '../routes/v1/fixtures/write-side.ts';
import { tempDir } from '../helpers/app.ts';
import { embeddedPids, gone, startServe, type Served } from '../helpers/processes.ts';

/**
 * `serve` with embedded stores watches them: a store killed with -9 is started again on
 * the same data and port, `/ready` names it while it is down, and the service carries on
 * without a restart. Meilisearch down: searches and writes keep succeeding and every
 * write reaches the index once it is back. PostgreSQL down: requests answer 503
 * problem+json within a second, and the service answers again when it is back.
 */

const ADMIN = 'admin-secret-0123456789abcdef';
const word = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };

async function createOrganization(served: Served): Promise<string> {
  const res = await fetch(`${served.url}/v1/organizations`, { method: 'POST', headers: auth, body: JSON.stringify(newOrganization()) });
  if (res.status !== 201) throw new Error(`organization: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function writeService(served: Served, organizationId: string, name: string) {
  const started = performance.now();
  const res = await fetch(`${served.url}/v1/services`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(newService(organizationId, { alternate_name: name })),
  });
  const body = (await res.json()) as { id?: string; type?: string };
  return { status: res.status, type: res.headers.get('content-type'), problem: body.type, id: body.id, ms: performance.now() - started };
}

async function search(served: Served, q: string) {
  const res = await fetch(`${served.url}/v1/search?q=${q}&limit=1`);
  const body = res.ok ? ((await res.json()) as { hits: Array<{ id: string }> }) : undefined;
  return { status: res.status, degraded: res.headers.get('x-search-degraded'), first: body?.hits[0]?.id };
}

/** Polls `/ready` until `check` holds for its body, up to `timeoutMs`. */
async function readyUntil(served: Served, check: (body: Record<string, string>) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = await fetch(`${served.url}/ready`).then((r) => r.json() as Promise<Record<string, string>>, () => ({}) as Record<string, string>);
    if (check(body)) return body;
    await sleep(20);
  }
  return undefined;
}

/** Waits until every name is the first hit of a search for it without the degraded header. */
async function allSearchable(served: Served, written: Map<string, string>, timeoutMs: number): Promise<Set<string>> {
  const missing = new Set(written.keys());
  const deadline = Date.now() + timeoutMs;
  while (missing.size > 0 && Date.now() < deadline) {
    for (const name of [...missing]) {
      const found = await search(served, name);
      if (!found.degraded && found.first === written.get(name)) missing.delete(name);
    }
    if (missing.size > 0) await sleep(200);
  }
  return missing;
}

t.test('embedded stores killed with -9 come back; nothing written is lost', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const served = await startServe(t, { TARJOTIN_DATA_DIR: dataDir, TARJOTIN_ADMIN_KEY: ADMIN });
  const organizationId = await createOrganization(served);

  await t.test('Meilisearch', async (t) => {
    const before = await embeddedPids(dataDir);
    const written = new Map<string, string>();
    const failures: string[] = [];
    let sawDown: Record<string, string> | undefined;
    for (let i = 0; i < 30; i++) {
      if (i === 10) {
        process.kill(before.meilisearch!, 'SIGKILL');
        sawDown = await readyUntil(served, (b) => b.search === 'down', 2_000);
      }
      const name = word();
      const w = await writeService(served, organizationId, name);
      if (w.status === 201 && w.id) written.set(name, w.id);
      else failures.push(`write ${i}: ${w.status}`);
      const s = await search(served, name);
      if (s.status !== 200) failures.push(`search ${i}: ${s.status}`);
    }
    t.same(failures, [], 'no write and no search failed while Meilisearch was down');
    t.same(sawDown && { status: sawDown.status, postgres: sawDown.postgres, search: sawDown.search }, { status: 'unavailable', postgres: 'ok', search: 'down' }, '/ready named the store that was down');
    const back = Date.now();
    const missing = await allSearchable(served, written, 60_000);
    t.equal(missing.size, 0, 'all 30 writes are found without the degraded header within 60 s');
    t.comment(`all ${written.size} writes searchable ${Date.now() - back} ms after the last write`);
    const after = await embeddedPids(dataDir);
    t.not(after.meilisearch, before.meilisearch, 'a new Meilisearch runs');
    t.equal(served.child.exitCode, null, 'the service was not restarted');
    t.match(served.output(), /embedded Meilisearch exited; starting it again/, 'the crash is logged');
    t.match(served.output(), /embedded Meilisearch is running again/, 'and the restart');
  });

  await t.test('PostgreSQL', async (t) => {
    const before = await embeddedPids(dataDir);
    process.kill(before.postgres!, 'SIGKILL');
    const sawDown = await readyUntil(served, (b) => b.postgres === 'down', 2_000);
    t.equal(sawDown?.postgres, 'down', '/ready says postgres: down');
    // Writes while it is down: 503 problem+json, each within a second.
    const outage: Array<Awaited<ReturnType<typeof writeService>>> = [];
    const back = await (async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const w = await writeService(served, organizationId, word());
        if (w.status === 201) return w;
        outage.push(w);
        await sleep(50);
      }
      return undefined;
    })();
    t.ok(outage.length > 0, `writes were refused while PostgreSQL was down (${outage.length})`);
    t.same(
      outage.filter((w) => w.status !== 503 || !w.type?.startsWith('application/problem+json') || w.problem !== '/problems/unavailable'),
      [],
      'every refused write is a 503 unavailable problem',
    );
    const slowest = Math.max(...outage.map((w) => w.ms));
    t.comment(`refused writes answered in at most ${Math.round(slowest)} ms`);
    t.ok(back, 'a write succeeds again once PostgreSQL is back');
    const after = await embeddedPids(dataDir);
    t.not(after.postgres, before.postgres, 'a new PostgreSQL runs');
    t.equal(served.child.exitCode, null, 'the service was not restarted');
    t.match(served.output(), /embedded PostgreSQL is running again/, 'the restart is logged');

    const written = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const name = word();
      const w = await writeService(served, organizationId, name);
      t.equal(w.status, 201);
      written.set(name, w.id!);
    }
    t.equal((await allSearchable(served, written, 60_000)).size, 0, 'writes after the outage reach the index');
    t.equal((await fetch(`${served.url}/ready`)).status, 200);
  });

  await t.test('nothing is left running after SIGTERM', async (t) => {
    const pids = await embeddedPids(dataDir);
    served.child.kill('SIGTERM');
    // On failure, the log shows which step of the shutdown was slow.
    t.equal(await served.exited, 0, 'serve exits 0', { log: served.output().split('\n').slice(-30).join('\n') });
    for (const step of ['requests, outbox worker and pool', 'instance record', 'stores']) {
      const done = new RegExp(`"step":"${step}","ms":(\\d+),"msg":"shutdown step done"`).exec(served.output());
      t.ok(done, `${step}: done, and its time logged`);
      t.comment(`${step}: ${done?.[1]} ms`);
    }
    t.ok(await gone(pids.postgres!), 'PostgreSQL stopped');
    t.ok(await gone(pids.meilisearch!), 'Meilisearch stopped');
  });
});
