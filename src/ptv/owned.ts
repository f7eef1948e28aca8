import type { OrganizationInput, ServiceInput } from '../catalog/types.ts';
import { Problem } from '../problems.ts';
import type { RecordSource } from './model.ts';

/**
 * Which fields of a record from PTV the register owns. Those are read-only through /v1
 * (409 `ptv-managed`): the next sync would overwrite a local change, and the right place
 * to fix a public service's text or hours is PTV itself, where every other consumer reads
 * it too. The catalog's own enrichment — needs, service types, target groups and access
 * conditions added here, age limits, verification — stays editable and survives syncs.
 */
export const PTV_SERVICE_FIELDS = [
  'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'status_note', 'status_until',
  'application_process', 'fees_description', 'eligibility_description', 'translations', 'phones', 'schedules',
  'languages', 'service_areas', 'service_at_locations', 'interpretation_services',
] as const satisfies ReadonlyArray<keyof ServiceInput>;

/** Kept from the catalog's record when a sync rewrites a service. */
export const LOCAL_SERVICE_FIELDS = ['assured_date', 'minimum_age', 'maximum_age'] as const satisfies ReadonlyArray<keyof ServiceInput>;

export const PTV_ORGANIZATION_FIELDS = [
  'name', 'description', 'website', 'email', 'legal_status', 'business_id', 'provider_type', 'translations',
] as const satisfies ReadonlyArray<keyof OrganizationInput>;

/** Throws 409 `ptv-managed` naming the first PTV-owned field that a write would change. */
export function assertRegisterFieldsKept<T extends object>(
  source: RecordSource | undefined,
  fields: readonly (keyof T & string)[],
  current: T,
  next: T,
): void {
  if (!source) return;
  const changed = fields.find((f) => !sameValue(current[f], next[f]));
  if (changed) {
    throw new Problem('ptv-managed', `${changed} comes from PTV (Suomi.fi Palvelutietovaranto, id ${source.id}); change it there`, {
      field: changed,
    });
  }
}

/** A record from PTV is never deleted here: it ends when PTV stops publishing it. */
export function assertNotFromRegister(source: RecordSource | undefined, what: string): void {
  if (source) {
    throw new Problem('ptv-managed', `the ${what} comes from PTV (id ${source.id}); it ends in the catalog when PTV stops publishing it`);
  }
}

/**
 * Equality of JSON values as the catalog stores them: a missing field, `null`, an empty
 * list and an empty object all mean "no value", and key order does not matter.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    return items.length === 0 ? undefined : items;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v)
      .map(([k, x]) => [k, canonical(x)] as const)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return v === null ? undefined : v;
}
