import { inArray } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { recordIds, type RecordKind } from './schema.ts';

export type { RecordKind };

/** Who holds an id: its kind, and the service or organization a nested object belongs to. */
export interface IdClaim {
  kind: RecordKind;
  serviceId: string | null;
  organizationId: string | null;
}

/** The claims on these ids (see `recordIds`); ids nobody holds are absent. */
export async function claimsOn(tx: Tx, ids: string[]): Promise<Map<string, IdClaim>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(recordIds).where(inArray(recordIds.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { kind: r.kind, serviceId: r.serviceId, organizationId: r.organizationId }]));
}
