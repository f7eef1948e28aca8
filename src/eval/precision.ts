import { mean, round } from './metrics.ts';

/**
 * Search precision beyond the first screen: for queries whose topic is known (need codes,
 * and optionally the target groups meant), the share of the first 20 hits on topic and
 * the share of `total` on topic (how much the count, and the facets counted with it,
 * are inflated by weak matches).
 */

export interface TopicQuery {
  q: string;
  /** A hit is on topic when it has one of these needs… */
  needs: string[];
  /** …and, when given, is for one of these groups (or for everyone). */
  groups?: string[];
  lang?: 'fi' | 'sv' | 'en';
}

export interface PrecisionScores {
  queries: number;
  precision20: number;
  total_precision: number;
  /** Mean `total` per query, to see the tail shrink or grow. */
  mean_total: number;
}

export interface TopicDetail {
  q: string;
  precision20: number;
  total_precision: number;
  total: number;
}

export interface TopicHit {
  needs: Array<{ code: string }>;
  target_groups: Array<{ code: string }>;
}

export type TopicSearch = (q: TopicQuery, page: number) => Promise<{ hits: TopicHit[]; total: number }>;

const PAGE = 50;
const FIRST = 20;
/** Enough pages for the eval catalogs; a larger tail is counted from `total` alone. */
const MAX_PAGES = 10;

const OPEN_GROUPS = ['everyone', 'adults'];

export function onTopic(hit: TopicHit, t: TopicQuery): boolean {
  if (!hit.needs.some((n) => t.needs.includes(n.code))) return false;
  if (!t.groups) return true;
  const groups = hit.target_groups.map((g) => g.code);
  return groups.length === 0 || groups.some((g) => t.groups!.includes(g) || OPEN_GROUPS.includes(g));
}

export async function scorePrecision(topics: TopicQuery[], search: TopicSearch): Promise<{ scores: PrecisionScores; details: TopicDetail[] }> {
  const details: TopicDetail[] = [];
  const at20: number[] = [];
  const ofTotal: number[] = [];
  const totals: number[] = [];
  for (const t of topics) {
    const hits: TopicHit[] = [];
    let total = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await search(t, page);
      total = res.total;
      hits.push(...res.hits);
      if (hits.length >= total || res.hits.length === 0) break;
    }
    const first = hits.slice(0, FIRST);
    at20.push(first.length === 0 ? 0 : first.filter((h) => onTopic(h, t)).length / first.length);
    ofTotal.push(total === 0 ? 0 : hits.filter((h) => onTopic(h, t)).length / total);
    totals.push(total);
    details.push({ q: t.q, precision20: round(at20.at(-1)!), total_precision: round(ofTotal.at(-1)!), total });
  }
  return {
    scores: { queries: topics.length, precision20: round(mean(at20)), total_precision: round(mean(ofTotal)), mean_total: round(mean(totals)) },
    details,
  };
}

export const TOPIC_PAGE_SIZE = PAGE;
