import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Tx } from '../db/client.ts';
import { demandTotals, incrementDemand, type DemandCell, type MonthRange } from '../db/reports.ts';
import type { NeedFound } from '../recommend/recommend.ts';
import { suppressSmall } from './k-anonymity.ts';
import { currentMonth } from './month.ts';
import type { Scope } from './scope.ts';

/**
 * Demand: every successful recommend that names a municipality adds one to a counter
 * per (month, municipality, need, urgency, found locally or regionally, found at all).
 * That is all that is kept of a request. The count is written after the answer is
 * computed, without the request waiting for it, and a failed write only logs a warning.
 */

/** Counted under this need when neither the profile nor the text named one. */
export const UNSPECIFIED_NEED = 'unspecified';

export interface CountedRecommend {
  municipality: string;
  urgency: string;
  found: NeedFound[];
}

export function demandCells(r: CountedRecommend, now: Date = new Date()): DemandCell[] {
  const month = currentMonth(now);
  return r.found.map((f) => ({
    month,
    municipality: r.municipality,
    need: f.need ?? UNSPECIFIED_NEED,
    urgency: r.urgency,
    foundLocal: f.local,
    foundAny: f.any,
  }));
}

export class DemandCounter {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Counts a recommend in the background; never throws. */
  count(r: CountedRecommend): void {
    const write = incrementDemand(this.db, demandCells(r))
      .catch((err: unknown) => {
        // The SQLSTATE only: the cells hold codes and flags, but a driver error may quote more.
        this.log.warn({ code: (err as { code?: string }).code }, 'demand counter not updated');
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Resolves when every count started so far is written (or has failed). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    demandCounter: DemandCounter;
  }
}

export const demandCounterPlugin = fp(
  async function demandCounter(app: FastifyInstance) {
    const counter = new DemandCounter(app.database.db, app.log);
    app.decorate('demandCounter', counter);
    // Before the database closes: counts in flight are written, not lost.
    app.addHook('onClose', () => counter.settled());
  },
  { name: 'demand-counter', dependencies: ['db'] },
);

export interface DemandRow {
  month: string;
  municipality: string;
  need: string;
  requests: number | null;
  without_local: number | null;
  without_any: number | null;
  suppressed: boolean;
}

export async function demandReport(tx: Tx, scope: Scope, range: MonthRange, k: number): Promise<DemandRow[]> {
  const totals = await demandTotals(tx, range, scope.whole ? undefined : scope.municipalities.map((m) => m.code));
  const rows = totals.map((t) => ({
    month: t.month,
    municipality: t.municipality,
    need: t.need,
    requests: t.requests,
    without_local: t.withoutLocal,
    without_any: t.withoutAny,
  }));
  return suppressSmall(rows, (r) => r.requests, ['requests', 'without_local', 'without_any'], k);
}
