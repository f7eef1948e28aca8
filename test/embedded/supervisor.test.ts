import t from 'tap';
import { supervise, type StoreRun } from '../../src/embedded/supervisor.ts';

/**
 * The supervisor's policy, on stand-in stores (a real store's crash and restart are in
 * supervision.test.ts): an unexpected exit is followed by restarts until one succeeds,
 * with doubling waits, each logged; a stopped supervisor restarts nothing.
 */

function run(url = 'http://127.0.0.1:1') {
  let exit!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => (exit = resolve));
  const calls = { stop: 0, abandon: 0 };
  const store: StoreRun = {
    url,
    exited,
    stop: async () => {
      calls.stop++;
      exit(0);
    },
    abandon: () => void calls.abandon++,
  };
  return { store, exit, calls };
}

function recorder() {
  const lines: Array<{ level: string; msg: string; obj: Record<string, unknown> }> = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj: obj as Record<string, unknown> });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

t.test('an unexpected exit is followed by restarts with doubling waits until one succeeds', async (t) => {
  const first = run();
  const second = run();
  const { lines, log } = recorder();
  let attempts = 0;
  let restarted!: () => void;
  const done = new Promise<void>((resolve) => (restarted = resolve));
  const supervised = supervise('Store', first.store, async () => {
    attempts++;
    if (attempts < 3) throw new Error(`refused ${attempts}`);
    restarted();
    return second.store;
  }, log);
  first.exit(137);
  await done;
  await new Promise((r) => setImmediate(r));
  t.equal(attempts, 3);
  t.same(
    lines.map((l) => [l.level, l.msg]),
    [
      ['error', 'embedded Store exited; starting it again'],
      ['warn', 'embedded Store did not start; retrying'],
      ['warn', 'embedded Store did not start; retrying'],
      ['info', 'embedded Store is running again'],
    ],
  );
  t.same(lines.filter((l) => l.level === 'warn').map((l) => l.obj.retryInMs), [500, 1000], 'the wait doubles');

  // The new run is watched in turn, and stop() stops it without another restart.
  await supervised.stop();
  t.equal(second.calls.stop, 1, 'stop() stops the running store');
  t.equal(attempts, 3, 'a stop is not taken for a crash');
});

t.test('a supervisor stopped while it waits to restart restarts nothing', async (t) => {
  const first = run();
  const { log } = recorder();
  let attempts = 0;
  const supervised = supervise('Store', first.store, async () => {
    attempts++;
    return run().store;
  }, log);
  first.exit(null);
  await supervised.stop();
  await new Promise((r) => setTimeout(r, 400));
  t.equal(attempts, 0);
});
