import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { attributes, organizations, services, taxonomies, taxonomyTerms } from '../db/schema.ts';
import { audit } from '../db/audit.ts';
import { getOrganizations } from '../db/organizations.ts';
import { getServiceRows, getServices, insertService, isUniqueViolation, replaceService } from '../db/services.ts';
import type { OrganizationRecord, ServiceRecord } from '../catalog/types.ts';
import { TAXONOMIES } from '../vocabulary/index.ts';
import { hsdsTaxonomy, hsdsTerm, nestedOrganizations, nestedServices, type Json } from './objects.ts';
import { CatalogRejected } from './problems.ts';
import { parseCatalog, type ParsedCatalog, type ParsedOrganization, type ParsedService } from './parse.ts';

/**
 * The catalog file: HSDS 3.0 JSON with taxonomies, terms, organizations and services
 * (related objects nested), as described in the evaluation data's README. Import
 * validates everything first and writes in one transaction; export writes the same
 * shape back, so export → import → export is identical.
 */

export { CatalogRejected, type ImportProblem } from './problems.ts';

export interface CatalogFile {
  hsds_version: '3.0';
  taxonomies: Json[];
  taxonomy_terms: Json[];
  organizations: Json[];
  services: Json[];
}

export interface ImportSummary {
  taxonomies: number;
  taxonomy_terms: number;
  organizations: number;
  services: number;
}

/**
 * Imports a catalog file in one transaction; the same ids update (idempotent). Every
 * organization and service it changes gets an `import` entry in the audit log.
 */
export async function importCatalog(db: Db, file: unknown): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const parsed = await parseCatalog(tx, file);
    const orgIds = parsed.organizations.map((o) => o.row.id);
    const serviceIds = parsed.services.map((s) => s.input.id);
    const before = { organizations: await getOrganizationsById(tx, orgIds), services: await getServicesById(tx, serviceIds) };
    await writeVocabulary(tx, parsed);
    await writeOrganizations(tx, parsed.organizations).catch(rejectReusedIds);
    await writeServices(tx, parsed.services).catch(rejectReusedIds);
    const after = { organizations: await getOrganizationsById(tx, orgIds), services: await getServicesById(tx, serviceIds) };
    await auditImport(tx, before, after);
    return {
      taxonomies: parsed.taxonomies.length,
      taxonomy_terms: parsed.terms.length,
      organizations: parsed.organizations.length,
      services: parsed.services.length,
    };
  });
}

interface ImportedRecords {
  organizations: Map<string, OrganizationRecord>;
  services: Map<string, ServiceRecord>;
}

async function getOrganizationsById(tx: Tx, ids: string[]): Promise<Map<string, OrganizationRecord>> {
  return new Map((await getOrganizations(tx, ids)).map((o) => [o.id, o]));
}

async function getServicesById(tx: Tx, ids: string[]): Promise<Map<string, ServiceRecord>> {
  return new Map((await getServices(tx, ids)).map((s) => [s.id, s]));
}

/** One `import` audit entry per organization and service the import changed. */
async function auditImport(tx: Tx, before: ImportedRecords, after: ImportedRecords): Promise<void> {
  const entry = { keyId: null, action: 'import' as const };
  for (const [id, record] of after.organizations) {
    const previous = before.organizations.get(id) ?? null;
    if (!isDeepStrictEqual(previous, record)) {
      await audit(tx, { ...entry, entity: 'organization', entityId: id, organizationId: id, before: previous, after: record });
    }
  }
  for (const [id, record] of after.services) {
    const previous = before.services.get(id) ?? null;
    if (!sameContent(previous, record)) {
      await audit(tx, { ...entry, entity: 'service', entityId: id, organizationId: record.organization_id, before: previous, after: record });
    }
  }
}

/** Equal but for the modification time, which an import of unchanged data may still set. */
function sameContent(a: ServiceRecord | null, b: ServiceRecord): boolean {
  return a !== null && isDeepStrictEqual({ ...a, last_modified: '' }, { ...b, last_modified: '' });
}

/** An id that another record holds: the file's problem, not a fault. */
function rejectReusedIds(err: unknown): never {
  if (!isUniqueViolation(err)) throw err;
  const detail = (err as { cause?: { detail?: string; message?: string } }).cause;
  throw new CatalogRejected([{ record: 'catalog', field: '', message: `an id belongs to another record (${detail?.detail ?? detail?.message ?? 'unique violation'})` }]);
}

const SHIPPED_TAXONOMY_IDS = new Set(TAXONOMIES.map((t) => t.id));
const SHIPPED_TERM_IDS = new Set(TAXONOMIES.flatMap((t) => t.terms.map((term) => term.id)));

/**
 * Taxonomies and terms of the file. The shipped vocabulary stays as shipped (it carries
 * the Swedish and English labels and is written again on every start); any other
 * taxonomy or term is inserted or, for a known id, renamed. Codes and uris never change
 * here: the parser has checked that they match.
 */
async function writeVocabulary(tx: Tx, parsed: ParsedCatalog): Promise<void> {
  const newTaxonomies = parsed.taxonomies.filter((t) => !SHIPPED_TAXONOMY_IDS.has(t.id));
  if (newTaxonomies.length > 0) {
    await tx.insert(taxonomies).values(newTaxonomies).onConflictDoUpdate({
      target: taxonomies.id,
      set: { name: sql`excluded.name`, description: sql`excluded.description` },
    });
  }
  const newTerms = parsed.terms.filter((t) => !SHIPPED_TERM_IDS.has(t.id));
  if (newTerms.length > 0) {
    await tx.insert(taxonomyTerms).values(newTerms).onConflictDoUpdate({
      target: taxonomyTerms.id,
      set: { name: sql`excluded.name`, description: sql`excluded.description` },
    });
  }
}

async function writeOrganizations(tx: Tx, parsed: ParsedOrganization[]): Promise<void> {
  if (parsed.length === 0) return;
  for (const { row } of parsed) {
    const { id: _id, ...set } = row;
    await tx
      .insert(organizations)
      .values(row)
      .onConflictDoUpdate({
        target: organizations.id,
        set: { ...set, deletedAt: null, updatedAt: new Date(), version: sql`${organizations.version} + 1` },
      });
  }
  await tx.delete(attributes).where(and(eq(attributes.linkEntity, 'organization'), inArray(attributes.linkId, parsed.map((o) => o.row.id))));
  const links = parsed.flatMap((o) => o.links.map((l) => ({ ...l, linkEntity: 'organization' as const, linkId: o.row.id })));
  if (links.length > 0) await tx.insert(attributes).values(links);
}

async function writeServices(tx: Tx, parsed: ParsedService[]): Promise<void> {
  const ids = parsed.map((s) => s.input.id);
  // Links are rewritten as a whole first: an attribute id may move between two services of the file.
  await tx.delete(attributes).where(and(eq(attributes.linkEntity, 'service'), inArray(attributes.linkId, ids)));
  const existing = new Set((await getServiceRows(tx, ids, true)).map((r) => r.id));
  for (const s of parsed) {
    const opts = { lastModified: s.lastModified, extra: s.extra, links: s.links };
    if (existing.has(s.input.id)) await replaceService(tx, s.input.id, s.input, opts);
    else await insertService(tx, s.input.id, s.input, opts);
  }
}

/** The whole live catalog as an HSDS 3.0 catalog file, every list ordered by id. */
export async function exportCatalog(tx: Tx): Promise<CatalogFile> {
  const collect = async (pages: AsyncIterable<Json[]>) => {
    const all: Json[] = [];
    for await (const page of pages) all.push(...page);
    return all;
  };
  return {
    hsds_version: '3.0',
    taxonomies: await collect(taxonomyPages(tx)),
    taxonomy_terms: await collect(termPages(tx)),
    organizations: await collect(organizationPages(tx)),
    services: await collect(servicePages(tx)),
  };
}

/** Rows read from PostgreSQL at a time when the catalog is streamed. */
const PAGE_SIZE = 500;

/**
 * The catalog file as text, produced page by page: exactly the bytes of
 * `JSON.stringify(exportCatalog(tx), null, 2)` and a final newline, without holding the
 * catalog in memory. Read it in one snapshot (see `streamCatalog`) so that the pages agree.
 */
export async function* catalogFileChunks(tx: Tx): AsyncGenerator<string> {
  yield `{\n  "hsds_version": ${JSON.stringify('3.0')}`;
  const lists: Array<[keyof CatalogFile, AsyncIterable<Json[]>]> = [
    ['taxonomies', taxonomyPages(tx)],
    ['taxonomy_terms', termPages(tx)],
    ['organizations', organizationPages(tx)],
    ['services', servicePages(tx)],
  ];
  for (const [name, pages] of lists) {
    let first = true;
    for await (const page of pages) {
      if (page.length === 0) continue;
      // An element of a top-level list sits two levels deep: four spaces before each of its lines.
      const items = page.map((item) => JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')).join(',\n    ');
      yield first ? `,\n  ${JSON.stringify(name)}: [\n    ${items}` : `,\n    ${items}`;
      first = false;
    }
    yield first ? `,\n  ${JSON.stringify(name)}: []` : '\n  ]';
  }
  yield '\n}\n';
}

/**
 * Writes the catalog file to `out` from one read-only snapshot of the catalog, respecting
 * the destination's backpressure; resolves once every byte has been handed to `out`
 * (ended unless `end` is false, e.g. for stdout).
 */
export async function streamCatalog(db: Db, out: NodeJS.WritableStream, opts: { end?: boolean } = {}): Promise<void> {
  await db.transaction(
    async (tx) => {
      // One page in the queue at a time: the memory held does not grow with the catalog.
      await pipeline(Readable.from(catalogFileChunks(tx), { highWaterMark: 1 }), out, { end: opts.end ?? true });
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function* taxonomyPages(tx: Tx): AsyncGenerator<Json[]> {
  yield (await tx.select().from(taxonomies).orderBy(asc(taxonomies.id))).map(hsdsTaxonomy);
}

async function* termPages(tx: Tx): AsyncGenerator<Json[]> {
  yield (await tx.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.id))).map((t) => hsdsTerm(t, true));
}

/** Live organizations in pages of `PAGE_SIZE`, ordered by id (keyset paging). */
async function* organizationPages(tx: Tx): AsyncGenerator<Json[]> {
  for (let after: string | undefined; ; ) {
    const rows = await tx
      .select()
      .from(organizations)
      .where(and(isNull(organizations.deletedAt), after === undefined ? undefined : gt(organizations.id, after)))
      .orderBy(asc(organizations.id))
      .limit(PAGE_SIZE);
    if (rows.length === 0) return;
    yield await nestedOrganizations(tx, rows);
    after = rows[rows.length - 1]!.id;
  }
}

/** Live services in pages of `PAGE_SIZE`, ordered by id (keyset paging). */
async function* servicePages(tx: Tx): AsyncGenerator<Json[]> {
  for (let after: string | undefined; ; ) {
    const rows = await tx
      .select()
      .from(services)
      .where(and(isNull(services.deletedAt), after === undefined ? undefined : gt(services.id, after)))
      .orderBy(asc(services.id))
      .limit(PAGE_SIZE);
    if (rows.length === 0) return;
    yield await nestedServices(tx, rows);
    after = rows[rows.length - 1]!.id;
  }
}
