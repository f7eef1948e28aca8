import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { freePort } from '../src/embedded/process.ts';
import { tempDir } from './helpers/app.ts';

/**
 * The README's "Try it", run as written (only the port is this test's own), ten times
 * in a row on one data dir: `npm start &` and `npx tarjotin import` race for the data
 * dir's stores on every round, and every round must import, search and recommend.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const ROUNDS = 10;

/** The first sh block of the README's "Try it" section. */
async function tryItScript(): Promise<string> {
  const readme = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no sh block under "Try it"');
  return block;
}

interface Round {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The process group of the script and what it left running (the server). */
  group: number;
}

function runScript(script: string, env: Record<string, string>): Promise<Round> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started, group: child.pid! }));
  });
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the server the script left running (SIGTERM, as a user would) and waits until its process group has gone. */
async function stopServer(dataDir: string, group: number): Promise<boolean> {
  const instance = JSON.parse(await fs.readFile(path.join(dataDir, 'instance.json'), 'utf8').catch(() => '{}')) as { pid?: number };
  if (instance.pid) process.kill(instance.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (groupAlive(group) && Date.now() < deadline) await sleep(100);
  if (!groupAlive(group)) return true;
  process.kill(-group, 'SIGKILL');
  return false;
}

t.setTimeout(20 * 60_000);

t.test(`the README's "Try it" succeeds ${ROUNDS} times out of ${ROUNDS}`, async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const script = (await tryItScript()).replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`);
  t.match(script, /npm start &/, 'the block starts the server in the background');
  const env = { TARJOTIN_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', TARJOTIN_ADMIN_KEY: '' };
  const durations: number[] = [];
  let successes = 0;
  let waited = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const result = await runScript(script, env);
    const stopped = await stopServer(dataDir, result.group);
    const searched = /"hits":\[\{"id":/.exec(result.stdout) !== null && /"total":[1-9]/.test(result.stdout);
    const recommended = /"needs":\[\{"code":"(debt|gambling)"/.test(result.stdout);
    const imported = /imported \d+ organizations, [1-9]\d* services/.test(result.stdout);
    const ok = result.code === 0 && imported && searched && recommended && stopped && !/tarjotin: undefined/.test(result.stderr);
    if (/waiting for the process/.test(result.stdout + result.stderr)) waited++;
    if (ok) successes++;
    else t.comment(`round ${round} failed (exit ${result.code}, stopped ${stopped}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-3000)}`);
    durations.push(result.ms);
    await fs.access(path.join(dataDir, 'stores.lock')).then(
      () => t.fail(`round ${round}: the stores' lock outlived the server`),
      () => {},
    );
  }
  t.comment(`script durations (ms): ${durations.join(', ')}; rounds in which one process waited for the other's lock: ${waited}`);
  t.equal(successes, ROUNDS, `${successes}/${ROUNDS} rounds succeeded`);
});
