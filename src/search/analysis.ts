import snowball from 'snowball-stemmers';

/**
 * Text analysis for Finnish (and Swedish and English), applied alike to indexed text and
 * to queries. Meilisearch neither stems Finnish nor splits compounds, so both sides are
 * reduced to the same "keys" before they reach it:
 *
 * 1. normalise: lower case, Unicode NFC, letters and digits only;
 * 2. stem with Snowball (Finnish; Swedish and English for words it does not change);
 * 3. cut the stem to a fixed length: Snowball leaves Finnish consonant gradation and
 *    many case endings apart (`väkivalta`/`väkivallan`, `nuoret`/`nuorten`), and a
 *    truncated stem joins them, a well-known technique for Finnish retrieval;
 * 4. split compounds (`lähisuhdeväkivalta` → `lähisuhde` + `väkivalta`) against a
 *    lexicon of known word parts, and emit the parts' keys as well.
 */

const fi = snowball.newStemmer('finnish');
const sv = snowball.newStemmer('swedish');
const en = snowball.newStemmer('english');

/** Length of a key; longer stems are cut to it. */
export const KEY_LENGTH = 6;
const MIN_PART = 3;

export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Words of a text: runs of letters and digits (hyphenated parts become words of their own). */
export function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Stem of one word, by the language whose stemmer changes it most. */
export function stem(word: string): string {
  const w = normalize(word);
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  const candidates = [fi.stem(w), sv.stem(w), en.stem(w)];
  return candidates.reduce((best, s) => (s.length < best.length ? s : best), w);
}

const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 100_000;

/** The key of a word; memoised, as three stemmers per word dominate analysis time. */
export function key(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    k = stem(word).slice(0, KEY_LENGTH);
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(word, k);
  }
  return k;
}

/**
 * Known words (normalised, with their Finnish stems) for compound splitting. A compound
 * splits into parts that are known words; its last part may carry a case ending, and
 * its first part may be unknown when the rest is a known word of 4+ letters, since a
 * Finnish compound ends in its head word (`lähisuhde|väkivalta`). Of the possible
 * splits the one with the fewest, longest parts wins (sum of squared part lengths).
 */
export class Lexicon {
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  constructor(entries: Iterable<string> = []) {
    for (const e of entries) this.add(e);
  }

  add(text: string): void {
    for (const w of words(text)) {
      if (w.length < MIN_PART) continue;
      this.known.add(w);
      const s = fi.stem(w);
      if (s.length >= MIN_PART) this.known.add(s);
    }
    this.cache.clear();
  }

  get size(): number {
    return this.known.size;
  }

  /** The parts of a compound word, or `[]` when it does not split. */
  split(word: string): string[] {
    let parts = this.cache.get(word);
    if (!parts) {
      parts = this.bestSplit(word, true)?.parts ?? [];
      this.cache.set(word, parts);
    }
    return parts;
  }

  private bestSplit(word: string, first: boolean): { parts: string[]; score: number } | undefined {
    let best: { parts: string[]; score: number } | undefined;
    for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const head = word.slice(0, i);
      const rest = word.slice(i);
      const headScore = this.known.has(head) ? i * i : first ? 0 : undefined;
      if (headScore === undefined) continue;
      const tails: Array<{ parts: string[]; score: number }> = [];
      if (this.isWord(rest)) tails.push({ parts: [rest], score: rest.length * rest.length });
      // An unknown modifier is allowed only before a known head word of 4+ letters.
      if (headScore > 0) {
        const further = this.bestSplit(rest, false);
        if (further) tails.push(further);
      } else if (rest.length < 4 || !this.isWord(rest)) {
        continue;
      }
      for (const tail of tails) {
        const score = headScore + tail.score;
        if (!best || score > best.score) best = { parts: [head, ...tail.parts], score };
      }
    }
    return best;
  }

  /** Known as is, or a known word of 4+ letters followed by a short (case) ending. */
  private isWord(w: string): boolean {
    if (this.known.has(w)) return true;
    for (let j = w.length - 1; j >= Math.max(4, w.length - 5); j--) {
      if (this.known.has(w.slice(0, j))) return true;
    }
    return false;
  }
}

/** The keys of a text: each word's key, and the keys of its compound parts. */
export function analyze(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    out.push(key(w));
    for (const part of lexicon.split(w)) out.push(key(part));
  }
  return out;
}

/** Distinct keys, in first-seen order. */
export function analyzeUnique(text: string, lexicon: Lexicon): string[] {
  return [...new Set(analyze(text, lexicon))];
}

/**
 * The keys of a query: each word's key, then the keys of its compound parts. Documents
 * carry both too (see `analyze`), so a document with the whole compound matches every
 * key and ranks first, and one with only the parts still matches most of them.
 */
export function analyzeQuery(text: string, lexicon: Lexicon): string[] {
  return analyzeUnique(text, lexicon);
}
