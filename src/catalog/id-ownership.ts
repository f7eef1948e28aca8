import type { Tx } from '../db/client.ts';
import { claimsOn, type IdClaim, type RecordKind } from '../db/record-ids.ts';
import { Problem, validationProblem } from '../problems.ts';
import type { ServiceInput } from './types.ts';

/**
 * One id names one thing. A write may not name its record, or an object nested in it,
 * with an id that another record holds: another organization's id as a service's, or a
 * phone id of another service. The database enforces that (the `record_ids` triggers);
 * these checks run first so that the answer names the field, and add one rule for API
 * writes: a service is placed only at its own organization's locations.
 */

interface NestedId {
  /** JSON pointer in the request body. */
  field: string;
  id: string;
  kind: RecordKind;
  /** Shared within an organization (locations), rather than owned by one service. */
  shared: boolean;
}

/** Every id a service input names, with where it stands. */
export function idsOfService(input: ServiceInput & { id: string }): NestedId[] {
  const out: NestedId[] = [{ field: '/id', id: input.id, kind: 'service', shared: false }];
  const own = (field: string, id: string | undefined, kind: RecordKind) => {
    if (id) out.push({ field, id, kind, shared: false });
  };
  const shared = (field: string, id: string | undefined, kind: RecordKind) => {
    if (id) out.push({ field, id, kind, shared: true });
  };
  input.phones?.forEach((p, i) => own(`/phones/${i}/id`, p.id, 'phone'));
  input.schedules?.forEach((s, i) => own(`/schedules/${i}/id`, s.id, 'schedule'));
  input.languages?.forEach((l, i) => own(`/languages/${i}/id`, l.id, 'language'));
  input.service_areas?.forEach((a, i) => own(`/service_areas/${i}/id`, a.id, 'service_area'));
  input.service_at_locations?.forEach((sal, i) => {
    own(`/service_at_locations/${i}/id`, sal.id, 'service_at_location');
    const at = `/service_at_locations/${i}/location`;
    shared(`${at}/id`, sal.location.id, 'location');
    sal.location.addresses.forEach((a, j) => shared(`${at}/addresses/${j}/id`, a.id, 'address'));
    sal.location.accessibility.forEach((a, j) => shared(`${at}/accessibility/${j}/id`, a.id, 'accessibility'));
  });
  return out;
}

function heldByOther(n: NestedId, claim: IdClaim, serviceId: string, organizationId: string): boolean {
  if (claim.kind !== n.kind) return true;
  if (n.kind === 'service') return false;
  return n.shared ? claim.organizationId !== organizationId : claim.serviceId !== serviceId;
}

/**
 * 400 when the input names one id twice (shared location ids may repeat), 409 when an
 * id it newly names is held by another record, or is a location of another
 * organization. Ids the stored record already has (`stored`) are its own: a location
 * another organization shares with it (PTV service channels do) stays usable.
 */
export async function assertServiceIdsFree(
  tx: Tx,
  input: ServiceInput & { id: string },
  stored: (ServiceInput & { id: string }) | undefined,
): Promise<void> {
  const ids = idsOfService(input);
  const creating = stored === undefined;
  const own = new Set(stored ? idsOfService(stored).map((n) => `${n.kind}:${n.id}`) : []);
  const seen = new Map<string, NestedId>();
  const duplicates = ids.filter((n) => {
    const first = seen.get(n.id);
    seen.set(n.id, first ?? n);
    return first !== undefined && !(first.shared && n.shared && first.kind === n.kind);
  });
  if (duplicates.length > 0) {
    throw validationProblem(duplicates.map((n) => ({ field: `body${n.field}`, message: `the id ${n.id} is used twice in this record` })));
  }
  const added = ids.filter((n) => !own.has(`${n.kind}:${n.id}`));
  const claims = await claimsOn(tx, added.map((n) => n.id));
  const taken = added.filter((n) => {
    const claim = claims.get(n.id);
    if (!claim) return false;
    if (n.kind === 'service' && creating) return true;
    return heldByOther(n, claim, input.id, input.organization_id);
  });
  if (taken.length > 0) {
    throw new Problem('conflict', taken.map((n) => `body${n.field}: the id ${n.id} belongs to another record`).join('; '), {
      errors: taken.map((n) => ({ field: `body${n.field}`, message: 'this id belongs to another record; leave it out to get a new one' })),
    });
  }
}

/** 409 when a new record's id is held by any record. */
export async function assertIdFree(tx: Tx, id: string, what: string): Promise<void> {
  if ((await claimsOn(tx, [id])).size > 0) throw new Problem('conflict', `the id ${id} is taken: ${what} needs an id no record has`);
}
