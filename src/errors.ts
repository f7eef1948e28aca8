import { inspect } from 'node:util';

/**
 * What went wrong, in words, whatever was thrown: an error without a message (some
 * drivers' errors, an AggregateError of failed connection attempts) is named by its
 * code, its kind, its inner errors or its cause rather than printed as `undefined`; a
 * failed query says what failed, its cause why.
 */
export function describeError(err: unknown, depth = 0): string {
  if (!(err instanceof Error)) return typeof err === 'string' && err ? err : inspect(err, { depth: 2, breakLength: Infinity });
  const code = (err as NodeJS.ErrnoException).code;
  const own = err.message || [err.name, code].filter(Boolean).join(' ');
  const inner = err instanceof AggregateError ? err.errors.map((e) => describeError(e, depth + 1)) : [];
  const cause = err.cause !== undefined && depth < 3 ? [`caused by: ${describeError(err.cause, depth + 1)}`] : [];
  return [own, ...new Set(inner), ...cause].join('; ');
}
