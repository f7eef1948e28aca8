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

/** No record is nested deeper; recursive code (merge patches, diffs) must not meet 10 000 levels. */
export const MAX_DEPTH = 32;
/** With the `u` flag a surrogate pair is one code point; only an unpaired half is `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate (invalid Unicode)';
  return undefined;
}

/**
 * Values PostgreSQL cannot store, though JSON and the schemas allow them: the NUL
 * character (neither `text` nor `jsonb` may hold it), lone UTF-16 surrogates (`jsonb`
 * refuses the escape, `text` would keep a replacement character instead of what was
 * sent) and numbers too large to be finite (`1e400`, or `Infinity` in a query string:
 * JSON Schema's `maximum` does not catch them); and nesting deeper than `MAX_DEPTH`. They must be a 400 here rather than a failed INSERT (a 500)
 * or a stack overflow later.
 */
export function unstorableTextViolations(value: unknown, field = '', depth = 0): Violation[] {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    return message ? [{ field: field || '/', message }] : [];
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return [{ field: field || '/', message: 'must be a finite number' }];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ field: field || '/', message: `must not be nested more than ${MAX_DEPTH} levels deep` }];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = `${field}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const nameProblem = unstorableText(k);
    return [
      ...(nameProblem ? [{ field: path, message: `the name ${nameProblem}` }] : []),
      ...unstorableTextViolations(v, path, depth + 1),
    ];
  });
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
    if (sc.service_id !== undefined && sc.service_id !== s.id) {
      out.push({ field: `/schedules/${i}/service_id`, message: 'must be the id of the service it is nested in' });
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
