import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Identifier, OrganizationInput, OrganizationRecord } from '../catalog/types.ts';
import { nameUuid } from '../vocabulary/index.ts';
import type { RecordSource } from '../ptv/model.ts';
import type { Tx } from './client.ts';
import { attributes, organizations, services, taxonomyTerms } from './schema.ts';
import { setTermLinks } from './services.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

export const BUSINESS_ID_TYPE = 'Y-tunnus';
const PROVIDER_TYPE_TAXONOMY_ID = nameUuid('provider_type');

async function providerTypesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ linkId: attributes.linkId, code: taxonomyTerms.code })
    .from(attributes)
    .innerJoin(taxonomyTerms, eq(attributes.taxonomyTermId, taxonomyTerms.id))
    .where(and(eq(attributes.linkEntity, 'organization'), inArray(attributes.linkId, ids), eq(taxonomyTerms.taxonomyId, PROVIDER_TYPE_TAXONOMY_ID)));
  return new Map(rows.map((r) => [r.linkId, r.code]));
}

function toRecord(row: OrganizationRow, providerType: string | undefined): OrganizationRecord {
  const businessId = row.identifiers.find((i) => i.identifier_type === BUSINESS_ID_TYPE)?.identifier;
  const rec: Record<string, unknown> = {
    id: row.id,
    name: row.name,
    description: row.description,
    website: row.website,
    email: row.email,
    legal_status: row.legalStatus,
    business_id: businessId,
    provider_type: providerType,
    translations: row.translations,
    source: row.source,
  };
  for (const k of Object.keys(rec)) if (rec[k] === null || rec[k] === undefined) delete rec[k];
  return rec as OrganizationRecord;
}

export interface OrganizationWithVersion {
  record: OrganizationRecord;
  version: number;
}

export async function getOrganization(tx: Tx, id: string): Promise<OrganizationWithVersion | undefined> {
  const [row] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  if (!row) return undefined;
  const types = await providerTypesOf(tx, [id]);
  return { record: toRecord(row, types.get(id)), version: row.version };
}

/** Whether the organization exists; with `withDeleted`, a soft-deleted one counts. */
export async function organizationExists(tx: Tx, id: string, opts: { withDeleted?: boolean } = {}): Promise<boolean> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, id), opts.withDeleted ? undefined : isNull(organizations.deletedAt)));
  return row !== undefined;
}

export async function getOrganizations(tx: Tx, ids: string[]): Promise<OrganizationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.deletedAt)));
  const types = await providerTypesOf(tx, rows.map((r) => r.id));
  return rows.map((r) => toRecord(r, types.get(r.id)));
}

export async function listOrganizations(
  tx: Tx,
  q: { page: number; limit: number; name?: string },
): Promise<{ items: OrganizationRecord[]; total: number }> {
  const where = and(isNull(organizations.deletedAt), q.name ? ilike(organizations.name, `%${escapeLike(q.name)}%`) : undefined);
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(organizations)
    .where(where);
  const rows = await tx
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  const types = await providerTypesOf(tx, rows.map((r) => r.id));
  return { items: rows.map((r) => toRecord(r, types.get(r.id))), total };
}

/** `text` matched literally by LIKE: its wildcards and the escape character escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Keeps the other identifiers of an organization and sets (or drops) its Y-tunnus. */
function identifiersWith(existing: Identifier[], businessId: string | undefined): Identifier[] {
  const others = existing.filter((i) => i.identifier_type !== BUSINESS_ID_TYPE);
  if (!businessId) return others;
  const current = existing.find((i) => i.identifier_type === BUSINESS_ID_TYPE);
  return [
    ...others,
    {
      id: current?.id ?? randomUUID(),
      identifier_scope: 'national',
      identifier_type: BUSINESS_ID_TYPE,
      identifier: businessId,
    },
  ];
}

export async function insertOrganization(tx: Tx, id: string, input: OrganizationInput, source?: RecordSource): Promise<void> {
  await tx.insert(organizations).values({
    id,
    name: input.name,
    description: input.description,
    website: input.website ?? null,
    email: input.email ?? null,
    legalStatus: input.legal_status ?? null,
    identifiers: identifiersWith([], input.business_id),
    translations: input.translations ?? {},
    source,
  });
  await setTermLinks(tx, 'organization', id, input.provider_type ? [{ taxonomy: 'provider_type', code: input.provider_type }] : []);
}

export async function replaceOrganization(
  tx: Tx,
  id: string,
  input: OrganizationInput,
  expectedVersion?: number,
  source?: RecordSource,
): Promise<boolean> {
  const [row] = await tx.select({ identifiers: organizations.identifiers }).from(organizations).where(eq(organizations.id, id));
  if (!row) return false;
  const updated = await tx
    .update(organizations)
    .set({
      name: input.name,
      description: input.description,
      website: input.website ?? null,
      email: input.email ?? null,
      legalStatus: input.legal_status ?? null,
      identifiers: identifiersWith(row.identifiers, input.business_id),
      translations: input.translations ?? {},
      ...(source ? { source } : {}),
      version: sql`${organizations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(organizations.id, id),
        isNull(organizations.deletedAt),
        expectedVersion !== undefined ? eq(organizations.version, expectedVersion) : undefined,
      ),
    )
    .returning({ id: organizations.id });
  if (updated.length === 0) return false;
  await setTermLinks(tx, 'organization', id, input.provider_type ? [{ taxonomy: 'provider_type', code: input.provider_type }] : []);
  return true;
}

/** True when the organization still has services that are not deleted. */
export async function hasLiveServices(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(services)
    .where(and(eq(services.organizationId, id), isNull(services.deletedAt)));
  return (row?.n ?? 0) > 0;
}

export async function softDeleteOrganization(tx: Tx, id: string, expectedVersion?: number): Promise<boolean> {
  const deleted = await tx
    .update(organizations)
    .set({ deletedAt: new Date(), version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(organizations.id, id),
        isNull(organizations.deletedAt),
        expectedVersion !== undefined ? eq(organizations.version, expectedVersion) : undefined,
      ),
    )
    .returning({ id: organizations.id });
  return deleted.length > 0;
}

/** The business id (Y-tunnus) of an organization row, from its identifiers. */
const businessIdOf = sql`(jsonb_path_query_first(${organizations.identifiers}, '$[*] ? (@.identifier_type == "Y-tunnus").identifier') #>> '{}')`;

/**
 * Which of the input's unique fields (`name`, case-insensitively, and `business_id`)
 * another live organization already has.
 */
export async function fieldsTakenByOthers(tx: Tx, id: string, input: OrganizationInput): Promise<Array<'name' | 'business_id'>> {
  const rows = await tx
    .select({ name: organizations.name, businessId: sql<string | null>`${businessIdOf}` })
    .from(organizations)
    .where(
      and(
        isNull(organizations.deletedAt),
        sql`${organizations.id} <> ${id}`,
        or(
          sql`lower(${organizations.name}) = lower(${input.name})`,
          input.business_id ? sql`${businessIdOf} = ${input.business_id}` : undefined,
        ),
      ),
    );
  const taken = new Set<'name' | 'business_id'>();
  for (const r of rows) {
    if (r.name.toLowerCase() === input.name.toLowerCase()) taken.add('name');
    if (input.business_id && r.businessId === input.business_id) taken.add('business_id');
  }
  return [...taken];
}
