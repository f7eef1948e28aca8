import { and, asc, desc, eq, gte, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { OrganizationRow } from '../db/organizations.ts';
import { attributes, organizations, serviceTextVector, services, taxonomies, taxonomyTerms } from '../db/schema.ts';
import type { ServiceRow } from '../db/services.ts';
import { words } from '../search/analysis.ts';
import type { TaxonomyRow, TermRow } from './objects.ts';

/**
 * The record selections behind the /hsds lists: filters of the HSDS API reference, stable
 * order (name, then id) and offset pagination.
 *
 * Every status is listed, inactive and defunct included: HSDS consumers (referral
 * platforms, aggregators) mirror the catalog and must see that a listing has ended in
 * order to retire their copy; `status` tells them. Deleted records are gone from the
 * catalog and are not listed.
 */

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface Selection<T> {
  rows: T[];
  total: number;
}

export interface ServiceFilter {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** RFC 3339 date-time; listings modified on or after it. */
  modifiedAfter?: string;
}

const SERVICE_TEXT = serviceTextVector(services);
const ORGANIZATION_TEXT = sql`to_tsvector('finnish', ${organizations.name} || ' ' || ${organizations.description})`;

/**
 * `velkaneuvonta kuopio` → `velkaneuvonta:* & kuopio:*`: every word must match, each also
 * as a prefix (people type word beginnings). Words hold letters and digits only, so the
 * query cannot carry tsquery syntax. Undefined when the text has no words.
 */
export function prefixQuery(text: string | undefined): string | undefined {
  const ws = [...new Set(words(text ?? ''))];
  return ws.length > 0 ? ws.map((w) => `${w}:*`).join(' & ') : undefined;
}

const offset = (p: PageRequest) => (p.page - 1) * p.perPage;

async function countOf(tx: Tx, table: typeof services | typeof organizations | typeof taxonomies | typeof taxonomyTerms, where: SQL | undefined) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

function serviceWhere(f: ServiceFilter): SQL | undefined {
  const query = prefixQuery(f.search);
  const linkedTo = (term: SQL) =>
    sql`exists (select 1 from ${attributes} join ${taxonomyTerms} on ${taxonomyTerms.id} = ${attributes.taxonomyTermId} where ${attributes.linkEntity} = 'service' and ${attributes.linkId} = ${services.id} and ${term})`;
  return and(
    isNull(services.deletedAt),
    f.organizationId ? eq(services.organizationId, f.organizationId) : undefined,
    f.modifiedAfter ? gte(services.lastModified, f.modifiedAfter) : undefined,
    f.taxonomyTermId ? linkedTo(sql`${taxonomyTerms.id} = ${f.taxonomyTermId}`) : undefined,
    f.taxonomyId ? linkedTo(sql`${taxonomyTerms.taxonomyId} = ${f.taxonomyId}`) : undefined,
    query ? sql`${SERVICE_TEXT} @@ to_tsquery('finnish', ${query})` : undefined,
  );
}

/** Best matches first when searching, else by name. */
function serviceOrder(f: ServiceFilter): SQL[] {
  const query = prefixQuery(f.search);
  const byName = [asc(services.name), asc(services.id)];
  return query ? [desc(sql`ts_rank(${SERVICE_TEXT}, to_tsquery('finnish', ${query}))`), ...byName] : byName;
}

export async function selectServices(tx: Tx, f: ServiceFilter, p: PageRequest): Promise<Selection<ServiceRow>> {
  const where = serviceWhere(f);
  const rows = await tx.select().from(services).where(where).orderBy(...serviceOrder(f)).limit(p.perPage).offset(offset(p));
  return { rows, total: await countOf(tx, services, where) };
}

export async function findService(tx: Tx, id: string): Promise<ServiceRow | undefined> {
  const [row] = await tx.select().from(services).where(and(eq(services.id, id), isNull(services.deletedAt)));
  return row;
}

/** A page of services at locations: one row per location of each selected service, in service order. */
export async function selectServiceAtLocations(
  tx: Tx,
  f: ServiceFilter,
  p: PageRequest,
): Promise<Selection<{ service: ServiceRow; salId: string }>> {
  const where = serviceWhere(f);
  const page = await tx.execute<{ service_id: string; sal_id: string }>(sql`
    select ${services.id} as service_id, sal.value->>'id' as sal_id
    from ${services} cross join lateral jsonb_array_elements(${services.serviceAtLocations}) with ordinality as sal(value, n)
    where ${where}
    order by ${sql.join(serviceOrder(f), sql`, `)}, sal.n
    limit ${p.perPage} offset ${offset(p)}`);
  const [count] = (
    await tx.execute<{ n: number }>(sql`
      select coalesce(sum(jsonb_array_length(${services.serviceAtLocations})), 0)::int as n from ${services} where ${where}`)
  ).rows;
  const ids = [...new Set(page.rows.map((r) => r.service_id))];
  const byId = new Map((await tx.select().from(services).where(inArray(services.id, ids))).map((s) => [s.id, s]));
  return { rows: page.rows.map((r) => ({ service: byId.get(r.service_id)!, salId: r.sal_id })), total: count?.n ?? 0 };
}

/** The live service that has the service-at-location `id` nested. */
export async function findServiceAtLocation(tx: Tx, id: string): Promise<ServiceRow | undefined> {
  const [row] = await tx
    .select()
    .from(services)
    .where(and(isNull(services.deletedAt), sql`${services.serviceAtLocations} @> ${JSON.stringify([{ id }])}::jsonb`));
  return row;
}

export async function selectOrganizations(tx: Tx, search: string | undefined, p: PageRequest): Promise<Selection<OrganizationRow>> {
  const query = prefixQuery(search);
  const where = and(isNull(organizations.deletedAt), query ? sql`${ORGANIZATION_TEXT} @@ to_tsquery('finnish', ${query})` : undefined);
  const rows = await tx
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(p.perPage)
    .offset(offset(p));
  return { rows, total: await countOf(tx, organizations, where) };
}

export async function findOrganization(tx: Tx, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await tx.select().from(organizations).where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return row;
}

/** `%text%` for ILIKE, with the text's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The vocabulary is small: a substring match on its names and descriptions is enough. */
export async function selectTaxonomies(tx: Tx, search: string | undefined, p: PageRequest): Promise<Selection<TaxonomyRow>> {
  const pattern = search?.trim() ? containing(search.trim()) : undefined;
  const where = pattern ? or(ilike(taxonomies.name, pattern), ilike(taxonomies.description, pattern)) : undefined;
  const rows = await tx.select().from(taxonomies).where(where).orderBy(asc(taxonomies.name), asc(taxonomies.id)).limit(p.perPage).offset(offset(p));
  return { rows, total: await countOf(tx, taxonomies, where) };
}

export async function findTaxonomy(tx: Tx, id: string): Promise<TaxonomyRow | undefined> {
  const [row] = await tx.select().from(taxonomies).where(eq(taxonomies.id, id));
  return row;
}

export interface TermFilter {
  search?: string;
  taxonomyId?: string;
  /** The catalog's taxonomies are flat: no term has a parent. */
  parentId?: string;
}

export async function selectTerms(tx: Tx, f: TermFilter, p: PageRequest): Promise<Selection<TermRow>> {
  const pattern = f.search?.trim() ? containing(f.search.trim()) : undefined;
  const where = and(
    f.taxonomyId ? eq(taxonomyTerms.taxonomyId, f.taxonomyId) : undefined,
    pattern
      ? or(ilike(taxonomyTerms.name, pattern), ilike(taxonomyTerms.description, pattern), ilike(taxonomyTerms.code, pattern))
      : undefined,
    f.parentId ? sql`false` : undefined,
  );
  const rows = await tx
    .select()
    .from(taxonomyTerms)
    .where(where)
    .orderBy(asc(taxonomyTerms.taxonomyId), asc(taxonomyTerms.code), asc(taxonomyTerms.id))
    .limit(p.perPage)
    .offset(offset(p));
  return { rows, total: await countOf(tx, taxonomyTerms, where) };
}

export async function findTerm(tx: Tx, id: string): Promise<TermRow | undefined> {
  const [row] = await tx.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, id));
  return row;
}
