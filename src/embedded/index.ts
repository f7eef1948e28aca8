import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import type { Backends, Config } from '../config.ts';
import { meilisearchBinary, startEmbeddedMeilisearch } from './meilisearch.ts';
import { openPathForPostgresUser, startEmbeddedPostgres } from './postgres.ts';
import { dataDirChange, tryLockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { ensureSharedDir, freePort, isAlive } from './process.ts';
import { supervise, type SupervisorLog } from './supervisor.ts';

export interface ResolvedBackends {
  backends: Backends;
  /** Where the backends came from, for logs. */
  source: 'external' | 'embedded' | 'shared';
  /** Stops whatever this process started; a no-op for external or shared backends. */
  stop(): Promise<void>;
}

interface Secrets {
  postgresPassword: string;
  meiliMasterKey: string;
}

interface InstanceRecord extends Backends {
  pid: number;
}

const INSTANCE_FILE = 'instance.json';

/**
 * Finds the PostgreSQL and Meilisearch to use, in this order: the environment
 * (`DATABASE_URL`, `MEILI_URL`), the stores of a `serve` already running on the same
 * data dir, or freshly started embedded ones, which are then supervised: one that exits
 * is started again on the same data and port (logged to `log`, by default stderr).
 * Only the holder of the data dir's lock starts embedded stores: while another process
 * holds it (a `serve` still starting, or a command with stores of its own), this waits
 * until that `serve` publishes its stores or the lock is released.
 */
export async function resolveBackends(config: Config, log?: SupervisorLog): Promise<ResolvedBackends> {
  if (config.databaseUrl && config.meiliUrl) {
    return {
      backends: { databaseUrl: config.databaseUrl, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey },
      source: 'external',
      stop: async () => {},
    };
  }
  const logger = log ?? pino({ level: config.logLevel }, pino.destination(2));
  await ensureSharedDir(config.dataDir);
  let waitingFor: number | undefined;
  for (;;) {
    const running = await readRunningInstance(config.dataDir);
    if (running) return sharedWith(config, running);
    const lock = await tryLockDataDir(config.dataDir);
    if (!('heldBy' in lock)) return startEmbeddedHolding(lock, config, logger);
    if (waitingFor !== lock.heldBy) {
      waitingFor = lock.heldBy;
      logger.warn({ pid: lock.heldBy, dataDir: config.dataDir }, 'waiting for the process that is starting or using the embedded stores of this data dir');
    }
    await dataDirChange(config.dataDir, LOCK_RECHECK_MS);
  }
}

/**
 * How often a waiter looks again without a change in the data dir: a `serve` that
 * publishes its stores or a command that releases them is noticed at once, an owner
 * that died without a trace within this time.
 */
const LOCK_RECHECK_MS = 500;

function sharedWith(config: Config, running: InstanceRecord): ResolvedBackends {
  return {
    backends: {
      databaseUrl: config.databaseUrl ?? running.databaseUrl,
      meiliUrl: config.meiliUrl ?? running.meiliUrl,
      meiliKey: config.meiliUrl ? config.meiliKey : running.meiliKey,
    },
    source: 'shared',
    stop: async () => {},
  };
}

/** Starts the embedded stores as the lock's holder; the lock is released once they have stopped. */
async function startEmbeddedHolding(lock: DataDirLock, config: Config, log: SupervisorLog): Promise<ResolvedBackends> {
  try {
    const started = await startEmbedded(config, log);
    return { ...started, stop: () => started.stop().finally(() => lock.release()) };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function startEmbedded(config: Config, log: SupervisorLog): Promise<ResolvedBackends> {
  const secrets = await loadSecrets(config.dataDir);
  const stops: Array<() => Promise<void>> = [];
  // Side by side: neither store needs the other to stop, and each bounds its own stop.
  const stopAll = async () => {
    await Promise.all(stops.map((stop) => stop().catch(() => {})));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const dir = path.join(config.dataDir, 'postgres');
      const opened = await openPathForPostgresUser(dir);
      if (opened.length > 0) {
        log.warn({ directories: opened }, 'opened for passing through (o+x): the embedded PostgreSQL runs as the postgres user and must reach its data and binaries');
      }
      const first = await startEmbeddedPostgres(dir, secrets.postgresPassword, await freePort([config.port]));
      const postgres = supervise('PostgreSQL', first, () => startEmbeddedPostgres(dir, secrets.postgresPassword, first.port), log);
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    let meiliUrl = config.meiliUrl;
    let meiliKey = config.meiliKey;
    if (!meiliUrl) {
      const dir = path.join(config.dataDir, 'meilisearch');
      const binary = meilisearchBinary(config.meiliBin);
      const first = await startEmbeddedMeilisearch(dir, secrets.meiliMasterKey, binary, await freePort([config.port]));
      const meilisearch = supervise('Meilisearch', first, () => startEmbeddedMeilisearch(dir, secrets.meiliMasterKey, binary, first.port), log);
      stops.push(() => meilisearch.stop());
      meiliUrl = meilisearch.url;
      meiliKey = secrets.meiliMasterKey;
    }
    return { backends: { databaseUrl, meiliUrl, meiliKey }, source: 'embedded', stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Lets CLI commands find the stores of the `serve` process that owns this data dir. */
export async function publishInstance(dataDir: string, backends: Backends): Promise<() => Promise<void>> {
  const file = path.join(dataDir, INSTANCE_FILE);
  const record: InstanceRecord = { pid: process.pid, ...backends };
  await fs.writeFile(file, JSON.stringify(record), { mode: 0o600 });
  return () => fs.rm(file, { force: true });
}

async function readRunningInstance(dataDir: string): Promise<InstanceRecord | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(path.join(dataDir, INSTANCE_FILE), 'utf8')) as InstanceRecord;
    return isAlive(record.pid) && record.pid !== process.pid ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Credentials of the embedded stores, generated once per data dir and kept private. */
async function loadSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Secrets;
  } catch {
    const secrets: Secrets = {
      postgresPassword: randomBytes(18).toString('base64url'),
      meiliMasterKey: randomBytes(24).toString('base64url'),
    };
    await fs.writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
    return secrets;
  }
}
