import jsonMergePatch from 'json-merge-patch';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { validationProblem } from '../problems.ts';
import '../schemas/formats.ts';

/** For a list field, what identifies one of its items across edits (a phone: its number). */
export type ItemIdentities = Record<string, (item: Record<string, unknown>) => unknown>;

/** A phone sent again with the same number is the same phone (digits compared, not spacing). */
export const PHONES_BY_NUMBER: ItemIdentities = {
  phones: (phone) => String(phone.number ?? '').replace(/[^0-9+]/g, ''),
};

/**
 * Applies an RFC 7396 JSON Merge Patch to a record's input form and validates the
 * result against the same schema as a full replacement. A merge patch replaces a list
 * whole; an item sent without its `id` that is the same as a current one by
 * `identities` (a phone whose number is unchanged) keeps that item's id.
 */
export function mergePatcher<T>(schema: TSchema, identities: ItemIdentities = {}): (current: T, patch: unknown) => T {
  const check = Compile(schema);
  return (current, patch) => {
    // json-merge-patch stops at such a key and silently drops the rest of the patch (its
    // guard against prototype pollution); a client must hear that nothing was applied.
    const reserved = reservedKeyPath(patch);
    if (reserved) {
      throw validationProblem([{ field: `body${reserved}`, message: 'this property name is not allowed' }]);
    }
    const next = jsonMergePatch.apply(structuredClone(current), patch) as unknown;
    keepItemIds(current, next, identities);
    const errors = [...check.Errors(next)];
    if (errors.length > 0) {
      throw validationProblem(errors.map((e) => ({ field: `body${e.instancePath}`, message: e.message })));
    }
    return next as T;
  };
}

type Item = Record<string, unknown> & { id?: unknown };

/** Gives the items of `next` without an id the id of the current item they are the same as (each id once). */
function keepItemIds(current: unknown, next: unknown, identities: ItemIdentities): void {
  for (const [field, identity] of Object.entries(identities)) {
    const before = listOf(current, field);
    const after = listOf(next, field);
    if (!before || !after) continue;
    const taken = new Set<unknown>(after.map((i) => i.id).filter((id) => id !== undefined));
    for (const item of after) {
      if (item.id !== undefined) continue;
      const same = before.find((b) => b.id !== undefined && !taken.has(b.id) && identity(b) === identity(item));
      if (!same) continue;
      item.id = same.id;
      taken.add(same.id);
    }
  }
}

function listOf(record: unknown, field: string): Item[] | undefined {
  const value = record && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined;
  return Array.isArray(value) && value.every((v) => v && typeof v === 'object') ? (value as Item[]) : undefined;
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
