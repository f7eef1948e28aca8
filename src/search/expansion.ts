import { ACCESS_CUES, GROUP_CUES, MEDIUM, NEED_CUES, type CueSpec } from '../recommend/concepts.ts';

/**
 * Words a service's taxonomy terms stand for, beyond their labels: document expansion,
 * so that a query in everyday words ("pikavippi", "ulosotossa", "koditon") finds the
 * services tagged with the term. The words come from the one-word cues of the recommend
 * lexicon (their stems and prefixes), the clear ones only, so both questions — search
 * and recommend — understand the same vocabulary.
 */

const CUES_BY_TAXONOMY: Record<string, Record<string, CueSpec[]>> = {
  need: NEED_CUES,
  target_group: GROUP_CUES,
  access: ACCESS_CUES,
};

/** `ulosot*|ulosmit*` → `ulosot`, `ulosmit`; phrases of several words are skipped. */
function cueWords(cues: CueSpec[]): string[] {
  const out = new Set<string>();
  for (const cue of cues) {
    if (cue.strength < MEDIUM) continue;
    for (const phrase of cue.phrases) {
      if (/\s/.test(phrase.trim()) || phrase.includes('NEG')) continue;
      for (const alternative of phrase.split('|')) {
        const word = alternative.replace(/[*^+]/g, '').trim();
        if (word.length >= 4 && !word.includes('-')) out.add(word);
      }
    }
  }
  return [...out];
}

const cache = new Map<string, string[]>();

export function expansionsOf(taxonomy: string, code: string): string[] {
  const k = `${taxonomy}:${code}`;
  let words = cache.get(k);
  if (!words) {
    words = cueWords(CUES_BY_TAXONOMY[taxonomy]?.[code] ?? []);
    cache.set(k, words);
  }
  return words;
}

/** Every expansion word, for the compound-splitting lexicon. */
export function expansionWords(): string[] {
  return Object.entries(CUES_BY_TAXONOMY).flatMap(([taxonomy, byCode]) =>
    Object.keys(byCode).flatMap((code) => expansionsOf(taxonomy, code)),
  );
}
