import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { tryLockDataDir } from '../../src/embedded/data-dir-lock.ts';
import { tempDir, type Teardown } from '../helpers/app.ts';

/** The data dir's lock: one holder at a time, a dead holder's lock taken over. */

const LOCK = 'stores.lock';

/** A live process that is not this one, to stand for another holder. */
function otherProcess(t: Teardown): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  t.teardown(() => child.kill('SIGKILL'));
  return child.pid!;
}

t.test('a lock held by a live process is reported with its pid; a dead holder is taken over', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const holder = otherProcess(t);
  await fs.writeFile(path.join(dir, LOCK), `${holder}\n`);
  t.same(await tryLockDataDir(dir), { heldBy: holder });

  process.kill(holder, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  const lock = await tryLockDataDir(dir);
  t.notOk('heldBy' in lock, 'the stale lock is taken over');
  t.equal((await fs.readFile(path.join(dir, LOCK), 'utf8')).trim(), String(process.pid), 'and names this process');
  if (!('heldBy' in lock)) await lock.release();
  await t.rejects(fs.access(path.join(dir, LOCK)), 'release removes it');
  t.same((await fs.readdir(dir)).filter((f) => f.startsWith(LOCK)), [], 'and leaves nothing behind');
});

t.test('of processes racing for one data dir, exactly one gets the lock', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const module = path.resolve(import.meta.dirname, '../../src/embedded/data-dir-lock.ts');
  const script = `const { tryLockDataDir } = await import(${JSON.stringify(module)});
    const lock = await tryLockDataDir(${JSON.stringify(dir)});
    process.stdout.write('heldBy' in lock ? 'waits' : 'holds');
    await new Promise((r) => setTimeout(r, 1500));`;
  const race = Array.from({ length: 4 }, () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.once('error', reject);
      child.once('exit', () => resolve(out));
    }),
  );
  const outcomes = await Promise.all(race);
  t.equal(outcomes.filter((o) => o === 'holds').length, 1, outcomes.join(' '));
  t.equal(outcomes.filter((o) => o === 'waits').length, 3);
});
