import { today } from '../catalog/freshness.ts';
import { Problem } from '../problems.ts';

/**
 * Months are the finest time the reports know: `YYYY-MM` in Finnish time, the month a
 * worker in Finland would name.
 */

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** A report covers at most this many months at a time. */
export const MAX_MONTHS = 120;

export const currentMonth = (now: Date = new Date()): string => today(now).slice(0, 7);

/** The month `n` months before `month` (`n` may be negative). */
export function monthsBefore(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

const monthIndex = (month: string) => {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return y * 12 + m - 1;
};

/** `from`..`to` as asked, by default the last 12 months up to this one; 400 when reversed or too long. */
export function monthRange(from: string | undefined, to: string | undefined, now: Date = new Date()): { from: string; to: string } {
  const end = to ?? currentMonth(now);
  const start = from ?? monthsBefore(end, 11);
  if (start > end) throw new Problem('validation', 'from must not be after to');
  if (monthIndex(end) - monthIndex(start) >= MAX_MONTHS) throw new Problem('validation', `at most ${MAX_MONTHS} months at a time`);
  return { from: start, to: end };
}

/** The first day (`YYYY-MM-DD`) of the 12 months before `now`'s date in Finland. */
export function twelveMonthsAgo(now: Date = new Date()): string {
  const [y = 0, m = 1, d = 1] = today(now).split('-').map(Number);
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
}
