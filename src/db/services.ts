import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { isStale, staleCutoff } from '../catalog/freshness.ts';
import type { ServiceInput, ServiceRecord, TermTaxonomy } from '../catalog/types.ts';
import { TERM_FIELDS } from '../catalog/validate.ts';
import { findTerm, nameUuid } from '../vocabulary/index.ts';
import type { DerivedTerms, RecordSource } from '../ptv/model.ts';
import type { Tx } from './client.ts';
import { attributes, searchOutbox, services, taxonomyTerms } from './schema.ts';

export type ServiceRow = typeof services.$inferSelect;

/** `2026-09-16T09:30:00Z`: seconds precision unless the time has a fraction. */
export function formatTimestamp(value: string | Date): string {
  return new Date(value).toISOString().replace('.000Z', 'Z');
}

/** Term codes of each service, grouped by taxonomy. */
export async function termCodesOf(tx: Tx, ids: string[]): Promise<Map<string, Record<TermTaxonomy, string[]>>> {
  const out = new Map<string, Record<TermTaxonomy, string[]>>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ linkId: attributes.linkId, code: taxonomyTerms.code, taxonomyId: taxonomyTerms.taxonomyId })
    .from(attributes)
    .innerJoin(taxonomyTerms, eq(attributes.taxonomyTermId, taxonomyTerms.id))
    .where(and(eq(attributes.linkEntity, 'service'), inArray(attributes.linkId, ids)))
    .orderBy(asc(attributes.linkId), asc(attributes.position));
  for (const id of ids) out.set(id, { need: [], service_type: [], target_group: [], access: [] });
  for (const r of rows) {
    const taxonomy = TAXONOMY_BY_ID.get(r.taxonomyId);
    if (taxonomy) out.get(r.linkId)?.[taxonomy].push(r.code);
  }
  return out;
}

const TAXONOMY_BY_ID = new Map<string, TermTaxonomy>(
  (Object.values(TERM_FIELDS) as TermTaxonomy[]).map((t) => [nameUuid(t), t]),
);

export function toRecord(row: ServiceRow, terms: Record<TermTaxonomy, string[]>): ServiceRecord {
  const rec: Record<string, unknown> = {
    id: row.id,
    organization_id: row.organizationId,
    name: row.name,
    alternate_name: row.alternateName,
    description: row.description,
    url: row.url,
    email: row.email,
    status: row.status,
    status_note: row.statusNote,
    status_until: row.statusUntil,
    application_process: row.applicationProcess,
    fees_description: row.feesDescription,
    eligibility_description: row.eligibilityDescription,
    interpretation_services: row.interpretationServices,
    minimum_age: row.minimumAge,
    maximum_age: row.maximumAge,
    assured_date: row.assuredDate,
    last_modified: formatTimestamp(row.lastModified),
    translations: row.translations,
    phones: row.phones,
    schedules: row.schedules,
    languages: row.languages,
    service_areas: row.serviceAreas,
    service_at_locations: row.serviceAtLocations,
    needs: terms.need,
    service_types: terms.service_type,
    target_groups: terms.target_group,
    access: terms.access,
    stale: isStale(row.assuredDate),
    source: row.source,
  };
  for (const k of Object.keys(rec)) if (rec[k] === null || rec[k] === undefined) delete rec[k];
  return rec as ServiceRecord;
}

export async function getServiceRows(tx: Tx, ids: string[], withDeleted = false): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(services)
    .where(withDeleted ? inArray(services.id, ids) : and(inArray(services.id, ids), isNull(services.deletedAt)));
}

export async function getServices(tx: Tx, ids: string[]): Promise<ServiceRecord[]> {
  const rows = await getServiceRows(tx, ids);
  const terms = await termCodesOf(tx, rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, toRecord(r, terms.get(r.id)!)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface ServiceWithVersion {
  record: ServiceRecord;
  version: number;
  organizationId: string;
}

export async function getService(tx: Tx, id: string): Promise<ServiceWithVersion | undefined> {
  const [row] = await getServiceRows(tx, [id]);
  if (!row) return undefined;
  const terms = await termCodesOf(tx, [id]);
  return { record: toRecord(row, terms.get(id)!), version: row.version, organizationId: row.organizationId };
}

export interface ServiceListQuery {
  organizationId?: string;
  status?: ServiceRow['status'];
  page: number;
  limit: number;
}

export async function listServices(tx: Tx, q: ServiceListQuery): Promise<{ items: ServiceRecord[]; total: number }> {
  const where = and(
    isNull(services.deletedAt),
    q.organizationId ? eq(services.organizationId, q.organizationId) : undefined,
    q.status ? eq(services.status, q.status) : undefined,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(services).where(where);
  const rows = await tx
    .select()
    .from(services)
    .where(where)
    .orderBy(asc(services.name), asc(services.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  const terms = await termCodesOf(tx, rows.map((r) => r.id));
  return { items: rows.map((r) => toRecord(r, terms.get(r.id)!)), total };
}

/**
 * Whether a failed query broke a unique constraint (SQLSTATE 23505), e.g. two requests
 * creating the same id at once: the caller's conflict, not a server fault. Drizzle wraps
 * the driver's error in `cause`.
 */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e !== null && typeof e === 'object'; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Fills in ids of nested objects that a client left out. */
function withIds<T extends { id?: string }>(items: T[] | undefined): Array<T & { id: string }> {
  return (items ?? []).map((i) => ({ ...i, id: i.id ?? randomUUID() }));
}

function columnsOf(input: ServiceInput, lastModified: string) {
  return {
    organizationId: input.organization_id,
    name: input.name,
    alternateName: input.alternate_name ?? null,
    description: input.description,
    url: input.url ?? null,
    email: input.email ?? null,
    status: input.status,
    statusNote: input.status_note ?? null,
    statusUntil: input.status_until ?? null,
    applicationProcess: input.application_process ?? null,
    feesDescription: input.fees_description ?? null,
    eligibilityDescription: input.eligibility_description ?? null,
    interpretationServices: input.interpretation_services ?? null,
    minimumAge: input.minimum_age ?? null,
    maximumAge: input.maximum_age ?? null,
    assuredDate: input.assured_date ?? null,
    lastModified,
    translations: input.translations ?? {},
    phones: withIds(input.phones),
    schedules: withIds(input.schedules),
    languages: withIds(input.languages),
    serviceAreas: withIds(input.service_areas),
    serviceAtLocations: (input.service_at_locations ?? []).map((sal) => ({
      ...sal,
      id: sal.id ?? randomUUID(),
      location: {
        ...sal.location,
        id: sal.location.id ?? randomUUID(),
        addresses: withIds(sal.location.addresses),
        accessibility: withIds(sal.location.accessibility),
      },
    })),
  };
}

/** Term links as HSDS attributes; ids are derived so that rewriting them is stable. */
export async function setTermLinks(
  tx: Tx,
  linkEntity: 'service' | 'organization',
  linkId: string,
  codes: Array<{ taxonomy: string; code: string; attributeId?: string }>,
): Promise<void> {
  await tx.delete(attributes).where(and(eq(attributes.linkEntity, linkEntity), eq(attributes.linkId, linkId)));
  const rows = codes.flatMap(({ taxonomy, code, attributeId }, position) => {
    const term = findTerm(taxonomy, code);
    return term ? [{ id: attributeId ?? nameUuid(`${linkId}:${term.id}`), linkEntity, linkId, taxonomyTermId: term.id, position }] : [];
  });
  if (rows.length > 0) await tx.insert(attributes).values(rows).onConflictDoNothing();
}

function termCodesOfInput(input: ServiceInput) {
  return Object.entries(TERM_FIELDS).flatMap(([field, taxonomy]) =>
    (input[field as keyof typeof TERM_FIELDS] ?? []).map((code) => ({ taxonomy, code })),
  );
}

export async function enqueueIndexing(tx: Tx, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  await tx.insert(searchOutbox).values(serviceIds.map((serviceId) => ({ serviceId })));
  // Wakes the outbox worker at once instead of at its next poll.
  await tx.execute(sql`select pg_notify('search_outbox', '')`);
}

export interface WriteOptions {
  /** Kept as given on import; an API write stamps the current time. */
  lastModified?: string;
  extra?: Record<string, unknown>;
  /** HSDS attribute rows kept as imported (their ids included), instead of the input's codes. */
  links?: AttributeLink[];
  /** For records from PTV: where they come from, and the terms its classifications gave. */
  source?: RecordSource;
  sourceTerms?: DerivedTerms;
}

export interface AttributeLink {
  id: string;
  taxonomyTermId: string;
}

async function writeLinks(tx: Tx, id: string, input: ServiceInput, links: AttributeLink[] | undefined) {
  if (!links) return setTermLinks(tx, 'service', id, termCodesOfInput(input));
  await tx.delete(attributes).where(and(eq(attributes.linkEntity, 'service'), eq(attributes.linkId, id)));
  if (links.length > 0) {
    await tx.insert(attributes).values(links.map((l, position) => ({ ...l, linkEntity: 'service' as const, linkId: id, position })));
  }
}

export async function insertService(tx: Tx, id: string, input: ServiceInput, opts: WriteOptions = {}): Promise<void> {
  const cols = columnsOf(input, opts.lastModified ?? new Date().toISOString());
  await tx.insert(services).values({ id, ...cols, extra: opts.extra ?? {}, source: opts.source, sourceTerms: opts.sourceTerms });
  await writeLinks(tx, id, input, opts.links);
  await enqueueIndexing(tx, [id]);
}

/**
 * Replaces a service's content, bumping its version. With `expectedVersion`, the update
 * applies only if nobody changed the row since (optimistic concurrency); returns false
 * when the row is missing or the version is stale.
 */
export async function replaceService(
  tx: Tx,
  id: string,
  input: ServiceInput,
  opts: WriteOptions & { expectedVersion?: number } = {},
): Promise<boolean> {
  const cols = columnsOf(input, opts.lastModified ?? new Date().toISOString());
  const updated = await tx
    .update(services)
    .set({
      ...cols,
      ...(opts.extra ? { extra: opts.extra } : {}),
      ...(opts.source ? { source: opts.source } : {}),
      ...(opts.sourceTerms ? { sourceTerms: opts.sourceTerms } : {}),
      version: sql`${services.version} + 1`,
      updatedAt: new Date(),
      deletedAt: null,
    })
    .where(
      and(
        eq(services.id, id),
        opts.expectedVersion !== undefined ? eq(services.version, opts.expectedVersion) : undefined,
      ),
    )
    .returning({ id: services.id });
  if (updated.length === 0) return false;
  await writeLinks(tx, id, input, opts.links);
  await enqueueIndexing(tx, [id]);
  return true;
}

export async function softDeleteService(tx: Tx, id: string, expectedVersion?: number): Promise<boolean> {
  const deleted = await tx
    .update(services)
    .set({ deletedAt: new Date(), version: sql`${services.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(services.id, id),
        isNull(services.deletedAt),
        expectedVersion !== undefined ? eq(services.version, expectedVersion) : undefined,
      ),
    )
    .returning({ id: services.id });
  if (deleted.length === 0) return false;
  await enqueueIndexing(tx, [id]);
  return true;
}

/** Input form of a stored record: what a PUT of the same content would send. */
export function toInput(record: ServiceRecord): ServiceInput {
  const { last_modified: _lm, stale: _s, source: _source, ...input } = record;
  return input;
}

/** An organization's live services not verified since `staleCutoff()`, the least recently verified first. */
export async function staleServiceIds(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: services.id })
    .from(services)
    .where(
      and(
        eq(services.organizationId, organizationId),
        isNull(services.deletedAt),
        or(isNull(services.assuredDate), lt(services.assuredDate, staleCutoff())),
      ),
    )
    .orderBy(asc(services.assuredDate));
  return rows.map((r) => r.id);
}
