import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { OrganizationRow } from '../db/organizations.ts';
import { attributes, organizations, services, taxonomies, taxonomyTerms, type LinkEntity } from '../db/schema.ts';
import { formatTimestamp, type ServiceRow } from '../db/services.ts';
import type { RecordSource } from '../ptv/model.ts';
import { nameUuid } from '../vocabulary/index.ts';

/**
 * Rows → HSDS 3.0 objects. The catalog file (export) and the /hsds read API share these
 * mappings, so what the API serves is exactly what an export would write.
 *
 * Finnish extensions (`translations`, `status_note`, `status_until`) ride along as extra
 * properties: the HSDS schemas allow additional properties, and docs/hsds.md says where
 * each Finnish concept lives.
 */

export type Json = Record<string, unknown>;
export type TaxonomyRow = typeof taxonomies.$inferSelect;
export type TermRow = typeof taxonomyTerms.$inferSelect;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** HSDS omits optional fields without a value (never `null`); an empty extension object is no value either. */
export const withoutEmpty = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && !(isObject(v) && Object.keys(v).length === 0),
    ),
  );

/**
 * The one-to-one fields of an object: the "light" form that HSDS list endpoints return
 * (service_list.json, organization_list.json) without the nested arrays.
 */
export const oneToOne = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => !Array.isArray(v)));

export function hsdsTaxonomy(t: TaxonomyRow): Json {
  // The column is NOT NULL; a taxonomy imported without a URI holds ''.
  return withoutEmpty({ id: t.id, name: t.name, description: t.description, uri: t.uri || undefined });
}

/**
 * A term. Top-level terms name their `language` (the catalog's base language); terms
 * nested in attributes do not, as in the catalog file format.
 */
export function hsdsTerm(t: TermRow, withLanguage: boolean): Json {
  return withoutEmpty({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    taxonomy_id: t.taxonomyId,
    language: withLanguage ? 'fi' : undefined,
  });
}

type AttributeRow = typeof attributes.$inferSelect;

export function hsdsAttribute(a: AttributeRow, term: TermRow): Json {
  return {
    id: a.id,
    link_entity: a.linkEntity,
    link_id: a.linkId,
    taxonomy_term_id: a.taxonomyTermId,
    taxonomy_term: hsdsTerm(term, false),
  };
}

/** A service with its related objects nested, as in the catalog file (no `organization`). */
export function hsdsService(s: ServiceRow, serviceAttributes: Json[]): Json {
  return withoutEmpty({
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    status_note: s.statusNote,
    status_until: s.statusUntil,
    application_process: s.applicationProcess,
    fees_description: s.feesDescription,
    eligibility_description: s.eligibilityDescription,
    interpretation_services: s.interpretationServices,
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.assuredDate,
    last_modified: formatTimestamp(s.lastModified),
    ...s.extra,
    ...provenance(s.id, 'service', s.source),
    translations: s.translations,
    phones: s.phones,
    schedules: s.schedules,
    languages: s.languages,
    service_areas: s.serviceAreas,
    service_at_locations: s.serviceAtLocations,
    attributes: serviceAttributes,
  });
}

/**
 * A record kept by PTV names its source twice: as the catalog's `source` extension, and
 * as an HSDS `metadata` entry saying when the catalog last took it from the register.
 */
function provenance(id: string, resourceType: 'service' | 'organization', source: RecordSource | null): Json {
  if (!source) return {};
  return {
    source,
    metadata: [{
      id: nameUuid(`metadata:${id}:${source.system}`),
      resource_id: id,
      resource_type: resourceType,
      last_action_date: source.synced_at.slice(0, 10),
      last_action_type: 'sync',
      field_name: '',
      previous_value: '',
      replacement_value: `${source.system}:${source.id} (modified ${source.modified})`,
      updated_by: 'Suomi.fi-palvelutietovaranto (PTV)',
    }],
  };
}

/** An organization with its identifiers and attributes nested, as in the catalog file. */
export function hsdsOrganization(o: OrganizationRow, organizationAttributes: Json[]): Json {
  return withoutEmpty({
    id: o.id,
    name: o.name,
    description: o.description,
    website: o.website,
    email: o.email,
    legal_status: o.legalStatus,
    ...o.extra,
    ...provenance(o.id, 'organization', o.source),
    translations: o.translations,
    organization_identifiers: o.identifiers,
    attributes: organizationAttributes,
  });
}

/**
 * HSDS attributes (with their term nested) of the given records, by record id; all of
 * them when `linkIds` is omitted (a whole export).
 */
export async function attributesOf(tx: Tx, entity: LinkEntity, linkIds?: string[]): Promise<Map<string, Json[]>> {
  const out = new Map<string, Json[]>();
  if (linkIds?.length === 0) return out;
  const rows = await tx
    .select({ attribute: attributes, term: taxonomyTerms })
    .from(attributes)
    .innerJoin(taxonomyTerms, eq(attributes.taxonomyTermId, taxonomyTerms.id))
    .where(and(eq(attributes.linkEntity, entity), linkIds ? inArray(attributes.linkId, linkIds) : undefined))
    .orderBy(asc(attributes.id));
  for (const { attribute, term } of rows) {
    const list = out.get(attribute.linkId) ?? [];
    list.push(hsdsAttribute(attribute, term));
    out.set(attribute.linkId, list);
  }
  return out;
}

/** Fully nested services of the given rows, in their order; one query for all attributes. */
export async function nestedServices(tx: Tx, rows: ServiceRow[]): Promise<Json[]> {
  const attrs = await attributesOf(tx, 'service', rows.map((r) => r.id));
  return rows.map((r) => hsdsService(r, attrs.get(r.id) ?? []));
}

export async function nestedOrganizations(tx: Tx, rows: OrganizationRow[]): Promise<Json[]> {
  const attrs = await attributesOf(tx, 'organization', rows.map((r) => r.id));
  return rows.map((r) => hsdsOrganization(r, attrs.get(r.id) ?? []));
}

/** Live (not deleted) organizations by id. */
export async function organizationsById(tx: Tx, ids: string[]): Promise<Map<string, OrganizationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(organizations)
    .where(and(inArray(organizations.id, unique), isNull(organizations.deletedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Live services of the given organizations, by organization id, ordered by name. */
export async function servicesOfOrganizations(tx: Tx, organizationIds: string[]): Promise<Map<string, ServiceRow[]>> {
  const out = new Map<string, ServiceRow[]>();
  if (organizationIds.length === 0) return out;
  const rows = await tx
    .select()
    .from(services)
    .where(and(inArray(services.organizationId, organizationIds), isNull(services.deletedAt)))
    .orderBy(asc(services.name), asc(services.id));
  for (const r of rows) out.set(r.organizationId, [...(out.get(r.organizationId) ?? []), r]);
  return out;
}
