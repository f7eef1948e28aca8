import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { apiKeys } from './schema.ts';

export const ROLES = ['admin', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export interface Principal {
  keyId: string;
  role: Role;
  /** Set for editors: the one organization whose records they write. */
  organizationId: string | null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new random secret; only its SHA-256 is stored (it has 256 bits of entropy). */
export function newSecret(): string {
  return `tj_${randomBytes(32).toString('base64url')}`;
}

export interface NewKey {
  role: Role;
  organizationId?: string | null;
  label?: string | null;
}

export async function createKey(tx: Tx, key: NewKey): Promise<{ id: string; secret: string }> {
  const secret = newSecret();
  const id = randomUUID();
  await tx.insert(apiKeys).values({
    id,
    secretHash: hashSecret(secret),
    role: key.role,
    organizationId: key.organizationId ?? null,
    label: key.label ?? null,
  });
  return { id, secret };
}

/** Makes the key from `TARJOTIN_ADMIN_KEY` exist (and follow a changed secret). */
export async function ensureAdminKey(tx: Tx, id: string, secret: string): Promise<void> {
  await tx
    .insert(apiKeys)
    .values({ id, secretHash: hashSecret(secret), role: 'admin', label: 'TARJOTIN_ADMIN_KEY' })
    .onConflictDoUpdate({ target: apiKeys.id, set: { secretHash: hashSecret(secret), revokedAt: null } });
}

export async function findPrincipal(tx: Tx, secret: string): Promise<Principal | undefined> {
  const [row] = await tx
    .select({ id: apiKeys.id, role: apiKeys.role, organizationId: apiKeys.organizationId })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt)));
  return row ? { keyId: row.id, role: row.role, organizationId: row.organizationId } : undefined;
}

/** Records use at most once a minute per key, so reads of a busy key do not all write. */
export async function touchKey(tx: Tx, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
}

export async function listKeys(tx: Tx): Promise<ApiKeyRow[]> {
  return tx.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Revokes an active key; returns it (its organization, for the audit log), or undefined. */
export async function revokeKey(tx: Tx, id: string): Promise<{ id: string; organizationId: string | null } | undefined> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, organizationId: apiKeys.organizationId });
  return row;
}

/** Revokes every active key of an organization (its editors), returning their ids. */
export async function revokeOrganizationKeys(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.organizationId, organizationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.map((r) => r.id);
}
