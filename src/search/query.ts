import { extentsCovering } from '../vocabulary/index.ts';
import { localTime, type LocalTime } from './opening-hours.ts';

/** Filters shared by search and recommend. Codes are already validated by the routes. */
export interface SearchFilters {
  municipality?: string;
  area?: string;
  need?: string[];
  service_type?: string[];
  target_group?: string[];
  access?: string[];
  language?: string[];
  provider_type?: string[];
  open_now?: boolean;
  /** A client's age: services whose age limits include it. */
  age?: number;
  geo?: { lat: number; lon: number; radiusKm: number };
  /** Also temporarily closed services (they are hidden by default). */
  include_closed?: boolean;
}

const quote = (v: string) => JSON.stringify(v);
/** `field IN ["a", "b"]`, the values quoted. */
export const anyOf = (field: string, values: readonly string[]) => `${field} IN [${values.map(quote).join(', ')}]`;

/** Meilisearch filter expressions (AND-ed) for the filters. */
export function meiliFilter(f: SearchFilters, now: LocalTime = localTime()): string[] {
  const out: string[] = [f.include_closed ? anyOf('status', ['active', 'temporarily closed']) : 'status = "active"'];
  if (f.municipality) out.push(anyOf('areas', extentsCovering(f.municipality)));
  if (f.area) out.push(anyOf('covers', [`hva:${f.area}`, 'FI']));
  if (f.need?.length) out.push(anyOf('needs', f.need));
  if (f.service_type?.length) out.push(anyOf('service_types', f.service_type));
  if (f.target_group?.length) out.push(anyOf('target_groups', f.target_group));
  if (f.access?.length) out.push(...f.access.map((a) => `access = ${quote(a)}`));
  if (f.language?.length) out.push(anyOf('languages', f.language));
  if (f.provider_type?.length) out.push(anyOf('provider_type', f.provider_type));
  if (f.age !== undefined) out.push(`min_age <= ${f.age}`, `max_age >= ${f.age}`);
  if (f.open_now) out.push(now.holiday ? 'always_open = true' : `(always_open = true OR open_slots = ${now.slot})`);
  if (f.geo) {
    out.push(`_geoRadius(${f.geo.lat}, ${f.geo.lon}, ${Math.round(f.geo.radiusKm * 1000)})`);
  }
  return out;
}
