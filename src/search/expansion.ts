import { ACCESS_CUES, FAIR, fold, GROUP_CUES, NEED_CUES, type CueSpec } from '../recommend/concepts.ts';
import { findTerm, TAXONOMIES } from '../vocabulary/index.ts';
import { key, words } from './analysis.ts';

/**
 * Words a service's taxonomy terms stand for, beyond their labels: document expansion,
 * so that a query in everyday words ("pikavippi", "ulosotossa", "koditon") finds the
 * services tagged with the term. The words come from the one-word cues of the recommend
 * lexicon (their stems and prefixes) of at least fair strength — weak cues need company
 * in a note, and a word in a search box has none — so both questions, search and
 * recommend, understand the same vocabulary (with clear cues only, `kuolema` did not
 * find bereavement services; see docs/figures.md).
 *
 * Only words that mean the term itself expand it. A situation cue that also speaks of
 * another term of the taxonomy would carry that term's words into these documents:
 * `velkaorjuus` (debt bondage, a cue of crime victims) would make every crime-victim
 * service match "velka", and `hyresskuld` every housing service match "skuld". So a word
 * that is also another term's word, or contains one as a compound part, is left out.
 */

const CUES_BY_TAXONOMY: Record<string, Record<string, CueSpec[]>> = {
  need: NEED_CUES,
  target_group: GROUP_CUES,
  access: ACCESS_CUES,
};

/**
 * `ulosot*|ulosmit*` → `ulosot`, `ulosmit`; phrases of several words are skipped. The
 * words for the term, or with `signs` the words of its signs (see the `sign` tag).
 */
function cueWords(cues: CueSpec[], { signs = false } = {}): string[] {
  const out = new Set<string>();
  for (const cue of cues) {
    if (cue.strength < FAIR || cue.tags.includes('sign') !== signs) continue;
    for (const phrase of cue.phrases) {
      if (/\s/.test(phrase.trim()) || phrase.includes('NEG')) continue;
      for (const alternative of phrase.split('|')) {
        // A pattern only for a compound's head (`+varkau*`: `murtovarkaus`, not the town
        // `Varkaus`) is no word of its own: as one, it would make the town find the term.
        if (alternative.trim().startsWith('+')) continue;
        const word = alternative.replace(/[*^+=]/g, '').trim();
        if (word.length >= 4 && !word.includes('-')) out.add(word);
      }
    }
  }
  return [...out];
}

/** A compound part shorter than this is not taken as another term's word inside a word. */
const MIN_PART = 4;

/** Whether `word` is, or contains, one of `others` (compared without diacritics). */
function speaksOf(word: string, others: ReadonlySet<string>): boolean {
  const w = fold(word);
  if (others.has(w)) return true;
  for (const o of others) if (o.length >= MIN_PART && w.includes(o)) return true;
  return false;
}

/**
 * Heads of two-word cues whose modifier is a word of the term's own label: `sexual
 * assault` is a kind of sexual violence, so its documents are expanded with `assault`
 * although that word is also another term's (violence's). Skipped: phrases with gaps
 * or negations, and heads shorter than four letters.
 */
function labelledHeads(taxonomy: string, code: string, cues: CueSpec[]): string[] {
  const labels = findTerm(taxonomy, code)?.labels;
  if (!labels) return [];
  const labelWords = Object.values(labels).flatMap((l) => words(l)).map(fold);
  const namesTerm = (alternative: string) => {
    const w = fold(alternative.replace(/[*^+=]/g, ''));
    return w.length >= 4 && labelWords.some((l) => l.startsWith(w) || w.startsWith(l));
  };
  const out = new Set<string>();
  for (const cue of cues) {
    if (cue.strength < FAIR) continue;
    for (const phrase of cue.phrases) {
      const positions = phrase.trim().split(/\s+/);
      if (positions.length !== 2 || phrase.includes('NEG') || positions.includes('*')) continue;
      const [modifier, head] = positions as [string, string];
      if (!modifier.split('|').some(namesTerm)) continue;
      for (const alternative of head.split('|')) {
        const word = alternative.replace(/[*^+=]/g, '').trim();
        if (word.length >= 4 && !word.includes('-')) out.add(word);
      }
    }
  }
  return [...out];
}

/** The expansion words of every term of a taxonomy, each kept to its own term. */
function ownWords(taxonomy: string, byCode: Record<string, CueSpec[]>): Map<string, string[]> {
  const words = new Map(Object.entries(byCode).map(([code, cues]) => [code, cueWords(cues)]));
  const out = new Map<string, string[]>();
  for (const [code, list] of words) {
    const others = new Set([...words].filter(([c]) => c !== code).flatMap(([, ws]) => ws.map(fold)));
    const own = list.filter((w) => !speaksOf(w, others));
    // Only the words another term claims are let back in this way; the others are generic (`support`, `apua`).
    const kinds = labelledHeads(taxonomy, code, byCode[code] ?? []).filter((w) => others.has(fold(w)));
    out.set(code, [...new Set([...own, ...kinds])]);
  }
  return out;
}

const EXPANSIONS = new Map(Object.entries(CUES_BY_TAXONOMY).map(([taxonomy, byCode]) => [taxonomy, ownWords(taxonomy, byCode)]));

export function expansionsOf(taxonomy: string, code: string): string[] {
  return EXPANSIONS.get(taxonomy)?.get(code) ?? [];
}

/** Every term's expansion words, by taxonomy and code: what documents are expanded with. */
export function expansionTable(): Record<string, Record<string, string[]>> {
  return Object.fromEntries([...EXPANSIONS].map(([taxonomy, byCode]) => [taxonomy, Object.fromEntries(byCode)]));
}

/** Every expansion word, for the compound-splitting lexicon. */
export function expansionWords(): string[] {
  return [...EXPANSIONS.values()].flatMap((byCode) => [...byCode.values()].flat());
}

/**
 * Keys of the words that say what a service is for: the vocabulary's labels in three
 * languages, the expansion words and the needs' signs ("puhtaita neuloja"). A query's
 * other words ("puolison" in "puolison kuolema", "saa" in "mistä saa") say less.
 */
export const VOCABULARY_KEYS: ReadonlySet<string> = new Set(
  [
    ...TAXONOMIES.flatMap((t) => t.terms.flatMap((term) => Object.values(term.labels))),
    ...expansionWords(),
    ...Object.values(NEED_CUES).flatMap((cues) => cueWords(cues, { signs: true })),
  ]
    .flatMap((text) => words(text))
    .map(key),
);
