import { and, desc, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { organizations, ptvSyncs, services } from './schema.ts';

/** Ids of the records that came from PTV, deleted ones included. */
export async function registerIds(tx: Tx): Promise<{ services: Set<string>; organizations: Set<string> }> {
  const s = await tx.select({ id: services.id }).from(services).where(isNotNull(services.source));
  const o = await tx.select({ id: organizations.id }).from(organizations).where(isNotNull(organizations.source));
  return { services: new Set(s.map((r) => r.id)), organizations: new Set(o.map((r) => r.id)) };
}

/** Live PTV services whose areas reach one of the extents (`kunta:297`, `hva:…`, `FI`). */
export async function registerServicesCovering(tx: Tx, extents: string[]): Promise<string[]> {
  const rows = await tx
    .select({ id: services.id })
    .from(services)
    .where(
      and(
        isNotNull(services.source),
        sql`${services.deletedAt} is null`,
        sql`${services.status} <> 'inactive'`,
        sql`exists (select 1 from jsonb_array_elements(${services.serviceAreas}) a where a->>'extent' = any(${sql.param(extents)}::text[]))`,
      ),
    );
  return rows.map((r) => r.id);
}

/** When the last successful sync that covered every given municipality started; undefined if one was never synced. */
export async function lastSyncStart(tx: Tx, municipalities: string[]): Promise<Date | undefined> {
  let oldest: Date | undefined;
  for (const m of municipalities) {
    const [row] = await tx
      .select({ startedAt: ptvSyncs.startedAt })
      .from(ptvSyncs)
      .where(sql`${ptvSyncs.municipalities} @> ${JSON.stringify([m])}::jsonb`)
      .orderBy(desc(ptvSyncs.startedAt))
      .limit(1);
    if (!row) return undefined;
    if (!oldest || row.startedAt < oldest) oldest = row.startedAt;
  }
  return oldest;
}

export async function recordSync(
  tx: Tx,
  run: { startedAt: Date; municipalities: string[]; full: boolean; summary: Record<string, number> },
): Promise<void> {
  await tx.insert(ptvSyncs).values(run);
}

/** One sync at a time, across processes: the lock ends with the transaction. */
export async function lockSync(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tarjotin:ptv-sync'))`);
}
