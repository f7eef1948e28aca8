import { LRUCache } from 'lru-cache';
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

/**
 * Memo of word → key for indexed text: three stemmers per word dominate indexing time.
 * Bounded (least recently used out), and never fed query or situation words: those are
 * personal data and computed afresh (see `analyzeQueryWords`).
 */
const documentKeys = new LRUCache<string, string>({ max: 100_000 });

/** How many words the memo of indexed words holds (bounded; for monitoring and tests). */
export const memoisedDocumentWords = () => documentKeys.size;

/** The key of a word: its stem cut to `KEY_LENGTH`. */
export function key(word: string): string {
  return stem(word).slice(0, KEY_LENGTH);
}

export function documentKey(word: string): string {
  let k = documentKeys.get(word);
  if (k === undefined) {
    k = key(word);
    documentKeys.set(word, k);
  }
  return k;
}

/**
 * Words longer than this are not split: no compound of the field is this long, and the
 * splitting work grows with the square of the length.
 */
export const MAX_SPLIT_LENGTH = 40;

interface Split {
  parts: string[];
  score: number;
}

/**
 * Finnish illative endings, which a word of another language may spell (English `teen`):
 * after an unknown first part they end the word, they are not its head
 * (`väkivaltaisuuteen` is not `väkivaltaisuu` + `teen`).
 */
const ILLATIVE_ENDING = /^(?:teen|seen|siin|hin)$/u;

/** A split and the number of head candidates tried to find it (bounded; see `split`). */
export interface SplitResult {
  parts: string[];
  attempts: number;
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
  /** The lexicon's whole words (not their stems) by length, for spelling. */
  private readonly wordsByLength = new Map<number, Set<string>>();
  private longestKnown = 0;
  /** Head candidates tried by every split so far: the work splitting has done. */
  splitAttempts = 0;
  /** Known words compared by every spelling lookup so far: the work spelling has done. */
  spellingComparisons = 0;
  /** Splits of indexed words; like `documentKeys`, bounded and free of query words. */
  private readonly documentSplits = new LRUCache<string, string[]>({ max: 50_000 });

  constructor(entries: Iterable<string> = []) {
    for (const e of entries) this.add(e);
  }

  add(text: string): void {
    for (const w of words(text)) {
      if (w.length < MIN_PART) continue;
      this.addKnown(w);
      this.addWholeWord(w);
      const s = fi.stem(w);
      // A stem of three letters is a word cut too short (`tönin` → `tön`), which would split `työtön` into `työ` + `tön`.
      if (s.length > MIN_PART) this.addKnown(s);
    }
    this.documentSplits.clear();
  }

  private addKnown(w: string): void {
    this.known.add(w);
    this.longestKnown = Math.max(this.longestKnown, w.length);
  }

  private addWholeWord(w: string): void {
    const sameLength = this.wordsByLength.get(w.length);
    if (sameLength) sameLength.add(w);
    else this.wordsByLength.set(w.length, new Set([w]));
  }

  /**
   * The one known word a long unknown word is a single typo away from (a letter missed,
   * added, changed or two swapped: `toimentulotuki` → `toimeentulotuki`), or `undefined`
   * when there is none or more than one. Short words are left alone: among them one typo
   * is as often another word.
   */
  spellingOf(w: string): string | undefined {
    // A known word with an ending (`väkivaltaa`) is no typo: its own key finds it best.
    if (w.length < MIN_CORRECTED || w.length > MAX_SPLIT_LENGTH || this.knowsWord(w) || this.isWord(w)) return undefined;
    let found: string | undefined;
    for (let length = w.length - 1; length <= w.length + 1; length++) {
      for (const candidate of this.wordsByLength.get(length) ?? []) {
        this.spellingComparisons++;
        if (!isOneEditApart(w, candidate)) continue;
        // The words are distinct: a second one a typo away makes the word ambiguous.
        if (found !== undefined) return undefined;
        found = candidate;
      }
    }
    return found;
  }

  get size(): number {
    return this.known.size;
  }

  /** How many splits of indexed words are memoised (bounded). */
  get memoisedSplits(): number {
    return this.documentSplits.size;
  }

  /** The parts of a compound word, or `[]` when it does not split. */
  split(word: string): string[] {
    return this.splitCounted(word).parts;
  }

  /** The parts of a word of indexed text, memoised. */
  splitDocumentWord(word: string): string[] {
    let parts = this.documentSplits.get(word);
    if (!parts) {
      parts = this.split(word);
      this.documentSplits.set(word, parts);
    }
    return parts;
  }

  /**
   * The best split by dynamic programming over the word's suffixes: each suffix is
   * solved once, so the work is at most (length × longest known word) head candidates,
   * whatever the word is made of. (Trying every split afresh is exponential in the
   * number of ways a word can be cut: `työtön` × 20 took seconds.)
   */
  splitCounted(word: string): SplitResult {
    if (word.length > MAX_SPLIT_LENGTH || word.length < 2 * MIN_PART) return { parts: [], attempts: 0 };
    const counter = { attempts: 0 };
    const suffixes = new Map<number, Split | null>();
    const best = this.bestSplitFrom(word, 0, suffixes, counter);
    this.splitAttempts += counter.attempts;
    return { parts: best?.parts ?? [], attempts: counter.attempts };
  }

  /**
   * Best split of `word.slice(start)`. At the start of the word the first part may be
   * unknown (a modifier), but only before a single known head word of 4+ letters.
   */
  private bestSplitFrom(word: string, start: number, memo: Map<number, Split | null>, counter: { attempts: number }): Split | undefined {
    const cached = memo.get(start);
    if (cached !== undefined) return cached ?? undefined;
    let best: Split | undefined;
    const first = start === 0;
    const lastHeadEnd = word.length - MIN_PART;
    // A known head is at most the longest known word; an unknown modifier may be longer.
    const longestHead = first ? lastHeadEnd - start : Math.min(lastHeadEnd - start, this.longestKnown);
    for (let len = MIN_PART; len <= longestHead; len++) {
      counter.attempts++;
      const end = start + len;
      const head = word.slice(start, end);
      const rest = word.slice(end);
      const known = this.known.has(head);
      const tails: Split[] = [];
      if (known) {
        if (this.isWord(rest)) tails.push({ parts: [rest], score: rest.length * rest.length });
        const further = this.bestSplitFrom(word, end, memo, counter);
        if (further) tails.push(further);
      } else if (first && rest.length >= 4 && !ILLATIVE_ENDING.test(rest) && this.isWord(rest)) {
        tails.push({ parts: [rest], score: rest.length * rest.length });
      }
      const headScore = known ? len * len : 0;
      for (const tail of tails) {
        const score = headScore + tail.score;
        if (!best || score > best.score) best = { parts: [head, ...tail.parts], score };
      }
    }
    memo.set(start, best ?? null);
    return best;
  }

  /**
   * How well the lexicon knows a word: 2 as a word or the stem of one, 1 as a compound of
   * known words only, 0 not at all.
   */
  knowledgeOf(w: string): number {
    if (this.knowsWord(w)) return 2;
    return this.partsOfCompound(w).length > 0 ? 1 : 0;
  }

  /** The parts of a word the lexicon knows only as a compound of known words; `[]` otherwise. */
  knownCompoundParts(w: string): string[] {
    return this.knowsWord(w) ? [] : this.partsOfCompound(w);
  }

  /** Known as a word or the stem of one. */
  private knowsWord(w: string): boolean {
    return this.known.has(w) || this.known.has(fi.stem(w));
  }

  /** The word's split when every part is a known word; `[]` otherwise. */
  private partsOfCompound(w: string): string[] {
    const parts = this.split(w);
    return parts.length > 0 && parts.every((p) => this.isWord(p)) ? parts : [];
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

/**
 * At most this many words of one text are analysed. Indexed texts are bounded by the
 * record schema (a few thousand words at most); the cap keeps any text's work bounded.
 */
export const MAX_TEXT_WORDS = 5_000;
/**
 * Words of a query (or a client situation used as one) that are analysed: the engine
 * reads only a query's first words anyway, so the rest would cost work for nothing.
 */
export const MAX_QUERY_WORDS = 64;

/** The keys of indexed text: each word's key, and the keys of its compound parts. */
export function analyze(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const w of words(text).slice(0, MAX_TEXT_WORDS)) {
    out.push(documentKey(w));
    for (const part of lexicon.splitDocumentWord(w)) out.push(documentKey(part));
  }
  return out;
}

/** Distinct keys of indexed text, in first-seen order. */
export function analyzeUnique(text: string, lexicon: Lexicon): string[] {
  return [...new Set(analyze(text, lexicon))];
}

/**
 * The keys of a query, word by word: each word's key, then the keys of its compound
 * parts, the head first. Documents carry both too (see `analyze`), so a document with
 * the whole compound matches every key and ranks first, and one with only the parts
 * still matches most of them. Nothing is memoised: a query may be a client's situation,
 * which stays in no cache.
 *
 * `headFirst` puts a compound's parts before the whole word's key: the engine keeps a
 * query's first key in every hit, so a compound no service uses as a whole
 * (`neulanvaihto`, needle exchange) finds nothing unless its parts lead.
 */
export function analyzeQueryWords(text: string, lexicon: Lexicon, { headFirst = false } = {}): string[][] {
  const budget = { candidates: MAX_RESTORATIONS };
  return [...new Set(words(text).slice(0, MAX_QUERY_WORDS))].map((typed) => {
    const w = withDiacritics(typed, lexicon, budget);
    // The head of a compound (its last part) says what it is, the modifiers what kind:
    // the engine drops a query's last keys first, so the head goes before them
    // ("nettikasino" keeps "kasino" before "netti").
    const parts = lexicon.split(w).reverse().map(key);
    return headFirst && parts.length > 0 ? [...parts, key(w)] : [key(w), ...parts];
  });
}

/**
 * The parts of a query's compounds of known words only ("sururyhmä" → suru, ryhmä; not
 * "uskalla" → usk, alla), for the reader of its intent: its cues are words, and a compound
 * of a cue and a kind of service names both.
 */
export function compoundParts(q: string, lexicon: Lexicon): string[] {
  return words(q)
    .slice(0, MAX_QUERY_WORDS)
    .flatMap((w) => lexicon.knownCompoundParts(w));
}

/** Words of this length or more may be corrected (see `Lexicon.spellingOf`). */
const MIN_CORRECTED = 9;
/** Words corrected at most per query: the work is bounded whatever the query. */
export const MAX_CORRECTED_WORDS = 8;

/**
 * A query with its long misspelt words of the field in the lexicon's spelling: the
 * engine's own typo tolerance works on keys cut to six letters, where a typo in a
 * compound's first part (`toimentulotuki`) leaves a key that matches other words
 * better than the services for it. The rest of the text is kept as typed.
 */
export function withSpelling(text: string, lexicon: Lexicon): string {
  let budget = MAX_CORRECTED_WORDS;
  return text.replace(/[\p{L}\p{N}]+/gu, (typed) => {
    const w = normalize(typed);
    if (budget === 0 || w.length < MIN_CORRECTED) return typed;
    budget--;
    return lexicon.spellingOf(w) ?? typed;
  });
}

/** Whether two words differ by one letter missed, added or changed, or two neighbours swapped (a Damerau edit, which Levenshtein counts as two). */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Spellings tried per query when restoring diacritics: the work is bounded whatever the query. */
export const MAX_RESTORATIONS = 256;
/** Letters typed without their diacritics, and what they may stand for. */
const UNMARKED = /[ao]/gu;
const MARKED: Record<string, string> = { a: 'ä', o: 'ö' };
const MAX_UNMARKED = 6;

/**
 * A word typed without `ä` or `ö` ("ystava", "yksinainen", "paihdeongelma") is read as
 * the spelling with them that the lexicon knows better, when there is one: the key of
 * "ystava" would find nothing, that of "ystävä" the services for it.
 */
export function withDiacritics(word: string, lexicon: Lexicon, budget: { candidates: number }): string {
  if (/[äöå]/u.test(word) || word.length < 4 || word.length > MAX_SPLIT_LENGTH) return word;
  const positions = [...word.matchAll(UNMARKED)].map((m) => m.index);
  if (positions.length === 0 || positions.length > MAX_UNMARKED) return word;
  let best = word;
  let bestKnowledge = lexicon.knowledgeOf(word);
  for (let mask = 1; mask < 1 << positions.length && bestKnowledge < 2 && budget.candidates > 0; mask++) {
    budget.candidates--;
    const letters = [...word];
    positions.forEach((at, k) => {
      if (mask & (1 << k)) letters[at] = MARKED[letters[at]!]!;
    });
    const candidate = letters.join('');
    const knowledge = lexicon.knowledgeOf(candidate);
    if (knowledge > bestKnowledge) [best, bestKnowledge] = [candidate, knowledge];
  }
  return best;
}
