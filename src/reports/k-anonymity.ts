/**
 * k-anonymity of counted reports: a cell counted fewer than k times could point at a
 * person in a small municipality, so its count and every figure derived from it are
 * withheld and the cell is marked suppressed. k is at least 5 (configurable upwards only).
 */

export const MIN_K = 5;

export type Suppressed<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null } & { suppressed: boolean };

export function suppressSmall<T extends Record<string, unknown>, K extends keyof T>(
  rows: T[],
  count: (row: T) => number,
  figures: K[],
  k: number,
): Array<Suppressed<T, K>> {
  return rows.map((row) => {
    if (count(row) >= k) return { ...row, suppressed: false };
    const withheld = Object.fromEntries(figures.map((f) => [f, null]));
    return { ...row, ...withheld, suppressed: true } as Suppressed<T, K>;
  });
}
