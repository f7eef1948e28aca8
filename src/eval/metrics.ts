/**
 * The evaluation metrics of the evaluation data's README: nDCG@5 with gain 2^rel - 1,
 * recall@10 of services judged 2 or 3, harm@5 (share of the top 5 the client cannot
 * use) and, for acute cases, whether a service reachable right now is in the top 3.
 */

export type Judgments = Record<string, number>;

const gain = (rel: number) => 2 ** rel - 1;
const discount = (i: number) => 1 / Math.log2(i + 2);

export function ndcgAt(k: number, ranked: string[], judgments: Judgments): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judgments[id] ?? 0) * discount(i), 0);
  const ideal = Object.values(judgments)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, rel, i) => sum + gain(rel) * discount(i), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAt(k: number, ranked: string[], judgments: Judgments): number {
  const relevant = Object.entries(judgments).filter(([, rel]) => rel >= 2).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function harmAt(k: number, ranked: string[], unavailable: string[]): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 0;
  const bad = new Set(unavailable);
  return top.filter((id) => bad.has(id)).length / top.length;
}

export const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export const round = (x: number) => Math.round(x * 1000) / 1000;
