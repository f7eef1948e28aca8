import { Compile } from 'typebox/compile';
import { OrganizationInput, ServiceInput, type ServiceRecord, type TermTaxonomy } from '../catalog/types.ts';
import { organizationViolations, serviceViolations, TERM_FIELDS } from '../catalog/validate.ts';
import { audit } from '../db/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { getOrganization, insertOrganization, organizationExists, replaceOrganization } from '../db/organizations.ts';
import { lastSyncStart, lockSync, recordSync, registerIds, registerServicesCovering } from '../db/ptv.ts';
import { getServiceRows, insertService, replaceService, termCodesOf, toInput, toRecord, type ServiceRow } from '../db/services.ts';
import { extentsCovering } from '../vocabulary/index.ts';
import { withInterpretationServices } from './interpretation.ts';
import type { DerivedTerms, MappedOrganization, MappedService, PtvSnapshot, RecordSource, SnapshotRequest } from './model.ts';
import { LOCAL_SERVICE_FIELDS, sameValue } from './owned.ts';

/**
 * One PTV sync: read everything first (the adapter), then write it all in one
 * transaction — a failure half-way writes nothing. A record is written only when its
 * content changes, so a sync that finds nothing new writes nothing and audits nothing.
 * Services PTV no longer publishes end as `inactive` (history kept), never deleted.
 * Every write goes through the outbox to search.
 */

export interface SyncOptions {
  municipalities: string[];
  /** Read everything, not only what changed since the last sync. */
  full: boolean;
  read: (request: SnapshotRequest) => Promise<PtvSnapshot>;
  progress?: (line: string) => void;
}

export interface SyncSummary {
  mode: 'full' | 'changes';
  since?: string;
  services_read: number;
  created: number;
  updated: number;
  unchanged: number;
  ended: number;
  organizations_written: number;
  skipped: PtvSnapshot['skipped'];
  requests: number;
}

/** Changes are read from a little before the last sync started: clocks differ, and reading a change twice is harmless. */
const SINCE_MARGIN_MS = 10 * 60 * 1000;

export async function syncPtv(db: Db, opts: SyncOptions): Promise<SyncSummary> {
  const startedAt = new Date();
  const lastStart = opts.full ? undefined : await lastSyncStart(db, opts.municipalities);
  const since = lastStart ? new Date(lastStart.getTime() - SINCE_MARGIN_MS) : undefined;
  const known = await registerIds(db);
  const snapshot = await opts.read({
    municipalities: opts.municipalities,
    since,
    knownServices: known.services,
    knownOrganizations: known.organizations,
    progress: opts.progress,
  });
  const syncedAt = new Date().toISOString();
  return db.transaction(async (tx) => {
    await lockSync(tx);
    const organizationsWritten = await writeOrganizations(tx, snapshot.organizations, syncedAt);
    const counts = { created: 0, updated: 0, unchanged: 0, ended: 0 };
    const skipped = [...snapshot.skipped];
    for (const mapped of snapshot.services) {
      const result = await writeService(tx, mapped, syncedAt);
      if (typeof result === 'object') skipped.push(result);
      else counts[result]++;
    }
    for (const id of await servicesEnded(tx, snapshot, opts.municipalities, since === undefined)) {
      if (await endService(tx, id, syncedAt)) counts.ended++;
    }
    const summary: SyncSummary = {
      mode: since ? 'changes' : 'full',
      ...(since ? { since: since.toISOString() } : {}),
      services_read: snapshot.services.length,
      ...counts,
      organizations_written: organizationsWritten,
      skipped,
      requests: snapshot.requests,
    };
    await recordSync(tx, {
      startedAt,
      municipalities: opts.municipalities,
      full: since === undefined,
      summary: { ...counts, services_read: summary.services_read, organizations_written: organizationsWritten, skipped: skipped.length },
    });
    return summary;
  });
}

// ---------------------------------------------------------------- organizations

const checkOrganization = Compile(OrganizationInput);

async function writeOrganizations(tx: Tx, mapped: MappedOrganization[], syncedAt: string): Promise<number> {
  let written = 0;
  for (const o of mapped) {
    if (!checkOrganization.Check(o.input) || organizationViolations(o.input).length > 0) {
      // An invalid Y-tunnus (PTV does not check its digit) must not stop the organization.
      o.input = { ...o.input, business_id: undefined };
    }
    const source: RecordSource = { system: 'ptv', id: o.id, modified: o.modified, synced_at: syncedAt };
    const current = await getOrganization(tx, o.id);
    if (!current) {
      if (await organizationExists(tx, o.id, { withDeleted: true })) continue; // deleted here on purpose: left alone
      await insertOrganization(tx, o.id, o.input, source);
      await auditSync(tx, 'organization', o.id, o.id, null, (await getOrganization(tx, o.id))!.record);
      written++;
      continue;
    }
    const { source: previous, ...record } = current.record;
    if (sameValue(record, { ...o.input, id: o.id }) && previous?.modified === o.modified) continue;
    await replaceOrganization(tx, o.id, o.input, undefined, source);
    await auditSync(tx, 'organization', o.id, o.id, current.record, (await getOrganization(tx, o.id))!.record);
    written++;
  }
  return written;
}

// ---------------------------------------------------------------- services

const checkService = Compile(ServiceInput);

type WriteResult = 'created' | 'updated' | 'unchanged' | { id: string; reason: string };

async function writeService(tx: Tx, mapped: MappedService, syncedAt: string): Promise<WriteResult> {
  const [row] = await getServiceRows(tx, [mapped.id], true);
  const current = row ? await recordOf(tx, row) : undefined;
  const next = withInterpretationServices(mergeLocal(mapped, current, row?.sourceTerms ?? undefined), mapped.publicAuthority);
  const extra = row?.extra ?? {};
  const invalid = firstViolation(next);
  if (invalid) return { id: mapped.id, reason: invalid };
  if (!(await organizationExists(tx, next.organization_id))) {
    return { id: mapped.id, reason: `its organization ${next.organization_id} is not in the catalog` };
  }
  if (
    row && current && !row.deletedAt &&
    sameValue(toInput(current), next) &&
    sameValue(row.extra, extra) &&
    sameValue(row.sourceTerms, mapped.derived) &&
    row.source?.modified === mapped.modified
  ) {
    return 'unchanged';
  }
  const source: RecordSource = { system: 'ptv', id: mapped.id, modified: mapped.modified, synced_at: syncedAt };
  const opts = { extra, source, sourceTerms: mapped.derived };
  if (!row) await insertService(tx, mapped.id, next, opts);
  else if (!(await replaceService(tx, mapped.id, next, { ...opts, expectedVersion: row.version }))) throw changedMeanwhile(mapped.id);
  const [written] = await getServiceRows(tx, [mapped.id]);
  await auditSync(tx, 'service', mapped.id, next.organization_id, current ?? null, await recordOf(tx, written!));
  return row ? 'updated' : 'created';
}

async function recordOf(tx: Tx, row: ServiceRow): Promise<ServiceRecord> {
  const terms = await termCodesOf(tx, [row.id]);
  return toRecord(row, terms.get(row.id)!);
}

/**
 * The service as PTV describes it, with the catalog's own enrichment kept: the fields
 * PTV does not have, and the terms added here. A term the mapping gave before and no
 * longer gives goes; one added in the catalog stays, in its place.
 */
export function mergeLocal(mapped: MappedService, current: ServiceRecord | undefined, previous: DerivedTerms | undefined): ServiceInput {
  const next: ServiceInput = { ...mapped.input };
  if (!current) return next;
  for (const field of LOCAL_SERVICE_FIELDS) {
    if (current[field] !== undefined) (next as Record<string, unknown>)[field] = current[field];
  }
  for (const [field, taxonomy] of Object.entries(TERM_FIELDS) as Array<[keyof typeof TERM_FIELDS, TermTaxonomy]>) {
    next[field] = mergeTerms(current[field] ?? [], previous?.[taxonomy] ?? [], mapped.derived[taxonomy]);
  }
  return next;
}

export function mergeTerms(current: string[], previouslyDerived: string[], derived: string[]): string[] {
  const kept = current.filter((c) => derived.includes(c) || !previouslyDerived.includes(c));
  return [...kept, ...derived.filter((c) => !kept.includes(c))];
}

function firstViolation(input: ServiceInput): string | undefined {
  const [schemaError] = checkService.Errors(input);
  if (schemaError) return `${schemaError.instancePath || '/'}: ${schemaError.message}`;
  const [violation] = serviceViolations(input);
  return violation ? `${violation.field}: ${violation.message}` : undefined;
}

// ---------------------------------------------------------------- ended services

/**
 * Services that end: those PTV archived or withdrew; those that left the chosen areas;
 * and, in a full sync, those of the chosen areas PTV no longer lists.
 */
async function servicesEnded(tx: Tx, snapshot: PtvSnapshot, municipalities: string[], full: boolean): Promise<string[]> {
  const inScope = new Set(await registerServicesCovering(tx, [...new Set(municipalities.flatMap(extentsCovering))]));
  const read = new Set(snapshot.services.map((s) => s.id));
  const ended = new Set(snapshot.gone);
  for (const id of snapshot.outOfScope) if (inScope.has(id)) ended.add(id);
  if (full) for (const id of inScope) if (!read.has(id)) ended.add(id);
  return [...ended].filter((id) => !read.has(id));
}

async function endService(tx: Tx, id: string, syncedAt: string): Promise<boolean> {
  const [row] = await getServiceRows(tx, [id]);
  if (!row || row.status === 'inactive' || !row.source) return false;
  const current = await recordOf(tx, row);
  const source: RecordSource = { ...row.source, synced_at: syncedAt };
  const next: ServiceInput = { ...toInput(current), status: 'inactive', status_note: undefined, status_until: undefined };
  if (!(await replaceService(tx, id, next, { source, expectedVersion: row.version }))) throw changedMeanwhile(id);
  const [written] = await getServiceRows(tx, [id]);
  await auditSync(tx, 'service', id, row.organizationId, current, await recordOf(tx, written!));
  return true;
}

// ---------------------------------------------------------------- helpers

async function auditSync(tx: Tx, entity: 'service' | 'organization', id: string, organizationId: string, before: unknown, after: unknown) {
  await audit(tx, { keyId: null, action: 'sync', entity, entityId: id, organizationId, before, after });
}

function changedMeanwhile(id: string): Error {
  return new Error(`service ${id} was changed through the API during the sync; nothing was written, run the sync again`);
}
