import { fold } from '../recommend/concepts.ts';
import { MUNICIPALITIES } from '../vocabulary/index.ts';
import { key, MAX_QUERY_WORDS, normalize, words } from './analysis.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { VOCABULARY_KEYS } from './expansion.ts';

/**
 * Municipalities named in a query ("velkaneuvontaa kuopiossa", "hjälp i Helsingfors").
 * A place name says where, not what: as a word to match it would rank services with the
 * town in their name above better ones (a local housing office above the debt advice
 * line), so it is read as the place instead.
 *
 * A word names a municipality when it is the name, or its weak grade (`Turku` →
 * `turussa`, `Lahti` → `lahdessa`), with a case ending, or has the name's key (stem cut
 * short, see analysis.ts: `helsingissä`). A key that two municipalities share names
 * neither (only their names do), and a name that is also a word of the field (`Varkaus`
 * is "theft") is never taken for a place; names of several words are left to the filters.
 */

/** Finnish and Swedish case endings of a place name (`-ssa`, `-lla`, `-n`, `-s`…). */
const CASE_ENDING = /^(?:n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|on|an|än|en|in|un|yn|hin|seen|s)?$/u;
const MIN_NAME = 3;

interface Place {
  /** The name and its weak-grade stems, each followed by a case ending in an inflected form. */
  forms: string[];
  code: string;
}

/**
 * Finnish consonant gradation of a name's last syllable, strong → weak, as inflection
 * makes it (`Turku` → `Turussa`, `Hanko` → `Hangossa`, `Lahti` → `Lahdessa`, `Seinäjoki`
 * → `Seinäjoella`). Longest first: `kk` before `k`.
 */
const GRADATION: ReadonlyArray<[string, string]> = [
  ['kk', 'k'], ['pp', 'p'], ['tt', 't'], ['nk', 'ng'], ['mp', 'mm'], ['lt', 'll'], ['nt', 'nn'], ['rt', 'rr'], ['ht', 'hd'], ['rk', 'r'],
  ['k', ''], ['p', 'v'], ['t', 'd'],
];
const VOWEL = /[aeiouyäö]$/u;

/** The name's stems in the weak grade: its last consonants graded, a final `i` also as `e` (`Lahti` → `lahde`). */
function weakStems(name: string): string[] {
  const vowel = name.slice(-1);
  if (!VOWEL.test(vowel)) return [];
  const body = name.slice(0, -1);
  const grade = GRADATION.find(([strong]) => body.endsWith(strong) && VOWEL.test(body.slice(0, -strong.length)));
  if (!grade) return [];
  const weak = body.slice(0, -grade[0].length) + grade[1];
  return vowel === 'i' ? [weak + 'i', weak + 'e'] : [weak + vowel];
}

/** Keys of the field's words: the vocabulary's and the domain words used in splitting. */
function fieldKeys(): Set<string> {
  return new Set([...VOCABULARY_KEYS, ...DOMAIN_WORDS.flatMap((w) => words(w)).map(key)]);
}

function knownPlaces(spelled: (name: string) => string): { byKey: Map<string, string>; names: Place[] } {
  const field = fieldKeys();
  const codesByKey = new Map<string, Set<string>>();
  const names: Place[] = [];
  for (const m of MUNICIPALITIES) {
    for (const name of new Set([m.fi, m.sv].map((n) => spelled(normalize(n))))) {
      if (words(name).length !== 1 || name.length < MIN_NAME) continue;
      const k = key(name);
      codesByKey.set(k, (codesByKey.get(k) ?? new Set()).add(m.code));
      if (!field.has(k)) names.push({ forms: [name, ...weakStems(name)], code: m.code });
    }
  }
  const unambiguous = new Set([...codesByKey].filter(([k, codes]) => codes.size === 1 && !field.has(k)).map(([k]) => k));
  return {
    byKey: new Map([...codesByKey].filter(([k]) => unambiguous.has(k)).map(([k, codes]) => [k, [...codes][0]!])),
    names,
  };
}

const PLACES = knownPlaces((name) => name);
/** The names without their diacritics, as typed on a keyboard without them: `jyvaskyla`, `hameenlinnassa`. */
const PLACES_WITHOUT_DIACRITICS = knownPlaces(fold);

/** The municipality code a query word names, if it names one (with or without its diacritics). */
export function placeNamed(word: string): string | undefined {
  const w = normalize(word);
  return placeIn(PLACES, w) ?? (fold(w) === w ? placeIn(PLACES_WITHOUT_DIACRITICS, w) : undefined);
}

function placeIn(places: ReturnType<typeof knownPlaces>, w: string): string | undefined {
  const byKey = places.byKey.get(key(w));
  if (byKey) return byKey;
  return places.names.find((p) => p.forms.some((f) => w.startsWith(f) && CASE_ENDING.test(w.slice(f.length))))?.code;
}

/**
 * The query's words that name no place, and the first municipality it names. Only the
 * words a query is analysed by are read (a client's note runs to thousands of words).
 */
export function splitPlace(q: string): { rest: string; municipality?: string } {
  let municipality: string | undefined;
  const rest: string[] = [];
  for (const w of words(q).slice(0, MAX_QUERY_WORDS)) {
    const code = placeNamed(w);
    if (code) municipality ??= code;
    else rest.push(w);
  }
  return { rest: rest.join(' '), ...(municipality ? { municipality } : {}) };
}
