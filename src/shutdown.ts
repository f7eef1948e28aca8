import type { FastifyBaseLogger } from 'fastify';

/** One step of a shutdown: what it closes, how to close it, and how long it may take. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
  boundMs: number;
}

type ShutdownLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type StepOutcome = 'done' | 'failed' | 'overran';

/**
 * Runs the steps in order, each for at most its bound, and logs how long each took. A
 * step that fails or overruns is logged and left behind, and the next one runs anyway:
 * what a late step closes (the stores) also ends whatever an earlier one still waits
 * for, and a shutdown that stops half-way leaves processes running. Returns each step's
 * outcome, in order.
 */
export async function shutDownInSteps(log: ShutdownLog, steps: readonly ShutdownStep[]): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    const started = performance.now();
    const outcome = await runBounded(step);
    const ms = Math.round(performance.now() - started);
    if (outcome.kind === 'done') log.info({ step: step.name, ms }, 'shutdown step done');
    else if (outcome.kind === 'overran') log.warn({ step: step.name, ms, boundMs: step.boundMs }, 'shutdown step did not finish in time; going on');
    else log.error({ step: step.name, ms, err: outcome.err }, 'shutdown step failed; going on');
    outcomes.push(outcome.kind);
  }
  return outcomes;
}

type Bounded = { kind: 'done' } | { kind: 'overran' } | { kind: 'failed'; err: string };

async function runBounded(step: ShutdownStep): Promise<Bounded> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<Bounded>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'overran' }), step.boundMs);
  });
  try {
    return await Promise.race([
      step.run().then(
        (): Bounded => ({ kind: 'done' }),
        (err: unknown): Bounded => ({ kind: 'failed', err: err instanceof Error ? err.message : String(err) }),
      ),
      overrun,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
