import { and, desc, eq, lt } from 'drizzle-orm';
import jsonpatch from 'fast-json-patch';
import type { Tx } from './client.ts';
import { apiKeys, auditLog } from './schema.ts';

/** `move`: a service changed organization; `import`: a catalog file; `sync`: the PTV sync (no API key). */
export type AuditAction = 'create' | 'update' | 'delete' | 'verify' | 'move' | 'import' | 'sync';

export interface AuditEntry {
  keyId: string | null;
  action: AuditAction;
  entity: 'service' | 'organization' | 'api_key';
  entityId: string;
  organizationId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Appends who changed what, as an RFC 6902 JSON Patch from the old state to the new.
 * A `replace` or `remove` also carries the value it replaced or removed as `previous`
 * (a member RFC 6902 appliers ignore), so that a reader sees what a field was.
 */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  const before = (e.before ?? {}) as object;
  const changes = jsonpatch.compare(before, (e.after ?? {}) as object).map((op) =>
    op.op === 'replace' || op.op === 'remove' ? { ...op, previous: jsonpatch.getValueByPointer(before, op.path) as unknown } : op,
  );
  await tx.insert(auditLog).values({
    keyId: e.keyId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    organizationId: e.organizationId,
    changes,
  });
}

export interface AuditQuery {
  organizationId?: string;
  /** One record's trail: ids are unique across kinds, the kind is checked all the same. */
  entity?: { kind: AuditEntry['entity']; id: string };
  /** Entries older than this id (keyset pagination). */
  before?: number;
  limit: number;
}

/** Audit entries, newest first, with the label of the key that made each change. */
export async function readAudit(tx: Tx, q: AuditQuery) {
  const rows = await tx
    .select({ entry: auditLog, keyLabel: apiKeys.label })
    .from(auditLog)
    .leftJoin(apiKeys, eq(apiKeys.id, auditLog.keyId))
    .where(
      and(
        q.organizationId ? eq(auditLog.organizationId, q.organizationId) : undefined,
        q.entity ? and(eq(auditLog.entity, q.entity.kind), eq(auditLog.entityId, q.entity.id)) : undefined,
        // An id past any bigint (the query string allows any integer) means "from the newest".
        q.before && Number.isSafeInteger(q.before) ? lt(auditLog.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
  return rows.map(({ entry: r, keyLabel }) => ({
    id: r.id,
    at: r.at.toISOString(),
    key_id: r.keyId,
    key_label: keyLabel,
    action: r.action,
    entity: r.entity,
    entity_id: r.entityId,
    organization_id: r.organizationId,
    changes: r.changes as object[],
  }));
}
