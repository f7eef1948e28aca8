import { asc, inArray, isNull } from 'drizzle-orm';
import { Compile } from 'typebox/compile';
import type { Db, Tx } from '../db/client.ts';
import { attributes, organizations, services, taxonomies, taxonomyTerms } from '../db/schema.ts';
import { formatTimestamp, getServiceRows, insertService, replaceService, type ServiceRow } from '../db/services.ts';
import { ServiceInput, type Identifier, type Translations } from '../catalog/types.ts';
import { isValidBusinessId, serviceViolations } from '../catalog/validate.ts';
import { BUSINESS_ID_TYPE } from '../db/organizations.ts';

/**
 * The catalog file: HSDS 3.0 JSON with taxonomies, terms, organizations and services
 * (related objects nested), as described in the evaluation data's README. Import
 * validates everything first and writes in one transaction; export writes the same
 * shape back, so export → import → export is identical.
 */

type Json = Record<string, unknown>;

export interface CatalogFile {
  hsds_version: '3.0';
  taxonomies: Json[];
  taxonomy_terms: Json[];
  organizations: Json[];
  services: Json[];
}

export interface ImportProblem {
  /** e.g. `services[12] (3f0c…)` */
  record: string;
  /** JSON pointer inside the record */
  field: string;
  message: string;
}

export class CatalogRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`catalog rejected: ${problems.length} problem(s)`);
  }
}

export interface ImportSummary {
  taxonomies: number;
  taxonomy_terms: number;
  organizations: number;
  services: number;
}

/** Service properties the catalog models; every other HSDS property is kept verbatim. */
const MODELLED_SERVICE_KEYS = new Set([
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status',
  'status_note', 'status_until', 'application_process', 'fees_description', 'eligibility_description',
  'minimum_age', 'maximum_age', 'assured_date', 'last_modified', 'translations', 'phones', 'schedules',
  'languages', 'service_areas', 'service_at_locations', 'attributes', 'organization',
]);
const MODELLED_ORGANIZATION_KEYS = new Set([
  'id', 'name', 'description', 'website', 'email', 'legal_status', 'organization_identifiers',
  'attributes', 'translations', 'services',
]);

const checkServiceInput = Compile(ServiceInput);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const pick = (o: Json, keep: (k: string) => boolean): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keep(k)));

interface ParsedService {
  input: ServiceInput;
  lastModified: string;
  extra: Json;
  links: Array<{ id: string; taxonomyTermId: string }>;
}

interface ParsedOrganization {
  row: typeof organizations.$inferInsert;
  links: Array<{ id: string; taxonomyTermId: string }>;
}

interface ParsedCatalog {
  taxonomies: Array<typeof taxonomies.$inferInsert>;
  terms: Array<typeof taxonomyTerms.$inferInsert>;
  organizations: ParsedOrganization[];
  services: ParsedService[];
}

/** Checks the whole file and maps it to rows; throws `CatalogRejected` listing every problem. */
export async function parseCatalog(tx: Tx, file: unknown): Promise<ParsedCatalog> {
  const problems: ImportProblem[] = [];
  const report = (record: string, field: string, message: string) => problems.push({ record, field, message });
  if (!isObject(file)) throw new CatalogRejected([{ record: 'file', field: '', message: 'must be a JSON object' }]);
  if (file.hsds_version !== '3.0') report('file', '/hsds_version', "must be '3.0'");
  const listOf = (key: string): Json[] => {
    const v = file[key] ?? [];
    if (!Array.isArray(v)) {
      report('file', `/${key}`, 'must be an array');
      return [];
    }
    return v.map((item, i) => {
      if (!isObject(item)) report(`${key}[${i}]`, '', 'must be an object');
      return isObject(item) ? item : {};
    });
  };
  const seen = new Set<string>();
  const checkId = (record: string, field: string, id: unknown): id is string => {
    if (typeof id !== 'string' || !UUID.test(id)) {
      report(record, field, 'must be a UUID');
      return false;
    }
    if (seen.has(id)) report(record, field, `duplicate id ${id}`);
    seen.add(id);
    return true;
  };
  const label = (kind: string, i: number, o: Json) => `${kind}[${i}]${typeof o.id === 'string' ? ` (${o.id})` : ''}`;

  const parsedTaxonomies = listOf('taxonomies').flatMap((t, i) => {
    const rec = label('taxonomies', i, t);
    if (!checkId(rec, '/id', t.id)) return [];
    if (typeof t.name !== 'string' || !t.name) return report(rec, '/name', 'is required'), [];
    const uri = typeof t.uri === 'string' ? t.uri : '';
    const code = uri.startsWith('tarjotin:') ? uri.slice('tarjotin:'.length) : uri || t.id;
    return [{ id: t.id, code, name: t.name, description: typeof t.description === 'string' ? t.description : t.name, uri }];
  });
  const knownTaxonomyIds = new Set([
    ...parsedTaxonomies.map((t) => t.id),
    ...(await tx.select({ id: taxonomies.id }).from(taxonomies)).map((r) => r.id),
  ]);
  const parsedTerms = listOf('taxonomy_terms').flatMap((t, i) => {
    const rec = label('taxonomy_terms', i, t);
    if (!checkId(rec, '/id', t.id)) return [];
    if (typeof t.name !== 'string' || !t.name) return report(rec, '/name', 'is required'), [];
    if (typeof t.code !== 'string' || !t.code) return report(rec, '/code', 'is required'), [];
    if (typeof t.taxonomy_id !== 'string' || !knownTaxonomyIds.has(t.taxonomy_id)) {
      return report(rec, '/taxonomy_id', `unknown taxonomy ${String(t.taxonomy_id)}`), [];
    }
    const description = typeof t.description === 'string' ? t.description : null;
    return [{ id: t.id, taxonomyId: t.taxonomy_id, code: t.code, name: t.name, description, labels: { fi: t.name, sv: t.name, en: t.name } }];
  });
  const knownTermIds = new Set([
    ...parsedTerms.map((t) => t.id),
    ...(await tx.select({ id: taxonomyTerms.id }).from(taxonomyTerms)).map((r) => r.id),
  ]);
  const linksOf = (rec: string, o: Json, entity: string) => {
    const list = Array.isArray(o.attributes) ? o.attributes : [];
    return list.flatMap((a: unknown, j: number) => {
      const field = `/attributes/${j}`;
      if (!isObject(a)) return report(rec, field, 'must be an object'), [];
      if (!checkId(rec, `${field}/id`, a.id)) return [];
      if (a.link_id !== undefined && a.link_id !== o.id) report(rec, `${field}/link_id`, 'must be the id of the record it belongs to');
      if (a.link_entity !== undefined && a.link_entity !== entity) report(rec, `${field}/link_entity`, `must be '${entity}'`);
      if (typeof a.taxonomy_term_id !== 'string' || !knownTermIds.has(a.taxonomy_term_id)) {
        return report(rec, `${field}/taxonomy_term_id`, `unknown taxonomy term ${String(a.taxonomy_term_id)}`), [];
      }
      return [{ id: a.id, taxonomyTermId: a.taxonomy_term_id }];
    });
  };

  const parsedOrganizations = listOf('organizations').flatMap((o, i): ParsedOrganization[] => {
    const rec = label('organizations', i, o);
    if (!checkId(rec, '/id', o.id)) return [];
    const before = problems.length;
    if (typeof o.name !== 'string' || !o.name) report(rec, '/name', 'is required');
    if (typeof o.description !== 'string' || !o.description) report(rec, '/description', 'is required');
    const identifiers = (Array.isArray(o.organization_identifiers) ? o.organization_identifiers : []) as Identifier[];
    identifiers.forEach((ident, j) => {
      if (!isObject(ident)) return report(rec, `/organization_identifiers/${j}`, 'must be an object');
      checkId(rec, `/organization_identifiers/${j}/id`, ident.id);
      if (ident.identifier_type === BUSINESS_ID_TYPE && !isValidBusinessId(String(ident.identifier))) {
        report(rec, `/organization_identifiers/${j}/identifier`, `'${String(ident.identifier)}' is not a valid Y-tunnus`);
      }
    });
    const links = linksOf(rec, o, 'organization');
    if (problems.length > before) return [];
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
    return [{
      row: {
        id: o.id,
        name: o.name as string,
        description: o.description as string,
        website: str('website'),
        email: str('email'),
        legalStatus: str('legal_status'),
        identifiers,
        translations: (isObject(o.translations) ? o.translations : {}) as Translations,
        extra: pick(o, (k) => !MODELLED_ORGANIZATION_KEYS.has(k)),
      },
      links,
    }];
  });
  const organizationIds = new Set([
    ...parsedOrganizations.map((o) => o.row.id),
    ...(await tx.select({ id: organizations.id }).from(organizations).where(isNull(organizations.deletedAt))).map((r) => r.id),
  ]);

  const parsedServices = listOf('services').flatMap((s, i): ParsedService[] => {
    const rec = label('services', i, s);
    if (!checkId(rec, '/id', s.id)) return [];
    const before = problems.length;
    for (const key of ['phones', 'schedules', 'languages', 'service_areas', 'service_at_locations'] as const) {
      const list = s[key];
      if (!Array.isArray(list)) continue;
      list.forEach((item: unknown, j: number) => {
        if (isObject(item)) {
          checkId(rec, `/${key}/${j}/id`, item.id);
          if (key === 'schedules' && item.service_id !== undefined && item.service_id !== s.id) {
            report(rec, `/schedules/${j}/service_id`, 'must be the id of the service');
          }
        }
      });
    }
    const input = pick(s, (k) => MODELLED_SERVICE_KEYS.has(k) && !['attributes', 'last_modified', 'organization'].includes(k));
    for (const err of checkServiceInput.Errors(input)) {
      report(rec, err.instancePath, err.message);
    }
    if (checkServiceInput.Check(input)) {
      for (const v of serviceViolations(input)) report(rec, v.field, v.message);
    }
    if (typeof s.organization_id === 'string' && !organizationIds.has(s.organization_id)) {
      report(rec, '/organization_id', `unknown organization ${s.organization_id}`);
    }
    const lastModified = typeof s.last_modified === 'string' ? s.last_modified : new Date().toISOString();
    if (s.last_modified !== undefined && (typeof s.last_modified !== 'string' || !DATE_TIME.test(s.last_modified))) {
      report(rec, '/last_modified', 'must be an RFC 3339 date-time');
    }
    const links = linksOf(rec, s, 'service');
    if (problems.length > before) return [];
    return [{ input: input as ServiceInput, lastModified, extra: pick(s, (k) => !MODELLED_SERVICE_KEYS.has(k)), links }];
  });

  if (problems.length > 0) throw new CatalogRejected(problems);
  return { taxonomies: parsedTaxonomies, terms: parsedTerms, organizations: parsedOrganizations, services: parsedServices };
}

/** Imports a catalog file in one transaction; the same ids update (idempotent). */
export async function importCatalog(db: Db, file: unknown): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const parsed = await parseCatalog(tx, file);
    if (parsed.taxonomies.length > 0) await tx.insert(taxonomies).values(parsed.taxonomies).onConflictDoNothing();
    if (parsed.terms.length > 0) await tx.insert(taxonomyTerms).values(parsed.terms).onConflictDoNothing();
    for (const o of parsed.organizations) {
      const { id: _id, ...set } = o.row;
      await tx.insert(organizations).values(o.row).onConflictDoUpdate({ target: organizations.id, set: { ...set, deletedAt: null } });
      await tx.delete(attributes).where(inArray(attributes.linkId, [o.row.id]));
      if (o.links.length > 0) {
        await tx.insert(attributes).values(o.links.map((l) => ({ ...l, linkEntity: 'organization' as const, linkId: o.row.id })));
      }
    }
    const existing = new Set((await getServiceRows(tx, parsed.services.map((s) => s.input.id!), true)).map((r) => r.id));
    for (const s of parsed.services) {
      const opts = { lastModified: s.lastModified, extra: s.extra, links: s.links };
      if (existing.has(s.input.id!)) await replaceService(tx, s.input.id!, s.input, opts);
      else await insertService(tx, s.input.id!, s.input, opts);
    }
    return {
      taxonomies: parsed.taxonomies.length,
      taxonomy_terms: parsed.terms.length,
      organizations: parsed.organizations.length,
      services: parsed.services.length,
    };
  });
}

const withoutEmpty = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && !(isObject(v) && Object.keys(v).length === 0),
    ),
  );

/** The whole live catalog as an HSDS 3.0 catalog file. */
export async function exportCatalog(tx: Tx): Promise<CatalogFile> {
  const taxonomyRows = await tx.select().from(taxonomies).orderBy(asc(taxonomies.id));
  const termRows = await tx.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.id));
  const orgRows = await tx.select().from(organizations).where(isNull(organizations.deletedAt)).orderBy(asc(organizations.id));
  const serviceRows = await tx.select().from(services).where(isNull(services.deletedAt)).orderBy(asc(services.id));
  const attributeRows = await tx.select().from(attributes).orderBy(asc(attributes.id));
  const termById = new Map(termRows.map((t) => [t.id, t]));
  const attributesOf = new Map<string, Json[]>();
  for (const a of attributeRows) {
    const term = termById.get(a.taxonomyTermId);
    if (!term) continue;
    const list = attributesOf.get(a.linkId) ?? [];
    list.push({
      id: a.id,
      link_entity: a.linkEntity,
      link_id: a.linkId,
      taxonomy_term_id: a.taxonomyTermId,
      taxonomy_term: hsdsTerm(term, false),
    });
    attributesOf.set(a.linkId, list);
  }
  return {
    hsds_version: '3.0',
    taxonomies: taxonomyRows.map((t) => ({ id: t.id, name: t.name, description: t.description, uri: t.uri })),
    taxonomy_terms: termRows.map((t) => hsdsTerm(t, true)),
    organizations: orgRows.map((o) =>
      withoutEmpty({
        id: o.id,
        name: o.name,
        description: o.description,
        website: o.website,
        email: o.email,
        legal_status: o.legalStatus,
        ...o.extra,
        translations: o.translations,
        organization_identifiers: o.identifiers,
        attributes: attributesOf.get(o.id) ?? [],
      }),
    ),
    services: serviceRows.map((s) => hsdsService(s, attributesOf.get(s.id) ?? [])),
  };
}

export function hsdsTerm(t: typeof taxonomyTerms.$inferSelect, withLanguage: boolean): Json {
  return withoutEmpty({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    taxonomy_id: t.taxonomyId,
    language: withLanguage ? 'fi' : undefined,
  });
}

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
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.assuredDate,
    last_modified: formatTimestamp(s.lastModified),
    ...s.extra,
    translations: s.translations,
    phones: s.phones,
    schedules: s.schedules,
    languages: s.languages,
    service_areas: s.serviceAreas,
    service_at_locations: s.serviceAtLocations,
    attributes: serviceAttributes,
  });
}
