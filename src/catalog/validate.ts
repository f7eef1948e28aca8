import { findTerm, isKnownExtent } from '../vocabulary/index.ts';
import { TERM_TAXONOMIES, type OrganizationInput, type ServiceInput } from './types.ts';

/** A rule a record breaks, beyond its JSON schema; `field` is a JSON pointer. */
export interface Violation {
  field: string;
  message: string;
}

/** Violations as field errors of a request body. */
export const inBody = (violations: Violation[]) => violations.map((v) => ({ field: `body${v.field}`, message: v.message }));

/** The Finnish business id (Y-tunnus) check digit: weights 7,9,10,5,8,4,2, mod 11. */
export function isValidBusinessId(value: string): boolean {
  const m = /^([0-9]{7})-([0-9])$/.exec(value);
  if (!m) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...m[1]!].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const rest = sum % 11;
  if (rest === 1) return false;
  const check = rest === 0 ? 0 : 11 - rest;
  return check === Number(m[2]);
}

export const TERM_FIELDS = {
  needs: 'need',
  service_types: 'service_type',
  target_groups: 'target_group',
  access: 'access',
} as const satisfies Record<string, (typeof TERM_TAXONOMIES)[number]>;

/**
 * Text PostgreSQL cannot store: the NUL character (U+0000) is valid JSON but neither a
 * `text` nor a `jsonb` value may hold it, so it must be a 400 here rather than a failed
 * INSERT (a 500) later.
 */
export function unstorableTextViolations(value: unknown, field = ''): Violation[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field: field || '/', message: 'must not contain the NUL character (U+0000)' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableTextViolations(v, `${field}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const path = `${field}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      return [
        ...(k.includes('\u0000') ? [{ field: path, message: 'the name must not contain the NUL character (U+0000)' }] : []),
        ...unstorableTextViolations(v, path),
      ];
    });
  }
  return [];
}

export function serviceViolations(s: ServiceInput): Violation[] {
  const out: Violation[] = unstorableTextViolations(s);
  if (s.minimum_age !== undefined && s.maximum_age !== undefined && s.minimum_age > s.maximum_age) {
    out.push({ field: '/maximum_age', message: 'must not be below minimum_age' });
  }
  if (s.status_until !== undefined && s.status !== 'temporarily closed') {
    out.push({ field: '/status_until', message: 'only a temporarily closed service has an end date for its closure' });
  }
  for (const [field, taxonomy] of Object.entries(TERM_FIELDS)) {
    (s[field as keyof typeof TERM_FIELDS] ?? []).forEach((code, i) => {
      if (!findTerm(taxonomy, code)) out.push({ field: `/${field}/${i}`, message: `unknown ${taxonomy} code '${code}'` });
    });
  }
  (s.service_areas ?? []).forEach((a, i) => {
    if (!isKnownExtent(a.extent)) {
      out.push({ field: `/service_areas/${i}/extent`, message: `unknown municipality or wellbeing area '${a.extent}'` });
    }
  });
  (s.schedules ?? []).forEach((sc, i) => {
    if (sc.opens_at && sc.closes_at && sc.closes_at <= sc.opens_at) {
      out.push({ field: `/schedules/${i}/closes_at`, message: 'must be after opens_at' });
    }
  });
  return out;
}

export function organizationViolations(o: OrganizationInput): Violation[] {
  const out: Violation[] = unstorableTextViolations(o);
  if (o.business_id !== undefined && !isValidBusinessId(o.business_id)) {
    out.push({ field: '/business_id', message: 'is not a valid Finnish business id (Y-tunnus): check digit mismatch' });
  }
  if (o.provider_type !== undefined && !findTerm('provider_type', o.provider_type)) {
    out.push({ field: '/provider_type', message: `unknown provider_type code '${o.provider_type}'` });
  }
  return out;
}
