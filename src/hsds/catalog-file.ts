import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { attributes, organizations, services, taxonomies, taxonomyTerms } from '../db/schema.ts';
import { getServiceRows, insertService, replaceService } from '../db/services.ts';
import { TAXONOMIES } from '../vocabulary/index.ts';
import { attributesOf, hsdsOrganization, hsdsService, hsdsTaxonomy, hsdsTerm, type Json } from './objects.ts';
import { parseCatalog, type ParsedCatalog, type ParsedOrganization, type ParsedService } from './parse.ts';

/**
 * The catalog file: HSDS 3.0 JSON with taxonomies, terms, organizations and services
 * (related objects nested), as described in the evaluation data's README. Import
 * validates everything first and writes in one transaction; export writes the same
 * shape back, so export → import → export is identical.
 */

export { CatalogRejected, type ImportProblem } from './problems.ts';
export { parseCatalog } from './parse.ts';
export { hsdsService, hsdsTerm } from './objects.ts';

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

/** Imports a catalog file in one transaction; the same ids update (idempotent). */
export async function importCatalog(db: Db, file: unknown): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const parsed = await parseCatalog(tx, file);
    await writeVocabulary(tx, parsed);
    await writeOrganizations(tx, parsed.organizations);
    await writeServices(tx, parsed.services);
    return {
      taxonomies: parsed.taxonomies.length,
      taxonomy_terms: parsed.terms.length,
      organizations: parsed.organizations.length,
      services: parsed.services.length,
    };
  });
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
  await tx.delete(attributes).where(inArray(attributes.linkId, parsed.map((o) => o.row.id)));
  const links = parsed.flatMap((o) => o.links.map((l) => ({ ...l, linkEntity: 'organization' as const, linkId: o.row.id })));
  if (links.length > 0) await tx.insert(attributes).values(links);
}

async function writeServices(tx: Tx, parsed: ParsedService[]): Promise<void> {
  const ids = parsed.map((s) => s.input.id);
  // Links are rewritten as a whole first: an attribute id may move between two services of the file.
  await tx.delete(attributes).where(inArray(attributes.linkId, ids));
  const existing = new Set((await getServiceRows(tx, ids, true)).map((r) => r.id));
  for (const s of parsed) {
    const opts = { lastModified: s.lastModified, extra: s.extra, links: s.links };
    if (existing.has(s.input.id)) await replaceService(tx, s.input.id, s.input, opts);
    else await insertService(tx, s.input.id, s.input, opts);
  }
}

/** The whole live catalog as an HSDS 3.0 catalog file, every list ordered by id. */
export async function exportCatalog(tx: Tx): Promise<CatalogFile> {
  const taxonomyRows = await tx.select().from(taxonomies).orderBy(asc(taxonomies.id));
  const termRows = await tx.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.id));
  const orgRows = await tx.select().from(organizations).where(isNull(organizations.deletedAt)).orderBy(asc(organizations.id));
  const serviceRows = await tx.select().from(services).where(isNull(services.deletedAt)).orderBy(asc(services.id));
  const attrs = await attributesOf(tx);
  return {
    hsds_version: '3.0',
    taxonomies: taxonomyRows.map(hsdsTaxonomy),
    taxonomy_terms: termRows.map((t) => hsdsTerm(t, true)),
    organizations: orgRows.map((o) => hsdsOrganization(o, attrs.get(o.id) ?? [])),
    services: serviceRows.map((s) => hsdsService(s, attrs.get(s.id) ?? [])),
  };
}
