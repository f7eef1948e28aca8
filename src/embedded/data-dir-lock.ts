import { watch } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './process.ts';

/**
 * The lock that makes one process at a time the owner of a data dir's embedded stores:
 * a file created exclusively (O_EXCL) that holds the owner's pid. A lock whose owner no
 * longer runs (a crash, a killed process, a container restarted with a reused pid) is
 * stale and taken over; the takeover itself is guarded by a second exclusive file, so
 * that two processes finding the same stale lock cannot both take it.
 */

const LOCK_FILE = 'stores.lock';
const TAKEOVER_FILE = 'stores.lock.takeover';

export interface DataDirLock {
  release(): Promise<void>;
}

/** The lock, or the pid of the live process that holds it. */
export async function tryLockDataDir(dataDir: string): Promise<DataDirLock | { heldBy: number }> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(file)) return { release: () => removeIfOwn(file) };
    const holder = await ownerOf(file);
    if (holder !== undefined && holderRuns(holder)) return { heldBy: holder };
    await removeStale(dataDir, file, holder);
  }
  return { heldBy: (await ownerOf(file)) ?? 0 };
}

/**
 * Resolves when something changes in `dataDir` (a lock released, an instance published)
 * or after `maxMs`, whichever comes first: a waiter reacts at once to the change and
 * still notices an owner that died without a trace in the directory.
 */
export function dataDirChange(dataDir: string, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    let watcher: ReturnType<typeof watch> | undefined;
    try {
      watcher = watch(dataDir, done);
      watcher.on('error', done);
    } catch {
      /* not watchable: the timeout alone */
    }
  });
}

function holderRuns(pid: number): boolean {
  return pid !== process.pid && isAlive(pid);
}

/**
 * Creates `file` holding this process's pid, unless it exists. The pid is written to a
 * file of this process first and then linked into place (link fails when the name
 * exists), so that the lock never exists without its owner in it.
 */
async function createExclusive(file: string): Promise<boolean> {
  const own = `${file}.${process.pid}`;
  await fs.writeFile(own, `${process.pid}\n`, { mode: 0o644 });
  try {
    await fs.link(own, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.rm(own, { force: true });
  }
}

async function ownerOf(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the lock `file` if it still names `stalePid`, under the takeover guard. */
async function removeStale(dataDir: string, file: string, stalePid: number | undefined): Promise<void> {
  const guard = path.join(dataDir, TAKEOVER_FILE);
  if (!(await createExclusive(guard))) {
    const guardOwner = await ownerOf(guard);
    if (guardOwner === undefined || !holderRuns(guardOwner)) await fs.rm(guard, { force: true });
    return;
  }
  try {
    if ((await ownerOf(file)) === stalePid) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}

async function removeIfOwn(file: string): Promise<void> {
  if ((await ownerOf(file)) === process.pid) await fs.rm(file, { force: true });
}
