import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user (postgres runs as its own user).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when `pid` runs a program whose command line mentions `program`; guards against
 * stopping an unrelated process that reused a recorded pid.
 */
export async function runs(pid: number, program: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(program);
  } catch {
    return false;
  }
}

/** Sends SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function terminate(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** A signal to stop a process with, and how long to wait for its exit before the next. */
export interface StopSignal {
  signal: NodeJS.Signals;
  waitMs: number;
}

/**
 * Stops a child process of ours: sends each signal in turn, waiting up to its `waitMs`
 * for the exit, and SIGKILL after the last, so that stopping always ends. Resolves once
 * the process has exited (`exited` settles on its exit event).
 */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>, signals: readonly StopSignal[]): Promise<void> {
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  for (const { signal, waitMs } of signals) {
    if (hasExited()) return;
    child.kill(signal);
    const timer = sleep(waitMs, 'late' as const, { ref: false });
    if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'exited') return;
  }
  if (!hasExited()) child.kill('SIGKILL');
  await exited;
}

export async function readPid(file: string): Promise<number | undefined> {
  try {
    const first = (await fs.readFile(file, 'utf8')).split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A loopback port free at this moment, other than those in `avoid`: the service's own
 * HTTP port may be free still while another process starts the stores (`npm start &`
 * and `tarjotin import` together), and a store must not take it.
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (!avoid.includes(port)) return port;
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Creates `dir` (and parents) readable and traversable by other users: the embedded
 * PostgreSQL runs as the `postgres` user when the service runs as root, and must reach
 * its data directory through every parent.
 */
export async function ensureSharedDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  await fs.chmod(dir, 0o755);
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
}
