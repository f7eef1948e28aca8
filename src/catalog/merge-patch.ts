import jsonMergePatch from 'json-merge-patch';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Problem } from '../plugins/problem.ts';

/**
 * Applies an RFC 7396 JSON Merge Patch to a record's input form and validates the
 * result against the same schema as a full replacement.
 */
export function mergePatcher<T>(schema: TSchema): (current: T, patch: unknown) => T {
  const check = Compile(schema);
  return (current, patch) => {
    const next = jsonMergePatch.apply(structuredClone(current), patch) as unknown;
    const errors = [...check.Errors(next)];
    if (errors.length > 0) {
      throw new Problem('validation', errors.map((e) => `body${e.instancePath}: ${e.message}`).join('; '), {
        errors: errors.map((e) => ({ field: `body${e.instancePath}`, message: e.message })),
      });
    }
    return next as T;
  };
}
