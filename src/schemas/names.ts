import { closest, distance } from 'fastest-levenshtein';

/** How far a misspelling may be from a known name (edits) to be suggested. */
const MAX_SUGGESTION_DISTANCE = 3;

/** The known name closest to `name`, when it is close enough to be a likely misspelling. */
export function suggestName(name: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(name, known);
  const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, Math.floor(candidate.length / 2)));
  const prefixed = candidate.startsWith(name) || name.startsWith(candidate);
  return distance(name, candidate) <= limit || prefixed ? candidate : undefined;
}

/** The message for a name that is not one of `known`. */
export function unknownNameMessage(kind: string, name: string, known: string[]): string {
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  const suggestion = suggestName(name, known);
  const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
  return `unknown ${kind} '${shown}'${hint} (known: ${known.join(', ')})`;
}
