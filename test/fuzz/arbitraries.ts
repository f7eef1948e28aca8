import fc, { type Arbitrary } from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values the
 * schema allows (often at its bounds), and hostile ones that it may or may not allow —
 * wrong types, empty and huge strings, Unicode edge cases, injection attempts.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

/** Ids that exist in the catalog under test, so that generated requests reach handlers. */
export interface KnownIds {
  organizations: string[];
  services: string[];
  other: string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u202eevil\u202c',
  '\u200b',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ä'.repeat(300),
  'x'.repeat(6000),
  "' OR 1=1 --",
  "'; drop table services; --",
  '"; DELETE FROM services WHERE ""="',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'urn:uuid:6f1f3b9e-2d4a-4c1e-9c1a-0e0f4f2b9a11',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e400',
  '-0',
  '0x10',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  '2026-01-01T00:00:00+23:59',
  'true',
  'null',
  '[]',
  '{}',
];

/** Filter-expression injection aimed at the search engine's filters. */
const FILTER_INJECTIONS = [
  '297 OR status = inactive',
  'debt OR 1 = 1',
  'need = debt) OR (need EXISTS',
  '_geoRadius(0, 0, 99999999)',
  "x' OR '1'='1",
  'a,b,,c',
  'fi OR language IS NULL',
];

export const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...FILTER_INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

export const hostileValue: Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.5, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], { a: { b: { c: [] } } }) },
);

function boundedNumbers(s: JsonSchema, integer: boolean): Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e6);
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const edges = [min, max, min - 1, max + 1].map((v) => (integer ? Math.round(v) : v));
  return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

function strings(s: JsonSchema, ids: KnownIds): Arbitrary<string> {
  if (s.format === 'uuid') {
    const known = [...ids.organizations, ...ids.services, ...ids.other];
    return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  }
  if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl();
  if (s.pattern) {
    const matching = fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
    return matching;
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 60) });
}

/** A value for a schema: mostly valid, sometimes hostile. */
export function valueOf(s: JsonSchema | undefined, ids: KnownIds, depth = 0): Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: validValueOf(s, ids, depth) }, { weight: 1, arbitrary: hostileValue });
}

function validValueOf(s: JsonSchema | undefined, ids: KnownIds, depth: number): Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant('x');
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValueOf(a, ids, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return strings(s, ids);
    case 'integer':
      return boundedNumbers(s, true);
    case 'number':
      return boundedNumbers(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(s.items, ids, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
      return objectOf(s, ids, depth);
    default:
      return hostileValue;
  }
}

function objectOf(s: JsonSchema, ids: KnownIds, depth: number): Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const fields = props.map(([name, schema]) =>
    fc.tuple(fc.constant(name), required.has(name) ? fc.constant(true) : fc.boolean(), valueOf(schema, ids, depth + 1)),
  );
  const unknownField = fc.option(fc.tuple(fc.constantFrom('unknown_field', '__proto__', 'constructor', 'id', 'version', 'deleted_at'), hostileValue), { freq: 6 });
  return fc.tuple(fc.tuple(...fields), unknownField).map(([entries, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [name, present, value] of entries) if (present) out[name] = value;
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}
