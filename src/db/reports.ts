import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceStatus } from '../catalog/types.ts';
import { nameUuid } from '../vocabulary/index.ts';
import type { Tx } from './client.ts';
import { demandCounts, referralCounts, services } from './schema.ts';

/** The queries behind the reports of structural social work: counters and catalog history. */

export interface DemandCell {
  month: string;
  municipality: string;
  need: string;
  urgency: string;
  foundLocal: boolean;
  foundAny: boolean;
}

/** Adds one request to each cell (a request with several needs counts once per need). */
export async function incrementDemand(tx: Tx, cells: DemandCell[]): Promise<void> {
  if (cells.length === 0) return;
  await tx
    .insert(demandCounts)
    .values(cells.map((c) => ({ ...c, requests: 1 })))
    .onConflictDoUpdate({
      target: [demandCounts.month, demandCounts.municipality, demandCounts.need, demandCounts.urgency, demandCounts.foundLocal, demandCounts.foundAny],
      set: { requests: sql`${demandCounts.requests} + 1` },
    });
}

export interface MonthRange {
  from: string;
  to: string;
}

export interface DemandTotals {
  month: string;
  municipality: string;
  need: string;
  requests: number;
  withoutLocal: number;
  withoutAny: number;
}

/** Requests per month, municipality and need, summed over urgency and what was found. */
export async function demandTotals(tx: Tx, range: MonthRange, municipalities?: string[]): Promise<DemandTotals[]> {
  return tx
    .select({
      month: demandCounts.month,
      municipality: demandCounts.municipality,
      need: demandCounts.need,
      requests: sql<number>`sum(${demandCounts.requests})::int`,
      withoutLocal: sql<number>`coalesce(sum(${demandCounts.requests}) filter (where not ${demandCounts.foundLocal}), 0)::int`,
      withoutAny: sql<number>`coalesce(sum(${demandCounts.requests}) filter (where not ${demandCounts.foundAny}), 0)::int`,
    })
    .from(demandCounts)
    .where(
      and(
        between(demandCounts.month, range.from, range.to),
        municipalities ? inArray(demandCounts.municipality, municipalities) : undefined,
      ),
    )
    .groupBy(demandCounts.month, demandCounts.municipality, demandCounts.need)
    .orderBy(asc(demandCounts.month), asc(demandCounts.municipality), asc(demandCounts.need));
}

export interface ReferralCells {
  month: string;
  serviceId: string;
  municipality: string;
  needs: string[];
}

/** Adds one referral to the service's cell of each need. */
export async function incrementReferrals(tx: Tx, r: ReferralCells): Promise<void> {
  await tx
    .insert(referralCounts)
    .values(r.needs.map((need) => ({ month: r.month, serviceId: r.serviceId, municipality: r.municipality, need, referrals: 1 })))
    .onConflictDoUpdate({
      target: [referralCounts.month, referralCounts.serviceId, referralCounts.municipality, referralCounts.need],
      set: { referrals: sql`${referralCounts.referrals} + 1` },
    });
}

export interface ReferralTotals {
  month: string;
  serviceId: string;
  serviceName: string;
  organizationId: string;
  municipality: string;
  need: string;
  referrals: number;
}

/** Referrals per month, service, municipality and need; a service counts for its current organization. */
export async function referralTotals(tx: Tx, range: MonthRange, organizationId?: string): Promise<ReferralTotals[]> {
  return tx
    .select({
      month: referralCounts.month,
      serviceId: referralCounts.serviceId,
      serviceName: services.name,
      organizationId: services.organizationId,
      municipality: referralCounts.municipality,
      need: referralCounts.need,
      referrals: referralCounts.referrals,
    })
    .from(referralCounts)
    .innerJoin(services, eq(services.id, referralCounts.serviceId))
    .where(
      and(
        between(referralCounts.month, range.from, range.to),
        organizationId ? eq(services.organizationId, organizationId) : undefined,
      ),
    )
    .orderBy(asc(referralCounts.month), asc(services.name), asc(referralCounts.serviceId), asc(referralCounts.municipality), asc(referralCounts.need));
}

/** A listing as the reports see it: where it is offered, for which needs, by whom. */
export interface ReportedService {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  status: ServiceStatus;
  deleted: boolean;
  assuredDate: string | null;
  extents: string[];
  needs: string[];
  providerType: string | null;
}

const NEED_TAXONOMY = nameUuid('need');
const PROVIDER_TYPE_TAXONOMY = nameUuid('provider_type');

const reportedServiceColumns = sql`
  s.id, s.name, s.organization_id as "organizationId", o.name as "organizationName", s.status,
  s.deleted_at is not null as deleted, s.assured_date as "assuredDate",
  array(select e->>'extent' from jsonb_array_elements(s.service_areas) e) as extents,
  array(select t.code from attributes a join taxonomy_terms t on t.id = a.taxonomy_term_id
        where a.link_id = s.id and t.taxonomy_id = ${NEED_TAXONOMY} order by a.position) as needs,
  (select t.code from attributes a join taxonomy_terms t on t.id = a.taxonomy_term_id
   where a.link_id = s.organization_id and t.taxonomy_id = ${PROVIDER_TYPE_TAXONOMY} limit 1) as "providerType"`;

const offeredIn = (extents: string[]) =>
  sql`exists (select 1 from jsonb_array_elements(s.service_areas) e where e->>'extent' = any(${sql.param(extents)}::text[]))`;

/** Services offered in any of the extents (`kunta:…`, `hva:…`, `FI`) that are live and active or paused. */
export async function servicesOfferedIn(tx: Tx, extents: string[]): Promise<ReportedService[]> {
  const { rows } = await tx.execute<ReportedService & Record<string, unknown>>(sql`
    select ${reportedServiceColumns}
    from services s join organizations o on o.id = s.organization_id
    where s.deleted_at is null and s.status in ('active', 'temporarily closed') and ${offeredIn(extents)}`);
  return rows;
}

/** Services by id, deleted ones included, limited to those offered in the extents. */
export async function servicesByIdOfferedIn(tx: Tx, ids: string[], extents: string[]): Promise<ReportedService[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.execute<ReportedService & Record<string, unknown>>(sql`
    select ${reportedServiceColumns}
    from services s join organizations o on o.id = s.organization_id
    where s.id = any(${sql.param(ids)}::uuid[]) and ${offeredIn(extents)}`);
  return rows;
}

export interface StatusEvent {
  serviceId: string;
  /** `YYYY-MM-DD` in Finnish time. */
  date: string;
  /** The status set, or `deleted`. */
  to: ServiceStatus | 'deleted';
}

/**
 * Status changes and deletions of services since a date, oldest first, from the audit
 * log (every API write and import keeps a JSON Patch of the change; a record imported
 * new has no earlier status to change from).
 */
export async function serviceStatusEvents(tx: Tx, since: string): Promise<StatusEvent[]> {
  const { rows } = await tx.execute<StatusEvent & Record<string, unknown>>(sql`
    select l.entity_id as "serviceId",
           to_char(l.at at time zone 'Europe/Helsinki', 'YYYY-MM-DD') as date,
           case when l.action = 'delete' then 'deleted'
                else (select c->>'value' from jsonb_array_elements(l.changes) c where c->>'path' = '/status' limit 1) end as "to"
    from audit_log l
    where l.entity = 'service'
      and l.at >= (${since}::date::timestamp at time zone 'Europe/Helsinki')
      and (l.action = 'delete' or (l.action in ('update', 'import') and l.changes @> '[{"op": "replace", "path": "/status"}]'::jsonb))
    order by l.id`);
  return rows;
}
