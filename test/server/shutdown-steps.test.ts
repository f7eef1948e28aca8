import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import { stopChild } from '../../src/embedded/process.ts';
import { shutDownInSteps } from '../../src/shutdown.ts';

/**
 * A shutdown never waits without end: each step has a bound, a step that overruns or
 * fails is logged and the next one runs anyway, and a child process that ignores its
 * stop signal is sent the next one, up to SIGKILL. Real timers and real processes.
 */

function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: pino({ level: 'info' }, stream) };
}

const never = () => new Promise<void>(() => {});

t.test('every step runs in order, each for at most its bound, and each is logged with its time', async (t) => {
  const { lines, log } = capturedLog();
  const ran: string[] = [];
  const started = performance.now();
  const outcomes = await shutDownInSteps(log, [
    { name: 'first', run: async () => void ran.push('first'), boundMs: 1_000 },
    { name: 'hangs', run: () => (ran.push('hangs'), never()), boundMs: 150 },
    { name: 'fails', run: async () => (ran.push('fails'), Promise.reject(new Error('pool already ended'))), boundMs: 1_000 },
    { name: 'last', run: async () => void ran.push('last'), boundMs: 1_000 },
  ]);
  const ms = performance.now() - started;
  t.same(ran, ['first', 'hangs', 'fails', 'last'], 'the steps after a hanging and a failing one still run');
  t.same(outcomes, ['done', 'overran', 'failed', 'done']);
  t.ok(ms >= 140 && ms < 1_000, `the hanging step held the shutdown for its bound only (${Math.round(ms)} ms)`);
  t.same(
    lines.map((l) => [l.step, l.msg]),
    [
      ['first', 'shutdown step done'],
      ['hangs', 'shutdown step did not finish in time; going on'],
      ['fails', 'shutdown step failed; going on'],
      ['last', 'shutdown step done'],
    ],
  );
  t.ok(lines.every((l) => typeof l.ms === 'number'), 'each line has the step time');
  t.equal(lines[2]!.err, 'pool already ended');
});

/** A node process that ignores the given signals and runs until killed. */
function stubborn(ignored: NodeJS.Signals[]) {
  const code = `${ignored.map((s) => `process.on('${s}', () => {});`).join('')} setInterval(() => {}, 1000); console.log('up');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const up = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, exited, up };
}

t.test('a child that ignores its stop signals gets the next one, and SIGKILL after the last', async (t) => {
  const yields = stubborn(['SIGINT']);
  await yields.up;
  await stopChild(yields.child, yields.exited, [
    { signal: 'SIGINT', waitMs: 200 },
    { signal: 'SIGTERM', waitMs: 5_000 },
  ]);
  t.equal(await yields.exited, 'SIGTERM', 'ignoring SIGINT, it ended on the next signal');

  const ignoresAll = stubborn(['SIGINT', 'SIGTERM']);
  await ignoresAll.up;
  const started = performance.now();
  await stopChild(ignoresAll.child, ignoresAll.exited, [
    { signal: 'SIGINT', waitMs: 150 },
    { signal: 'SIGTERM', waitMs: 150 },
  ]);
  t.equal(await ignoresAll.exited, 'SIGKILL', 'ignoring every signal, it was killed');
  t.ok(performance.now() - started < 2_000, 'within the waits given');

  const again = performance.now();
  await stopChild(ignoresAll.child, ignoresAll.exited, [{ signal: 'SIGINT', waitMs: 10_000 }]);
  t.ok(performance.now() - again < 1_000, 'stopping a child already gone returns at once');
});
