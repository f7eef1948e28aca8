import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, isAlive, readPid } from '../../src/embedded/process.ts';
import type { Teardown } from './app.ts';

/**
 * Whole `tarjotin` processes for tests that kill, signal or pipe them. Every process
 * started here is stopped at teardown (SIGKILL if it is still running), so a failing test
 * leaves nothing behind.
 */

export const BIN = path.resolve(import.meta.dirname, '../../bin/tarjotin.js');
export const SLOW_READER = path.resolve(import.meta.dirname, 'slow-reader.mjs');

export interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** stdout and stderr so far (the logs). */
  output(): string;
}

export async function startServe(t: Teardown, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'info', TARJOTIN_RATE_LIMIT: '1000000', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!done) child.kill('SIGKILL');
    }
  });
  const served: Served = { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
  await waitReady(served);
  return served;
}

/** Waits until `/ready` answers 200. */
export async function waitReady(served: Served, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (served.child.exitCode !== null) throw new Error(`serve exited: ${served.output()}`);
    if (await fetch(`${served.url}/ready`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`serve did not become ready: ${served.output()}`);
}

/** The pids of the embedded stores running on `dataDir`. */
export async function embeddedPids(dataDir: string): Promise<{ postgres?: number; meilisearch?: number }> {
  return {
    postgres: await readPid(path.join(dataDir, 'postgres', 'postmaster.pid')),
    meilisearch: await readPid(path.join(dataDir, 'meilisearch', 'meilisearch.pid')),
  };
}

/** Waits until `pid` has gone, up to `timeoutMs`; true when it has. */
export async function gone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  return !isAlive(pid);
}

/** Runs a shell command line (bash, pipefail) to its end; resolves its exit code and stderr. */
export function shell(line: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', line], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

export const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export async function readJsonFile(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}
