import { setTimeout as sleep } from 'node:timers/promises';

/** One run of an embedded store: where it answers, when it ends, how to stop it. */
export interface StoreRun {
  url: string;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<unknown>;
  stop(): Promise<void>;
  /** Asks the process to shut down, synchronously and without waiting: for when this process exits. */
  abandon(): void;
}

/** The few logger methods the supervisor needs (pino's and Fastify's loggers have them). */
export interface SupervisorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisedStore {
  readonly url: string;
  /** Stops the store and every restart still pending. */
  stop(): Promise<void>;
}

/** The first wait before a restart, doubled after every failed start up to the cap. */
const FIRST_WAIT_MS = 250;
const MAX_WAIT_MS = 5_000;

/**
 * Watches an embedded store and starts it again (through `restart`, which must reuse the
 * same data and port so that clients reconnect to the same address) whenever it exits
 * without being asked to. Failed starts are retried with exponential backoff, capped, for
 * as long as the service runs: a store that cannot come back leaves `/ready` failing
 * rather than the process dead.
 */
export function supervise(
  name: string,
  first: StoreRun,
  restart: () => Promise<StoreRun>,
  log: SupervisorLog,
): SupervisedStore {
  let current: StoreRun | undefined = first;
  let stopping = false;
  const abort = new AbortController();
  let recovering: Promise<void> = Promise.resolve();

  const watch = (run: StoreRun) => {
    void run.exited.then((code) => {
      if (stopping || current !== run) return;
      current = undefined;
      log.error({ store: name, exitCode: code ?? null }, `embedded ${name} exited; starting it again`);
      recovering = recover();
    });
  };

  const recover = async () => {
    let delay = FIRST_WAIT_MS;
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await sleep(delay, undefined, { signal: abort.signal });
      } catch {
        return; // stopping
      }
      try {
        const run = await restart();
        if (stopping) {
          await run.stop();
          return;
        }
        current = run;
        log.info({ store: name, attempt }, `embedded ${name} is running again`);
        watch(run);
        return;
      } catch (err) {
        delay = Math.min(MAX_WAIT_MS, delay * 2);
        log.warn({ store: name, attempt, err: (err as Error)?.message ?? String(err), retryInMs: delay }, `embedded ${name} did not start; retrying`);
      }
    }
  };

  // Whatever ends this process (an uncaught error, a signal handled elsewhere), the store it runs shuts down too.
  const abandon = () => current?.abandon();
  process.once('exit', abandon);

  watch(first);
  return {
    url: first.url,
    async stop() {
      stopping = true;
      process.off('exit', abandon);
      abort.abort();
      await recovering;
      await current?.stop();
    },
  };
}
