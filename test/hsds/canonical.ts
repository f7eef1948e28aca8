/**
 * A catalog in canonical form, for comparing two files regardless of order: object keys
 * sorted, arrays of objects with ids sorted by id (HSDS rows are sets, known by id).
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const ids = items.map((v) => (v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : undefined));
    if (ids.every((id) => id !== undefined)) {
      return items.map((v, i) => [ids[i]!, v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    }
    return items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value), null, 1);

/** Paths where two canonical values differ, for a readable failure. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const label = Array.isArray(a) ? `${path}/${k}${(a as Array<{ id?: string }>)[Number(k)]?.id ? `(${(a as Array<{ id?: string }>)[Number(k)]!.id})` : ''}` : `${path}/${k}`;
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], label, out, limit);
    }
    return out;
  }
  out.push(`${path || '/'}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}
