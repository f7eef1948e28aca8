import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { serviceTextVector, services } from '../db/schema.ts';
import { extentsCovering } from '../vocabulary/index.ts';
import { words, type Lexicon } from './analysis.ts';
import { loadDocuments, type SearchDocument } from './document.ts';
import { inRanges, type LocalTime } from './opening-hours.ts';
import type { SearchFilters } from './query.ts';

/**
 * Search from PostgreSQL alone, for when Meilisearch is unreachable: full-text search
 * with the `finnish` configuration over the same index expression as `services_fts`,
 * any query word matching (prefixes too), ranked by ts_rank. The best candidates are
 * turned into the same documents the index holds and filtered with the same rules, so
 * the response keeps its shape. Facets count the candidates.
 */

export const FALLBACK_CANDIDATES = 2_000;

const FTS_DOCUMENT = serviceTextVector(services);

/** `velka | neuvonta:*`-style query: any word, each also as a prefix. */
export function orQuery(q: string): string {
  return [...new Set(words(q))]
    .filter((w) => w.length > 1)
    .map((w) => `${w}:*`)
    .join(' | ');
}

export async function candidateIds(db: Db, q: string, statuses: string[], limit = FALLBACK_CANDIDATES): Promise<string[]> {
  const tsquery = orQuery(q);
  const statusList = sql.join(statuses.map((s) => sql`${s}`), sql`, `);
  const result = tsquery
    ? await db.execute<{ id: string }>(sql`
        select id from services, to_tsquery('finnish', ${tsquery}) query
        where deleted_at is null and status in (${statusList}) and ${FTS_DOCUMENT} @@ query
        order by ts_rank(${FTS_DOCUMENT}, query) desc, name limit ${limit}`)
    : await db.execute<{ id: string }>(sql`
        select id from services where deleted_at is null and status in (${statusList})
        order by name limit ${limit}`);
  return result.rows.map((r) => r.id);
}

const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lng: number }) => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lng - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

/** The same filters as `meiliFilter`, on documents in memory. */
export function matchesFilters(d: SearchDocument, f: SearchFilters, now: LocalTime): boolean {
  const any = (have: string[], want?: string[]) => !want?.length || want.some((w) => have.includes(w));
  if (d.status !== 'active' && !(f.include_closed && d.status === 'temporarily closed')) return false;
  if (f.municipality && !any(d.areas, extentsCovering(f.municipality))) return false;
  if (f.area && !any(d.covers, [`hva:${f.area}`, 'FI'])) return false;
  if (!any(d.needs, f.need) || !any(d.service_types, f.service_type) || !any(d.target_groups, f.target_group)) return false;
  if (f.access?.some((a) => !d.access.includes(a))) return false;
  if (!any(d.languages, f.language)) return false;
  if (f.provider_type?.length && !f.provider_type.includes(d.provider_type ?? '')) return false;
  if (f.age !== undefined && (d.min_age > f.age || d.max_age < f.age)) return false;
  if (f.open_now && !(d.always_open || (!now.holiday && inRanges(d.open_ranges, now.slot)))) return false;
  if (f.geo && (!d._geo || distanceKm(f.geo, d._geo) > f.geo.radiusKm)) return false;
  return true;
}

export async function fallbackSearch(
  db: Db,
  lexicon: Lexicon,
  q: string,
  f: SearchFilters,
  now: LocalTime,
): Promise<Array<SearchDocument & { _geoDistance?: number }>> {
  const ids = await candidateIds(db, q, f.include_closed ? ['active', 'temporarily closed'] : ['active']);
  const { upsert } = await loadDocuments(db, ids, lexicon);
  const rank = new Map(ids.map((id, i) => [id, i]));
  return upsert
    .filter((d) => matchesFilters(d, f, now))
    .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
    .map((d) => (f.geo && d._geo ? { ...d, _geoDistance: distanceKm(f.geo, d._geo) * 1000 } : d));
}
