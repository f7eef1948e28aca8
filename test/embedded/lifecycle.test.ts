import fs from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { loadConfig } from '../../src/config.ts';
import { resolveBackends } from '../../src/embedded/index.ts';
import { meilisearchBinary, startEmbeddedMeilisearch } from '../../src/embedded/meilisearch.ts';
import { isAlive, readPid } from '../../src/embedded/process.ts';
import { tempDir } from '../helpers/app.ts';

const pidsOf = async (dataDir: string) => ({
  postgres: await readPid(path.join(dataDir, 'postgres', 'postmaster.pid')),
  meilisearch: await readPid(path.join(dataDir, 'meilisearch', 'meilisearch.pid')),
});

t.test('embedded stores start, answer and stop without leaving processes', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const config = loadConfig({ TARJOTIN_DATA_DIR: path.join(dir, 'data') });
  const resolved = await resolveBackends(config);
  t.equal(resolved.source, 'embedded');
  const pids = await pidsOf(config.dataDir);
  t.ok(pids.postgres && isAlive(pids.postgres), 'PostgreSQL runs');
  t.ok(pids.meilisearch && isAlive(pids.meilisearch), 'Meilisearch runs');
  t.ok((await fetch(`${resolved.backends.meiliUrl}/health`)).ok);
  const secrets = await fs.stat(path.join(config.dataDir, 'secrets.json'));
  t.equal(secrets.mode & 0o077, 0, 'credentials are private to the owner');
  const { meiliMasterKey } = JSON.parse(await fs.readFile(path.join(config.dataDir, 'secrets.json'), 'utf8')) as { meiliMasterKey: string };
  const commandLine = (await fs.readFile(`/proc/${pids.meilisearch}/cmdline`, 'utf8')).split('\0').join(' ');
  t.notOk(commandLine.includes(meiliMasterKey), 'the Meilisearch key is not on its command line (ps shows it)');
  t.match(commandLine, /--env=production/, 'Meilisearch runs in production mode');
  t.equal((await fetch(`${resolved.backends.meiliUrl}/indexes`)).status, 401, 'and answers nothing without the key');

  await resolved.stop();
  await new Promise((r) => setTimeout(r, 200));
  t.notOk(isAlive(pids.postgres!), 'PostgreSQL stopped');
  t.notOk(isAlive(pids.meilisearch!), 'Meilisearch stopped');

  // A second start reuses the cluster (initialised once) and its data.
  const again = await resolveBackends(config);
  t.equal(again.source, 'embedded');
  await again.stop();
});

t.test('a private directory around the data is opened for passing through, and said so', { skip: process.getuid?.() !== 0 && 'only root starts PostgreSQL as another user' }, async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const private_ = path.join(dir, 'private');
  await fs.mkdir(private_, { mode: 0o700 });
  const config = loadConfig({ TARJOTIN_DATA_DIR: path.join(private_, 'data') });
  const warnings: Array<{ obj: object; msg: string }> = [];
  const log = { info: () => {}, error: () => {}, warn: (obj: object, msg: string) => warnings.push({ obj, msg }) };
  const resolved = await resolveBackends(config, log);
  t.teardown(() => resolved.stop());
  t.equal((await fs.stat(private_)).mode & 0o777, 0o701, 'passing through only: no listing, no reading');
  t.ok((await readPid(path.join(config.dataDir, 'postgres', 'postmaster.pid'))) !== undefined, 'and PostgreSQL runs');
  t.same(warnings.map((w) => w.obj), [{ directories: [private_] }], 'the start says which directory it opened');
});

t.test('a Meilisearch orphaned by a crashed parent is stopped on the next start', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const meiliDir = path.join(dir, 'meili');
  const orphan = await startEmbeddedMeilisearch(meiliDir, 'key-0123456789abcdef', meilisearchBinary());
  const orphanPid = (await readPid(path.join(meiliDir, 'meilisearch.pid')))!;
  t.ok(isAlive(orphanPid));
  // The parent "crashes": nobody calls orphan.stop(); the pid file stays behind.
  const next = await startEmbeddedMeilisearch(meiliDir, 'key-0123456789abcdef', meilisearchBinary());
  t.notOk(isAlive(orphanPid), 'the stale process was stopped');
  t.ok((await fetch(`${next.url}/health`)).ok, 'the new one serves from the same data dir');
  await next.stop();
  await orphan.stop().catch(() => {});
});

t.test('`tarjotin serve` becomes ready and leaves nothing running after SIGTERM', async (t) => {
  const { spawn } = await import('node:child_process');
  const { freePort } = await import('../../src/embedded/process.ts');
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/tarjotin.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), TARJOTIN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const started = Date.now();
  let ready = false;
  while (!ready && Date.now() - started < 60_000) {
    ready = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  t.ok(ready, '/ready answers 200');
  t.comment(`ready after ${Date.now() - started} ms`);
  const pids = await pidsOf(dataDir);
  const instance = JSON.parse(await fs.readFile(path.join(dataDir, 'instance.json'), 'utf8'));
  t.equal(instance.pid, child.pid, 'the running instance is published for CLI commands');

  child.kill('SIGTERM');
  t.equal(await exited, 0, 'exits cleanly');
  t.notOk(isAlive(pids.postgres!), 'PostgreSQL stopped');
  t.notOk(isAlive(pids.meilisearch!), 'Meilisearch stopped');
  await t.rejects(fs.stat(path.join(dataDir, 'instance.json')), 'the instance record is removed');
});
