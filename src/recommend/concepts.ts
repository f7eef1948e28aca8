import snowball from 'snowball-stemmers';
import { normalize } from '../search/analysis.ts';

/**
 * The domain lexicon for reading referral notes: cue expressions, in Finnish, Swedish and
 * English, that describe client SITUATIONS (not only the names of service categories),
 * grouped by the concept they signal (a need, an urgency level, an access condition, a
 * target group), and the matcher that finds them in free text.
 *
 * Finnish inflects and compounds heavily, so a cue is written as word patterns rather than
 * as words, and each pattern is tested against every word of the text:
 *
 * - `velka*`   prefix: the word starts with `velka` (`velkaa`, `velkaantunut`). A prefix of
 *              six letters or more also matches as the head of a compound, after a
 *              modifier of three letters or more (`lähisuhdeväkivalta`, `nettikasinolla`);
 * - `^asun*`   prefix only at the start of the word, never inside a compound;
 * - `*velka*`  anywhere inside the word (`nettikasinovelkaa`);
 * - `+varkau*` only inside a compound, after a modifier (`murtovarkaus`, not the town `Varkaus`);
 * - `*lasku`   the word ends with it (`puhelinlasku`);
 * - `kadulla`  this word form and the other inflected forms of the same word (`kaduilla`),
 *              for forms of five letters or more (see `exactOrInflected`);
 * - `=juo`     exactly this word form;
 * - `*`        standing alone between patterns: more words may come between (up to four);
 * - `NEG`      a negation word (`ei`, `eikä`, `ettei`, `inte`, `no`, `not`…), also as one of
 *              a word's alternatives (`NEG|vähän`);
 * - `a|b*`     alternatives for one word.
 *
 * A phrase is patterns separated by spaces; it matches words in this order within one
 * sentence, with at most two other words between consecutive ones, so that each word may
 * inflect and a short modifier may come between (`laskut ovat rästissä`). Consonant
 * gradation (`velka`/`velan`, `väkivalta`/`väkivallan`) is written out as alternatives.
 *
 * Text and patterns are compared in lower case with diacritics removed (`ä` → `a`), so
 * notes typed without Finnish letters match as well.
 *
 * Negation: a cue occurrence does not count when a negation word stands before it in the
 * same clause, separated only by "carrier" words (`ei ole käyttänyt päihteitä`, `no drug
 * use`, `inga tecken på missbruk`), when a negation follows it as the predicate
 * (`väkivaltaa ei ole ollut`), or when the matched word is a caritive adjective
 * (`päihteetön`, `alkoholiton`). Verbs of telling, wanting or knowing are not carriers, so
 * `ei uskalla kertoa väkivallasta` still signals violence. A cue that contains `NEG` itself
 * (`ei ole missä nukkua`) is never negated.
 *
 * Cue ids are fixed identifiers of this lexicon: they are what a reading reports, never
 * the client's own words.
 */

// ---------------------------------------------------------------------------------------
// Matcher
// ---------------------------------------------------------------------------------------

/**
 * What an occurrence of a cue says about urgency, apart from the concept it signals:
 * - `acute`: danger or crisis today on its own (suicidal thoughts, nowhere to sleep tonight);
 * - `recentAcute`: acute when it happened just now (a `recent` cue in the same sentence),
 *   for events such as an assault, a rape, an eviction or a death;
 * - `soon`: calls for help within days (an eviction notice, food running out);
 * - `physical`: physical or sexual violence, which fear of the perpetrator makes acute;
 * - `recent`: a time expression for today, last night or yesterday;
 * - `now`: the writer tells the hour of writing, which makes every event told in the
 *   note recent, unless a `past` expression puts it long ago;
 * - `fear`: the client is afraid;
 * - `past`: a time expression for long ago (`vuosia sitten`), which makes events told
 *   in its sentence part of the client's history, not of today;
 * - `time`: the cue is a time expression, which a negated predicate after it does not
 *   negate: in `tälle yölle ei ole paikkaa` the negation is about the place;
 * - `sign`: a sign of the need that only some of its services deal with (clean needles
 *   are harm reduction's), not a word for the need: search does not expand every
 *   service for the need with it (see expansion.ts).
 */
export type Tag = 'acute' | 'recentAcute' | 'soon' | 'physical' | 'recent' | 'now' | 'fear' | 'past' | 'time' | 'sign';

export interface CueSpec {
  /** Fixed lexicon identifier, `<concept>.<name>`. */
  id: string;
  /** How surely the cue alone signals its concept, 0..1. */
  strength: number;
  phrases: string[];
  tags: readonly Tag[];
}

/** Strengths: a STRONG cue alone settles a concept, a WEAK one needs company. */
export const STRONG = 0.9;
export const CLEAR = 0.75;
export const MEDIUM = 0.6;
export const FAIR = 0.45;
export const WEAK = 0.3;
export const HINT = 0.2;

/** Lower case, Unicode-normalised, diacritics removed: `Väkivalta` → `vakivalta`. */
export function fold(text: string): string {
  return normalize(text).normalize('NFD').replace(/\p{M}/gu, '');
}

const foldedSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean).map(fold));

/**
 * Negation words. `ole` is the verb form that only follows a negation (`ei ole`, `en ole`).
 * Verbs of denial count as one (`kieltää itsetuhoiset ajatukset`, `väkivaltaa kysytty, kiistää`).
 */
const NEGATIONS = foldedSet(`
  ei eikä en enkä et etkä emme emmekä ette ettekä eivät eivätkä ettei jottei ole
  inte ej ingen inga inget aldrig utan varken
  no not never without nor none denies denied deny cannot
  kieltää kielsi kieltänyt kiistää kiisti kiistänyt förnekar förnekade nekar`);

/**
 * Words that may stand between a negation and the negated cue: auxiliaries, verbs of use
 * and occurrence, of thinking of something (`en ajattele itsetuhoa` denies the thought),
 * quantifiers, the subject pronoun (`en mä mitään … oo miettiny`) and the like. Anything
 * else ends the negation's reach.
 */
const CARRIERS = foldedSet(`
  ajattele ajatellut ajatelleet mieti miettinyt suunnittele suunnitellut harkitse harkinnut
  ole ollut olla olleet käytä käyttänyt käyttäneet käytetty juo juonut pelaa pelannut
  koskaan enää lainkaan yhtään mitään mitenkään juurikaan kuitenkaan myöskään ilmene ilmennyt esiinny esiintynyt
  havaittu havaita todettu tiedossa tiedetä viitteitä viitettä merkkejä näyttöä
  kokenut kokeneet kokea joutunut joutuneet kohdannut muita muuta muihin mitkään aiempia aikaisempia aiemmin
  fyysistä fyysinen henkistä minkäänlaista mitään sellaista varsinaista akuuttia selvää
  nykyisin tällä hetkellä hetkellä
  har hade haft varit finns fanns förekommer använder använt dricker druckit några något
  någon ett tecken på av heller längre fysiskt psykiskt
  has have had been is was are were be any signs sign of history evidence reported use uses
  using used drink drinks does did do current currently known a an significant other any experienced
  minä mä sinä sä hän se me te he ne`);

/** Spoken past participles (`miettiny`, `pelannu`, `ollu`) are carriers where their written form (`-nyt`) is. */
const isCarrier = (word: string): boolean => CARRIERS.has(word) || (/[nlrs][uy]$/.test(word) && CARRIERS.has(`${word}t`));

/**
 * Coordinators: `ei alkoholia tai huumeita` negates both items. `ja` and its like are
 * not among them: under a negation Finnish coordinates with `tai` or `eikä`, and `ja`
 * mostly joins a new clause (`ei ole tekemistä ja yksinäisyys painaa`).
 */
const COORDINATORS = foldedSet('tai eikä eller or nor');
const AND = foldedSet('ja och and');
const IS = foldedSet('on ovat oli olivat är var is are was were');

/**
 * `ja` opening a clause of its own, with a verb of being in its next two words: a
 * negation's reach ends there (`velkoja ei ole ja asunto on kunnossa` has a home), while
 * it goes on over coordinated nouns (`ei osaa työnhakua ja Kelan hakemuksia`).
 */
function opensClauseWithVerb(tokens: Token[], at: number): boolean {
  if (!AND.has(tokens[at]!.word)) return false;
  return [1, 2].some((k) => tokens[at + k]?.sentence === tokens[at]!.sentence && IS.has(tokens[at + k]!.word));
}

/** After a cue, a negation with one of these negates it as a predicate: `väkivaltaa ei ole ollut`. */
const POST_PREDICATES = foldedSet(`
  ole ollut käytä käyttänyt ilmene ilmennyt ilmaissut ilmaise esiinny havaittu todettu tiedossa usko vaikuta
  liity liittynyt
  förekommer förekom finns fanns`);

/** Caritive adjectives (`päihteetön`, `alkoholiton`, `väkivallattomasti`). */
const CARITIVE = /^\p{L}{0,3}?(?:ton(?:ta|na)?|ttom\p{L}*)$/u;

const PHRASE_GAP = 2;
const WIDE_GAP = 4;
const PRE_NEGATION_REACH = 5;
/** A compound's modifier must be this long before a prefix may match inside the word. */
const MIN_MODIFIER = 3;
const MIN_INFIX_PREFIX = 6;

export interface Token {
  word: string;
  sentence: number;
  clause: number;
}

const SENTENCE_END = /^[.!?;\n]$/;
/** Words (hyphenated compounds stay whole: `ruoka-apu`, `ms-tauti`) and punctuation. */
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[.!?;\n,:()[\]"“”«»–—]/gu;
/** Words that open a new clause (negation does not reach over them). */
const CLAUSE_OPENERS = foldedSet(`
  mutta vaan koska kun jos että vaikka joten jolloin sillä
  men eftersom när om att fast medan
  but because when if that although while since`);

/** English negated auxiliaries as words of their own: `can't` → `ca not`, `cannot` → `can not`. */
function expandContractions(text: string): string {
  return text.replace(/n['’]t(?![\p{L}])/gu, ' not').replace(/(?<![\p{L}])cannot(?![\p{L}])/gu, 'can not');
}

/**
 * Spoken Finnish, as relatives and young people write it, in its written forms (folded):
 * `ei oo` → `ei ole`, `mun tietääkseni` → `minun tietääkseni`. Inflected forms such as
 * `juonu` need no entry: they share the written form's stem (see `exactOrInflected`).
 */
const SPOKEN_FORMS = new Map(
  Object.entries({
    oo: 'ole', oon: 'olen', oot: 'olet', ollu: 'ollut', tullu: 'tullut', ois: 'olisi',
    mun: 'minun', mulla: 'minulla', mulle: 'minulle', multa: 'minulta', musta: 'minusta',
    sun: 'sinun', sulla: 'sinulla', mitaa: 'mitaan',
    pitais: 'pitaisi', vois: 'voisi', haluis: 'haluaisi', tarttis: 'tarvitsisi',
  }),
);

/**
 * Spoken `et` before a subject or a verb that no second person takes is `että` (that),
 * not the negation `et` (you do not): `laitto viestin et se ottaa kaikki lääkkeet`.
 */
function spokenThat(folded: string): string {
  return folded.replace(/(?<![\p{L}])et(?=\s+(?:se|ne|han|ma|maa|mina|me|he|ei|en|on|oli|oon|olis|ois|jos|kun)(?![\p{L}]))/gu, 'etta');
}

/**
 * Swedish `att` and `fast` that open no clause: the infinitive after a negative pronoun
 * (`har ingen att prata med`, `inget att äta`) and `fast` as "fixed" (`utan fast bostad`),
 * where a clause opener would end the negation they belong to.
 */
const NEGATIVE_PRONOUNS = foldedSet('ingen inget inga ingenting ingenstans');
const FIXED_THINGS = foldedSet('adress bostad boende jobb arbete anställning inkomst');

function opensClause(word: string, previous: string | undefined, next: string | undefined): boolean {
  if (word === 'att' && previous !== undefined && NEGATIVE_PRONOUNS.has(previous)) return false;
  if (word === 'fast' && next !== undefined && FIXED_THINGS.has(next)) return false;
  return CLAUSE_OPENERS.has(word) || word === 'ettei' || word === 'eika';
}

/** The words of a text with their sentence and clause numbers. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  const parts = [...spokenThat(expandContractions(fold(text))).matchAll(TOKEN)].map((m) => SPOKEN_FORMS.get(m[0]) ?? m[0]);
  parts.forEach((t, i) => {
    if (SENTENCE_END.test(t)) {
      sentence++;
      clause++;
    } else if (!/[\p{L}\p{N}]/u.test(t)) {
      clause++;
    } else {
      if (opensClause(t, parts[i - 1], parts[i + 1])) clause++;
      tokens.push({ word: t, sentence, clause });
    }
  });
  return tokens;
}

/** Tests a word; returns where the matched part ends in the word, or -1. */
type WordTest = (word: string) => number;

interface CompiledToken {
  test: WordTest;
  /** The part after the match is checked for a caritive ending. */
  open: boolean;
  negation: boolean;
  /** How many other words may stand between this word and the previous one. */
  gap: number;
}

function compileAlternative(alt: string): { test: WordTest; open: boolean } {
  if (alt.startsWith('=')) {
    const form = fold(alt.slice(1));
    return { test: (w) => (w === form ? w.length : -1), open: false };
  }
  const atStart = alt.startsWith('^');
  const inside = alt.startsWith('+');
  const body = atStart || inside ? alt.slice(1) : alt;
  const leading = body.startsWith('*');
  const trailing = body.endsWith('*') && body.length > 1;
  const s = fold(body.replace(/^\*|\*$/g, ''));
  if (leading && trailing) {
    return { test: (w) => { const i = w.indexOf(s); return i < 0 ? -1 : i + s.length; }, open: true };
  }
  if (leading) return { test: (w) => (w.endsWith(s) ? w.length : -1), open: false };
  if (inside) {
    return { test: (w) => { const i = w.indexOf(s, MIN_MODIFIER); return i < 0 ? -1 : i + s.length; }, open: true };
  }
  if (trailing) {
    const inCompounds = !atStart && s.length >= MIN_INFIX_PREFIX;
    const sameWord = sameStemAs(s);
    return {
      test: (w) => {
        if (w.startsWith(s)) return s.length;
        if (sameWord(w)) return w.length;
        if (!inCompounds) return -1;
        const i = w.indexOf(s, MIN_MODIFIER);
        return i < 0 ? -1 : i + s.length;
      },
      open: true,
    };
  }
  return { test: exactOrInflected(s), open: false };
}

const finnish = snowball.newStemmer('finnish');
const stems = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;

function finnishStem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = finnish.stem(word);
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Words of this length or more listed as exact forms also match their other inflected forms. */
const MIN_INFLECTED_FORM = 5;
const MIN_INFLECTED_STEM = 4;

/**
 * A prefix that is a whole word (`kaveri*`) also matches the forms whose stem differs
 * from it (`kavereiden`, plural stem `kavere-`): the same Snowball stem of five letters
 * or more (shorter stems of prefixes join unrelated words once diacritics are folded).
 */
const MIN_PREFIX_STEM = 5;

function sameStemAs(prefix: string): (w: string) => boolean {
  const stem = prefix.length >= MIN_INFLECTED_FORM ? finnishStem(prefix) : '';
  if (stem.length < MIN_PREFIX_STEM || stem === prefix) return () => false;
  const start = stem.slice(0, 3);
  return (w) => w.length >= MIN_INFLECTED_FORM && w.startsWith(start) && finnishStem(w) === stem;
}

/**
 * An exact word form, and the other forms of the same Finnish word: a listed `kadulla`
 * also matches `kaduilla`, `sohvalla` matches `sohvilla` (same Snowball stem). Short
 * forms stay exact (`juo`, `lyö`, `ei`): their stems would join unrelated words.
 */
function exactOrInflected(form: string): WordTest {
  const stem = form.length >= MIN_INFLECTED_FORM ? finnishStem(form) : '';
  if (stem.length < MIN_INFLECTED_STEM) return (w) => (w === form ? w.length : -1);
  const start = stem.slice(0, 3);
  return (w) => (w === form || (w.length >= MIN_INFLECTED_FORM && w.startsWith(start) && finnishStem(w) === stem) ? w.length : -1);
}

const NEGATION_WORD = { test: (w: string) => (NEGATIONS.has(w) ? w.length : -1), open: false };

function compileToken(pattern: string, gap: number): CompiledToken {
  const parts = pattern.split('|');
  const alts = parts.map((p) => (p === 'NEG' ? NEGATION_WORD : compileAlternative(p)));
  // The alternative matching the most of the word wins, so that a caritive remainder
  // left by a short alternative (`asunno*` in `asunnoton`) does not hide a longer one.
  return {
    test: (w) => {
      let best = -1;
      for (const a of alts) best = Math.max(best, a.test(w));
      // A hyphenated compound (`kela-papereiden`) ends in its head word.
      const hyphen = w.lastIndexOf('-');
      if (best < 0 && hyphen > 0) {
        const head = w.slice(hyphen + 1);
        for (const a of alts) if (a.test(head) >= 0) best = w.length;
      }
      return best;
    },
    open: alts.some((a) => a.open),
    negation: parts.includes('NEG'),
    gap,
  };
}

interface CompiledPhrase {
  tokens: CompiledToken[];
  ownNegation: boolean;
}

/** A lone `*` between patterns widens the gap allowed there (it may also be empty). */
function compilePhrase(phrase: string): CompiledPhrase {
  const tokens: CompiledToken[] = [];
  let gap = PHRASE_GAP;
  for (const part of phrase.trim().split(/\s+/)) {
    if (part === '*') {
      gap = WIDE_GAP;
      continue;
    }
    tokens.push(compileToken(part, gap));
    gap = PHRASE_GAP;
  }
  return { tokens, ownNegation: tokens.some((t) => t.negation) };
}

interface Occurrence {
  start: number;
  end: number;
  /** Where the phrase's words after the first one stand. */
  inner: number[];
  caritive: boolean;
}

function* occurrences(phrase: CompiledPhrase, tokens: Token[]): Generator<Occurrence> {
  const [first, ...rest] = phrase.tokens;
  if (!first) return;
  for (let i = 0; i < tokens.length; i++) {
    const w0 = tokens[i]!.word;
    const end0 = first.test(w0);
    if (end0 < 0) continue;
    let caritive = first.open && CARITIVE.test(w0.slice(end0));
    let at = i;
    // A negation reaches no further than its clause: in `ei ole kyse, hän pelaa tietokonepelejä` nothing is denied of computers.
    let negatedClause = NEGATIONS.has(w0) ? tokens[i]!.clause : undefined;
    const inner: number[] = [];
    let ok = true;
    for (const next of rest) {
      let found = -1;
      for (let j = at + 1; j <= at + 1 + next.gap && j < tokens.length; j++) {
        if (tokens[j]!.sentence !== tokens[i]!.sentence) break;
        if (phrase.ownNegation && opensClauseWithVerb(tokens, j)) break;
        if (negatedClause !== undefined && !next.negation && tokens[j]!.clause !== negatedClause) {
          if (!asksAfterNegation(tokens, j, negatedClause)) break;
          negatedClause = tokens[j]!.clause;
        }
        const e = next.test(tokens[j]!.word);
        if (e >= 0) {
          found = j;
          caritive ||= next.open && CARITIVE.test(tokens[j]!.word.slice(e));
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
      if (NEGATIONS.has(tokens[found]!.word)) negatedClause = tokens[found]!.clause;
      inner.push(found);
    }
    if (ok) yield { start: i, end: at, inner, caritive };
  }
}

/** Words that open a question as the object of a verb: `en tiedä, miten toimia`, `vet inte vart`, `don't know where`. */
const QUESTION_WORDS = foldedSet(`
  mitä miten mistä minne mihin missä kenelle keneltä kenen kuka kuinka mikä mitkä onko voiko saako pitäisikö
  vad hur var vart vem om
  what how where who whom whether`);

/**
 * Whether the word at `at` stands in the clause right after the negated one, and that
 * clause is a question the negated verb asks: the negation reaches into it (`en tiedä,
 * miten toimia` denies knowing how), as into no other clause.
 */
function asksAfterNegation(tokens: Token[], at: number, negatedClause: number): boolean {
  const clause = tokens[at]!.clause;
  if (clause !== negatedClause + 1) return false;
  let first = at;
  while (first > 0 && tokens[first - 1]!.clause === clause) first--;
  return QUESTION_WORDS.has(tokens[first]!.word);
}

/** A negation before the occurrence, reaching it over carrier words only. */
function negatedBefore(tokens: Token[], start: number): boolean {
  const clause = tokens[start]!.clause;
  let p = start - 1;
  for (let steps = 0; p >= 0 && steps < PRE_NEGATION_REACH; steps++) {
    const t = tokens[p]!;
    if (t.clause !== clause) return false;
    if (NEGATIONS.has(t.word)) return true;
    if (COORDINATORS.has(t.word)) p -= 2; // skip the coordinated item before it
    else if (isCarrier(t.word)) p -= 1;
    else return false;
  }
  return false;
}

/** A negated predicate after the occurrence: `väkivaltaa ei ole ollut`, `våld förekommer inte`. */
function negatedAfter(tokens: Token[], end: number): boolean {
  const clause = tokens[end]!.clause;
  const at = (k: number): string | undefined => {
    const t = tokens[end + k];
    return t && t.clause === clause ? t.word : undefined;
  };
  const negatedFrom = (k: number): boolean => {
    const a = at(k);
    if (a === undefined) return false;
    if (NEGATIONS.has(a) && a !== 'ole') {
      // `päihteitä ei tiettävästi käytä`, `vaaraa ei tällä hetkellä ole`: hedges between the negation and its verb.
      const verb = afterHedges(at, k + 1);
      const b = at(verb);
      return b === undefined || (POST_PREDICATES.has(b) && !pending(at(verb + 1)));
    }
    const b = at(k + 1);
    if (POST_PREDICATES.has(a) && b !== undefined && NEGATIONS.has(b)) return true;
    // Swedish puts the subject after the verb: `självmordstankar har jag inte`.
    return INVERTING_VERBS.has(a) && SUBJECT_PRONOUNS.has(b ?? '') && NEGATIONS.has(at(k + 2) ?? '');
  };
  // Coordinated items share the predicate: `väkivaltaa tai päihteitä ei ole`.
  let k = 1;
  while (k < 1 + 2 * MAX_COORDINATED && COORDINATORS.has(at(k) ?? '') && at(k + 1) !== undefined) k += 2;
  // The cue may modify the noun the predicate is about: `itsetuhoisia ajatuksia ei ole`.
  return negatedFrom(k) || (at(k) !== undefined && !NEGATIONS.has(at(k)!) && negatedFrom(k + 1));
}

/** Swedish verbs and the subjects that follow them when an object comes first. */
const INVERTING_VERBS = foldedSet('har hade är var finns fanns');
const SUBJECT_PRONOUNS = foldedSet('jag du han hon hen vi ni de det man');

/** Items coordinated after a cue that a negated predicate may follow. */
const MAX_COORDINATED = 2;

/** Words that may stand between a negation and its verb after a cue. */
const HEDGES = foldedSet(
  'tiettävästi kuulemma juurikaan enää lainkaan ollenkaan koskaan nykyään nykyisin nyt tällä hetkellä itse säännöllisesti kysyttäessä ' +
    'minun meidän tietääkseni tietääksemme käsittääkseni',
);
/** Postpositions that name a source with the word before them: `ei asiakkaan mukaan ole`, `ei hänen mukaansa ole`. */
const ACCORDING_TO = foldedSet('mukaan mukaansa');
const MAX_HEDGE_WORDS = 2;

/** The position of the first word from `from` on that is no hedge nor a named source. */
function afterHedges(at: (k: number) => string | undefined, from: number): number {
  let k = from;
  while (k < from + MAX_HEDGE_WORDS) {
    if (HEDGES.has(at(k) ?? '')) k += 1;
    else if (ACCORDING_TO.has(at(k + 1) ?? '')) k += 2;
    else break;
  }
  return k;
}

/**
 * `vuokraa ei ole (vielä) maksettu`, `toimeentulotukea ei ole hakenut`, `asianajajaan ei ole
 * varaa`: the negation is of what was done with it, so the thing is pending, not absent. A passive participle that
 * is itself a finding (`ei ole todettu`) still negates, and so do other verbs
 * (`nuorin ei ole puhunut` says nothing against the youngest).
 */
function pending(word: string | undefined): boolean {
  return word !== undefined && (PENDING.has(word) || (PASSIVE_PARTICIPLE.test(word) && !POST_PREDICATES.has(word)));
}
const PENDING = foldedSet('vielä vieläkään hakenut saanut maksanut varaa');
const PASSIVE_PARTICIPLE = /tt?[uy]$/u;

/**
 * Right after a cue (or its verb `on`), these say it is moderate or in order, no problem:
 * `juo harvoin`, `käyttää alkoholia kohtuudella`, `asunto on kunnossa`.
 */
const MODERATELY = foldedSet(`
  harvoin kohtuudella kohtuullisesti satunnaisesti kunnossa järjestyksessä turvattu
  sällan måttligt ordnat ordnad rarely occasionally moderately fine sorted secure`);

/** Words that, negated in the clause right after a cue, say it is no problem: `alkoholia käyttää vähän, ei ongelmaa`. */
const NO_PROBLEM = foldedSet(`
  ongelma ongelmaa ongelmia ongelmallista huolta huolestuttavaa hallitsematonta
  problem problemet problems issue issues concern`);
const NO_PROBLEM_REACH = 4;

/** `…, ei ongelmaa` or `(no problem)` within a few words after the occurrence, in its sentence. */
function saidToBeNoProblem(tokens: Token[], end: number): boolean {
  const sentence = tokens[end]!.sentence;
  for (let p = end + 1; p < tokens.length - 1 && p <= end + NO_PROBLEM_REACH; p++) {
    if (tokens[p]!.sentence !== sentence) return false;
    if (NEGATIONS.has(tokens[p]!.word) && NO_PROBLEM.has(tokens[p + 1]!.word) && tokens[p + 1]!.sentence === sentence) return true;
  }
  return false;
}

/** One of the next two words, in its clause, says it is moderate or in order (`juo harvoin`, `asunto on kunnossa`). */
function saidModerate(tokens: Token[], end: number): boolean {
  return [1, 2].some((k) => {
    const next = tokens[end + k];
    return next !== undefined && next.clause === tokens[end]!.clause && MODERATELY.has(next.word);
  });
}

/**
 * The next clause is a bare negated predicate that answers for the cue: `itsetuhoisuutta
 * kysytty, ei ole`, `väkivaltaa? ei ole ollut`. A clause with anything more (`juo paljon,
 * ei ole töissä`) is about something else.
 */
function answeredNo(tokens: Token[], end: number): boolean {
  const { sentence, clause } = tokens[end]!;
  let start = end + 1;
  while (start < tokens.length && tokens[start]!.clause === clause) start++;
  if (start >= tokens.length || tokens[start]!.sentence !== sentence) return false;
  const next: string[] = [];
  for (let p = start; p < tokens.length && tokens[p]!.clause === tokens[start]!.clause; p++) next.push(tokens[p]!.word);
  return NEGATIONS.has(next[0]!) && next.every((w) => NEGATIONS.has(w) || POST_PREDICATES.has(w) || HEDGES.has(w));
}

/**
 * A later word of a phrase in a clause of its own that a negation opens: in `nukkuu
 * päivät, ei käy ulkona` the phrase `nukkuu … ulkona` reaches into a negated clause.
 */
function inNegatedClause(tokens: Token[], start: number, p: number): boolean {
  const clause = tokens[p]!.clause;
  if (clause === tokens[start]!.clause) return false;
  let first = p;
  while (first > 0 && tokens[first - 1]!.clause === clause) first--;
  return NEGATIONS.has(tokens[first]!.word) && tokens[first]!.word !== 'ole';
}

/**
 * An occurrence is negated when a negation reaches its first word or any later word of
 * the phrase (`pelaa tietokonepelejä (ei rahapelejä)` is no gambling), when a negated
 * predicate follows it, or when the next clause says it is no problem.
 */
function isNegated(phrase: CompiledPhrase, tokens: Token[], occ: Occurrence, timeExpression: boolean): boolean {
  if (phrase.ownNegation) return false;
  return (
    occ.caritive ||
    negatedBefore(tokens, occ.start) ||
    occ.inner.some((p) => negatedBefore(tokens, p) || inNegatedClause(tokens, occ.start, p)) ||
    (!timeExpression && (negatedAfter(tokens, occ.end) || saidToBeNoProblem(tokens, occ.end) || answeredNo(tokens, occ.end) || saidModerate(tokens, occ.end)))
  );
}

/** A cue found (not negated) in a text. */
export interface CueHit {
  id: string;
  concept: string;
  strength: number;
  tags: readonly Tag[];
  /** Index of the first word of the first occurrence. */
  position: number;
  /** Sentences in which it occurs. */
  sentences: ReadonlySet<number>;
}

interface CompiledCue {
  spec: CueSpec;
  concept: string;
  phrases: CompiledPhrase[];
}

/** A compiled set of cues, grouped by concept. */
export class CueMatcher {
  private readonly cues: CompiledCue[];

  constructor(groups: Record<string, CueSpec[]>) {
    this.cues = Object.entries(groups).flatMap(([concept, specs]) =>
      specs.map((spec) => ({ spec, concept, phrases: spec.phrases.map(compilePhrase) })),
    );
  }

  match(tokens: Token[]): CueHit[] {
    const hits: CueHit[] = [];
    for (const cue of this.cues) {
      let position = Infinity;
      const sentences = new Set<number>();
      for (const phrase of cue.phrases) {
        for (const occ of occurrences(phrase, tokens)) {
          if (isNegated(phrase, tokens, occ, cue.spec.tags.includes('time'))) continue;
          position = Math.min(position, occ.start);
          sentences.add(tokens[occ.start]!.sentence);
        }
      }
      if (sentences.size > 0) {
        hits.push({ id: cue.spec.id, concept: cue.concept, strength: cue.spec.strength, tags: cue.spec.tags, position, sentences });
      }
    }
    return hits;
  }
}

/** All cue ids of a lexicon group, for checks that ids are unique. */
export function cueIds(groups: Record<string, CueSpec[]>): string[] {
  return Object.values(groups).flatMap((specs) => specs.map((s) => s.id));
}

// ---------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------
//
// Authoring convention: `c(name, strength, 'phrase, phrase, …', ...tags)`. A comma and a
// space separate phrases; within a phrase, spaces separate words and `|` separates the
// alternatives for one word. So `'lasku|laskut rästissä|perinnässä, maksamatta'` is two
// phrases: a bill word followed by an arrears word, or the single word `maksamatta`.

type Draft = Omit<CueSpec, 'id'> & { name: string };

/** A cue: name, strength, phrases (see the convention above), urgency tags. */
function c(name: string, strength: number, phrases: string, ...tags: Tag[]): Draft {
  return { name, strength, phrases: phrases.split(/,\s+/).map((p) => p.trim()).filter(Boolean), tags };
}

function concepts(drafts: Record<string, Draft[]>): Record<string, CueSpec[]> {
  return Object.fromEntries(
    Object.entries(drafts).map(([code, list]) => [code, list.map(({ name, ...rest }) => ({ id: `${code}.${name}`, ...rest }))]),
  );
}

/** Children of the household (family context, not the client). One word's alternatives. */
const CHILDREN =
  'lapsi|lapset|lapsia|lapsen|lapsensa|lapsemme|lapsiaan|lapsille|lapsilla|lapsilta|lapsista|lapsesta|' +
  'lapselle|lapsella|lapselta|lasta|lasten|lastensa|lapsineen|vauva*|barn|barnen|barnet|children|kids|child|baby';

/** Paying for a service, or the services one pays for: `ei ole rahaa maksaa terapiasta`. One word's alternatives. */
const PAID_SERVICE = 'maksaa|yksityise*|terapia*|terapeut*|lääkäri*|psykologi*|lakimie*|asianajaj*|palvelu*|hoitoon|hoidosta';

/** Family members, as objects of care or as the ones with a problem. One word's alternatives. */
const KIN =
  'puoliso*|miestä*|miehe*|vaimo*|kumppani*|avopuoliso*|aviomie*|äiti*|äidi*|isä*|isää*|poika*|poja*|' +
  'tytär*|tyttär*|lapse*|lasta*|vanhemp*|vanhemma*|sisar*|sisko*|velje*|veli*|mummo*|ukki*|pappa*|appi*|anoppi*';

/** One word's alternatives, each matching only this exact form (`=`, see the matcher's syntax). */
const exactForms = (forms: string[]): string => forms.map((form) => `=${form}`).join('|');

/**
 * Family members as the ones cared for, helped or whose affairs are handled (`hoitaa
 * äitiään`, `huolehtii isästään`, `hoitaa äidin asiat`), as exact forms: the nominative
 * names the one who cares (`pankkiasiat on hoitanut tytär`: the daughter helps the
 * client), and a pattern for the other forms would match it by their shared stem.
 */
const KIN_CARED_FOR = exactForms([
  'äitiä', 'äitiään', 'äitiäni', 'äidistä', 'äidistään', 'äidistäni', 'äidin',
  'isää', 'isäänsä', 'isääni', 'isästä', 'isästään', 'isästäni', 'isän',
  'puolisoa', 'puolisoaan', 'puolisoani', 'puolisosta', 'puolisostaan', 'puolisostani', 'puolison',
  'avopuolisoa', 'avopuolisoaan', 'avopuolisosta', 'avopuolisostaan', 'avopuolison',
  'miestä', 'miestään', 'miestäni', 'miehestä', 'miehestään', 'miehestäni', 'miehen',
  'aviomiestä', 'aviomiestään', 'aviomiehestä', 'aviomiehestään', 'aviomiehen',
  'vaimoa', 'vaimoaan', 'vaimoani', 'vaimosta', 'vaimostaan', 'vaimostani', 'vaimon',
  'kumppania', 'kumppaniaan', 'kumppanista', 'kumppanistaan', 'kumppanin',
  'poikaa', 'poikaansa', 'poikaani', 'pojasta', 'pojastaan', 'pojastani', 'pojan',
  'tytärtä', 'tytärtään', 'tytärtäni', 'tyttärestä', 'tyttärestään', 'tyttärestäni', 'tyttären',
  'lasta', 'lastaan', 'lastani', 'lapsia', 'lapsiaan', 'lapsiani', 'lapsesta', 'lapsestaan', 'lapsista', 'lapsistaan', 'lapsen', 'lasten',
  'vanhempia', 'vanhempiaan', 'vanhempiani', 'vanhemmista', 'vanhemmistaan', 'vanhempien',
  'siskoa', 'siskoaan', 'siskosta', 'siskostaan', 'siskon', 'sisarta', 'sisartaan', 'sisaresta', 'sisarestaan', 'sisaren',
  'veljeä', 'veljeään', 'veljestä', 'veljestään', 'veljen', 'mummoa', 'mummoaan', 'mummosta', 'mummon',
  'appea', 'appeaan', 'anoppia', 'anoppiaan', 'apen', 'anopin',
]);

/**
 * Family members as the ones lost, in the object forms `menettää` takes (`menetti
 * äitinsä`, `menetin puolisoni`, `menetti veljen`): not the nominative plural, so that
 * `menetän hermot, ja lapset näkevät sen` (losing one's temper) is no bereavement.
 */
const KIN_LOST = exactForms([
  'äitinsä', 'äitini', 'äidin', 'isänsä', 'isäni', 'isän', 'puolisonsa', 'puolisoni', 'puolison', 'miehensä', 'mieheni', 'miehen',
  'vaimonsa', 'vaimoni', 'vaimon', 'poikansa', 'poikani', 'pojan', 'tyttärensä', 'tyttäreni', 'tyttären', 'lapsensa', 'lapseni',
  'lapsen', 'veljensä', 'veljeni', 'veljen', 'siskonsa', 'siskoni', 'siskon', 'sisarensa', 'sisareni', 'sisaren',
  'kumppaninsa', 'kumppanini', 'kumppanin', 'avopuolisonsa', 'avopuolisoni', 'avopuolison', 'aviomiehensä', 'aviomieheni', 'aviomiehen',
  'mummonsa', 'mummoni', 'mummon', 'vanhempansa', 'vanhempani', 'isovanhempansa', 'isovanhempani',
]);

/**
 * Adult family members: a client who tells of their drinking, gambling or illness is
 * usually supporting them (a child's problems told by a parent are a family matter).
 */
const ADULT_KIN = 'puoliso*|miehensä|miehestään|vaimo*|kumppani*|avopuoliso*|aviomie*|veli|velje*|sisar*|sisko*|aikuinen|aikuiset';

export const NEED_CUES: Record<string, CueSpec[]> = concepts({
  debt: [
    c('velka', STRONG, '*velka*|*velko*|velan|velat|veloi*|*velan|*velat|*veloi*'),
    c('ulosotto', STRONG, 'ulosot*|ulosmit*'),
    c('perinta', MEDIUM, 'perintä*|perinnä*|perittäv*|peritään|perii|perivät|perimässä|perimis*|takaisinperi*|karhukirj*|maksumuistutu*|perintätoimisto*', 'soon'),
    c('maksuhairio', STRONG, 'maksuhäiriö*|luottotie*'),
    c('pikavippi', STRONG, 'pikavip*|vippi*|vippe*|vipit*|vippa*|pikalain*|kulutusluot*|luottokorttivel*'),
    c('laina', FAIR, 'laina|lainaa|lainan|lainat|lainoja|lainoi*|*laina|*lainaa|*lainat|*lainoja|osamaksu*'),
    c('rastit', MEDIUM, '*rästi*|*rästei*|*rästej*|maksamatto*|maksamatta|erääntyn*'),
    c('laskut', WEAK, 'lasku|laskut|laskuja|laskujen|laskuista|*lasku|*laskut|*laskuja'),
    c('laskut_kasaantuvat', MEDIUM, 'lasku*|*lasku|*laskut|*laskuja kasaant*|kasaantu*|kasautu*|rästi*|perinnä*|perintä*|maksamatta|erääntyn*|maksamatto*'),
    c('talousvaikeus', MEDIUM,
      'talousvaik*|talousongelm*|taloushuol*|rahahuol*|rahaongelm*|rahavaik*|taloussotku*, ' +
      'taloudelli* vaike*|ongelm*|ahdinko*|ahdingo*|huol*|kriisi*, taloudelli* tilan* * huono|vaikea|kaaoksessa|sekaisin|heikko|tiukka|tukala|ahdas, ' +
      'talous|taloutensa|talous* sekaisin|kaaoksessa|kuralla|solmussa|retuperällä|romahtanut, ' +
      'raha-asi* sekaisin|hoitamatta|ongelm*|kaaoksessa|solmussa'),
    c('talous', WEAK, 'talou*|raha-asi*'),
    // Tight finances, which the verb of extortion also says: `kulut ovat kiristäneet taloutta`.
    c('talous_kiristyy', WEAK, 'kiristä*|kiristi|kiristänyt|kiristyn*|kiristyi * talout*|taloude*|budjet*|rahatilan*, talous|taloutensa|budjetti * kiristyn*|kiristyi|kiristynyt|tiukk*'),
    c('velkaneuvonta', STRONG, 'velkaneuvo*|velkajärjest*|velkasaneeraus*|talousneuvo*'),
    c('maksukyvyton', STRONG, 'maksukyvyttö*|maksukyvytön|konkurssi*'),
    c('takaus', FAIR, 'takaus*|takaaja*'),
    c('sv_skuld', STRONG, 'skuld*|*skuld|*skulder|*skulderna|utmätning*|kronofogd*|betalningsanmärk*|inkasso*|snabblån*|smslån*|sms-lån*|konsumtionslån*|kreditkortsskuld*, hjälp|betala|återbetala * lån|lånet|lånen'),
    c('sv_rakningar', MEDIUM, 'obetald* räkning*, räkning* * obetald*|hopar|växer|förfallna, kan NEG betala * räkning*'),
    c('en_debt', STRONG, 'debt|debts|indebted|*debt|bailiff*|arrears|owe|owes|owed|owing, repay*|pay|paying|help * loan|loans, NEG pay|repay * loan|loans, payday|quick|instant|fast|sms|small loan*, loan compan*|shark*, payment reminder*, debt collect*, collection agenc*, credit rating, bad credit, overdue bills, unpaid bills, NEG pay * bill|bills, credit card debt|bill|bills'),
    c('ei_pysty_maksamaan', CLEAR, 'NEG pysty*|pysty|kykene*|selviä * maksamaan|maksuista * lasku*|laskuja|laskujaan|velko*|lainoja|lainaa'),
  ],

  income: [
    c('toimeentulotuki', STRONG, 'toimeentul*|*toimeentul*'),
    c('etuus', CLEAR, '*etuus*|*etuude*|*etuuk*'),
    c('kela', FAIR, 'kela|kelan|kelaan|kelalta|kelasta|kelalle|kela-*|fpa'),
    c('tuet', STRONG,
      'asumistu*|työmarkkinatu*|peruspäivära*|ansiosidonn*|päiväraha*|sairauspäivära*|kuntoutusraha*|kotoutumistu*|' +
      'opintotu*|opintora*|lapsilisä*|elatustu*|takuueläk*|kansaneläk*|eläkehakem*|eläketu*|työttömyyskorvau*|' +
      'vammaistu*|hoitotu*|eläkkeensaaja*|harkinnanvarai*'),
    c('tyokyvyttomyyselake', CLEAR, 'työkyvyttömyyseläk*|kuntoutustu*'),
    c('elake', WEAK, 'eläke|eläkkee*|eläkettä|*eläke|*eläkkeellä|*eläkettä|*eläkkeen'),
    c('karenssi', STRONG, 'karenss*|karens*', 'soon'),
    c('paatos_hylatty', MEDIUM,
      'hylät*|hylättiin|hylkäävä*|lakkaut*|lakkautet*|takaisinperi*, ' +
      // `hylkää` also abandons people (`pelkää, että yhteisö hylkää hänet`): only a request is rejected.
      'hylkää*|hylkäsi * hakemu*|tuki*|tuen|etuu*|etuut*|anomu*|vaatimu*, kela|kelan * hylkää*|hylkäsi, ' +
      'kielteinen|kielteisen päätös|päätöksen, tuki|tuet|tukea loppu*|katkes*|katkesi|lakkasi'),
    // No money to pay for a service is a need of free help (access), not of income: `ei oo rahaa yksityiselle`.
    c('ei_rahaa_palveluun', WEAK, `NEG ole rahaa * ${PAID_SERVICE}, rahaa * ${PAID_SERVICE} * NEG ole|ollut`),
    c('rahat_loppu', STRONG,
      'raha|rahat|rahaa|rahani|rahansa loppu*|loppuvat|loppuneet|vähissä|tiukalla|tiukoilla|kortilla, ' +
      'raha|rahat|rahaa|rahani|rahansa NEG riitä|riittänyt|riittäneet|riittävät, ' +
      'NEG ole rahaa, rahaa NEG ole, NEG rahaa|rahat ole', 'soon'),
    c('ei_varaa', MEDIUM, 'NEG * varaa'),
    // Not knowing which benefits one could claim: plural `tukia`, as `tukea` is also support from people.
    c('mitka_tuet', MEDIUM,
      'mitä|mihin|mistä|mitkä tukia|tukiin|etuuksia|etuuksiin|etuudet|tuet, tukia|tukiin|etuuksia|etuuksiin * hakea|haettavissa|oikeutettu*|oikeus, ' +
      'which|what benefits * apply|claim|entitled|eligible, vilka bidrag|förmåner|stöd * söka|ansöka|rätt'),
    c('pienituloinen', MEDIUM, 'pienitulo*|köyh*|köyhyy*'),
    c('vahavarainen', FAIR, 'vähävarai*|niukoilla|tiukilla, niukka* toimeentul*, tiukka* talou*'),
    c('pienet_tulot', WEAK, 'tulot * pienet|pieni|vähäiset|niukat, pienet|vähäiset|niukat tulot'),
    c('tuloton', CLEAR, 'tulottom*|tuloto*|rahatto*|rahato*|pennitön|persaukinen, NEG * tuloja|rahaa|penniäkään, puilla paljailla'),
    c('kasittely_viipyy', FAIR, 'päätö*|käsittely*|hakemus|hakemukse* * viipyy|viivästy*|viipynyt|viivästynyt|kesken, odottaa * päätöstä|päätöksiä'),
    c('kuun_loppu', FAIR, 'kuun lopussa|puolivälissä, loppukuusta, ennen palkkapäivää|tilipäivää|eläkepäivää', 'soon'),
    c('laakkeet', MEDIUM, 'lääkkei*|lääkkeisiin NEG * varaa, varaa lääkkei*|lääkkeisiin|lääkkeiden, lääkekul*|lääkemenoi*'),
    c('tili_tyhja', STRONG, 'tili|tilillä|tilit|pankkitili * tyhjä|tyhjillään|miinuksella|nollilla, *etuus|*etuutta|*tuki|*tukea|*tuet|palkka|palkkaa|eläke|eläkettä * NEG * alkanut|tullut|maksettu|maksettu', 'soon'),
    // A benefit the client does not get is an income need, so these cues carry their negation.
    c('ei_saa_tukea', STRONG,
      'NEG saa|saanut|saaneet|får|fått|get|gets|receive|received * *tuki|*tukea|*tuen|*etuus|*etuutta|*etuutta|*raha|*rahaa|toimeentul*|*ersättning|ersättning*|*stöd|stöd*|*bidrag|benefit*|allowance'),
    c('tuki_loppuu', STRONG,
      '*tuki|*tuet|*tukea|*etuus|*raha|päiväraha*|eläke|palkka|allowance|benefit*|ersättning*|*ersättning|*stöd loppuu|loppumassa|päättyy|päättymässä|katkeaa|lakkaa|ends|ending|runs|tar|upphör', 'soon'),
    c('sv_income', STRONG, 'utkomststöd*|försörjningsstöd*|bostadsbidrag*|fpa|förmån*|arbetsmarknadsstöd*|studiestöd*|sjukdagpenning*|barnbidrag*|grunddagpenning*|arbetslöshetsersättning*|inkomstrelaterad*|*ersättning, ersättning*|stöd * NEG|nekad*|avslag*'),
    c('sv_pengar', STRONG, 'pengar|pengarna räcker NEG, pengar|pengarna tar slut, låg|låga inkomst|inkomster, fattig*', 'soon'),
    c('sv_pension', WEAK, 'pension|pensionen|*pension'),
    c('en_income', STRONG, 'benefit|benefits|*benefit|*benefits|welfare|allowance, social assistance, income support, housing allowance, unemployment allowance, sickness allowance, unemployment money|pay|fund|insurance, help|support with * rent'),
    c('en_money', STRONG, 'run|runs|ran|running out of money, euro|euros|eur left, money runs|ran out, NEG make ends meet, penniless|poverty, low income, money problems|worries|troubles, financial difficult*|problem*|trouble*|hardship, help|support with money', 'soon'),
    // No money, the negation written as NEG: a phrase that spells out `no` is negated by its own word (`no money` never matched).
    c('en_no_money', STRONG, 'has|have|had|got|with|there NEG * money|cash|income|funds, NEG money|cash|income|funds left|for|at|until|till|to, NEG * enough money|income|cash, penny|cent|euro to * name', 'soon'),
    // No money in Swedish (`har inga pengar`, `pengarna är slut`), the negation written as NEG for the same reason; not `har inte råd`, which is about paying for a service.
    c('sv_inga_pengar', STRONG, 'har|hade|finns|fanns NEG * pengar|inkomst|inkomster|inkomsten, NEG pengar|inkomst|inkomster kvar|till|för|hemma, står|stod|blev|är|var|helt NEG pengar|inkomst|inkomster, pengarna * slut, pengarna räcker|räckte NEG, slut på * pengar|pengarna, kontot * tomt|minus|övertrasserat|noll', 'soon'),
  ],

  housing: [
    c('asunnoton', STRONG, 'asunnoto*|asunnotto*|koditto*|kodito*|*asunnotto*|*asunnoto*', 'recentAcute', 'soon'),
    c('ei_yopaikkaa', STRONG,
      // Where to live, not where someone lives: `ei ole missä asua`, not `en tiedä missä hän asuu`.
      'NEG ole|ollut|löydä|löytänyt|tiedä|tiennyt * missä|minne|mihin|mitään nukku*|yöpy*|asua|asumaan|asuisi|mennä|majoittu*|olla, ' +
      'NEG * yöpaik*|yösij*|asuntoa|kotia|kattoa|majoitus*|majapaik*, NEG mitään paikkaa, ' +
      // Home is closed for the night: `ei voi mennä kotiin yöksi`.
      'NEG voi|voida|pysty*|uskal*|saa * kotiin * yöksi|yöllä|yötä, ' +
      // Asking where to go for the night: `kysyy, minne voi mennä yöksi`.
      'minne|mihin|missä * mennä|nukkua|yöpyä|olla|majoittua yöksi|yön|yötä', 'recentAcute', 'soon'),
    c('vailla_asuntoa', STRONG, 'vailla|ilman * vakitui*|vakinai*|omaa|pysyvää asunto*|asuntoa|kotia|osoitetta', 'soon'),
    c('yopaikka', CLEAR, 'yöpaik*|yösij*|yöpymispaik*|hätämajoitu*|majapaik*, paikka|paikan|majoitus* yöksi', 'soon'),
    c('nukkuu_ulkona', STRONG,
      'nukku*|nukkui|nukkunut|yöpy*|yöpyi|asuu|asuvat|asuivat * ulkona|kadulla|autossa|autossaan|rappu*|porra*|portaikos*|puistossa|teltassa|rautatieasemalla, ' +
      'sohvasurf*, sohvalta sohvalle, nurkissa', 'recentAcute', 'soon'),
    c('kadulla', MEDIUM, 'asuu|elää|on|joutui|joutunut|joutuu|joutumassa|päätyi|päätynyt * kadulla|kadulle', 'soon'),
    c('ensisuoja', STRONG, 'ensisuoj*|yömaja*|asunnottomien*|hätämajoitu*|asumispäivystys*'),
    c('asunto_menetetty', STRONG,
      'asumiskelvot*|asuinkelvot*|vesivahin*, asunto|talo|koti * tuhoutui|tuhoutunut', 'recentAcute', 'soon'),
    // A home on fire leaves the household without a place to sleep that night.
    c('tulipalo', STRONG,
      'tulipalo*|*tulipalo*|kerrostalopalo*|asuntopalo*|talopalo*|*talopalo, ' +
      'asunto*|talo|koti|kerrostalo*|rivitalo*|omakotitalo*|rivitaloasunto*|kerrostaloasunto* * paloi|palanut|syttyi, ' +
      'brand|branden|husbrand*|lägenhetsbrand*, brann|brunnit|brunnit ner, house|flat|apartment|home * fire|burned|burnt', 'acute'),
    c('haato', STRONG, 'häätö*|häätöön|häädön|häädöstä|häädettäv*|häädetään|häätää|häätämään|häätöuh*', 'soon'),
    c('haadetty', STRONG, 'häädetty|häädettiin|häädettynä|häädetyksi', 'recentAcute', 'soon'),
    c('vuokrarasti', CLEAR,
      'vuokra* * rästi*|rästissä|maksamatto*|maksamatta|jäänyt|jääneet|myöhässä|erääntyn*, ' +
      'vuokrarästi*|vuokravel*|vuokrasaatav*, maksamatto* vuokr*', 'soon'),
    c('ei_pysty_vuokraan', CLEAR, 'NEG pysty*|pysty|jaksa * maksamaan * vuokra*, NEG|unable * pay * rent', 'soon'),
    c('vuokrasopimus_irtisanottu', STRONG, 'vuokrasopimu* * irtisano*|purettu|purka*|päättyy|päättyi|loppuu, irtisano* * vuokrasopimu*|asunno*', 'soon'),
    c('vuokranantaja', FAIR, 'vuokranantaj*|isännöitsij*|vuokraisän*'),
    c('vuokra', WEAK, 'vuokra*'),
    c('kodin_menetys', MEDIUM, 'menett*|menetti|menettänyt|menettämässä * kotinsa|kodin|asuntonsa|asunnon, kodi*|asunno* menet*|menettä*, joutu* muuttamaan, joutu* lähtemään * kotoa|asunnosta, asunto*|koti|kodi*|kämppä|kämpän|luukku * lähti|lähtenyt|meni|mennyt alta'),
    c('asunnon_haku', MEDIUM,
      'asunno* etsi*|hak*|tarvit*|jono*|puuttu*|tarpeessa, ' +
      'etsii|hakee|tarvitsee|vailla * asunto*|asuntoa|asunnon|kotia|vuokra-asun*, ' +
      'asuntojono*|asuntohakemu*|asunnonhak*'),
    c('asumispalvelu', MEDIUM,
      'asumisneuvo*|asumispalvelu*|asumisyksik*|tukiasun*|asumisvalmen*|palveluasum*|asumisohjau*|asumisvaike*|asumisongelm*, ' +
      'tuettu* asumi*, asumisen tuki*|tuen|ongelm*|vaike*'),
    c('tuki_asumiseen', CLEAR, 'tuke*|tukea|apua|ohjausta|apu * asumise*|asumiseen|asumisessa|asumisen, asumisessa|asumisen * tuke*|tukea|apua|ohjausta'),
    c('asumisolot', FAIR, 'homeongelm*|kosteusvauri*|hamstra*|hamstraus*, asunto|asunnossa|asunnon * huonokuntoi*|kostea|homee*|sotku*|epäsiisti*|roskai*|roska*|kylmä|täynnä'),
    c('asunto', HINT, 'asunto|asunnon|asunnossa|asuntoa|asunnosta|asuntoon|asunnot'),
    c('kamppa', WEAK, 'kämppä|kämpän|kämpässä|kämppää|kämpästä|kämppään|kämpät|kämppis*|luukku|luukun'),
    // Put out of one's home by someone: `heitti ulos`, `laittoi hänet tänään ulos`.
    c('heitetty_ulos', CLEAR,
      'heitti|heittänyt|heitetty|heitettiin|laittoi|laittanut|potkaisi|potkaissut|potkittiin|ajoi|ajanut|passitti ulos|pihalle|kadulle|kotoa, ' +
      'heitti|heittänyt|laittoi|laittanut|potkaisi|ajoi|ajanut|passitti hänet|minut|mut|meidät|heidät|pojan|tytön|tyttären|nuoren|asiakkaan * ulos|pihalle|kadulle|kotoa',
      'recentAcute', 'soon'),
    // Put out of the home: belongings thrown out, the lock changed.
    c('lukot_vaihdettu', MEDIUM,
      'vaihtoi|vaihtanut|vaihtanu|vaihdettiin|vaihdettu * lukot|lukon|lukkoa, heitti|heittänyt|heitetty|kantoi * tavarat|tavaransa * ulos|pihalle|rappu*|rappukäytävään|kadulle',
      'recentAcute', 'soon'),
    c('kaverin_luona', MEDIUM, 'asuu|asuvat|majailee|majoittuu|yöpyy|nukkuu|nukkuvat|asunut|pyörii|kiertää|kiertelee * kaveri*|ystävä*|tuttav*|sukulai* luona|nurkissa|sohvalla|patjalla|lattialla'),
    c('sv_bostadslos', STRONG,
      'bostadslös*|hemlös*|härbärge*|nödboende*|nattlogi*, ingenstans att sova|bo, sover ute, på gatan, ' +
      'NEG välkommen hem|hemma, kastade|kastat|slängde|slängt * ut, vet NEG var * sova|sover|bo', 'recentAcute', 'soon'),
    c('sv_vrakning', STRONG, 'vräk*|hyresskuld*, obetald* hyr*', 'soon'),
    c('sv_bostad', WEAK, 'bostad|bostaden|lägenhet*|hyra|hyran'),
    c('en_homeless', STRONG,
      'homeless*, rough sleep*, sleeping|sleeps rough, nowhere to sleep|stay|live, sleeping * car|outside, sofa|couch surf*, night shelter*, ' +
      'where * sleep|stay tonight, place|somewhere to sleep, kicked|thrown|threw|put * out of * home|house|flat|apartment|room, ' +
      'kicked|threw me|him|her|us|them out, lost * room|flat|apartment|accommodation|housing', 'recentAcute', 'soon'),
    c('en_eviction', STRONG, 'evict*, rent arrears, behind on|with * rent, unpaid rent, notice to quit, NEG pay * rent', 'soon'),
    c('en_housing', WEAK, 'housing|*housing|landlord*'),
    // No place to sleep or live (`has no place to stay`, `no permanent address`, `nowhere to go`), the negation written as NEG.
    c('en_no_place', STRONG, 'NEG place|where|bed|roof * sleep|stay|live|go|tonight, has|have|had|got NEG * home|apartment|flat|housing|roof|address|accommodation, NEG permanent|fixed|own|stable * home|apartment|flat|address|abode|housing|accommodation, nowhere to go, NEG know|knows * where * sleep|stay|spend', 'recentAcute', 'soon'),
    // Swedish homelessness in everyday words: `har ingenstans att ta vägen`, `saknar bostad`, `sover hos kompisar`.
    c('sv_ingenstans', STRONG, 'ingenstans * vägen|övernatta|gå|vara|sova, har|hade|finns|fanns NEG * bostad|lägenhet|boende|hem|tak, saknar * bostad|boende|lägenhet|tak|adress, NEG fast|egen|permanent * adress|bostad|boende, sover|sov|sovit|övernattar|övernattade|bor|bodde * trapphus*|trappuppgång*|station*|bänk*|park*|parken|tält*|bilen|källare*|garage*, sover|sov|sovit|bor|bodde|övernattar * hos * kompis*|kompisar|vän|vänner|bekant*|bekanta|släkting*, soffsurf*|soffhopp*, utelåst*', 'recentAcute', 'soon'),
  ],

  violence: [
    c('vakivalta', STRONG, 'väkival*|*väkival*', 'recentAcute', 'soon', 'physical'),
    c('lyonyt', STRONG,
      'lyö|lyönyt|lyöty|lyödä|lyövät|lyömällä|^lyönti*|lyönnit|lyönnin|löi|löivät|lyöjä*|lyöneen|' +
      'hakkaa|hakkasi|hakannut|hakattu|hakattiin|hakkaami*|hakkaavan|' +
      'potki*|potkaisi|potkaissut|potkaistu|' +
      'kurist*|kuristu*|kurkusta|kurkkuun|' +
      'pahoinpi*|*pahoinpitel*|pahoinpidel*|' +
      'tönäi*|tönäs*|tönii|töni|tönin*|tönim*|tönitt*|tuuppa*|tuuppi*|retuutt*|riuhto*|' +
      'läimä*|läpsä*|tukist*|tukkapöllyä|hiuksista|' +
      'mustelm*|ruhje*|ruhjevamm*, ' +
      'heitteli*|heitti|heittänyt|paiskasi|paiskoi * tavaroi*|tavaroilla|astioi*|astioilla|tuoli*|tuolilla|lautase*|pullo*|pullolla, ' +
      'repi|repinyt hiuks*, tarttui|tarttunut * kurkku*|kaula*|kurkusta|kaulasta', 'recentAcute', 'soon', 'physical'),
    c('uhkailu', MEDIUM, 'uhkail*|uhkaill*|uhannut|uhkasi|uhkaus*|uhkauks*|pelottel*', 'soon'),
    c('tappouhka', STRONG, 'tappouhk*|hengenvaar*, uhka*|uhannut * tappaa|tappavansa|tappamisella, henki * vaarassa', 'acute'),
    c('kontrolli', MEDIUM,
      'kontrolloi*|kontrolli*|kontrollo*|määräil*|^alista*|nöyryyt*|mustasuk*, ' +
      'rajoitta*|kieltää|kieltänyt * tapaami*|menemi*|menemisi*|liikkumi*|rahankäyt*|ystäv*|sukula*|puhelim*|harrastu*, ' +
      'tarkista*|tarkastaa|lukee|urkkii * puhelin*|viestit|viestejä|sähköpost*, ' +
      'tarkkail*|vahtii|vahtia|paikantaa|paikanta*, ' +
      'henki*|henkistä|psyykki*|taloudelli*|digitaali* väkival*, ' +
      'eristää|eristänyt * ystäv*|läheisi*|sukulai*'),
    c('haukkuu', FAIR, 'haukku*|nimittel*|solvaa*|solvasi|raivo*|riehu*|riehui, rikkoo|rikkoi|rikkonut * tavaroita|paikkoja|ovia|huonekaluja'),
    c('pelkaa_kumppania', CLEAR, `pelkää|pelkäsi|pelko*|pelkäävät ${KIN}|exää*|entistä*|exänsä|ex-*, turvaton olo, turvattomuu*`, 'soon'),
    c('pelkaa_hanta', FAIR, 'pelkää|pelkäsi|pelkäävät|pelännyt häntä|heitä|tätä, pelkää|pelkäsi|pelkäävät|pelännyt * reaktio*|kotiinpaluu*', 'soon'),
    c('vaino', STRONG, 'vaino*|vainoa|vainoaja*|vainonnut|vainoamis*|vainottu|häiriköi*|häirikkö*', 'soon'),
    c('lahestymiskielto', STRONG, 'lähestymiskiel*|lähestymiskiello*', 'soon'),
    c('turvakoti', STRONG, 'turvakot*|turvakodi*', 'soon'),
    c('kunnia', STRONG,
      'kunniaväkival*|pakkoavioli*|pakkoavio*|pakkonaim*|silpo*|ympärileikka*|naittaa|naitetaan|naittamaan|naittaminen|tvångsäktenskap*|tvångsgift*, ' +
      'kunnia|kunnian|kunniaan väkival*|liittyv*, painost*|pakott*|pakotta* * avioliitt*|naimisiin, tvinga*|tvingar|tvingade * gifta, force|forced|forcing|pressure|pressured * marry|married|marriage'),
    c('lapsen_kuritus', STRONG, 'kuritta*|kuritus*|kurittaa|kurittanut, fyysi* kuri*, ruumiillinen kuritus*'),
    c('kaltoinkohtelu', CLEAR, 'kaltoinkoh*|laiminlyö*|laiminlyönti*, kaltoin koh*, huonosti kohdel*'),
    c('sv_vald', STRONG, 'våld|våldet|våldsam*|våldsutsat*|våldshandl*|*våld|*våldet|misshand*|slår|slog|slagit|slagen|strypt*|ströp|stryp*|knuffa*|sparka*|blåmärk*|skyddshem*|kontaktförbud*|besöksförbud*', 'recentAcute', 'soon', 'physical'),
    c('sv_hot', MEDIUM, 'hot|hotad|hotade|hotats|hotfull*|förföl*|trakasser*, hotar|hotade|hotat * döda|slå|skada|mörda|barnen', 'soon'),
    c('sv_kontroll', MEDIUM, 'kontroller*|styr * pengar*|telefon*'),
    c('en_violence', STRONG,
      'violen*|abusive|hit|hits|hitting|beat|beats|beaten|beating|assault*|strangl*|choke*|choked|choking|punch*|kick*|slapp*|bruis*, ' +
      // A shelter alone is as often a night shelter for the homeless (en_homeless).
      'grabbed|grabs|grab * neck|throat, threw|throws|thrown|hurled * at me|her|him, women|womens|woman * shelter*, shelter|shelters for * women|woman|mothers, safe house, domestic abuse, abused by, abuse from, pushed her|him|me, restraining order', 'recentAcute', 'soon', 'physical'),
    c('en_threat', MEDIUM, 'threat*|stalk*|intimidat*', 'soon'),
    c('en_coercion', MEDIUM, 'controlling|controls|coerci*|humiliat*|belittl*'),
    c('en_control', MEDIUM, 'NEG let * see|meet|go|leave|work|have|use, takes * money|phone|passport'),
  ],

  sexual_violence: [
    c('raiskaus', STRONG, '*raisk*', 'recentAcute', 'soon', 'physical'),
    c('seksuaalivakivalta', STRONG,
      'seksuaaliväk*|seksuaalirikos*|insesti*, ' +
      'seksuaal* * hyväksikäyt*|häirin*|ahdistel*|väkival*|teko*|rikos*|loukkau*|kaltoinkoh*|painostu*, ' +
      'lapsen seksuaal*', 'recentAcute', 'soon', 'physical'),
    c('hyvaksikaytto', FAIR, 'hyväksikäyt*|hyväksikäytet*|hyväksikäytti*|hyväksikäyttänyt'),
    c('ahdistelu', MEDIUM, 'ahdistel*|koskettel*|kähmi*|kopeloi*|lääppi*|lääpi*|paljastel*'),
    c('pakottaminen', STRONG,
      'pakott*|pakotti|pakottanut|painosti|painostanut * seksiin|sukupuoliyhtey*|yhdyntään|seksuaali*|sänkyyn, ' +
      'ilman * suostumusta|suostumustaan, suostumuksetta, vastoin * tahtoa|tahtoaan, tahdon vastaisesti', 'recentAcute', 'soon', 'physical'),
    c('sopimaton_koskettelu', STRONG, 'kosk*|koskettanut|kosketellut|kosketteli * sopimattomasti|intiimisti|seksuaalisesti|sukupuolielimi*|alapäähän|rintoihin, sopimato* koskettelu*|kosketu*|kosketus*', 'soon', 'physical'),
    c('vakisin', FAIR, 'väkisin|väkipakolla'),
    c('kuvat', STRONG,
      'alaston*|alastonkuv*|nakukuv*|intiimikuv*|seksikuv*|seksivideo*|intiimivideo*|groomi*|grooma*|groomau*|sextortion, ' +
      'intiimi*|seksuaali*|seksuaalis* kuv*|video*|viestej*|viestejä|kiristy*, ' +
      // Extortion with images of oneself, or the threat to spread them, is sexual exploitation.
      'kiristä*|kiristi|kiristänyt * kuv*|video*, uhka*|uhannut|uhkasi * levittää|levittävänsä|julkaista|julkaisevansa * kuv*|video*, ' +
      'kuv*|video* * uhka*|uhannut|uhkasi * levittää|levittävänsä|julkaista|julkaisevansa', 'soon'),
    // Pictures of one spread without consent: often intimate ones, a sexual offence.
    c('kuvien_levitys', FAIR,
      'levit*|jakanut|jakoi|jaettu|jaettiin|jaetaan|julkaissut|julkaisi|julkaistu|julkaistiin * kuvi*|kuvia|kuviani|kuvat|kuvan|videoi*|videon, ' +
      'kuvia|kuviani|kuviaan|kuvat|kuvan|videoita|videon|videot * levit*|jaettu|jaettiin|jaetaan|julkaistu|julkaistiin, ' +
      'sprider|spridit|spridits|delat|delats * bilder|bilderna|foton, spread*|shared|sharing|posted * pictures|photos|images|videos'),
    // An assault told without its name: too drunk to refuse, forced to it.
    c('ei_suostumusta', STRONG,
      'liian|niin * kännissä|kännis|humalassa|humalas|päissään|päissäni|sekaisin|tokkurassa * sanomaan|sanoa|vastustamaan|vastustaa|kieltäytymään|torjumaan|estämään, ' +
      'för full|berusad|drogad * säga nej|ifrån, för full|berusad|drogad * protestera, tvinga*|tvingade|tvingat * till sex|samlag|sexuella', 'recentAcute', 'soon', 'physical'),
    c('tyrmaystippa', STRONG, 'tyrmäystip*|huumattiin|huumattu, juoma*|juomaan laitet*|lisätt*|sekoitet*', 'recentAcute', 'soon'),
    c('sv_sexuellt', STRONG, 'våldt*|ofredande|nakenbild*|tafsa*, sexuell*|sexuellt|sexuella övergrepp|våld|trakasser*|ofredande', 'recentAcute', 'soon', 'physical'),
    c('sv_overgrepp', MEDIUM, 'övergrepp*'),
    // An assault told without its name: too drunk to refuse, waking up where one did not go to sleep.
    c('en_no_consent', STRONG,
      'too drunk|wasted|high to say no, too drunk|wasted|high to consent|refuse|resist|stop, NEG consent*|consented, ' +
      'took advantage of me|her, woke|wake|waking up * his|her|their|a strangers|someones * place|flat|apartment|bed, ' +
      'forced sex, forced me|her * sex, sex with me|her * NEG say no, sex with me|her * NEG refuse|resist, ' +
      'sex with me|her * asleep|unconscious, sex with me|her * passed out', 'recentAcute', 'soon', 'physical'),
    // A drink spiked to make one defenceless: the drug-facilitated assault's first sign.
    c('en_spiked_drink', STRONG, 'spiked|drugged * my|her|our drink*, put|slipped|dropped something|anything|drugs in|into my|her drink*, something|anything|drugs put|slipped|dropped in|into my|her drink*', 'recentAcute', 'soon'),
    c('en_sexual', STRONG,
      'rape|raped|raping|rapist*|molest*|groped|groping|nudes|sextortion|non-consensual|grooming, ' +
      'sexual|sexually assault*|abuse*|abused|violence|harass*|harassed|exploit*, nude images|photos|pictures', 'recentAcute', 'soon', 'physical'),
  ],

  substance: [
    c('alkoholi', STRONG, 'alkoho*|alkkis*|alcohol*'),
    c('paihteet', STRONG, 'päihte*|päihde*|*päihde*|*päihte*|sekakäyt*|ongelmakäyt*|riippuvuushoi*'),
    c('huumeet', STRONG,
      'huume*|huumaus*|*huume*|kannab*|hasis*|marihuan*|amfet*|piri|piriä|pirin|spiidi*|subutex*|bupre*|heroii*|kokaiin*|ekstaa*|' +
      'mdma|lsd|opioid*|opiaat*|oksikodon*|fentanyyl*|tramadol*|pregabal*|lyrica*|bentso*|ghb|' +
      'piikittä*|piikitys*|suonensisäi*|terveysneuvontapist*|korvaushoi*|vieroitushoi*|lääkeriippu*|väärinkäyt*, ' +
      'polttaa|poltti|polttanut|polttelee pilve*|ruohoa|jointte*, ' +
      'käyttä*|käyttää|käyttänyt * aineita|aineiden|kamaa'),
    c('juo', MEDIUM,
      'juo|juon|joi|juonut|juovat|juoneet|juomista|juominen|juomisen|juomisesta|juomiseen|juomisensa|juopotte*, ' +
      'juo|joi|juonut|juovat|juoneet|juomaan * liikaa|päivittäin|joka|viikonloppuisin|iltaisin|humalaan|kaljaa|viinaa|olutta|viiniä'),
    c('humala', FAIR, 'humal*|juopu*|juopun*|päihtyny*|päihtynee*|kännissä|kännit|kännätä|kännää*|dokaa*|dokai*|dokasi'),
    c('juoppo', STRONG, 'juoppo*|juopot*|juopott*|ryyp*|ryyppä*|rattijuop*|alkoholisoitu*|viinanhimo*|dokaaja*|viina*'),
    c('juomat', WEAK, 'kalja*|olut|oluen|oluita|olutta|viini|viiniä|viinit|viinipullo*|kossu*|tölkki*|lonkero*'),
    c('usein_humalassa', STRONG, 'humal*|kännissä * usein|jatkuvasti|toistuvasti|päivittäin|joka, usein|jatkuvasti|toistuvasti|päivittäin humal*|kännissä'),
    c('krapula', MEDIUM, 'krapul*|promill*|puhallutu*|deliri*'),
    c('katkaisuhoito', STRONG, 'katkaisuhoi*|katkolle|katkohoi*|katkaisuasema*|vieroitu*|vieroitusoire*|antabus*|a-klinik*, a klinik*, aa ryhm*|kokou*, nimettömät alkoholistit', 'recentAcute', 'soon'),
    c('raittius', MEDIUM, 'raitis|raittiina|raittiu*|raitistu*|retkah*|repsah*|juomatta, lopettaa|vähentää|vähentämään|lopettamaan * juomi*|juomista|juomisen|käyttöä|käyttöään'),
    c('riippuvuus', WEAK, 'riippuvu*|addikt*|riippuvainen'),
    c('yliannostus', STRONG, 'yliannostu*|yliannos*'),
    // Clean needles and syringes are what drug users ask harm reduction for. Exact forms:
    // `neulo*` would also be knitting (`neuloa`, `neulontaryhmä`).
    c('neulat', MEDIUM,
      `${exactForms(['neula', 'neulan', 'neulat', 'neuloja', 'neulojen', 'neuloille', 'ruisku', 'ruiskun', 'ruiskut', 'ruiskuja', 'ruiskujen'])}|neulanvaihto*|neulojenvaihto*|ruiskujenvaihto*|` +
        'needle|needles|syringe|syringes|sprutbyte*|sprutor|sprutorna|sprut', 'sign'),
    c('sv_alkohol', STRONG, 'missbruk*|*missbruk|rusmedel*|rusmedl*|droger|drog|drogerna|*droger|narkoti*|cannabis|berus*|avgiftning*|alkoholberoend*|alkoholism|alkoholist*'),
    c('sv_dricker', MEDIUM, 'dricker|drack|druckit|super|söp|bakfull*|nykter*|återfall*'),
    c('en_substance', STRONG,
      'drug|drugs|*drugs|cannabis|marijuana|heroin|cocaine|amphetamine*|opioid*|benzo*|methadone|detox*|overdos*|intoxicat*|alcoholi*|addict*, ' +
      'substance use|abuse|misuse'),
    // Not `drink` alone: a drink (`put something in my drink`) is no drinking.
    c('en_drinks', MEDIUM, 'drinks|drinking|drank|drunk|hangover*|sober|sobriety|relaps*, i|we|you|they|to|not|and drink'),
  ],

  gambling: [
    c('rahapeli', STRONG,
      'rahapel*|*rahapel*|peliongel*|pelihai*|peliriipp*|pelaamisongel*|pelihimo*|peliaddikt*|pelivel*|pelikoukk*|ongelmapelaa*|pelitili*|pelitil*, ' +
      'pelaamise* hallin*|ongelm*|hallinta*'),
    c('pelit_vie_rahat', STRONG, 'pelit|pelaaminen|pelaamiseen|peleihin * vie|vievät|vei|söi|syö|syövät|menee|menivät|meni * rahat|rahaa|rahoja|palkan|kaiken'),
    c('kasino', STRONG,
      'kasino*|*kasino*|casino*|*casino*|nettipoker*|pokeri*|ruletti*|blackjack*|slotti*|kolikkopel*|hedelmäpel*|pelikone*|peliautom*|' +
      'raha-automaat*|vedonly*|vedonlyön*|betsaa*|betsi*|betting*|livebet*, lyö|lyönyt|lyövät vetoa'),
    c('veikkaus', MEDIUM, 'veikkaus*|raaputusar*|arpoj*|lotto*|lottoa*|lotota|toto*|keno|eurojackpot'),
    c('pelaa', FAIR, 'pelaa|pelasi|pelannut|pelanneet|pelaaminen|pelaamis*|pelaamaan|pelailee|pelaavat|pelaamista|pelaamisen|pelaamisesta|pelaamiseen'),
    c('pelaa_rahaa', STRONG,
      'pelaa*|pelasi|pelannut * raha*|rahat|rahoja|velaksi|luotolla|luottokort*|palk*|eläk*|säästö*|tuet|tukensa, ' +
      'rahaa|rahat|rahansa|säästöt|palkka|palkan|eläke|eläkkeen|tuet * meni*|menee|mennyt|hävin*|hävisi|hävinnyt|tuhlan*|tuhlasi * pelaami*|peleihin|pelaamiseen|peleissä'),
    c('sv_spel', STRONG, 'spelproblem*|spelberoend*|spelmissbruk*|penningspel*|spelskuld*|spelande*|vadslagning*|nätkasino*|onlinekasino*|onlinecasino*|spelautomat*|poker'),
    c('sv_spelar', FAIR, 'spelar|spelat|spelade|spela'),
    c('sv_spela_pengar', STRONG, 'spela*|spelar|spelat|spelade * bort|pengar|pengarna|lönen'),
    c('en_gambling', STRONG, 'gambl*|casino*|betting|bets|bookmaker*|slots|poker|roulette, slot machine*, scratch card*'),
  ],

  mental_health: [
    c('mielenterveys', STRONG, 'mielenterv*|*mielenterv*|psyykkisesti|mt-ongelm*|mt-asiak*, psyykki* ongelm*|oire*|sairau*|vointi|kuormitu*'),
    c('masennus', STRONG, 'masennu*|masentu*|masennus*|depressi*|*masennus*|*masennuks*'),
    c('ahdistus', STRONG, 'ahdistu*|ahdistus*|ahdistaa|ahdisti|ahdistanut|ahdistuk*|ahdistava*|*ahdistus|*ahdistuneisuu*|ahistaa|ahisti|ahistus*|ahistunut'),
    c('paniikki', CLEAR, 'paniikk*|pelkotil*|pakko-oire*|pakkoajatu*|jännittäjä*, sosiaali*|sosiaalis* jännit*|pelk*, tilanteiden pelk*'),
    c('mieliala', STRONG,
      'mieliala*|mieli * matala*|huono*|alavir*|lask*|laskenut|vaiht*|heittel*|maassa|apea*|synkk*, ' +
      'matala mieliala*, alakulo*|alavire*|apea*|alamaissa|allapäin, alla päin, synkkiä|synkkä* ajatuks*'),
    c('mieliala_mainittu', FAIR, 'mieliala|mielialaa|mielialan|mieliala-*'),
    c('psykoosi', STRONG, 'psykoo*|psykoot*|harhaine*|harhaise*|harhaisuu*|harhaluulo*|harhoj*|harhat|harhoja|skitsofren*|kaksisuuntai*|bipolaar*|persoonallisuushäir*|rajatila*, epävakaa persoonallisuu*'),
    // Psychotic symptoms described as they happen call for care today.
    c('psykoottiset_oireet', STRONG,
      'kuulee|kuulevansa * ääniä, naapurit * kuuntelee|kuuntelevat|vakoilee|vakoilevat, tietokone|puhelin|televisio * lähettää|lähettävät * viestejä, ' +
      'hör röster, hears voices, thinks * being watched', 'acute'),
    c('syomishairio', STRONG, 'syömishäir*|anoreks*|bulimi*|ahmimi*|ahmimishäir*'),
    c('trauma', MEDIUM, 'trauma*|traumaattis*|traumatis*|ptsd|traumaperäi*|takauma*|painajai*, sodan|sota|sotaa * kuvat|muistot|kokemukset|kauhut'),
    c('puhua_jonkun_kanssa', FAIR, 'puhua|puhumaan|jutella|keskustella * jonkun|joku kanssa, jonkun|joku jolle|kenelle puhua'),
    c('kasitella', CLEAR, 'käsitel*|käsittel*|työstää|työstämään|purkaa|purkamaan * kokemuk*|menneitä|mennyttä|tapahtunutta|traum*|asioita|muistoja'),
    c('hoito', MEDIUM, 'psykiatr*|^psykolog*|^terapi*|^terapeut*|mielialalääk*|masennuslääk*|psyykenlääk*|mielenterveystoimisto*|psykoterap*|keskusteluap*|keskustelutu*|keskusteluav*'),
    c('uupumus', WEAK, 'uupu*|uupunut|uupumu*|voimaton|voimattomu*|väsynyt|väsymy*|jaksamat*|jaksamattomuu*, NEG jaksa*'),
    c('sairausloma_mieli', CLEAR, 'sairauslom*|sairauslomalla * uupum*|masennu*|ahdistu*|mielenterv*|burnout'),
    c('uupumus_nimi', FAIR, 'uupumus|uupumuksen|uupumusta|uupumukseen|uupumuksesta|jännittää|jännitys|jännittämi*'),
    c('loppuunpalaminen', CLEAR, 'loppuunpalan*|burnout|työuupum*|*uupumus, loppuun palan*'),
    c('unettomuus', WEAK, 'unettom*|*unettomuu*|univaike*|unihäir*|uniongelm*|heräil*, nukkuu|nukkunut|nukkui huonosti, NEG saa * nukuttua|unta, NEG * nukkunut|nukkunut, nukahta* vaike*'),
    c('itkuisuus', WEAK, 'itkui*|itkee|=itki|itkenyt|itkuherk*|itkeskel*, tunteet pinnassa'),
    c('turha', WEAK, 'turha|turhaksi|turhana'),
    c('huono_itsetunto', MEDIUM, 'olevansa|itsensä|itseään|oloaan|tuntee|kokee * turha|turhaksi|turhana|arvoton|arvottomaksi|epäonnistuja*|taakka|taakaksi, huono ihminen, itsetunto * huono|heikko|matala|romahtanut'),
    c('toivottomuus', MEDIUM,
      'toivoto*|toivotto*|arvoto*|arvotto*|kelvoto*|epäonnistuja*|merkityksetö*|ilottom*|itseinho*|itsesyytö*, ' +
      'tyhjän panttina, NEG * iloa|iloa'),
    c('pitkittynyt_suru', FAIR, 'suru* * pitkittyn*|komplisoitu*|syventyn*, pitkittyn* suru*|surureaktio*'),
    c('hapea', WEAK, 'häpeä*|hävettää|häpeää|häpeissään|syyllisyy*|syyllistää'),
    c('vetaytyminen', FAIR, 'vetäyty*|vetäytyn*, huonee* * koko ajan, koko ajan huonee*, huonee* * päivät|päivisin|kaiket, sängyssä, sängyn pohjalla, peiton alla, NEG nouse* sängystä'),
    c('viiltely', STRONG, 'viiltel*|viilteli*, itsensä vahingoitta*, vahingoittaa|vahingoittanut|satuttaa|satuttanut itseään, itsetuhoi* käyttäyty*'),
    c('stressi', WEAK, 'stressi*|stressaa*|kuormittu*|ylikuormit*|murehti*'),
    c('sv_psykisk', STRONG, 'psykisk*|depression*|deprimer*|ångest*|*ångest|nedstämd*|psykos*|självskad*|ätstörning*|utbränd*|utmattning*|psykiatri*, låg* stämning*'),
    c('sv_mar_daligt', MEDIUM, 'mår|må|mått dåligt|psykiskt'),
    c('sv_somn', WEAK, 'sover dåligt, sömnproblem*|sömnlös*'),
    c('en_mental', STRONG,
      'depress*|anxi*|panic*|psychos*|psychotic|schizo*|bipolar|burnout|self-harm|anorexi*|bulimi*|ptsd|trauma*|hopeless*|worthless|therap*|psychiatr*|counsel*, ' +
      'mental health|illness, mentally ill, low mood, burned|burnt out, self harm, eating disorder'),
    c('en_mood', MEDIUM, 'feel|feels|feeling|felt low|down|empty|numb|sad|miserable'),
    c('en_stress', WEAK, 'stressed|stressful|overwhelmed, under * stress|pressure'),
    c('en_crying', WEAK, 'cry|cries|crying|cried|tearful'),
    c('en_withdrawal', FAIR, 'stay|stays|staying|stayed|lie|lies|lying in room|bed'),
    c('en_sleep', WEAK, 'insomnia|sleepless*|exhausted, sleep|sleeps|sleeping poorly|badly, NEG sleep'),
  ],

  crisis: [
    c('itsetuhoisuus', STRONG, 'itsetuho*|*itsetuho*|suisid*|suicid*|*suisid*', 'acute'),
    c('itsemurha', STRONG, 'itsemurh*|*itsemurh*', 'acute'),
    c('ei_halua_elaa', STRONG,
      'NEG halua* * elää|jatkaa|herätä, ' +
      'halua*|haluaisi|haluavansa kuolla, kuolla pois, pois tästä elämästä, ' +
      'elämä|elämällä|elämässä NEG * arvoa|arvoinen|arvoiselta|tarkoitusta|mieltä|merkitystä, ' +
      'elämänhalu* * kadon*|kadonnut|mennyt|hukassa|loppu*|NEG, ' +
      'kuolema-ajatuk*|kuolemanajatu*|kuolemantoive*, kuoleman|kuolemaan ajatuks*|toive*, ' +
      'ajatuksia|ajattelee|ajatellut|miettii|miettinyt kuolema*|kuolemasta|kuolevansa|kuolla, ' +
      'tappa*|tappaa|tappavansa itsens*|itseni, itsens*|itseni tappa*|tappamis*, ' +
      'päättä*|päättää|päättävänsä|päättämään|lopetta*|lopettaa|lopettavansa * päivänsä|elämänsä, ' +
      'hyppää*|hypätä|hyppäävänsä * sillalta|junan|parvekkeelta|katolta|alle', 'acute'),
    c('uhkaa_itsetuholla', STRONG, 'uhka*|uhannut|uhkasi|uhkailee|uhkaili * tappaa|tappavansa|tehdä|tekevänsä * itsens*|itsemurh*, uhka*|uhannut|uhkasi|uhkailee|uhkaili * itsemurhalla|itsetuholl*', 'acute'),
    c('ei_jaksa_ajatukset', STRONG,
      'miet*|ajatel*|pohti*|kirjoitt*|vihjail*|viestitt* * NEG jaksa*, ' +
      'NEG jaksa* * elää|olla|olemassa, NEG jaksa* huomiseen|huomista|aamuun, NEG jaksa* * enää päivää*', 'acute'),
    // Saying goodbye is a warning sign of suicide.
    c('hyvastely', STRONG,
      'hyvästel*|*hyvästel*|jäähyväis*|hyvästi|hyvästit, kiitos kaikesta, pitäkää|pidä huolta * lapsista|lapsista|äidistä|kaikista, ' +
      'kiitti|kiittänyt|kiitteli|kiittelee|kiittää kaikesta anteeksi, anteeksi kiitti|kiittänyt|kiitteli|kiittelee|kiittää kaikesta, ' +
      // Spoken `sori kaikesta` (sorry for everything) is a farewell; an apology says what for.
      'tää|tämä oli tässä, sori kaikesta, tog farväl, tack för allt, avskedsbrev*|avskedsmeddelande*, ' +
      'said|saying goodbye, goodbye|farewell message*|letter*|note*, thanked * for everything', 'acute'),
    // An announced overdose of one's own medicines, told with when or all at once (`ottaa tänään kaikki sen lääkkeet`,
    // `going to take all my pills tonight`): taking all one's medicines as prescribed is no sign.
    c('kaikki_laakkeet', STRONG,
      'ottaa|ottaisi|otan|ottavansa|vetää|vetäisi|nielee * tänään|tänää|illalla|yöllä|kerralla|nyt * kaikki * lääkkee*|*lääkkee*|pilleri*|*pilleri*|tabletit|*tabletit|tablettinsa|nappul*, ' +
      'aikoo|aikovansa|uhkaa|uhkasi|meinaa|meinasi|sanoo|sanoi * ottaa|ottavansa|vetää|niellä * kaikki * lääkkee*|*lääkkee*|pilleri*|*pilleri*|tabletit|*tabletit|nappul*, ' +
      'kaikki * lääkkee*|*lääkkee*|pilleri*|*pilleri*|tabletit|*tabletit|nappul* kerralla, ' +
      'tänker|ska|skulle * ta * alla * tabletter|tabletterna|piller|pillren|mediciner|medicinerna, ' +
      'going|gonna|plans|planning|threatens|threatened * to take * all * pills|meds|medication|medicine|tablets, ' +
      'take|takes|taking|took * all * pills|meds|medication|medicine|tablets * tonight|at once', 'acute'),
    // An apology for everything at the end of such a message (`ja et sori kaikesta`).
    c('anteeksi_kaikesta', FAIR, 'sori|sorry|anteeksi|förlåt * kaikesta|för allt|for everything', 'acute'),
    // Giving one's belongings away is a warning sign of suicide.
    c('tavarat_pois', MEDIUM,
      'antanut|antaa|antoi|lahjoittanut|lahjoittaa|jakanut|jakaa * tavaroitaan|tavaransa|omaisuuttaan|omaisuutensa|lemmikkinsä pois, ' +
      'given|giving|gave|give * away * belongings|possessions, given|giving|gave|give * belongings|possessions away, gett|ger|gav bort * saker|ägodelar', 'acute'),
    // Not daring to go home says home is not safe, whoever or whatever makes it so.
    c('ei_turvassa_kotona', CLEAR,
      'NEG uskal* * kotiin|kotia|kotona|takaisin, pelkää|pelkäävät|pelkäsi|pelottaa * mennä|palata * kotiin, ' +
      'vågar NEG * hem|hemma, afraid|scared to go home, unsafe at home', 'acute'),
    c('keino_mietitty', MEDIUM, 'miet*|pohti*|suunnitel* * miten|keino*|tapaa|tavan * tekisi|tehdä|toteuttaisi * sen|itsensä', 'acute'),
    // Gathering the means is a warning sign of suicide.
    c('keinot_koottu', MEDIUM, 'kerännyt|keränneensä|säästänyt|säästäneensä|hamstrannut * lääkkei*|pillere*|unilääkkei*|tablettej*', 'acute'),
    c('ei_jaksa_enaa', FAIR, 'NEG jaksa* enää, NEG enää jaksa*, jaksa* NEG enää, jaksaminen * lopussa, voimat * lopussa|loppuneet|loppu'),
    c('aseet', WEAK, 'ase|aseita|aseet|aseen|aseensa|asekaappi*|haulikko*|kivääri*|pistooli*|metsästysase*|köysi*|köyden, keränn*|kerännyt|kerää * lääkkeitä|pillereitä'),
    c('shokki', CLEAR,
      'shokk*|shokissa|sokissa|sokki*|sokkiin|lamaantu*|hädissään|hätääntyn*|hysteer*|romahti|romahtanut|romahtaneen, ' +
      'pois tolaltaan, tolaltaan, täysin sekaisin', 'recentAcute'),
    c('jarkytys', FAIR, 'järkyttyny*|järkytty*|järkytys*|järkyttävä*'),
    c('kriisi', FAIR, 'kriisi*|*kriisi*, traumaattinen|traumaattisen|traumaattisia kokemus|kokemuksen|tapahtuma|tapahtuman'),
    c('akuutti_kriisi', STRONG, 'akuut*|äkillinen|äkillise* kriisi*', 'acute'),
    c('onnettomuus', MEDIUM, 'onnettomuu*|tulipalo*|kolaroi*|kuolonkolari*|henkirikos*|ampumavälikoht*, väkivaltaise* kuolem*', 'recentAcute'),
    c('akillinen_menetys', CLEAR, 'äkillise*|äkillisesti|äkkiä|yllättäen|yllättäin|odottamatta|yllättävä* * kuol*|kuoli|kuollut|menehty*|menetys*|kuolema*|kuolemaan', 'recentAcute'),
    c('sv_kris', STRONG, 'självmord*|*självmord*|suicid*|självmordstankar, vill NEG leva, ta sitt|mitt liv, ta livet av sig|mig, vill dö', 'acute'),
    c('sv_chock', CLEAR, 'chock*|chockad*|chockade|krisstöd*|krishjälp*|kristelefon*, i chock', 'recentAcute'),
    c('sv_kris_ord', FAIR, 'kris|krisen|kriser'),
    c('sv_orkar', FAIR, 'orkar NEG längre|mer'),
    c('en_crisis', STRONG, 'suicid*, kill himself|herself|myself|themselves, end * life, want|wants|wanted to die, NEG want|wants * live, take * own life', 'acute'),
    c('en_shock', CLEAR, 'shock|shocked|distraught|devastated, in shock', 'recentAcute'),
    c('en_crisis_word', FAIR, 'crisis'),
  ],

  loneliness: [
    c('yksinaisyys', STRONG, 'yksinäi*|*yksinäi*'),
    c('yksin', WEAK, 'yksin|yksinään|yksikseen'),
    // Feeling alone, in the first person: `oon aika yksin`, `tunnen olevani yksin`.
    c('tuntee_olevansa_yksin', MEDIUM, 'olen|oon|tunnen|tuntuu|tuntee yksin|yksinään'),
    // No one to talk to or see: `ei ole puhunut kenenkään kanssa moneen päivään`.
    c('ei_kontakteja', MEDIUM, 'NEG * puhunut|puhu|jutellut|nähnyt|tavannut * kenenkään, NEG * nähnyt|tavannut|tapaa * ketään'),
    c('ei_ystavia', CLEAR,
      'NEG ole|ollut|omaa * ystäv*|kaver*|tuttav*|läheisi*|verkosto*|tukiverkko*|tukiverkosto*|ihmissuhte*|sosiaalisia, NEG ystäviä|kavereita|tuttavia|läheisiä|omaisia|sukulaisia|sosiaalisia|tukiverkko*|tukiverkosto*|verkostoa, ' +
      'ystäv*|kaveri*|kavereita|tuttav*|tukiverkko*|tukiverkosto*|ihmissuhte* NEG ole|ollut, ' +
      'ystäv*|kaveri*|kavereita|tuttav*|tukiverkko*|tukiverkosto*|ihmissuhte* vähän|vähissä|kaikonn*|kaikonneet|harvassa|puuttu*|jääneet|jäivät|jäi|loppuneet, ' +
      'vähän|harvoin|niukasti|juurikaan ystäv*|kaver*|kontakt*|ihmisiä, ' +
      'NEG tunne * ketään|ihmisiä, NEG ole ketään, NEG * kenelle|kenen puhua|jutella|soittaa, NEG tapaa * ketään|ihmisiä|muita'),
    c('laheiset_kaukana', FAIR, 'omaiset|lapset|läheiset|sukulaiset|lapsensa|tytär|poika|sisarukset * asuvat|asuu * kaukana|etelässä|ulkomailla|ulkomaillaan|toisella|muualla, lives|live * far away|abroad'),
    c('ei_kay_missaan', MEDIUM, 'NEG käy|käynyt * missään|ulkona|ulkopuolella|harrastu*|kenenkään, NEG * lähde*|poistu* * kotoa|mihinkään|asunnosta, NEG ole|ollut lähtenyt kotoa|mihinkään|asunnosta|ulos, NEG * poistu*'),
    c('eristaytynyt', CLEAR, 'eristäyty*|eristäytyn*|eristy*|eristynyt|eristyksi*|erakko*|erakoitu*|syrjäyty*|syrjäytyn*|sulkeutu*|sulkeutun*, sosiaalise* eristä*, neljän seinän'),
    c('verkosto', MEDIUM,
      'sosiaalis*|sosiaali* suht*|verkost*|kontakt* puuttu*|pieni|pienet|suppea|vähäi*|kapea|ohu*|ohut|NEG|vähän, ' +
      'tukiverko*|tukiverkosto* * pieni|suppea|ohut|vähäi*|NEG|puuttuu'),
    c('kaipaa_seuraa', CLEAR,
      'kaipa*|kaipaisi|toivoo|toivoisi|haluaisi|haluaa * seuraa|ystäviä|ystävää|juttuseuraa|kaveria|kavereita|ihmisiä|porukkaa|yhteisö*|seuraa, ' +
      'tavata|tapaamaan|tutustua|tutustumaan * ihmisiä|ihmisiin|uusia|uusiin|muita, ystävysty*|ystävystymään, löytää * ystävi*|ystävän|kavereita|seuraa, ' +
      'juttuseura*|ystävätoimin*|ystäväpalvel*|kerhotoimin*|kohtaamispaik*|olohuonetoimin*|päivätoimin*'),
    c('pitkat_paivat', MEDIUM,
      'tekemistä * päiviin|päivään|arkeen|päiviinsä|päivisin, ' +
      'päivät|päivien|illat * pitki*|pitkiä|pitkät|yksitoikkoisi*|tyhjiä|yksinäisiä, ' +
      'istuu|makaa|viettää * päivät|päivänsä * kotona|yksin, istuu * kotona'),
    c('kiusaaminen', WEAK, 'kiusa*|kiusattu|kiusaaminen|kiusattiin|syrjit*|syrjintä*, porukan|ryhmän ulkopuol*'),
    c('sv_ensam', STRONG, 'ensamhet*|isolera*|isolerad*|isolering*, känner * ensam'),
    c('sv_ensam_ord', FAIR, 'ensam|ensamma'),
    c('sv_hemma', MEDIUM, 'sitter|är * hemma|ensam, dagarna * långa'),
    c('sv_vanner', CLEAR, 'inga|saknar|knappt|sällan|få vänner|vän|umgänge|sociala, träffar|träffa inga|ingen|sällan|knappt|nästan, träffa * människor|nya|andra|vänner, sällskap*|vänskap*'),
    c('en_lonely', STRONG, 'lonel*|isolat*|withdrawn, NEG have|has|know * friends|anyone|anybody, nobody|noone * talk|turn, lacks * social, meet * people, new people, make friends, need*|want*|miss*|lack*|some|keep|keeps|kept * company'),
    c('en_alone', WEAK, 'alone'),
    // No one to talk to or see (`has no one to talk to`, `nobody visits`, `no social contacts`), the negation written as NEG.
    c('en_no_one', STRONG, 'NEG one|body * talk|turn|call|visits|visit|calls|cares|comes|checks|else, has|have|had NEG one|friends|anybody|anyone|contacts, nobody|noone|no-one * visits|visit|calls|call|cares|comes|checks, NEG * friends, NEG social contacts|life|network|relationships, few|limited|little|lacks|lacking|lack|small|narrow * social contact*|contacts|network*|circle|life|relationships'),
    // No friends in Swedish (`har inga vänner`, `ingen som hälsar på`, `känner sig utanför`), the negation written as NEG; not `något`, which folds into `någon`'s stem.
    c('sv_inga_vanner', STRONG, 'har|hade|finns|saknar NEG * vänner|vän|kompisar|kompis|umgänge|kontakter|sociala, har|hade|finns NEG att prata|tala|umgås|vända, NEG som * hälsar|besöker|ringer|bryr|frågar|lyssnar, känner|kände * sig * utanför|bortglömd|övergiven|osynlig, utanförskap*, vänner|vännerna|kompisar|kompisarna|umgänget * försvunnit|försvann|slutat, saknar|behöver|önskar * någon * prata|tala|umgås|träffa'),
  ],

  legal: [
    c('juridiikka', STRONG,
      'juridi*|lainopil*|lakiasi*|oikeudellis*|oikeusap*|oikeusavu*|oikeusaputoimi*|oikeusavustaj*|lakimie*|lakimiehe*|juristi*|asianajaj*|asianajo*|lakineuvo*|lakipalvelu*, ' +
      'oikeudelli* asi*|neuvo*|apu*|apua'),
    c('oikeudet', MEDIUM, 'oikeuksi*|oikeuksist*|oikeuksiaan|oikeutensa|oikeuttaan|oikeusturva*'),
    c('valitus', STRONG,
      'valitt*|valitu*|valitus* * päätök*|päätöks*|päätöksestä|päätöksistä|hylkäävästä, ' +
      'hylät*|hylättiin|hylkäs*|kielteise* * valitus|valitusta|valittaa|valittamaan, ' +
      'muutoksenha*|oikaisu*|oikaisuvaat*|oikaisupyyn*|valitusaika*|valituskirjel*|valitusosoitu*|hallinto-oikeu*|vakuutusoikeu*|muutoksenhakulautakun*|sosiaaliasiamie*|potilasasiamie*, ' +
      'hakea|hakenut|hakemaan * muutosta'),
    c('valitus_sana', FAIR, 'valitu*|valitukse*|valittaa|valittanut|kantelu*|kantelee'),
    c('edunvalvonta', STRONG, 'edunvalv*|*edunvalv*|holhous*|holhoustoimi*'),
    c('huoltajuus', MEDIUM, 'huoltajuu*|*huoltajuu*|tapaamisoikeu*|*tapaamisoikeu*|tapaamissopimu*|elatu*|elatusmaks*|elatusap*|elatussopimu*, isyyden vahvist*|tunnustami*'),
    c('maahanmuutto_oikeus', MEDIUM,
      'perheenyhdistä*|oleskelulu*|*oleskelulu*|oleskeluoikeu*|turvapaikkapäätö*|karkoitu*|karkotu*|karkotet*|käännyty*, maasta poist*, ' +
      'voi|voiko|saa|saako * jäädä * suomeen|maahan, jäädä suomeen'),
    c('kielteinen_oleskelu', STRONG, 'kielteinen|kielteisen * turvapaik*|oleskelulu*, käännytyspäätö*|karkotuspäätö*|karkoitu*|käännyty*', 'soon'),
    c('perinto', CLEAR, 'perinnö*|perintö*|perukirj*|perunkirj*|testamentt*|ositu*|avioehto*|kuolinpes*, omaisuuden jak*, lesken oikeu*'),
    c('oikeudenkaynti', MEDIUM, 'oikeudenkäyn*|oikeuteen|oikeudessa|käräjä*|käräjäoikeu*|haastehakem*|haastettu|tuomio*|tuomittu|syyte*|syytetty*|syyttäjä*|rikosasi*|rikosprosess*|kuulustel*|esitutkin*|sovittelu*'),
    c('oikeusturva', CLEAR,
      'lähestymiskiel*|oikaisuvaatimu*|muutoksenhak*|valitusosoitu*|oikeusturv*|oikeusavu*|oikeusaputoimisto*|hallinto-oikeu*, ' +
      'hakea muutosta, laillinen|=laiton|=laitonta|laittom*|lainvastai*|lainmukai*|oikeuksi*|oikeutensa|oikeuksistaan, ' +
      'epäiltynä|epäilty * rikoksesta|näpistyksestä|varkaudesta, näpist*|myymälävarkau*|rikosepäil*, rikosilmoitu* * hänestä|häntä vastaan'),
    c('sopimukset', WEAK, 'kuluttajaneuvon*|kuluttajariit*|reklamaat*|valtakirja*|sopimus*|sopimuks*'),
    c('ei_ymmarra_paatosta', FAIR, 'päätö*|päätöks*|kirje*|kirjee* * NEG ymmärrä|ymmärtänyt|ymmärtäneet, NEG ymmärrä * päätö*|päätöks*|kirje*|kirjee*|paperi*'),
    c('sv_juridik', STRONG, 'juridisk*|rättshjälp*|rättsligt|rättsliga|advokat*|jurist*|överklag*|intressebevak*|förmyndar*|vårdnadstvist*|umgängesrätt*|uppehållstillstånd*|arvet|testamente*|bouppteckning*|rättegång*|rättsprocess*|domstol*|bodelning*|besöksförbud*|kontaktförbud*, god man'),
    c('en_legal', STRONG, 'legal|legally|lawyer*|attorney*|solicitor*|appeal*|guardianship|custody|inheritance|court|lawsuit|sued, residence permit, visitation rights, legal aid, her|his|their rights'),
  ],

  crime_victim: [
    c('rikoksen_uhri', STRONG,
      'rikosuhri*|*rikosuhri*|asianomista*, rikoksen|rikosten uhri*|kohtee*|kohteeksi, ' +
      'joutu* * ryöstön|huijauksen|petoksen|pahoinpitelyn|rikoksen|väkivallan|lähisuhdeväkivallan|väkival* * kohteeksi|uhriksi'),
    c('uhri', FAIR, 'uhri|uhriksi|uhrina|uhrin|uhria|uhreille|uhrit'),
    c('rikosilmoitus', CLEAR,
      'rikosilmoi*|*rikosilmoitu*|tutkintapyyn*|ilmiantaa|ilmianneta|ilmiannettava*|ilmianto*|ilmianta*, ' +
      'ilmoitu*|ilmoittaa|ilmoittanut|ilmoitus|ilmoituksen poliisille, poliisille * ilmoitu*|ilmoittaa|ilmoittanut|ilmoituksen|ilmoitus'),
    c('poliisi', WEAK, 'poliisi*|polisen|polis|police'),
    c('varkaus', CLEAR,
      'varasti|varastettiin|varastettu*|varastanut|varastaa|varastivat|varastelee|varasteli|+varkau*|ryöst*|murtau*, varkauden kohteeksi|uhriksi|uhri, ' +
      'vei|vienyt|viety|vietiin * lompako*|laukun|pankkikorti*|kortin|puhelimen|puhelin', 'soon'),
    c('petos', STRONG, '*petos|*petosta|petosrik*|petosvi*|*petoks*|huijau*|huijat*|huijari*|huijas*|*huijau*|*huijari*|nettihuija*|romanssihuija*|identiteettivarkau*|kalastel*, tili|tilit|tilin tyhjennet*|tyhjennettiin', 'soon'),
    c('kiristys', CLEAR,
      'kiristä*|kiristys*|kiristi|kiristänyt|kiristetty, ' +
      'uhkaa|uhkasi|uhannut|uhkaavat * levittää|julkaista|jakaa|lähettää, levittä*|levittää|levittänyt|jakaa|jakanut * kuvi*|kuvia|kuviaan|kuvat|videoi*', 'soon'),
    c('taloudellinen_hyvaksikaytto', MEDIUM,
      'taloudelli* hyväksikäyt*|kaltoinkoh*|väkival*, ' +
      'ottaa|otti|ottanut|vie|vei|vienyt * eläkkee*|eläkkeen|eläkkeensä|rahat|rahansa|rahoja|pankkikort*|pankkitunnu*|tilin|tililtä|säästö*'),
    c('pahoinpitely', MEDIUM, 'pahoinpi*|*pahoinpitel*|pahoinpidel*|ryöstö*|ryöstettiin|ryöstetty*|ryöstön'),
    c('rikosrikkomus', MEDIUM, 'vaino*|vainottu|lähestymiskiel*|kunnianloukkau*, laiton|laittoma* uhkau*, assaulted|attacked by'),
    c('tekijan_rangaistus', MEDIUM, 'ilmoittaa|ilmoittamaan|tehdä|tekemään|tehnyt * rikosilmoitu*|poliisille, report * it|crime|assault|attack'),
    c('ihmiskauppa', STRONG, 'ihmiskaup*|pakkotyö*|velkaorjuu*, työperäi* hyväksikäyt*'),
    c('sv_brottsoffer', STRONG, 'brottsoff*|polisanmäl*|förföl*|besöksförbud*|bedrägeri*|bedragen|lurad*|lurades|rånad*|rånet|rånades|stöld*|stulit|stal|stulen|utpress*, anmäl* * polis*|polisen'),
    c('en_victim', STRONG, 'scam*|scammed|fraud*|defrauded|swindl*|stolen|stole|theft|blackmail*|extort*|sextortion, crime victim*, victim* of * crime, identity theft, police report, reported|report * police', 'soon'),
    c('en_robbed', STRONG, 'robbed|robbery|mugged|mugging, attacked * street', 'recentAcute', 'soon'),
  ],

  family: [
    c('vanhemmuus', STRONG, 'vanhemmu*|kasvatusvaik*|kasvatushuol*|kasvatuskysym*|kasvatusneuvo*|lastenkasvatu*|perheneuvo*, kasvatta*|kasvattaa * lap*'),
    c('lastensuojelu', STRONG, 'lastensuojel*|*lastensuojel*|huostaan*|huostaanot*|sijoitet*|sijaishuol*|sijaisperhe*|perhetyö*|perhetyönteki*|perhekuntoutu*'),
    c('perhepalvelu', CLEAR, 'perhekeskus*|perhepalvel*|perhesosiaalityö*|lapsiperhe*|*lapsiperhe*|vauvaperhe*|perhetuki*|tukiperhe*, perheen tuki*'),
    c('avioero', CLEAR, 'avioero*|asumusero*|eroprosess*|erotilan*|*avioero*|eroperhe*|erovanhem*|eroamassa|eroavat|eroaminen|skilsmäss*|divorc*, vanhemmat|vanhempien * ero*|riidat|riitely*|riitel*|riidellään|riitelevät, kotona * riidel*|riidellään|riitaa|riitoja'),
    c('ero', FAIR, 'ero|eron|erosta|eronnut|erota|eroamassa|eroaa|eroprosess*|avioero*|asumusero*|erotilan*|erosi|eronneet|eronnu*'),
    c('ero_kumppanista', MEDIUM, `ero|eron|erosta|eronnut|erosi|erota|eroamassa|eroa|erossa * ${KIN}|miehestään|vaimostaan|kumppanistaan`),
    c('huoltajuus', CLEAR, 'huoltajuu*|*huoltajuu*|huoltajuusriit*|tapaamisoikeu*|*tapaamisoikeu*|lähivanhem*|etävanhem*|yhteishuol*|vuoroasu*|elatu*|tapaamispaik*, valvotut|valvottu tapaami*|vaihto*'),
    c('lasten_tapaaminen', CLEAR, 'tava*|tapaa*|tapaami*|näkemä*|nähdä * lapsi*|lasta|lapsia|lapsiaan|lapsensa|lastaan|lapsiansa'),
    c('yksinhuoltaja', CLEAR, 'yksinhuolt*|uusperhe*|yksinhuoltajaäi*|yksinhuoltajaisä*'),
    c('perhe_erossa', MEDIUM, 'perheenyhdistä*, vaimo|mies|puoliso|lapset|perhe * ovat|on * yhä|vielä * kotimaassa|ulkomailla|*ssa|*ssä'),
    c('raskaus', MEDIUM, '=raskaana|raskau*|raskaus*|synnytyks*|synnyttän*|synnytti|äitiysneuvol*|imetys*|imettä*|vauva-arki*|vastasyntyn*, odottaa lasta|vauvaa'),
    c('perheriidat', MEDIUM, 'perheriid*|perheristiriid*|riidat|riitoja|riitaa|riitaisa*|riitel*, ristiriid* * kotona|perheessä'),
    c('uhkaa_erolla', MEDIUM, 'uhka*|uhannut|uhkasi|harkitsee|harkitsevat|suunnittelee|suunnittelevat * erolla|eroa|erota|eroavansa|lähteä|lähtevänsä|jättää|jättävänsä|avioeroa, hota*|hotat|hotar * lämna|skiljas|skilsmässa, vill skiljas, threaten* * leave|divorce'),
    c('parisuhde', FAIR, 'parisuhde*|parisuhtee*|pariterapi*|parisuhdeterapi*|pariskunta*|parisuhdeongelm*'),
    c('vanhempi_huolissaan', MEDIUM,
      'äiti|isä|vanhemmat|vanhempi|huoltaja|äidin|isän|vanhempien soitt*|soitti|huolissaan|huolestun*|pyytää|kysyy|hakee|ottaa|otti|ilmoittaa|kertoo, ' +
      'huolissaan|huolestunut|huolestuneita|huolissaan * pojasta|tyttärestä|lapsesta|lapsistaan|nuoresta|pojastaan|tyttärestään|lapsestaan, ' +
      'NEG tiedä * miten puuttu*|toimia|suhtautu*|auttaa, miten|kuinka puuttua, asettaa|asettamaan rajoja|rajat, rajojen asettami*'),
    c('uhmaikainen', FAIR, 'uhmaikä*|uhmakohtau*|murrosikä*|murrosikäi*|tottelematto*|käytöshäir*|käytösongelm*|karkail*, NEG tottele*, karkaa kotoa'),
    c('karkaillut_lapsi', FAIR, 'karkail*|hatkat|hatkoi*|hatkassa|hatkaan, karkaa|karannut kotoa, NEG tiedä * missä * on|ovat|oleskelee'),
    c('vanki_vanhempi', MEDIUM, 'isä|äiti|puoliso|mies|vaimo|vanhempi|isänsä|äitinsä * =vankilassa|=vankeudessa|=tutkintavankeudessa|=vankilaan, yksin * lasten|lapsen|lapsien|vauvan kanssa, äiti|isä|vanhemmat * uupunut|uupuneita|väsynyt|väsyneitä|jaksa*'),
    c('lapset_kotona', FAIR, `${CHILDREN} * näki*|näkivät|kuuli*|kuulivat|kotona|paikalla|läsnä|saw|witnessed|såg, lasten|lapsen * nähden|läsnäollessa|edessä`),
    c('vanhempi_vakivalta', FAIR,
      'isä|äiti|isäpuoli|äitipuoli|vanhemmat|vanhempi|isänsä|äitinsä|vanhempansa|isäpuolensa|äitipuolensa * ' +
      'lyö*|löi|hakka*|hakkasi|potki*|potkaisi|kurist*|tönä*|töni*|pahoinpi*|uhkail*|uhannut|heitti|väkival*|väkivaltai*|kuritta*'),
    c('uusi_puoliso', FAIR, 'äitipuol*|isäpuol*, äidin|isän * mies|miesystävä|poikaystävä|puoliso|naisystävä|tyttöystävä|vaimo|kumppani'),
    c('lapset', HINT, CHILDREN),
    // `rådgivningen` alone is the child health clinic; `ekonomisk rådgivning` is advice of any kind.
    c('neuvola', WEAK, 'neuvol*|äitiysneuvol*|lastenneuvol*|bvc|=rådgivningen|barnrådgivning*|mödrarådgivning*'),
    c('perhe', HINT, 'perhe|perheen|perheessä|perheelle|perhettä|perheestä|perheensä|familj*|family'),
    c('lapsiluku', HINT, 'yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahta|kolmea|2|3|4|5|6|7 lasta|lapsi|lasten|lapsen|lastaan|barn|children|kids'),
    c('nuoret_perheessa', FAIR, 'tonåring*|teenager*|teini-ikäi*|murrosikäi*|lastenlap*|lapsenlap*|barnbarn*|grandchild*'),
    c('sv_familj', STRONG, 'föräldraskap*|barnskydd*|barnskyddsanmäl*|vårdnad*|familjerådgiv*|familjearbet*|familjecenter*|omhändert*, ensamstående förälder|mamma|pappa'),
    c('sv_foraldrar', MEDIUM, 'gravid*|separation*|separer*, föräldrar*|förälder|mamman|pappan * orolig*|oroliga|ringer, bråk * hemma'),
    c('en_family', STRONG, 'parenting|custody|pregnan*|separation, child protection|welfare, single parent|mother|father, parents worried, parent* concerned, family counsel*, foster care'),
  ],

  child_youth: [
    c('nuori', WEAK, 'nuori|nuoren|nuorta|nuoret|nuorten|nuoria|nuorelle|nuorella|nuoruus*|*nuori|*nuoren|nuoriso*|nuorukai*'),
    c('koulu', FAIR, 'koulu|koulua|koulun|koulussa|koulusta|kouluun|koulunkäyn*|*koulu|*koulua|*koulun|*koulussa|*koulusta|*kouluun|koulupäiv*|koulutehtäv*'),
    c('alaikainen', CLEAR, 'alaikäi*|koululai*|*koululai*|teini*|murrosikäi*|oppilas*|oppilaa*|yläkoul*|alakoul*|yläaste*|ala-aste*|lukiolai*|esikoul*|päiväkot*|varhaiskasvat*|lastenpsyk*|nuorisopsyk*|nuorisoasem*'),
    c('koulun_palvelut', CLEAR, 'kouluterv*|koulukurat*|kuraattori*|koulupsykolog*|opinto-ohjaaj*|opo|erityisopettaj*|luokanvalvoj*|luokanopettaj*|rehtori*|nuorisotyö*|jälkihuol*|nuorisotalo*|nuorisokoti*|lastenkoti*|nuorisopalvel*, etsivä* nuorisotyö*'),
    c('koulupoissaolot', CLEAR,
      'koulupoissaolo*|poissaolo*|lintsaa*|lintsan*|koulukiusa*|*koulukiusa*|koulunkäyntivaike*, kiusattu|kiusataan|kiusattiin|kiusaavat * koulu*|koulussa, ' +
      'NEG * mene*|käy * kouluun|koulua, koulusta pois, jää*|jäänyt|jäädä * pois * koulu*|koulusta, koulunkäynti * vaike*|katke*'),
    c('lapsi_asiakas', WEAK, 'lapsi|lapsen|lasta|poika|tyttö|pojan|tytön'),
    c('karkailu', CLEAR,
      'karkail*|hatkat|hatkoi*|hatkassa|hatkaan|karkuteil*|karkumatka*, karkaa|karkasi|karkasin|karkaan|karannut|karanneet kotoa|kotoota, ' +
      'ran|run|running away from home, runaway, rymde|rymt|rymmer hemifrån', 'soon'),
    c('sv_ungdom', FAIR, 'ungdom*|tonåring*|minderårig*|högstadie*|mellanstadie*|lågstadie*|elev|eleven|skolkurator*|skolhälsovård*|skolpsykolog*|skolan|skolk*|mobba*|mobbning*|mobbad*'),
    c('en_youth', FAIR, 'teens|teenage*|adolescen*|minor|pupil*|school|schools|bullied|bullying|youth|truan*, school nurse'),
  ],

  employment: [
    c('tyoton', STRONG, 'työtö*|työttö*|*työtö*|*työttö*'),
    c('tyopaikka_meni', STRONG,
      'menett*|menetti|menettänyt * työpaik*|työn|työnsä|työt|työpaikkansa|työpaikan, ' +
      'työpaik*|työsuhde|työsuhteen|työt|työnsä|määräaikaisuu* * loppu*|päätty*|päättyi|meni|lähti|katkesi, ' +
      'potkut|potkuja|irtisanot*|irtisanottiin|irtisanottu|yt-neuvottel*|muutosneuvottel*'),
    c('irtisanominen', FAIR, 'irtisano*|lomaut*|lomautet*'),
    // Neither at school nor at work: the negation is the sign (`ei koulussa eikä töissä`).
    c('ei_toissa', MEDIUM, 'NEG koulussa|opiskele|opiskelemassa NEG töissä|työssä, NEG töissä|työssä NEG koulussa|opiskele|opiskelemassa, NEG ole|oo töissä|työssä'),
    c('tyonhaku', CLEAR,
      'työnhak*|työnhaku*|työnetsi*|työllisty*|työllistymis*|työllisyy*|*työllisyyspalvel*|te-palvelu*|te-toimisto*|työvoimatoimisto*|työvoimapalvelu*|työkkäri*, ' +
      'etsii|hakee|hakenut|etsinyt * töitä|työtä|työpaikkaa|työpaikkoja|töihin|opiskelupaikkaa, työn haku, te palvelu*|toimisto*, ' +
      'päästä|pääsisi|palata|palaamaan|pääsemään * töihin|työhön|työelämään|opiskelemaan, ' +
      'jatkaa|jatkaisi|jatkamaan|aloittaa|aloittamaan * opiskelu*|opinto*|opintojaan|opintonsa'),
    c('tyotoiminta', CLEAR, 'työkokeil*|työtoimin*|palkkatu*|työhönvalmen*|työvalmen*|työpaja*|*työpaja*|ammatinvalin*|uraohjau*|uravalmen*|oppisopimu*|nuorisotakuu*|työelämä*, kuntouttav* työtoimin*'),
    c('opinnot_keskeyt', CLEAR,
      'keskeytt*|keskeytti|keskeyttänyt|keskeyttämä*|lopett*|lopetti|jättänyt|jätti * opinn*|koulu*|*koulun|*koulu|ammattikoul*|ammattiopisto*|*ammattiopisto*|amis*|amikse*|opiskelu*|lukio*|koulutu*|opintonsa|tutkinto*|kesken, ' +
      'opinn*|opiskelu*|koulu*|lukio*|amis*|amikse* * jäi|jäänyt|jääneet kesken, ' +
      'opinn*|opiskelu*|opintonsa * keskeyty*|keskeytyi*|kesken|venyneet|viivästy*|jääneet|jäänyt|jumissa|tauolla|NEG, ' +
      'opiskelupai*|opintopai*|koulutuspai*|ammattiopisto*|ammattikoul*|*ammattiopisto*|*ammattikoulu*, toisen asteen'),
    c('ei_tyota', CLEAR, 'NEG * työtä|töitä|työpaikkaa|opiskelupaikkaa|ammattia|koulutusta|tutkintoa|työkokemusta, työtä|töitä|työpaikkaa NEG * ollut|ole|löydy|löytynyt, jäänyt|jääny*|jättänyt|jättää pois koulusta|koulun|opinnoista|kurssilta, koulupoissaolo*|koulupudok*|koulukieltäyty*|koulu*|amis*|amikse*|lukio* * NEG * käy|käynyt, NEG * käy|käynyt * koulu*|amikse*|amis*|lukio*, out of school|work, dropped out'),
    c('opiskelu', WEAK, 'opinnot|opinnoissa|opinnoista|opintoja|opintojen|opiskelu|opiskella|opiskelemaan|opiskelee|opiskelija*|tutkinto*|koulutu*'),
    c('tyo_mainittu', HINT, 'työ|työt|työssä|työhön|työstä|töissä|töihin|töitä|työpaikka*|työnantaja*|palkka*|sairauslom*|työkyky*|työkyvy*'),
    c('tyossakaynti_vaikeaa', MEDIUM, 'NEG pääse|pääsee|pysty|jaksa|jaksanut|pystynyt * töihin|työhön|työpaikalle|kouluun|luennoille|luennoilla|tunneille|tunneilla, poissaolo* * töistä|työstä, työnantaja* * huomaut*|varoitu*|huolissaan|puuttunut|irtisan*|varoituksen'),
    c('tyo_ongelma', MEDIUM, 'työpaikkakiusa*|työuupum*|työkykyarvi*, työkyky*|työkyvy* heikentyn*|heikent*|alentun*|arvio*, työhön paluu*, sairauslom* pitkä*|pitkittyn*'),
    c('sv_arbete', STRONG,
      'arbetslös*|te-byrå*|arbetskraftsbyrå*|permitter*|uppsagd*, förlora* * jobb*|arbete*|arbetet, sagts upp, söker jobb|arbete, hoppade av, avbröt * studier*|studierna, ' +
      'varken * jobb|arbete|studieplats, söka|hitta|få * jobb|arbete|studieplats, studieplats*'),
    c('en_employment', STRONG,
      'unemploy*|jobless|fired|dismissed, lost * job, job seek*|search*, looking for * work|job, laid off, dropped|drop out, out of work, employment service*, ' +
      'find|finding|get|getting * work|job|jobs, new job|work'),
    c('en_studies', MEDIUM, 'missed|missing|failed|failing * exam|exams|classes|lectures|school, studies * suffer*|behind|stalled'),
  ],

  disability: [
    c('vammainen', STRONG, 'vammai*|*vammai*|vammaisuu*|vammaispalvel*|vaikeavammai*|kehitysvamm*|*kehitysvamm*|liikuntavamm*|näkövamm*|kuulovamm*|aivovamm*|selkäydinvamm*|cp-vamm*|cp-oire*'),
    c('vamma', FAIR, 'vamma|vammansa|vamman|vammoja|vammat'),
    c('toimintakyky', MEDIUM,
      'toimintarajoit*|liikuntarajoit*|toimintakyky*|toimintakyvy*|huonoliikkei*|liikuntakyvy*|apuväli*|kuulokoje*|opaskoira*|pyörätuol*|rollaattor*|sähköpyörätuol*|kuljetuspalvel*|palveluasum*, ' +
      'henkilökohtai* avust*, liikkumisen vaike*, liikkuminen * vaikeaa|vaikeutunut, valkoinen keppi'),
    c('aistivamma', STRONG, 'sokea*|näkövammai*|heikkonäköi*|kuuro*|huonokuuloi*|viittomakiel*|kuurosokea*'),
    c('pitkaaikaissairaus', STRONG, 'pitkäaikaissair*|*pitkäaikaissair*|kroonis*|kroonin*|parantumato*, pitkäaikai* sair*, etenevä*|vaikea*|vakava* sairau*'),
    c('diagnoosit', CLEAR,
      'multippeliskleroo*|parkinson*|als|epilepsi*|nivelreuma*|aivoinfarkt*|aivohalvau*|halvaantu*|halvaus*|amputoi*|amputaatio*|lihastau*|lihasdystrofi*|' +
      'fibromyalgi*|kipupotila*|dialyysi*|downin*|cp|ms-tau*, ms tau*, krooni* kipu*'),
    c('sairaudet', FAIR, 'syöpä*|syövän|syöpää|syöpähoi*|keuhkoahtaumatau*|sydänsairau*|sydämen vajaatoim*|diabet*|reuma*|munuaisvika*|sairaus|sairauden|sairastunut|sairastui'),
    c('sairastaa', CLEAR, `sairasta*|sairastaa|sairastava|sairastanut|sairastunut|sairastui|diagnosoitu|todettu|todettiin * syöpä*|syövän|syöpää|diabet*|reuma*|sydänsairau*|keuhkoahtaumatau*|sairau*|tauti*|*tauti|*tautia`),
    c('neuro', MEDIUM, 'autis*|autismikirj*|asperger*|kehityshäir*|neuropsykiatr*|adhd|add|tourette*|oppimisvaik*|lukihäir*|kehitysviive*|aivovaurio*'),
    c('tyokyvyttomyys', FAIR, 'työkyvyttö*|työkyvytön|kuntoutu*|kuntoutustu*'),
    c('sv_funktion', STRONG, 'funktionsnedsätt*|funktionshind*|handikapp*|rörelsehind*|synskad*|blind|döv*|hörselskad*|utvecklingsstörn*|rullstol*|färdtjänst*, kronisk*|långvarig* sjukdom, personlig assistent*'),
    c('en_disability', STRONG, 'disab*|disabled|handicap*|wheelchair|blind|deaf|autism|autistic|paraly*, chronic* ill*, long-term illness, learning|intellectual disabilit*, multiple sclerosis, chronic pain, personal assistan*'),
  ],

  elderly: [
    c('ikaihminen', STRONG, 'ikäihmi*|*ikäihmi*|ikääntyn*|*ikääntyn*|ikäänty*|iäkä*|iäkkää*|vanhu*|*vanhus*|vanhuspalvel*|vanhuseläk*|seniori*|*seniori*|vanhainkot*'),
    c('muistisairaus', MEDIUM, 'muistisair*|*muistisair*|muistihäir*|muistiongelm*|dementi*|alzheimer*|muistihoitaja*|muistipoliklin*, muisti * heikentyn*|heikkenee|pettää|pätkii'),
    c('kotihoito', MEDIUM, 'kotihoi*|*kotihoi*|kotihoitaja*|kotipalvelu*|palvelutalo*|*palvelutalo*|hoivakot*|omaishoidettava|turvapuhelin*|turvaranneke*|ateriapalvel*, tehostet* palveluasum*'),
    c('elakelainen', MEDIUM, 'eläkeläi*|*eläkeläi*|eläkkeellä|eläkkeelle|eläkeikäi*|vanhuuseläk*'),
    c('kaatuilu', FAIR, 'kaatuil*|kaatumi*|kaatunut|kaatui|lonkkamurtu*|haurastu*|hauras'),
    // Confused and lost outside, or unable to say where one lives: someone must come today.
    c('sekava_ulkona', CLEAR,
      'löytyi|löydettiin|löytynyt|harhailee|harhaili|harhailemassa|eksyi|eksynyt * pihalta|pihalla|ulkoa|ulkona|kadulta|kadulla|metsästä * yöpaidassa|yövaatteissa|sukkasillaan|tohveleissa|paljain, ' +
      // Not `sekava` alone: a drunk or psychotic client is confused too.
      'NEG osannut|osaa|osaisi|osannu * sanoa|kertoa * missä asuu|mikä päivä|missä on|kuka on, desorientoitu*, ' +
      'wandering * nightgown|pyjamas|slippers, could NEG say * where * lives|what day', 'acute'),
    c('sv_aldre', STRONG, 'äldre|åldring*|pensionär*|demens*|minnessjuk*|hemvård*|hemtjänst*|serviceboende*|äldreomsorg*|äldreboende*|åldrande'),
    c('en_elderly', STRONG, 'elderly|pensioner*|retiree*|dementia|alzheimer*|seniors, older person|people|adult*, home care, nursing home, senior citizen*'),
  ],

  caregiver: [
    c('omaishoito', STRONG, 'omaishoi*|*omaishoi*'),
    c('omainen', FAIR, 'omaise*|omaisena|omaisten|omaiset|omaisille'),
    c('laheinen', WEAK, 'läheise*|läheisenä|läheisten|läheiset|läheisille'),
    c('laheisen_ongelma', CLEAR,
      `läheise*|${KIN} * päihde*|päihdeongelm*|peliongelm*|mielenterveysongelm*|riippuvuu*|alkoholiongelm*|alkoholism*|huumeongelm*|juomi*, ` +
      'läheisriippu*|omaistensa, läheisen roolissa, läheisten tuki*, läheisille tarkoitet*, omaisen jaksami*'),
    // The parents or children of someone who uses, drinks or gambles: `huumeita käyttävän nuoren vanhemmat`.
    c('kayttajan_laheinen', CLEAR,
      'käyttävän|juovan|pelaavan|juopottelevan * nuoren|lapsen|pojan|tyttären|puolison|miehen|vaimon|äidin|isän * vanhem*|äiti|isä|vaimo|mies|puoliso|sisar*|sisko|veli|läheise*|omaise*|lapset|lapsi'),
    // Caring for a spouse or parent with a memory disease: `muistisairas puoliso`.
    c('muistisairaan_omainen', CLEAR,
      'muistisaira*|dementoitu* puoliso*|miehe*|vaimo*|äiti*|äidi*|isä*|isää*|vanhemp*, ' +
      'puolisolla|miehellä|vaimolla|äidillä|isällä|vanhemmilla * muistisairau*|dementia*|alzheimer*'),
    c('laheisen_kaytos', CLEAR,
      `${ADULT_KIN}|läheise* * juo|joi|juonut|juovat|käyttää|käyttänyt|pelaa|pelannut|pelaavat|sairastaa|sairastanut, ` +
      `huolissaan|huolestunut|huolestuneita|huolissaan * ${ADULT_KIN}, worried about * husband|wife|son|daughter|brother|sister|mother|father|partner`),
    c('tuki_omaiselle', CLEAR, 'support|help for * herself|himself|themselves, stöd för * sig själv|själv'),
    c('hoitaa_laheista', STRONG,
      '^hoita*|^huolehti* * häntä|heitä|hänestä|heistä, ' +
      `^hoita*|^huolehti*|^avusta*|auttaa * ${KIN_CARED_FOR}, ` +
      '^hoita* * kotona|ympärivuorokautise*, ' +
      `${KIN} * tarvitsee * jatkuvaa|ympärivuorokautista hoivaa|hoitoa|apua`),
    c('vapaat', FAIR, 'vapaapäiv*|intervallijakso*|intervallihoi*|lomitu*|lomittaja*|vapaita|vapaat|hengähdystauko*|tilapäishoi*, lakisääteis* vapa*'),
    c('hoivan_jatkuvuus', MEDIUM, 'kuka * huolehtii|huolehtisi|hoitaa|hoitaisi, kuka * pitää|pitäisi huolta'),
    // Support for oneself, not for someone else (`tukea tytölle itselleen`).
    c('tukea_itselle', CLEAR, 'tuke*|tukea|apua * itselleni|itsellenikin, tuke*|tukea|apua myös itselle*|itselleen, ' +
      'haluaa|haluaisi|toivoo|toivoisi|tarvitsee|tarvitsisi|kaipaa|kaipaisi * tuke*|tukea|apua =itselleen|=itselleenkin'),
    c('oma_jaksaminen', FAIR, 'omaan|oman|omaa jaksami*|hyvinvoint*, omasta jaksamise*'),
    c('jaksaminen', WEAK, 'jaksami*|jaksamisesta|jaksamista|uupunut|uupumus'),
    c('sv_narstaende', STRONG, 'närståendevård*|*närståendevård*|närstående|anhörigvård*|anhörigstöd*, vårda*|vårdar * make|maka|man|fru|mamma|pappa|förälder|föräldrar|son|dotter|barn|sambo|hemma'),
    c('sv_anhorig', FAIR, 'anhörig*'),
    c('sv_anhorigs_bruk', CLEAR,
      'son|sonen|dotter|dottern|man|mannen|make|maken|fru|frun|hustru|hustrun|sambo|sambon|mamma|pappa|bror|brodern|syster|systern * använder|dricker|super|spelar|missbrukar'),
    c('en_relatives_use', CLEAR,
      'son|daughter|husband|wife|partner|boyfriend|girlfriend|mother|father|mum|mom|dad|brother|sister * uses|drinks|gambles|abuses|addicted'),
    c('sv_skoter', STRONG, 'sköter|sköta|skött|tar hand om * henne|honom|make|maka|man|fru|mamma|pappa|förälder|föräldrar|son|dotter|sambo, avlastning*|anhöriggrupp*|*anhöriggrupp*'),
    c('en_carer', STRONG, 'carer*|caregiv*|respite, caring|cares for * husband|wife|mother|father|son|daughter|partner|parent|relative*, family member|relative of'),
  ],

  immigration: [
    c('maahanmuutto', STRONG,
      'maahanmuut*|*maahanmuut*|pakolai*|*pakolai*|turvapaik*|oleskelulu*|*oleskelulu*|kotoutu*|*kotoutu*|kotouttam*|maahanmuuttovirasto*|migri|' +
      'perheenyhdistä*|paperito*|paperitto*|vieraskieli*|ulkomaalaistaust*'),
    c('muuttanut_suomeen', STRONG, 'muutt*|muutti|muuttanut|tullut|tuli|saapui|saapunut|paennut|pakeni * suomeen, suomeen * muutt*|muuttanut|tullut|saapun*|paenn*'),
    c('lahtomaa', MEDIUM,
      'syyriasta|irakista|afganistanista|somaliasta|eritreasta|etiopiasta|sudanista|kongosta|iranista|ukrainasta|venäjältä|virosta|kosovosta|albaniasta|' +
      'thaimaasta|vietnamista|kiinasta|intiasta|pakistanista|bangladeshista|nigeriasta|marokosta|jemenistä|palestiinasta|myanmarista|keniasta|' +
      'filippiineiltä|nepalista|kurdistanista|tšetšeniasta|bosniasta|serbiasta|romaniasta|bulgariasta|liettuasta|latviasta|brasiliasta|' +
      'kolumbiasta|libanonista|egyptistä|tunisiasta|algeriasta|gambiasta|ghanasta|kamerunista|ruandasta|burundista|ugandasta|tansaniasta|lähtömaa*, ' +
      'kotimaa*|kotimaassaan|kotimaastaan * sota*|sodan|sotaa'),
    c('kansalaisuus', FAIR,
      'syyrialai*|irakilai*|afganistanilai*|afgaani*|somalialai*|eritrealai*|ukrainalai*|venäläi*|virolai*|kurdi*|thaimaalai*|vietnamilai*|' +
      'kiinalai*|intialai*|pakistanilai*|nigerialai*|marokkolai*|romanialai*|bulgarialai*|puolalai*|ulkomaalai*|ulkomail*'),
    c('tulkki', MEDIUM, 'tulkki*|tulkin|tulkkia|tulkkaus*|tulkattu*|tulkilla|tulkkipalvel*|asioimistulk*|*tulkki|*tulkin|*tulkkia'),
    c('kielitaito', STRONG,
      'suome*|suomi * vähän|huono*|heikko*|heikosti|alkeis*|niukasti|auttava*|auttavasti|puutteelli*|rajallise*|hieman|vähäinen, ' +
      'suomen kiel*|kieltä * vähän|huono*|heikko*|heikosti|alkeis*|niukasti|auttava*|puutteelli*|rajallise*, ' +
      'NEG puhu*|osaa|ymmärrä * suomea|suomen|kieltä, ' +
      'oppia|opiskella|opiskelee|oppimaan|opettelee|opetella * suomea|suomen, ' +
      'kielikurssi*|kotoutumiskoulutu*|kieliopinto*, suomen kurssi*|kielikurssi*, suomi toisena kielenä, kielitaito* heikko|puuttuu|puutteelli*'),
    c('kansalaisuus_asia', FAIR, 'kansalaisuu*|kansalaisuushakemu*|henkilöllisyystodistu*|ulkomaalaislaki*|työlupa*'),
    c('sv_invandr', STRONG,
      'invandr*|flykting*|asyl*|uppehållstillstånd*|nyanländ*|integration*|tolk|tolken, ' +
      'flyttat|flyttade|kom|kommit * till finland'),
    c('sv_kielitaito', STRONG, 'talar lite|knappt svenska|finska, dålig* svenska|finska'),
    c('en_immigration', STRONG, 'immigra*|migrant*|refugee*|asylum|integration|interpreter|undocumented, residence permit, newly arrived, little finnish, moved|came to finland, arrived in finland'),
  ],

  food: [
    c('ruoka_apu', STRONG,
      'ruoka-ap*|ruoka-av*|ruokaap*|ruokaav*|ruokakass*|ruokapank*|ruokajon*|leipäjon*|ruoanjak*|ruuanjak*|ruokajak*|ruokalahjoi*|ruokalipp*|' +
      'ruokaseteli*|lounasseteli*|yhteisöruokail*|ruoka-avun, ruoka ap*|av*, ruokailu* seurakun*|diakon*', 'soon'),
    c('ruoka_loppuu', STRONG,
      'ruoka|ruokaa|ruoat|ruuat|ruoka-aineet * loppu*|loppuu|loppuvat|vähissä|lopussa|NEG, ' +
      // Having, getting or buying no food; not cooking (`ei jaksa laittaa ruokaa`) is another matter.
      'NEG ole|ollut|ollutkaan|saa|saanut|riitä*|riittä*|ostaa|ostamaan|osta * ruokaa|syötävää|ruokaan|ruoan|ruuan, ' +
      'NEG * varaa * ruoka*|ruokaan|ruokaa|syödä, ' +
      'raha|rahat|rahaa NEG * riitä|riittää * ruoka*|ruokaan|ruoan|ruuan, ' +
      'ruokarah*|ruokaostoks*|ruokamenoi*, rahaa ruokaan, ruoka|ruokaa|ruokia|ruoat * asti|alkuun|saakka, ruoka|ruokaa * muutamaksi|pariksi päiväksi'
      , 'soon'),
    c('tarvitsee_ruokaa', STRONG, 'tarvitsee|tarvitsisi|tarvitsevat|vailla|pyytää|pyysi|hakee ruokaa|ruoka-apua|ruokakassi*|ruokaa', 'soon'),
    c('syo_vahan', STRONG,
      'syö|söi|syönyt|syövät|syödä|syömään * kerran|vain|harvoin|niukasti|vähän, ' +
      'NEG * syötävää, jättää|jättänyt * aterioi*|ateriat|syömättä, syömättä', 'soon'),
    // Not eating (properly) is as often grief, distress or illness as a lack of food: it needs company.
    c('ei_syo', FAIR, 'NEG * syönyt|syö, syö|syönyt|syövät huonosti'),
    c('nalka', STRONG, 'nälkä*|nälkää|nälässä|nälkäi*|näläs*|aliravitsemu*|aliravittu*, jääkaappi|kaapit * tyhjä|tyhjinä|tyhjillään, tyhjä|tyhjät jääkaappi|kaapit', 'soon'),
    c('laihtuminen', WEAK, 'laihtu*|laihtunut|laihtuneen|painonlasku*, painoa * pudonnut|laskenut'),
    c('perustarpeet', MEDIUM, 'perustarpe*|vaateap*|vaateav*|talvivaat*|hygieniatarvik*|vaipo*|vaipat|maitokorvike*, NEG * vaatteita|talvitakkia|kenkiä'),
    c('diakonia', FAIR, 'diakonia*|diakoni*|diakonissa*, seurakunna* avustu*'),
    c('sv_mat', STRONG, 'mathjälp*|matkass*|matbank*|matutdelning*|hungr*|svält*, maten * slut, slut på mat', 'soon'),
    c('en_food', STRONG, 'hungry|hunger, food bank*|aid|parcel*, out of food, nothing to eat, skip*|skipping meals, money for food, food * until|runs|running out', 'soon'),
    // No food (`no food at home`, `can't afford food`, `the fridge is empty`), the negation written as NEG; not cooking, which is another matter.
    c('en_no_food', STRONG, 'starv*|malnourish*|undernourish*, NEG * afford * food|groceries|meals|eat, NEG * money * food|groceries|eat|meals, NEG food|groceries * home|house|left|fridge|kids|children, has|have|had NEG * food|groceries, empty * fridge|cupboards|cupboard|pantry, fridge|cupboards|cupboard * empty|bare, bread|food * line|lines|queue|queues|distribution|voucher*|coupon*, soup kitchen*, free * meal|meals|lunch|food, bed * hungry, only * one meal', 'soon'),
    // No food in Swedish (`vi har ingen mat`, `inga pengar till mat`, `tomt i kylskåpet`), the negation written as NEG.
    c('sv_ingen_mat', STRONG, 'har|hade|finns|fanns NEG * mat|maten|matvaror, har|hade|finns|fanns NEG att äta, NEG mat|maten|matvaror * hemma|kvar|till, ingenting att äta, har|hade|haft NEG * råd * mat|maten|äta|matvaror|mjölk, NEG * pengar * mat|maten|matvaror, tomt * kylskåp*|kyl|kylen|skåpen, kylskåpet|kylen|skåpen * tomt|tomma, brödkö*|matkö*|matbiljett*, äter|åt * bara|endast * gång|mål', 'soon'),
  ],

  bereavement: [
    c('kuolema', CLEAR,
      'kuoli|kuolivat|kuollut|kuolleen|kuolleet|kuolleesta|kuolin*|kuoltua|kuoltuaan|menehtyi|menehtyneen|menehtynyt|menehtyneet|poisnukkun*, ' +
      'nukkui pois, siirtyi ajasta ikuisuuteen, kaatui|kaatunut|kaatuneen|kaatuneet * rintamalla|sodassa|taistelu*', 'recentAcute'),
    c('kuolema_sana', FAIR, 'kuolema|kuoleman|kuolemasta|kuolemaan|kuolemantapau*'),
    // Being widowed is an event; being a widow(er) is a status, a loss that may be long ago.
    c('leskeytyi', STRONG, 'leskeks*|leskeyty*, leski|leskenä * lähtien|alkaen|asti'),
    c('leski', FAIR, 'leski*|lesken|leskenä|*leski'),
    c('suru', STRONG, 'suru|surua|surun|surussa|surusta|suree|surra|surevat|sureva*|surutyö*|suruproses*|suruai*|*suru|*surua|*surun|surujen|suruun|suremaan|suremista|suremiseen'),
    c('menetys', FAIR, 'menetys|menetyksen|menetyks*|*menetys|*menetyksen'),
    c('menetti_laheisen', STRONG, `menett*|menetti|menettänyt * ${KIN_LOST}|ystävä*|läheise*|ystävänsä, ${KIN}|läheise*|ystävä* * menetys*|menehty*|kuolema*|poismeno*|kuoltua`),
    c('keskenmeno', STRONG, 'keskenmen*|kohtukuolem*|kätkytkuolem*, lapsen|vauvan kuolema*|menetys*, kuolleena synty*'),
    c('hautajaiset', CLEAR, 'hautaja*|hautau*|hautausjärjest*|siunaustilaisu*|muistotilaisu*|tuhkau*|perunkirjoitu*'),
    c('laheisen_itsemurha', STRONG, `${KIN}|ystävä*|läheise* * itsemurh*, itsemurhan tehn*, itsemurhaan kuoll*, teki itsemurhan`),
    c('sv_sorg', STRONG, 'dog|döde|avled*|avliden|dödsfall*|sorg*|sörj*|begravning*, gick bort, förlorade * make|maka|man|fru|barn|son|dotter|mamma|pappa|sambo', 'recentAcute'),
    c('sv_anka', FAIR, 'änka|änkan|änkling|änklingen|änkeman'),
    c('sv_blev_anka', STRONG, 'blev|blivit änka|änkling|änkeman, änka|änkling|änkeman sedan'),
    c('en_grief', STRONG, 'died|grief|griev*|bereave*|widowed|funeral|mourning, passed away, death of, lost * husband|wife|child|son|daughter|mother|father|partner', 'recentAcute'),
    c('en_widow', FAIR, 'widow|widower'),
    c('en_widow_since', STRONG, 'widow|widower since'),
  ],

  digital: [
    c('sahkoinen_asiointi', STRONG,
      'sähköi* asioin*|asiointi*|asiointia|palvelu*|hakemu*|lomak*|tunnistautu*, ' +
      'verkkoasioin*|digiasioin*|nettiasioin*|digitu*|digiopast*|digineuvo*|digitaito*|digiosaa*|digiapu*|digiavu*|digilaite*|*digitu*'),
    c('tunnukset', FAIR, 'verkkopalvelu*|omakan*|omakanta*|verkkopank*|nettipank*|pankkitunnu*|*pankkitunnu*|mobiilivarme*|tunnistautu*|suomi-fi, vahva* tunnistau*, suomi fi'),
    c('ei_osaa_laitteita', STRONG,
      'NEG käytä|osaa|ole|omista|hallitse|pärjää * tietokone*|älypuhel*|nettiä|internetiä|konetta|tietokonetta|puhelinta|tablettia|sähköpostia|verkkopankkia|pankkitunnuksia|tunnuksia|nettipankkia|sovelluksia, ' +
      'NEG osaa|osaisi|pysty*|pärjää|onnistu|hallitse * sähköi*|verkko*|netti*|netissä|digi*|hakemu*|lomak*|tietokone*|pankki*|asioida|täyttää|täyttämään, ' +
      // The device first: `uusi älypuhelin, jota ei osaa käyttää`.
      'tietokone*|älypuhel*|puhelin*|tabletti*|verkkopank*|nettipank*|pankkitunnu*|sovellu* jota|joita|jonka NEG osaa|osannut|osaisi|pysty*|hallitse, ' +
      // `verkkotunnukset on, mutta ei osaa käyttää`.
      'tietokone*|älypuhel*|tabletti*|verkkopank*|nettipank*|pankkitunnu*|verkkotunnu*|tunnukset * NEG osaa|osannut|osaisi|hallitse'),
    // Not `netissä` (online): it tells where something happens, not a need for digital help.
    c('laitteet', FAIR, 'tietokone*|älypuhelin*|älypuhelim*|tabletti*|tabletin|sovellu*|sähköposti*|netti|nettiä|internet*'),
    c('apu_hakemuksissa', CLEAR,
      'apu*|avu*|apua|avuksi|tarvit*|tarvitsee|tueksi|tukea|opastusta|neuvoa * hakemu*|hakemuks*|*hakemus|*hakemuksen|*hakemukseen|*hakemuksissa|lomakk*|lomake*|paperi*|paperit|asioi*|asiointi*|virastoasio*|kela-asio*|pankkitunnu*|verkkopank*|tunnistautu*|älypuhelim*|tietokonee*, ' +
      // Applying for a benefit is an errand; looking for a home or a job (`asunnon hakemiseen`) is not.
      'apu*|avu*|apua|tarvit*|tarvitsee * täyttämise*|täyttämään|täyttää, ' +
      'apu*|avu*|apua|tarvit*|tarvitsee * tuen|tukien|tuki*|etuuden|etuuksien|etuuks*|avustuksen|avustuks*|toimeentulotuen|asumistuen|eläkkeen|korvauksen|korvauks* hakemise*|hakemaan|hakemisessa, ' +
      'asioi* apu*|avu*|tuki*|tue*, asiointiapu*|asiointitu*|asiointiavu*|paperisota*|byrokrati*|virastoasioi*, lomakkeiden|hakemusten täyttä*'),
    c('hakemus', WEAK, 'hakemu*|hakemuks*|*hakemus|*hakemuksen|*hakemukseen|lomake*|lomakke*'),
    c('laskujen_maksu', MEDIUM, 'laskujen|laskut * maksami*|maksaminen|maksu*|hoitaminen, maksaa|maksamaan * laskuja|laskut|laskunsa, raha-asio* hoit*|hoitaminen|hoito'),
    c('sv_digital', STRONG, 'e-tjänst*|digital*|nätbank*|bankkod*|bank-id|dator*|smarttelefon*|blankett*|webbtjänst*, hjälp med ansök*|blankett*'),
    // Official letters one cannot read or answer alone are errands to help with.
    c('viranomaisten_kirjeet', CLEAR,
      'viranomai*|kelan|kela|verottajan|verottaja|virasto* kirje*|kirjee*|kirjett*, kirje*|kirjee*|kirjett* viranomai*|kelalta|kelasta|verottajalta|virastosta, ' +
      'NEG ymmärrä|ymmärtänyt * kirje*|kirjee*|kirjett*, ' +
      'letters|letter|mail from * authorities|authority|kela|officials|office|tax, official letters|letter|mail, understand * letters|letter|paperwork, ' +
      'brev från * myndighet*|fpa|kela|skatteverket, myndighetsbrev*, förstå * brev|breven|brevet'),
    c('en_digital', STRONG, 'computer*|smartphone*|digital*|e-service*|forms|e-identification|paperwork, online banking, online service*, bank id, filling in, help * apply|applying|application*|forms'),
  ],
});

/** Cues that speak of urgency as such, apart from any need. */
export const URGENCY_CUES: Record<string, CueSpec[]> = concepts({
  urgency: [
    c('ei_uskalla_kotiin', STRONG,
      'NEG uskal* * kotiin|kotia|kotona|takaisin, NEG voi|voida|pysty* palata|mennä * kotiin|takaisin, ' +
      'NEG mene|mee|palaa sinne|kotiin takaisin|takas, NEG mene|mee|palaa takaisin|takas sinne|kotiin, ' +
      'pelkää|pelkäävät|pelkäsi|pelottaa * mennä|palata|olla * kotiin|kotona, ' +
      'NEG ole * turvallista|turvassa * kotona|kotiin, ' +
      'turvalli* paik*|majoitu*|asun*|yöpaik*|suojaa, turvapaik* * tänään|heti|yöksi', 'acute'),
    c('tana_yona', STRONG,
      'tälle|tänä|tämän|tänään * yö*|illa*|illaksi|yöksi, vielä|jo|heti tänään|tänä, yö|ilta tulossa|tulee|lähestyy, ' +
      'mennä|nukkua|yöpyä|jäädä yöksi, NEG * jäädä|mennä|yöpyä yöksi', 'acute', 'time'),
    c('kauan_sitten', WEAK,
      'vuosia|vuosikymmeniä|kauan sitten, aikoinaan|lapsuude*|nuoruude*, years ago, long ago, för länge sedan, för * år sedan, ' +
      'pari|muutama|monta|useita|kaksi|kolme|neljä|viisi|kuusi|kymmenen|2|3|4|5|6|7|8|9|10|15|20|30|40 vuotta sitten', 'past'),
    c('valittomasti', STRONG,
      'välittömästi|viipymättä|päivystyksellise*|akuutisti|hätätilan*|hätäkesk*|hätänumer*|112|hengenvaar*, ' +
      'saman|samana päivän|päivänä, ohja*|ohjattu|lähete*|vietiin|tarvitsee|menee|mennä * päivystyk*|päivystykseen|ensiapuun|sairaalaan', 'acute'),
    c('sv_akut', STRONG, 'vågar NEG * hem|hemma|in|tillbaka, i natt|kväll, för natten, inatt|ikväll|genast|omedelbart|livsfara|nödsituation*|akuten', 'acute'),
    c('en_acute', STRONG, 'tonight|immediately|emergency, right away, in danger, unsafe at home, afraid|scared to go home, NEG go home, nowhere safe, nowhere to sleep|stay * tonight, for the night, NEG stay there * again|tonight', 'acute'),
    c('tanaan', WEAK,
      'tänään|eilen|eilisiltana|eilispäivänä|toissapäivänä|äsken|tänäaamuna|aamuyöllä|idag|igår|inatt|nyss|today|yesterday|tonight, ' +
      'tänä aamuna|iltana|yönä|viikonloppuna, viime yönä|yö|yöllä, toissa yönä, hetki|tunti|tunteja sitten, i dag|går|natt|morse|kväll, last night, this morning|evening, just now, hours ago', 'recent', 'time'),
    // The writer tells the hour: they write in the middle of what they tell (`kello on nyt vähän yli neljä`).
    c('kello_nyt', WEAK, 'kello|klo on nyt|jo, kello|klo on * illalla|yöllä|aamuyöllä|aamulla, nyt kello|klo, =pm|=am now, it is now, klockan är nu', 'now', 'time'),
    c('pelko', WEAK, 'pelkää|pelkäsi|pelkäävät|pelännyt|pelkoa|pelossa|pelko|peloissaan|pelottaa|pelotti|pelokas|pelokkaa*|kauhuissaan|rädd*|livrädd*|afraid|scared|frightened|terrified', 'fear'),
    c('pian', MEDIUM,
      'pian|pikaisesti|pikainen|pikaista|kiireelli*|kiireesti|lähipäivi*|lähiaikoi*|viimeistään|määräai*|määräpäiv*|eräpäiv*|snart|snarast|brådsk*|soon|asap|urgent*|deadline, ' +
      'tällä|ensi viikolla|viikon, muutaman|parin päivän, päivien sisällä, inom kort, nästa|denna vecka, så snart som möjligt, as soon as possible, this|next week', 'soon', 'time'),
    c('uhkaa', MEDIUM, 'häätöuh*|*uhkakirje*|häätövaroitu*|*varoitus, viimeinen varoitus', 'soon'),
  ],
});

/** Access conditions the client needs (codes of the `access` taxonomy). */
export const ACCESS_CUES: Record<string, CueSpec[]> = concepts({
  anonymous: [
    c('nimettomana', STRONG, 'nimettöm*|nimetö*|anonyym*|anonym*|anonymt|anonymously|tunnistamat*'),
    c('ei_nimea', STRONG,
      'NEG * kerto*|anta*|sano*|ilmoit*|paljast* * nime*|nimeään|nimensä|henkilöllisyy*|henkilötieto*|tietojaan, ' +
      'ilman nimeä|henkilötieto*, utan att uppge namn, NEG vill uppge namn, without giving * name, NEG give * name'),
  ],
  remote: [
    c('etana', MEDIUM, 'puhelimitse|puhelinpalvel*|puhelinaik*|chat*|chatti*|chätti*|etänä|etäyhtey*|etäpalvel*|etävastaanot*|videopuhel*|videoyhtey*|videolla|remotely, per telefon, via chatt, på distans, by phone, over the phone, video call'),
    c('haluaa_etana', STRONG, 'haluaa|toivoo|mieluummin|vain|ainoastaan|haluaisi|toivoisi|helpompi|helpointa * puhelimitse|chatissa|chatin|chat*|verkossa|etänä|etäyhtey*|videolla|puhelimessa|puhelimella'),
    c('syrjassa', FAIR, 'asuu * syrjäseudu*|syrjässä|kaukana|haja-asutus*, pitkät * matkat, pitkien matkojen, NEG * autoa|kulkuyhteyk*|kulkuyhteyksiä'),
    c('ei_paase_liikkumaan', MEDIUM, 'NEG pääse*|pysty* * liikkumaan|kotoa|ulos|lähtemään|asunnosta|paikan, kotiin|kotiinsa sidottu, vuodepotila*|housebound|bedbound'),
  ],
  free: [
    c('maksuton', STRONG, 'maksuto*|maksutto*|ilmai*|gratis|kostnadsfri*, ilman maksua, free of charge'),
    c('ei_varaa', MEDIUM,
      'NEG * varaa * maksaa|maksaa|palvelu*|terapia*|lakimie*|yksityi*|maksulli*, NEG pysty* maksamaan, har NEG råd, NEG afford, no money for, ' +
        `NEG ole rahaa * ${PAID_SERVICE}`),
  ],
  no_referral: [
    c('ilman_lahetetta', STRONG,
      'lähetteettä|ajanvarauksetta|matalakynnyksi*|walk-in|drop-in|lågtröskel*, ilman lähete*|lähetteen|lähetettä|ajanvaraus*|aikaa|aikaa, ' +
      'NEG * lähete|lähetettä|lähetteen|ajanvarausta, matalan|matalalla kynnyksen|kynnyksellä, utan remiss|tidsbokning, without * referral, no appointment|referral'),
  ],
  always_open: [
    c('ympari_vuorokauden', STRONG,
      'ympärivuorokautise*|ympärivuorokautinen|24h|24/7, ympäri|kellon|vuorokauden vuorokauden|ympäri, keskellä yötä, dygnet runt, around the clock, 24 7, ' +
      'apu*|avu*|tukea|päivystys*|auki|avoinna * yöllä|öisin|iltaisin|viikonloppuisin|viikonloppuna'),
  ],
  in_person: [
    c('kasvokkain', STRONG,
      'kasvokkain|kasvotusten|personligen|face-to-face, henkilökohtaise* tapaam*, paikan päällä, tavata * henkilökohtaisesti, ansikte mot ansikte, in person, face to face, ' +
      'NEG * puhelimessa|puhelimitse|puhelimeen|chat*|etänä, puhelimeen|puhelimessa|puhelimitse NEG * vastaa|vastannut|puhu*|pysty*|osaa, ' +
      // A phone about to die leaves only help one can walk into: `puhelimen akku loppumassa`, `12% akkua`.
      'akku|akkua|akut * loppu*|vähissä|lopussa, puhelin|puhelimen|puhelimes * melkein|lähes|kohta * tyhjä|loppu*, battery * low|dying|dead|flat'),
  ],
  home_visit: [
    c('kotikaynti', STRONG, 'kotikäyn*|kotikäynnil*|hembesök*|housebound|bedbound, kotiin tule*, kotona tapaami*, tapaaminen kotona, home visit*'),
    c('ei_paase_kotoa', STRONG,
      'NEG pääse*|pysty* * liikkumaan|kotoa|ulos|lähtemään|asunnosta|portaita, kotiin|kotiinsa sidottu, vuodepotila*|sänkypotila*|huonoliikkei*|sängliggande, ' +
      'sängyn pohjalla, kan NEG lämna hemmet, NEG leave * home'),
  ],
  wheelchair: [
    c('pyoratuoli', STRONG, 'pyörätuol*|*pyörätuol*|rullatuol*|esteettöm*|esteetön*|rollaattor*|rullstol*|rullator*|wheelchair*|rollator*|step-free'),
  ],
});

/** Target-group hints (codes of the `target_group` taxonomy). */
export const GROUP_CUES: Record<string, CueSpec[]> = concepts({
  youth: [c('nuori', MEDIUM, 'nuori|nuoret|nuoren|nuorta|nuoria|*nuori|teini*|nuorukai*|ungdom*|ung|unga|youth|teens|teenage*|young')],
  students: [c('opiskelija', STRONG, 'opiskelija*|*opiskelija*|opiskele*|opiskeluterv*|ylioppilas*|studerande|student*|yliopisto*|ammattikorkeakoulu*')],
  women: [c('nainen', MEDIUM, 'nainen|naisasiak*|naisen|naista|naiselle|äiti|tyttö|tytär|kvinna|kvinnan|mamma|mor|dotter|flicka|woman|mother|girl|daughter|female|she|her')],
  men: [c('mies', MEDIUM, 'mies|miesasiak*|miehen|miestä|miehelle|isä|poika|man|mannen|pappa|far|son|pojke|father|boy|male|he|his')],
  relatives: [
    c('omainen', MEDIUM,
      'omai*|läheis*|*omaishoi*|anhörig*|närstående|relative*|carer*, =vanhempana|=vanhempina, som förälder|föräldrar, as * parent|parents, ' +
      // Help asked for parents: `vanhempien vertaistukea`, `tukea vanhemmille`, `föräldrastöd`.
      'tuki*|tukea|apu*|apua|vertaistu*|ryhmä*|neuvo* vanhemmille, vanhempien vertais*|tuki*|tukea|ryhmä*|tukiryhm*|vertaisryhm*|neuvo*|chat*|puhelin*, ' +
      'föräldragrupp*|föräldrastöd*, stöd|hjälp|grupp för föräldrar, support|help|group for parents, parent|parents support|group|groups'),
  ],
  lgbtiq: [
    c('sateenkaari', STRONG,
      'trans|transsukupuol*|*transnuor*|transnuor*|transihmi*|transmies|transnainen|sateenkaar*|homo|homona|homoksi|homoseksuaal*|lesbo*|biseksuaal*|queer*|muunsukupuol*|nonbinäär*|ei-binäär*|' +
      'sukupuoli-identiteet*|hbtq*|hlbt*|lgbt*|sukupuolivähemm*|seksuaalivähemm*, sukupuoli identiteet*, seksuaalinen|seksuaalise* suuntau*, ' +
      'gay|gayn|transperson*|homosexu*|bisexu*|lesbisk*|regnbåg*|könsidentitet*|icke-binär*, sexuell läggning, ' +
      '*pronomini*|pronomen|pronoun*, ' +
      // Coming out: `tuli kaapista`, `kom ut`, `came out`.
      'kaapista|kaapistatulo*, kom ut|komma ut, came|coming out, ' +
      'lesbian*|gay|bisexual*|transgender|nonbinary|non-binary|rainbow, sexual orientation, gender identity'),
  ],
  unemployed: [c('tyoton', STRONG, 'työtö*|työttö*|*työtö*|*työttö*|lomautet*|arbetslös*|unemploy*|jobless')],
  immigrants: [c('maahanmuuttaja', STRONG, 'maahanmuutt*|*maahanmuutt*|pakolai*|turvapaik*|vieraskieli*|invandr*|flykting*|immigra*|refugee*|migrant*')],
});

/**
 * The client's role in violence: the note tells of the client hurting a partner or a
 * child (`on lyönyt puolisoaan`, with the possessive that makes the client the one who
 * hit), or of the client wanting to stop. Services for victims and those for people who
 * use violence are for different people (see eligibility.ts).
 */
export const ROLE_CUES: Record<string, CueSpec[]> = concepts({
  uses_violence: [
    c('lyonyt_laheistaan', STRONG,
      'lyö|lyönyt|löi|lyövänsä|lyöneensä|tönäis*|tönäissyt|tuupannut|tuuppasi|kuristanut|kuristi|potkinut|potkaissut|potkaisi|' +
      'satuttanut|satutti|satuttavansa|pahoinpidellyt|pahoinpiteli|läimäyttänyt|läimäytti|uhkaillut|uhkaili * ' +
      // Exact forms: the possessive says whose partner or child was hit, and another form
      // of the same word does not (`mieheni lyö minua ja lapset pelkää`).
      exactForms([
        'puolisoaan', 'vaimoaan', 'miestään', 'kumppaniaan', 'avopuolisoaan', 'tyttöystäväänsä', 'poikaystäväänsä', 'lastaan', 'lapsiaan', 'exäänsä',
        // The client's own words: `olen lyönyt vaimoani`.
        'puolisoani', 'vaimoani', 'miestäni', 'kumppaniani', 'avopuolisoani', 'tyttöystävääni', 'poikaystävääni', 'lastani', 'lapsiani', 'exääni',
      ])),
    c('haluaa_lopettaa', STRONG,
      'haluaa|haluaisi|haluan|haluaisin|toivoo|toivon|päättänyt * lopettaa|lopettamaan|lopettamiseen * väkivallan|väkivaltaisen|lyömisen|väkivaltaa, ' +
      'apua|tukea * väkivallan|väkivaltaisen|lyömisen * lopettami*|hallintaan, väkivallan * käytön|käyttöönsä * lopettami*, ' +
      'väkivallan tekijä*|käyttäjä*, käyttänyt|käyttää|käyttäneensä * väkivaltaa * puolisoaan|kumppaniaan|perhettään|lapsiaan|kohtaan, ' +
      // One's own violence: `apua omaan väkivaltaisuuteen`, `oma väkivaltainen käytös`.
      'omaan|oman|omasta|omaa|oma väkivaltaisuu*|aggressiivisuu*|aggressio*|vihanhallin*, ' +
      'omaan|oman|omasta|omaa|oma väkivaltai*|aggressiivi* käytö*|käytökse*|käyttäytymi*, ' +
      'pelkää|pelkäävänsä * satuttavansa|lyövänsä|satuttaa * läheistään|puolisoaan|lastaan|lapsiaan'),
    c('sv_utovar', STRONG,
      'slagit|slår|slog|knuffat|knuffade|skadat|skadade * sin|sina fru|sambo|partner|flickvän|pojkvän|barn|man, ' +
      'vill sluta * slå|våld|vara våldsam, utövat|utövar|utövar * våld, våldsutövare'),
    c('en_uses_violence', STRONG,
      'hit|hits|hitting|pushed|slapped|beat|beats|hurt|hurts|struck * his|their wife|partner|girlfriend|boyfriend|husband|kids|children, ' +
      'stop * hitting|violence|being violent, violent towards|toward * his|her|their, used|uses violence against, ' +
      // Fear of one's own violence, and rage turned on the home: `I am scared of myself`, `I punched the wall`.
      'scared|afraid of myself, i punched|kicked|smashed|hit * wall|walls|door|doors, anger management, control my anger|temper|aggression'),
  ],
});

/** Words of wishing or asking for something: `toivoo`, `haluaisi`, `kaipaa`, `önskar`, `would like`. */
const WISH =
  'toivo*|halua*|haluais*|kaipa*|tarvit*|etsii|etsivät|kiinnost*|pääsisi|ohjata|ohjataan|ohjaus*|' +
  'önskar|önskemål|vill|söker|behöver|intresserad*|wants|wanted|like|looking|needs|interested|asks|asked';

/**
 * The kinds of service a note asks for (`toivoo ryhmää, jossa olisi muita samassa
 * tilanteessa`, `haluaisi tukihenkilön`, `would like a peer group`): a wish word before
 * the kind, so that a kind merely mentioned (`ryhmäkodissa`, `kävi ennen olohuoneessa`)
 * is not a wish, and a negated wish (`ryhmään ei halua`) denies it. Only the kinds that
 * say how help is given among services for the same need: a group, peers, a support
 * person, a drop-in.
 */
export const WANT_CUES: Record<string, CueSpec[]> = concepts({
  group: [c('toivoo_ryhmaa', STRONG, `${WISH} * ryhmä*|*ryhmä|*ryhmään|*ryhmää|kerho*|piiri*|grupp*|group|groups`)],
  peer_support: [
    c('toivoo_vertaisia', STRONG,
      `${WISH} * vertais*|*vertais*|kamratstöd*|peer|peers, ${WISH} * muita|muiden|muihin * samassa|samanlaisessa * tilanteessa|asemassa, ` +
      `${WISH} * andra * samma situation, ${WISH} * others * same situation`),
  ],
  support_person: [
    c('toivoo_tukihenkiloa', STRONG,
      `${WISH} * tukihenkil*|*tukihenkil*|ystävätoim*|ystäväpalv*|vapaaehtoi*|stödperson*|vänverksamhet*|besöksvän*|befriend*|volunteer*, ${WISH} * support person`),
  ],
  drop_in: [
    c('toivoo_kohtaamispaikkaa', STRONG,
      `${WISH} * päiväkesku*|*päiväkesku*|kohtaamispaik*|*kohtaamispaik*|olohuone*|träffpunkt*|dagcenter*|drop-in, ${WISH} * day centre|center`),
  ],
});

/**
 * Words naming a kind of service (codes of the `service_type` taxonomy), for search: a
 * query that asks for a shelter, a helpline or a peer group wants that kind of service
 * among those for its need ("domestic violence shelter", "yöpaikka nuorelle").
 */
export const SERVICE_TYPE_CUES: Record<string, CueSpec[]> = concepts({
  shelter: [c('suoja', STRONG, 'turvako*|*turvako*|ensisuoj*|yöpaik*|*yöpaik*|yömaja*|hätämajoitu*|suojakoti*|skyddshem*|nödinkvarter*|härbärge*|shelter*|refuge, safe house')],
  helpline: [c('puhelin', STRONG, 'puhelin*|*puhelin|linja|*linja|chat*|*chat|chatti*|päivystävä puhelin, telefon*|*telefon|jourtelefon*|chatt*|helpline*|hotline*|phone|chat')],
  peer_support: [c('vertais', STRONG, 'vertais*|*vertais*|kamratstöd*|*kamrat*|peer*')],
  group: [c('ryhma', STRONG, 'ryhmä*|*ryhmä|*ryhmät|*ryhmiä|kerho*|*kerho|piiri|piirit|*piiri|grupp*|*grupp|group*|club*')],
  drop_in: [c('kohtaamispaikka', STRONG, 'päiväkesku*|*päiväkesku*|kohtaamispaik*|*kohtaamispaik*|olohuone*|*olohuone|kohtaamo*|träffpunkt*|dagcenter*|drop-in, day centre|center, matalan kynnyksen')],
  counseling: [c('keskustelu', STRONG, 'keskusteluap*|keskustelutu*|*keskustelu*|samtalsstöd*|samtalshjälp*|counsel*|talk therapy')],
  legal_aid: [c('oikeusapu', STRONG, 'oikeusap*|*oikeusap*|oikeusneuvo*|juristi*|lakimie*|asianajaj*|rättshjälp*|rättsråd*|jurist*|advokat*|lawyer*|attorney*, legal aid|advice')],
  food_aid: [c('ruoka_apu', STRONG, 'ruoka-ap*|ruokaap*|ruokajak*|ruokakass*|ruokapank*|leipäjon*|mathjälp*|matkass*|matutdeln*|matbank*, food bank*|aid|parcel*')],
  rehabilitation: [c('kuntoutus', STRONG, 'kuntout*|*kuntout*|rehabiliter*|rehab*')],
  treatment: [c('hoito', STRONG, 'hoito|hoitoa|hoitoon|*hoito|*hoitoa|*hoitoon|terapi*|*terapi*|vastaanot*|behandling*|terapi*|therap*|treatment*|clinic*')],
  crisis_help: [c('kriisiapu', STRONG, 'kriisiap*|kriisikesk*|*kriisikesk*|kriisityö*|kriisipäivy*|sosiaalipäivy*|krishjälp*|kriscent*|krisjour*|socialjour*, crisis help|centre|center')],
  support_person: [c('tukihenkilo', STRONG, 'tukihenkil*|*tukihenkil*|ystävätoim*|*ystävätoim*|ystäväpalv*|soittoystäv*|vapaaehtoi*|stödperson*|vänverksamhet*|vänstöd*|befriend*|volunteer*, support person')],
  application_help: [c('asiointiapu', STRONG, 'asiointiap*|asiointitu*|hakemusap*|lomakeap*|lomakkei*|ansökningshjälp*, help * apply|applying|application*|forms')],
  housing_service: [c('asumisen_tuki', STRONG, 'asumisneuvo*|*asumisneuvo*|asumispalvelu*|tukiasun*|tuettu asuminen, boendestöd*|boenderådgiv*|boendeservice*, housing support|advice')],
  financial_aid: [c('avustus', STRONG, 'avustu*|*avustus|*avustusta|luototu*|bistånd*|understöd*|grant*')],
  advice: [c('neuvonta', MEDIUM, 'neuvont*|*neuvont*|ohjau*|rådgivning*|*rådgivning|guidance')],
});
