import jsonMergePatch from 'json-merge-patch';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { validationProblem } from '../plugins/problem.ts';
import '../schemas/formats.ts';

/**
 * Applies an RFC 7396 JSON Merge Patch to a record's input form and validates the
 * result against the same schema as a full replacement.
 */
export function mergePatcher<T>(schema: TSchema): (current: T, patch: unknown) => T {
  const check = Compile(schema);
  return (current, patch) => {
    // json-merge-patch stops at such a key and silently drops the rest of the patch (its
    // guard against prototype pollution); a client must hear that nothing was applied.
    const reserved = reservedKeyPath(patch);
    if (reserved) {
      throw validationProblem([{ field: `body${reserved}`, message: 'this property name is not allowed' }]);
    }
    const next = jsonMergePatch.apply(structuredClone(current), patch) as unknown;
    const errors = [...check.Errors(next)];
    if (errors.length > 0) {
      throw validationProblem(errors.map((e) => ({ field: `body${e.instancePath}`, message: e.message })));
    }
    return next as T;
  };
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The JSON pointer of the first `__proto__`, `constructor` or `prototype` key in a patch. */
function reservedKeyPath(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const here = `${path}/${k}`;
    if (RESERVED_KEYS.has(k)) return here;
    const nested = reservedKeyPath(v, here);
    if (nested) return nested;
  }
  return undefined;
}
