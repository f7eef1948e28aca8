import { isNull } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import type { Identifier, ServiceInput, Translations } from '../catalog/types.ts';
import { isValidBusinessId, serviceViolations } from '../catalog/validate.ts';
import type { Tx } from '../db/client.ts';
import { BUSINESS_ID_TYPE } from '../db/organizations.ts';
import { organizations, taxonomies, taxonomyTerms } from '../db/schema.ts';
import type { AttributeLink } from '../db/services.ts';
import { ID_NAMESPACE } from '../vocabulary/index.ts';
import { checkOrganization, checkServiceExtras, checkServiceInput, checkTaxonomy, checkTerm } from './file-schemas.ts';
import { isObject, type Json } from './objects.ts';
import { CatalogRejected, fieldProblems, ProblemLog, type FieldProblem } from './problems.ts';

/**
 * Reads a catalog file (HSDS 3.0 JSON in the format of the evaluation data's README) into
 * rows, checking everything before anything is written: every problem of the file is
 * reported at once, each naming its record and field, and one bad record rejects the
 * whole file.
 */

/** Service properties the catalog models; every other HSDS property is kept verbatim. */
export const MODELLED_SERVICE_KEYS = new Set([
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status',
  'status_note', 'status_until', 'application_process', 'fees_description', 'eligibility_description',
  'interpretation_services',
  'minimum_age', 'maximum_age', 'assured_date', 'last_modified', 'translations', 'phones', 'schedules',
  'languages', 'service_areas', 'service_at_locations', 'attributes', 'organization',
]);
export const MODELLED_ORGANIZATION_KEYS = new Set([
  'id', 'name', 'description', 'website', 'email', 'legal_status', 'organization_identifiers',
  'attributes', 'translations', 'services',
]);

/** Related rows nested in a service, each an HSDS table of its own with unique ids. */
const NESTED_TABLES = ['phones', 'schedules', 'languages', 'service_areas', 'service_at_locations'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const pick = (o: Json, keep: (k: string) => boolean): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keep(k)));

export interface ParsedTaxonomy {
  id: string;
  code: string;
  name: string;
  description: string;
  uri: string;
}

export interface ParsedTerm {
  id: string;
  taxonomyId: string;
  code: string;
  name: string;
  description: string;
  labels: { fi: string; sv: string; en: string };
}

export interface ParsedOrganization {
  row: {
    id: string;
    name: string;
    description: string;
    website: string | null;
    email: string | null;
    legalStatus: string | null;
    identifiers: Identifier[];
    translations: Translations;
    extra: Json;
  };
  links: AttributeLink[];
}

export interface ParsedService {
  input: ServiceInput & { id: string };
  lastModified: string;
  extra: Json;
  links: AttributeLink[];
}

export interface ParsedCatalog {
  taxonomies: ParsedTaxonomy[];
  terms: ParsedTerm[];
  organizations: ParsedOrganization[];
  services: ParsedService[];
}

interface Entry {
  index: number;
  record: Json;
  label: string;
}

/** Ids per HSDS table: an id must be unique within its table. */
class IdRegistry {
  private readonly tables = new Map<string, Map<string, string>>();

  /** The record that already uses the id, if any; claims it otherwise. */
  claim(table: string, id: string, owner: string): string | undefined {
    const ids = this.tables.get(table) ?? new Map<string, string>();
    this.tables.set(table, ids);
    const previous = ids.get(id);
    if (previous === undefined) ids.set(id, owner);
    return previous;
  }
}

/**
 * What the file is checked against: the catalog's stored vocabulary and organizations,
 * plus the file's own as they are accepted.
 */
interface Known {
  /** Taxonomy id → code, and code → id: a taxonomy is known by its uri (its code derives from it). */
  taxonomies: Map<string, { code: string; uri: string }>;
  taxonomyByCode: Map<string, string>;
  /** Term id → taxonomy and code, and `taxonomy:code` → id. */
  terms: Map<string, { taxonomyId: string; code: string }>;
  termByCode: Map<string, string>;
  /**
   * Ids a record may refer to: the stored ones and every id the file declares, valid or
   * not, so that a bad term is reported once, at the term, not again at each reference.
   */
  referable: { taxonomies: Set<string>; terms: Set<string>; organizations: Set<string> };
}

class Parser {
  readonly log = new ProblemLog();
  private readonly ids = new IdRegistry();

  constructor(private readonly known: Known) {}

  /** Checks a record's (or nested row's) id; false when it is missing or not a UUID. */
  claimId(table: string, rec: string, field: string, id: unknown): id is string {
    if (!isUuid(id)) {
      this.log.report(rec, field, id === undefined ? 'is required' : 'must be a UUID');
      return false;
    }
    const previous = this.ids.claim(table, id.toLowerCase(), rec);
    if (previous !== undefined) this.log.report(rec, field, `duplicate id ${id}: ${previous} has a row of ${table} with it`);
    return true;
  }

  /** A nested row's id: optional (the catalog derives a stable one), but unique and a UUID when given. */
  claimNestedId(table: string, rec: string, field: string, id: unknown): void {
    if (id !== undefined) this.claimId(table, rec, field, id);
  }

  reportAll(rec: string, problems: FieldProblem[]): void {
    for (const p of problems) this.log.report(rec, p.field, p.message);
  }

  taxonomy({ record: t, label: rec }: Entry): ParsedTaxonomy | undefined {
    const mark = this.log.mark();
    this.claimId('taxonomies', rec, '/id', t.id);
    this.reportAll(rec, fieldProblems(checkTaxonomy.Errors(t)));
    if (this.log.grewSince(mark)) return undefined;
    const id = t.id as string;
    const uri = typeof t.uri === 'string' ? t.uri : '';
    const code = taxonomyCode(uri, id);
    // A taxonomy is known by its uri: an id keeps its uri, and a uri names one taxonomy.
    const stored = this.known.taxonomies.get(id);
    if (stored && stored.uri !== uri) {
      this.log.report(rec, '/uri', `taxonomy ${id} has the uri '${stored.uri}' in the catalog; a taxonomy's uri cannot change`);
    }
    const twin = this.known.taxonomyByCode.get(code);
    if (twin !== undefined && twin !== id) this.log.report(rec, '/uri', `taxonomy ${twin} already has this uri`);
    if (this.log.grewSince(mark)) return undefined;
    this.known.taxonomies.set(id, { code, uri });
    this.known.taxonomyByCode.set(code, id);
    return { id, code, name: t.name as string, description: t.description as string, uri };
  }

  term({ record: t, label: rec }: Entry): ParsedTerm | undefined {
    const mark = this.log.mark();
    this.claimId('taxonomy_terms', rec, '/id', t.id);
    this.reportAll(rec, fieldProblems(checkTerm.Errors(t)));
    if (isUuid(t.taxonomy_id) && !this.known.referable.taxonomies.has(t.taxonomy_id)) {
      this.log.report(rec, '/taxonomy_id', `unknown taxonomy ${t.taxonomy_id}`);
    }
    if (this.log.grewSince(mark)) return undefined;
    const id = t.id as string;
    const taxonomyId = t.taxonomy_id as string;
    const code = t.code as string;
    // A term is known by its taxonomy and code: an id keeps them, and they name one term.
    const stored = this.known.terms.get(id);
    if (stored && (stored.taxonomyId !== taxonomyId || stored.code !== code)) {
      this.log.report(rec, '/code', `term ${id} has the code '${stored.code}' in the catalog; a term's taxonomy and code cannot change`);
    }
    const twin = this.known.termByCode.get(`${taxonomyId}:${code}`);
    if (twin !== undefined && twin !== id) this.log.report(rec, '/code', `term ${twin} of the same taxonomy already has the code '${code}'`);
    if (this.log.grewSince(mark)) return undefined;
    this.known.terms.set(id, { taxonomyId, code });
    this.known.termByCode.set(`${taxonomyId}:${code}`, id);
    const name = t.name as string;
    // A term new to the catalog has no Swedish or English label yet: the base name stands in.
    return { id, taxonomyId, code, name, description: t.description as string, labels: { fi: name, sv: name, en: name } };
  }

  organization({ record: o, label: rec }: Entry): ParsedOrganization | undefined {
    const mark = this.log.mark();
    const idOk = this.claimId('organizations', rec, '/id', o.id);
    this.organizationIdentifiers(rec, o);
    this.reportAll(rec, fieldProblems(checkOrganization.Errors(o)));
    const links = this.attributeLinks(rec, o, 'organization', idOk);
    if (this.log.grewSince(mark)) return undefined;
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
    return {
      row: {
        id: o.id as string,
        name: o.name as string,
        description: o.description as string,
        website: str('website'),
        email: str('email'),
        legalStatus: str('legal_status'),
        identifiers: (o.organization_identifiers ?? []) as Identifier[],
        translations: (o.translations ?? {}) as Translations,
        extra: pick(o, (k) => !MODELLED_ORGANIZATION_KEYS.has(k)),
      },
      links,
    };
  }

  /**
   * The file lists services at its top level; services nested in an organization (as the
   * HSDS organization object allows) are not read, so one listed only there would be lost.
   */
  servicesNestedOnly(organizations: Entry[], serviceIds: Set<unknown>): void {
    for (const { record: o, label: rec } of organizations) {
      if (!Array.isArray(o.services)) continue;
      o.services.forEach((s: unknown, j: number) => {
        if (!serviceIds.has(isObject(s) ? s.id : undefined)) {
          this.log.report(rec, `/services/${j}`, "is not listed under the file's services; services nested in an organization are not read");
        }
      });
    }
  }

  private organizationIdentifiers(rec: string, o: Json): void {
    if (!Array.isArray(o.organization_identifiers)) return; // the schema reports a non-array
    o.organization_identifiers.forEach((ident: unknown, j: number) => {
      if (!isObject(ident)) return;
      this.claimId('organization_identifiers', rec, `/organization_identifiers/${j}/id`, ident.id);
      if (ident.identifier_type === BUSINESS_ID_TYPE && !isValidBusinessId(String(ident.identifier))) {
        this.log.report(rec, `/organization_identifiers/${j}/identifier`, `'${String(ident.identifier)}' is not a valid Y-tunnus (check digit)`);
      }
    });
  }

  service({ record: s, label: rec }: Entry): ParsedService | undefined {
    const mark = this.log.mark();
    const idOk = this.claimId('services', rec, '/id', s.id);
    this.nestedRows(rec, s, idOk);
    const input = withLocationDefaults(pick(s, (k) => MODELLED_SERVICE_KEYS.has(k) && !['attributes', 'last_modified', 'organization'].includes(k)));
    const schemaProblems = fieldProblems(checkServiceInput.Errors(input));
    this.reportAll(rec, schemaProblems);
    const extra = pick(s, (k) => !MODELLED_SERVICE_KEYS.has(k));
    this.reportAll(rec, fieldProblems(checkServiceExtras.Errors(extra)));
    // The catalog's own rules assume a well-formed record.
    if (schemaProblems.length === 0) this.reportAll(rec, serviceViolations(input as ServiceInput));
    if (isUuid(s.organization_id) && !this.known.referable.organizations.has(s.organization_id)) {
      this.log.report(rec, '/organization_id', `unknown organization ${s.organization_id}`);
    }
    // Without a date of its own, a record was last modified now, by this import.
    const lastModified = s.last_modified === undefined ? new Date().toISOString() : s.last_modified;
    if (!isDateTime(lastModified)) this.log.report(rec, '/last_modified', 'must be an RFC 3339 date-time, e.g. 2026-09-16T09:30:00Z');
    const links = this.attributeLinks(rec, s, 'service', idOk);
    if (this.log.grewSince(mark)) return undefined;
    const id = s.id as string;
    return { input: withNestedIds({ ...input, id } as ServiceInput & { id: string }), lastModified: lastModified as string, extra, links };
  }

  /** Ids of the related rows nested in a service, and their links back to it. */
  private nestedRows(rec: string, s: Json, idOk: boolean): void {
    for (const table of NESTED_TABLES) {
      const rows = s[table];
      if (!Array.isArray(rows)) continue; // the schema reports a non-array
      rows.forEach((row: unknown, j: number) => {
        if (!isObject(row)) return;
        this.claimNestedId(table, rec, `/${table}/${j}/id`, row.id);
        if (idOk && row.service_id !== undefined && row.service_id !== s.id) {
          this.log.report(rec, `/${table}/${j}/service_id`, `must be the id of the service it is nested in (${String(s.id)})`);
        }
        if (table === 'service_at_locations') this.locationIds(rec, `/${table}/${j}`, row);
      });
    }
  }

  /**
   * A location may be shared by the services at it (HSDS keeps locations in a table of
   * their own), so its id and its addresses' ids repeat across services: only their form
   * is checked.
   */
  private locationIds(rec: string, path: string, sal: Json): void {
    const location = sal.location;
    if (!isObject(location)) return;
    const uuidOrAbsent = (field: string, v: unknown) => {
      if (v !== undefined && !isUuid(v)) this.log.report(rec, field, 'must be a UUID');
    };
    uuidOrAbsent(`${path}/location/id`, location.id);
    if (sal.location_id !== undefined && sal.location_id !== location.id) {
      this.log.report(rec, `${path}/location_id`, 'must be the id of the nested location');
    }
    for (const list of ['addresses', 'accessibility'] as const) {
      const rows = location[list];
      if (Array.isArray(rows)) rows.forEach((r: unknown, k: number) => isObject(r) && uuidOrAbsent(`${path}/location/${list}/${k}/id`, r.id));
    }
  }

  /** HSDS attribute rows linking a record to taxonomy terms of the catalog or of the file. */
  attributeLinks(rec: string, o: Json, entity: 'service' | 'organization', idOk: boolean): AttributeLink[] {
    if (o.attributes === undefined) return [];
    if (!Array.isArray(o.attributes)) return this.log.report(rec, '/attributes', 'must be an array'), [];
    const linkedBy = new Map<string, number>();
    return o.attributes.flatMap((a: unknown, j: number): AttributeLink[] => {
      const field = `/attributes/${j}`;
      if (!isObject(a)) return this.log.report(rec, field, 'must be an object'), [];
      this.claimNestedId('attributes', rec, `${field}/id`, a.id);
      if (idOk && a.link_id !== undefined && a.link_id !== o.id) {
        this.log.report(rec, `${field}/link_id`, `must be the id of the ${entity} it is nested in (${String(o.id)})`);
      }
      if (a.link_entity !== undefined && a.link_entity !== entity) this.log.report(rec, `${field}/link_entity`, `must be '${entity}'`);
      const termId = a.taxonomy_term_id;
      if (!isUuid(termId)) {
        return this.log.report(rec, `${field}/taxonomy_term_id`, termId === undefined ? 'is required' : 'must be a UUID'), [];
      }
      if (!this.known.referable.terms.has(termId)) return this.log.report(rec, `${field}/taxonomy_term_id`, `unknown taxonomy term ${termId}`), [];
      const earlier = linkedBy.get(termId);
      if (earlier !== undefined) {
        return this.log.report(rec, `${field}/taxonomy_term_id`, `the term is already linked by /attributes/${earlier}`), [];
      }
      linkedBy.set(termId, j);
      if (isObject(a.taxonomy_term) && a.taxonomy_term.id !== termId) {
        this.log.report(rec, `${field}/taxonomy_term/id`, 'must be the taxonomy_term_id of the attribute');
      }
      // Same derivation as the /v1 API's term links, so either way a link keeps its id.
      const id = isUuid(a.id) ? a.id : uuidv5(`${String(o.id)}:${termId}`, ID_NAMESPACE);
      return [{ id, taxonomyTermId: termId }];
    });
  }
}

/** `tarjotin:need` → `need`; another taxonomy is known by its whole uri (or its id without one). */
export const taxonomyCode = (uri: string, id: string): string =>
  uri.startsWith('tarjotin:') ? uri.slice('tarjotin:'.length) : uri || id;

const isDateTime = (v: unknown): boolean => typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));

/** HSDS requires only a location's type; the catalog stores its addresses and accessibility as (possibly empty) lists. */
function withLocationDefaults(input: Json): Json {
  if (!Array.isArray(input.service_at_locations)) return input;
  return {
    ...input,
    service_at_locations: input.service_at_locations.map((sal: unknown) =>
      isObject(sal) && isObject(sal.location)
        ? { ...sal, location: { addresses: [], accessibility: [], ...sal.location } }
        : sal,
    ),
  };
}

/**
 * Gives nested rows without an id one derived from the service id and their position,
 * so importing the same file twice yields the same ids (a random id would change).
 */
function withNestedIds<T extends ServiceInput & { id: string }>(input: T): T {
  const idFor = (path: string, id: string | undefined) => id ?? uuidv5(`${input.id}${path}`, ID_NAMESPACE);
  const rows = <R extends { id?: string }>(path: string, list: R[]) => list.map((r, j) => ({ ...r, id: idFor(`${path}/${j}`, r.id) }));
  return {
    ...input,
    ...(input.phones && { phones: rows('/phones', input.phones) }),
    ...(input.schedules && { schedules: rows('/schedules', input.schedules) }),
    ...(input.languages && { languages: rows('/languages', input.languages) }),
    ...(input.service_areas && { service_areas: rows('/service_areas', input.service_areas) }),
    ...(input.service_at_locations && {
      service_at_locations: input.service_at_locations.map((sal, j) => {
        const path = `/service_at_locations/${j}`;
        const { location } = sal;
        return {
          ...sal,
          id: idFor(path, sal.id),
          location: {
            ...location,
            id: idFor(`${path}/location`, location.id),
            addresses: rows(`${path}/location/addresses`, location.addresses),
            accessibility: rows(`${path}/location/accessibility`, location.accessibility),
          },
        };
      }),
    }),
  };
}

async function storedCatalog(tx: Tx): Promise<Known> {
  // One after another: a transaction's client runs one query at a time.
  const taxonomyRows = await tx.select({ id: taxonomies.id, code: taxonomies.code, uri: taxonomies.uri }).from(taxonomies);
  const termRows = await tx.select({ id: taxonomyTerms.id, taxonomyId: taxonomyTerms.taxonomyId, code: taxonomyTerms.code }).from(taxonomyTerms);
  const organizationRows = await tx.select({ id: organizations.id }).from(organizations).where(isNull(organizations.deletedAt));
  return {
    taxonomies: new Map(taxonomyRows.map((t) => [t.id, { code: t.code, uri: t.uri }])),
    taxonomyByCode: new Map(taxonomyRows.map((t) => [t.code, t.id])),
    terms: new Map(termRows.map((t) => [t.id, { taxonomyId: t.taxonomyId, code: t.code }])),
    termByCode: new Map(termRows.map((t) => [`${t.taxonomyId}:${t.code}`, t.id])),
    referable: {
      taxonomies: new Set(taxonomyRows.map((t) => t.id)),
      terms: new Set(termRows.map((t) => t.id)),
      organizations: new Set(organizationRows.map((o) => o.id)),
    },
  };
}

const CATALOG_LISTS = ['taxonomies', 'taxonomy_terms', 'organizations', 'services'] as const;

/** The file's records by list; a list that is not an array, or an item that is not an object, is a problem. */
function recordLists(file: Json, log: ProblemLog): Record<(typeof CATALOG_LISTS)[number], Entry[]> {
  const lists = {} as Record<(typeof CATALOG_LISTS)[number], Entry[]>;
  for (const key of CATALOG_LISTS) {
    const value = file[key] ?? [];
    if (!Array.isArray(value)) log.report('file', `/${key}`, 'must be an array');
    lists[key] = (Array.isArray(value) ? value : []).flatMap((record: unknown, index: number) => {
      if (!isObject(record)) return log.report(`${key}[${index}]`, '', 'must be an object'), [];
      const label = `${key}[${index}]${typeof record.id === 'string' ? ` (${record.id})` : ''}`;
      return [{ index, record, label }];
    });
  }
  return lists;
}

/** Checks the whole file and maps it to rows; throws `CatalogRejected` listing every problem. */
export async function parseCatalog(tx: Tx, file: unknown): Promise<ParsedCatalog> {
  if (!isObject(file)) throw new CatalogRejected([{ record: 'file', field: '', message: 'must be a JSON object' }]);
  const known = await storedCatalog(tx);
  const parser = new Parser(known);
  if (file.hsds_version !== '3.0') parser.log.report('file', '/hsds_version', "must be '3.0'");
  const lists = recordLists(file, parser.log);
  for (const [list, ids] of [
    [lists.taxonomies, known.referable.taxonomies],
    [lists.taxonomy_terms, known.referable.terms],
    [lists.organizations, known.referable.organizations],
  ] as const) {
    for (const { record } of list) if (isUuid(record.id)) ids.add(record.id);
  }
  const parsedTaxonomies = lists.taxonomies.flatMap((e) => parser.taxonomy(e) ?? []);
  const parsedTerms = lists.taxonomy_terms.flatMap((e) => parser.term(e) ?? []);
  const parsedOrganizations = lists.organizations.flatMap((e) => parser.organization(e) ?? []);
  const parsedServices = lists.services.flatMap((e) => parser.service(e) ?? []);
  parser.servicesNestedOnly(lists.organizations, new Set(lists.services.map((e) => e.record.id)));
  if (parser.log.list.length > 0) throw new CatalogRejected(parser.log.list);
  return { taxonomies: parsedTaxonomies, terms: parsedTerms, organizations: parsedOrganizations, services: parsedServices };
}
