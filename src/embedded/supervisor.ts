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

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

export interface SupervisedStore {
  readonly url: string;
  /** False from an unexpected exit until the store has been started again. */
  readonly up: boolean;
  /** How many times the store has been started again. */
  readonly restarts: number;
  /** Stops the store and every restart still pending. */
  stop(): Promise<void>;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 250, maxMs: 5_000 };

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
  backoff: Backoff = DEFAULT_BACKOFF,
): SupervisedStore {
  let current: StoreRun | undefined = first;
  let up = true;
  let restarts = 0;
  let stopping = false;
  const abort = new AbortController();
  let recovering: Promise<void> = Promise.resolve();

  const watch = (run: StoreRun) => {
    void run.exited.then((code) => {
      if (stopping || current !== run) return;
      current = undefined;
      up = false;
      log.error({ store: name, exitCode: code ?? null }, `embedded ${name} exited; starting it again`);
      recovering = recover();
    });
  };

  const recover = async () => {
    let delay = backoff.firstMs;
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
        up = true;
        restarts++;
        log.info({ store: name, attempt }, `embedded ${name} is running again`);
        watch(run);
        return;
      } catch (err) {
        log.warn({ store: name, attempt, err: (err as Error)?.message ?? String(err), retryInMs: delay }, `embedded ${name} did not start; retrying`);
        delay = Math.min(backoff.maxMs, delay * 2);
      }
    }
  };

  // Whatever ends this process (an uncaught error, a signal handled elsewhere), the store it runs shuts down too.
  const abandon = () => current?.abandon();
  process.once('exit', abandon);

  watch(first);
  return {
    url: first.url,
    get up() {
      return up;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      process.off('exit', abandon);
      abort.abort();
      await recovering;
      await current?.stop();
    },
  };
}
