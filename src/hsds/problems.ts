/**
 * Problems found in a catalog file, each naming its record (`services[12] (3f0c…)`) and
 * the field inside it as a JSON pointer, so that whoever fixes the file knows exactly
 * where to look.
 */

export interface ImportProblem {
  /** e.g. `services[12] (3f0c…)` */
  record: string;
  /** JSON pointer inside the record */
  field: string;
  message: string;
}

export class CatalogRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`catalog rejected: ${problems.length} problem(s)`);
  }
}

/**
 * Collects problems, at most one per record and field: the first check to see a bad
 * value is the most precise one, and later checks of the same value (e.g. "unknown
 * organization" after "not a UUID") would only repeat it.
 */
export class ProblemLog {
  readonly list: ImportProblem[] = [];
  private readonly keys = new Set<string>();

  report(record: string, field: string, message: string): void {
    const key = `${record}\u0000${field}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push({ record, field, message });
  }

  /** How many problems so far; with `grewSince`, whether a record added any. */
  mark(): number {
    return this.list.length;
  }

  grewSince(mark: number): boolean {
    return this.list.length > mark;
  }
}

/** An escaped JSON pointer segment (RFC 6901). */
export const pointerSegment = (name: string | number): string => String(name).replace(/~/g, '~0').replace(/\//g, '~1');

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: unknown;
  message: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const quoted = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/**
 * Schema errors as one problem per field. The validator reports a missing property at its
 * parent and a failed enum once per alternative (plus once for the union); a file's author
 * wants the missing field's own pointer and one message listing what is allowed.
 */
export function fieldProblems(errors: Iterable<SchemaError>): FieldProblem[] {
  const list = [...errors];
  const alternatives = new Map<string, unknown[]>();
  const unions = new Set(list.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of list) {
    if (e.keyword !== 'const') continue;
    const allowed = (e.params as { allowedValue?: unknown }).allowedValue;
    alternatives.set(e.instancePath, [...(alternatives.get(e.instancePath) ?? []), allowed]);
  }
  return list.flatMap((e): FieldProblem[] => {
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        return (params.requiredProperties as string[]).map((p) => ({
          field: `${e.instancePath}/${pointerSegment(p)}`,
          message: 'is required',
        }));
      case 'additionalProperties':
        return (params.additionalProperties as string[]).map((p) => ({
          field: `${e.instancePath}/${pointerSegment(p)}`,
          message: 'is not an allowed property here',
        }));
      case 'boolean':
        return []; // `additionalProperties: false` again, reported above with the name
      case 'const':
        return unions.has(e.instancePath) ? [] : [{ field: e.instancePath, message: `must be ${quoted(params.allowedValue)}` }];
      case 'anyOf': {
        const allowed = alternatives.get(e.instancePath);
        const message = allowed ? `must be one of ${allowed.map(quoted).join(', ')}` : 'does not match any allowed form';
        return [{ field: e.instancePath, message }];
      }
      default:
        return [{ field: e.instancePath, message: e.message }];
    }
  });
}
