import {
  ACCESS_CUES,
  CLEAR,
  CueMatcher,
  GROUP_CUES,
  NEED_CUES,
  ROLE_CUES,
  URGENCY_CUES,
  WANT_CUES,
  fold,
  tokenize,
  type CueHit,
  type Tag,
  type Token,
} from './concepts.ts';

/**
 * Reads a client's situation from a referral note written in free text (Finnish mostly,
 * Swedish or English now and then): the needs, how urgent help is, the access conditions
 * the client needs, age, language and target-group hints.
 *
 * Privacy: the note is personal data. A reading reports only fixed identifiers of the
 * lexicon (`debt.ulosotto`), taxonomy codes, an age and a language code; it never carries
 * a substring of the note, and nothing here logs the note.
 */

export type Urgency = 'acute' | 'soon' | 'routine';

export interface NeedReading {
  /** Code of the `need` taxonomy. */
  code: string;
  /** 0..1, how surely the note signals this need. */
  weight: number;
  /** Lexicon cue ids that matched, or `implied.*` ids of the rules below. */
  cues: string[];
}

export interface Situation {
  /** Most certain first; among equals, the need the note mentions first. */
  needs: NeedReading[];
  urgency: Urgency;
  /** Codes of the `access` taxonomy the note says the client needs. */
  requires: string[];
  age?: number;
  /** ISO 639-1 code of the language the client speaks, when the note says. */
  language?: string;
  /** What the note says of the client's Finnish: little or none, or fluent (a bilingual Swedish speaker). */
  finnish?: 'limited' | 'fluent';
  /** Set when the note says the client has hurt a partner or child, or wants to stop using violence. */
  usesViolence?: true;
  /** Set when the note tells of the client's own drinking, drug use or gambling (`juon`, `asiakas juo`). */
  ownUse?: true;
  /** Codes of the `target_group` taxonomy. */
  targetGroups: string[];
  /** Codes of the `service_type` taxonomy the note asks for: a group, peers, a support person, a drop-in. */
  wants: string[];
  /** The language the note is written in (not necessarily the client's; see `writtenLanguage`). */
  writtenIn: 'fi' | 'sv' | 'en';
}

/** A need is read when its evidence reaches this weight: one clear cue, or several weak ones. */
export const NEED_THRESHOLD = 0.5;
const ACCESS_THRESHOLD = 0.5;
/** Notes are short; longer input is cut so that reading stays cheap. */
const MAX_TEXT_LENGTH = 10_000;

const needMatcher = new CueMatcher(NEED_CUES);
const urgencyMatcher = new CueMatcher(URGENCY_CUES);
const accessMatcher = new CueMatcher(ACCESS_CUES);
const groupMatcher = new CueMatcher(GROUP_CUES);
const roleMatcher = new CueMatcher(ROLE_CUES);
const wantMatcher = new CueMatcher(WANT_CUES);

const ACCESS_ORDER = Object.keys(ACCESS_CUES);
const GROUP_ORDER = [
  'everyone', 'adults', 'youth', 'children', 'families', 'older_people', 'women', 'men',
  'immigrants', 'lgbtiq', 'relatives', 'students', 'unemployed',
];

export interface ReadingOptions {
  /** The weight a need's evidence must reach (see NEED_THRESHOLD). */
  needThreshold?: number;
}

export function readSituation(text: string, { needThreshold = NEED_THRESHOLD }: ReadingOptions = {}): Situation {
  const note = text.slice(0, MAX_TEXT_LENGTH);
  const written = tokenize(note);
  const writtenIn = writtenLanguage(written);
  const tokens = writtenIn === 'sv' ? withSwedishArticles(written) : written;
  const age = readAge(note);
  const language = readLanguage(note);
  const needHits = withoutLanguageSkillCues(withoutOverridden(needMatcher.match(tokens)), language);
  const urgencyHits = urgencyMatcher.match(tokens);

  const evidence = gather(asHistory(needHits, urgencyHits));
  const included = (code: string): boolean => (evidence.get(code)?.weight ?? 0) >= needThreshold;
  // A minor's note that tells of a parent hitting the other is about the minor as a witness.
  const usesViolence = isAdult(age) && usesViolenceRead(roleMatcher.match(tokens), needHits, urgencyHits);
  const urgency = decideUrgency(needHits, urgencyHits, included, usesViolence);
  const folded = fold(note);
  const ownUse = OWN_USE.test(folded);
  addImplications(evidence, { needHits, urgencyHits, included, urgency, age, language, writesAsRelative: writesAsRelative(folded, ownUse) });

  const needs = [...evidence.entries()]
    .filter(([, e]) => e.weight >= needThreshold)
    .sort(([, a], [, b]) => b.weight - a.weight || a.position - b.position)
    .map(([code, e]) => ({ code, weight: round(e.weight), cues: e.cues }));

  const situation: Situation = {
    needs,
    urgency,
    requires: readRequires(tokens),
    targetGroups: readTargetGroups(tokens, needs, age, language),
    wants: [...new Set(wantMatcher.match(tokens).map((h) => h.concept))],
    writtenIn,
  };
  if (age !== undefined) situation.age = age;
  if (language !== undefined) situation.language = language;
  const finnish = readFinnish(note);
  if (finnish) situation.finnish = finnish;
  if (usesViolence) situation.usesViolence = true;
  if (ownUse && (included('substance') || included('gambling'))) situation.ownUse = true;
  return situation;
}

// ---------------------------------------------------------------------------------------
// Needs
// ---------------------------------------------------------------------------------------

/**
 * Cues that a more specific one explains away: the word "suicide" in a note about a
 * relative who died by suicide speaks of the client's bereavement, not of the client's
 * own suicidality (which other crisis cues still catch: `itsetuhoisia ajatuksia`).
 */
const OVERRIDDEN_BY: Record<string, string> = {
  'crisis.itsemurha': 'bereavement.laheisen_itsemurha',
  // "uhkaa tappaa itsensä" threatens the client's own life, not someone else's.
  'violence.tappouhka': 'crisis.uhkaa_itsetuholla',
  // "pelit vie kaikki rahat": the money goes to gambling, nobody takes it.
  'crime_victim.taloudellinen_hyvaksikaytto': 'gambling.pelit_vie_rahat',
  // "ei oo rahaa yksityiselle": no money for a paid service asks for free help.
  'income.rahat_loppu': 'income.ei_rahaa_palveluun',
  'income.tuloton': 'income.ei_rahaa_palveluun',
  // "kulut ovat kiristäneet taloutta": finances tighten, nobody extorts.
  'crime_victim.kiristys': 'debt.talous_kiristyy',
};

/**
 * Cues that a whole concept explains away: a relative's drinking told together with
 * violence is the violence of the one the client lives with; the client is its victim,
 * not the relative's carer.
 */
const OVERRIDDEN_BY_CONCEPT: Record<string, string> = {
  'caregiver.laheisen_kaytos': 'violence',
};

function withoutOverridden(hits: CueHit[]): CueHit[] {
  const ids = new Set(hits.map((h) => h.id));
  const concepts = new Set(hits.filter((h) => h.strength >= CLEAR).map((h) => h.concept));
  return hits.filter((h) => !ids.has(OVERRIDDEN_BY[h.id] ?? '') && !concepts.has(OVERRIDDEN_BY_CONCEPT[h.id] ?? ''));
}

/**
 * Weak Finnish and the need of an interpreter point to a newcomer, except for a client
 * whose own language is Swedish (or Finnish): many Finland-Swedes speak little Finnish.
 */
const LANGUAGE_SKILL_CUES = new Set(['immigration.kielitaito', 'immigration.tulkki', 'immigration.sv_kielitaito']);

function withoutLanguageSkillCues(hits: CueHit[], language: string | undefined): CueHit[] {
  if (language !== 'sv' && language !== 'fi') return hits;
  return hits.filter((h) => !LANGUAGE_SKILL_CUES.has(h.id));
}

/** How much a cue told only of the client's history (`vuosia sitten`) says of a need today. */
const HISTORY = 0.6;

/**
 * Events told only as long ago — a husband who died years ago, violence years before —
 * are the client's history: they count less than the same words about today.
 */
function asHistory(needHits: CueHit[], urgencyHits: CueHit[]): CueHit[] {
  const past = sentencesWith(urgencyHits, 'past');
  if (past.size === 0) return needHits;
  return needHits.map((h) => ([...h.sentences].every((s) => past.has(s)) ? { ...h, strength: h.strength * HISTORY } : h));
}

interface Evidence {
  weight: number;
  /** Word index where the need is first mentioned (implied needs come last). */
  position: number;
  cues: string[];
}

/**
 * Independent cues combine as a noisy-or: 1 − Π(1 − strength). One strong cue settles a
 * need, two weak ones together reach the threshold, and more cues make it surer.
 */
function combine(a: number, b: number): number {
  return 1 - (1 - a) * (1 - b);
}

function gather(hits: CueHit[]): Map<string, Evidence> {
  const byConcept = new Map<string, Evidence>();
  for (const hit of [...hits].sort((a, b) => a.position - b.position)) {
    const e = byConcept.get(hit.concept) ?? { weight: 0, position: hit.position, cues: [] };
    e.weight = combine(e.weight, hit.strength);
    e.cues.push(hit.id);
    byConcept.set(hit.concept, e);
  }
  return byConcept;
}

/**
 * An implication restates what the situation implies; where the note names the need
 * itself it adds nothing, so it raises a weight to its own strength but never beyond.
 */
function imply(evidence: Map<string, Evidence>, code: string, cue: string, strength: number): void {
  const e = evidence.get(code) ?? { weight: 0, position: Number.MAX_SAFE_INTEGER, cues: [] };
  e.weight = Math.max(e.weight, strength);
  e.cues.push(cue);
  evidence.set(code, e);
}

interface Context {
  needHits: CueHit[];
  /** The writer speaks of their own family member and not of their own use (see writesAsRelative). */
  writesAsRelative: boolean;
  urgencyHits: CueHit[];
  included: (code: string) => boolean;
  urgency: Urgency;
  age?: number;
  language?: string;
}

/** Age of majority: services for adults only are not for a younger client. */
export const ADULT_AGE = 18;

/** Adults by age, or of unknown age (notes are mostly about adults). */
const isAdult = (age: number | undefined): boolean => age === undefined || age >= ADULT_AGE;

/** The writer's own family member: `poikani`, `tyttärestäni`, `min man`, `my husband`. */
const OWN_FAMILY_MEMBER = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:poika|poja|tyttare|lapse|miehe|vaimo|puoliso|avopuoliso|kumppani|aidi|aiti|isa|velje|sisko|sisare)(?:ni|mme|stani|lleni|llani|ltani|stamme|llemme)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:min|mitt|var|vart)\s+(?:son|dotter|man|make|fru|sambo|mamma|pappa|bror|syster|barn)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:my|our)\s+(?:son|daughter|husband|wife|partner|mother|father|mum|mom|dad|brother|sister|child|boyfriend|girlfriend)(?![\p{L}])`,
    // The worker's words for the same: `asiakkaan poika`.
    String.raw`(?<![\p{L}])(?:asiakkaan|klientens)\s+(?:poika|tytar|mies|vaimo|puoliso|avopuoliso|kumppani|aiti|isa|veli|sisko|sisar|son|dotter|man|make|fru|sambo|mamma|pappa|bror|syster)(?![\p{L}])`,
    // Worry about a family member: `huoli aikuisesta pojasta`, `orolig för sin son`, `worried about her husband`.
    String.raw`(?<![\p{L}])(?:huoli|huolissaan|huolestunut|huolestuneena)\s+(?:\p{L}+\s+)?(?:poja|tyttare|miehe|vaimo|puoliso|avopuoliso|kumppani|lapse|aidi|isa|velje|sisko|sisare)(?:sta|staan|stansa)(?![\p{L}])`,
    String.raw`(?<![\p{L}])orolig\s+for\s+(?:sin|sina|hennes|hans)\s+(?:son|dotter|man|make|fru|sambo|mamma|pappa|bror|syster|barn)(?![\p{L}])`,
    String.raw`(?<![\p{L}])worried\s+about\s+(?:her|his|their)\s+(?:son|daughter|husband|wife|partner|mother|father|brother|sister|child)(?![\p{L}])`,
    // A family member as the caller of a worker's memo: `äiti 53 v soitti`, `puoliso otti yhteyttä`.
    String.raw`(?<![\p{L}])(?:aiti|isa|vanhemmat|puoliso|vaimo|sisko|sisar|veli|tytar|poika|omainen|mamman|pappan|mother|father|wife|husband)\s+(?:\(?\d{1,3}\s*v\.?\)?\s+)?(?:soitti|soittaa|otti\s+yhteytta|ringde|called|phoned)(?![\p{L}])`,
  ].join('|'),
  'u',
);
/** The writer's (or the client's) own drinking, drug use or gambling: `juon`, `käytän`, `asiakas juo`, `I drink`. */
const OWN_USE =
  /(?<![\p{L}])(?:juon|juomme|kaytan|poltan|pelaan|pelasin|join\s+liikaa|(?:olen|oon)\s+(?:\p{L}+\s+)?(?:juonut|juonu|kayttanyt|kayttany|pelannut|pelannu)|jag\s+(?:har\s+)?(?:dricker|druckit|anvander|anvant|spelar|spelat|roker)|i\s+(?:drink|use|gamble|smoke)|i(?:\s+|['’])(?:ve|have|am|m|was)\s+(?:been\s+)?(?:drinking|using|gambling)|my\s+(?:drinking|gambling|drug\s+use)|asiakas\s+(?:\p{L}+\s+)?(?:juo|joi|kayttaa|kaytti|pelaa|pelasi|polttaa))(?![\p{L}])/u;

/** Writing for someone else (`veljeni puolesta`, `on behalf of my son`): the client is the one written for. */
const ON_BEHALF = /(?<![\p{L}])(?:puolesta|puolestaan|on\s+behalf|rakning)(?![\p{L}])/u;

/**
 * A writer who tells of their own family member and not of their own use (`OWN_USE` on
 * the folded note) writes as a relative, unless they write on that person's behalf.
 */
function writesAsRelative(folded: string, ownUse: boolean): boolean {
  return !ownUse && OWN_FAMILY_MEMBER.test(folded) && !ON_BEHALF.test(folded);
}

/** Cues that the client is afraid of the one who hit: `pelkää miehen palaavan`, `ei uskalla kotiin`. */
const VICTIM_CUES = new Set(['violence.pelkaa_kumppania', 'urgency.ei_uskalla_kotiin', 'crisis.ei_turvassa_kotona']);

/**
 * Whether the note tells of the client using violence. "Mies lyönyt puolisoaan" in a
 * note about a woman who fears the man's return tells of her partner: when the client is
 * afraid, only wanting to stop one's own violence says that the client uses it.
 */
function usesViolenceRead(roleHits: CueHit[], needHits: CueHit[], urgencyHits: CueHit[]): boolean {
  const afraid = [...needHits, ...urgencyHits].some((h) => VICTIM_CUES.has(h.id));
  return roleHits.some((h) => !afraid || h.id === 'uses_violence.haluaa_lopettaa');
}

/** Languages of Finland's own services; a client speaking another one is likely a newcomer. */
const NATIONAL_LANGUAGES = new Set(['fi', 'sv', 'en']);
const IMPLIED = 0.55;

/**
 * Needs that a situation implies although the note does not name them, because services
 * for them are what such a client is typically referred to. Each rule adds evidence of
 * its own (`implied.*`), moderate enough that it rarely outranks needs the note names:
 *
 * - a minor client (under 18) needs services for children and young people, and a client
 *   of 65 or more those for older people: age decides eligibility for both;
 * - a client who speaks none of the languages of the services (fi, sv, en) needs
 *   immigration and integration services (interpreting, guidance in their language);
 * - violence, sexual violence or a death that happened just now (an acute reading driven
 *   by the event itself) calls for crisis help, whatever else follows, and so does an
 *   adult in danger today from violence or a crime (a minor's crisis is met by the
 *   services for children and young people);
 * - any acute situation calls for crisis help (social and crisis emergency services act
 *   on the day whatever the problem), as the least of the needs read;
 * - sexual violence is a crime, so victim support (advice on reporting, support person in
 *   the process) applies even when the note does not mention the police;
 * - suicidal thoughts call for mental health care as well as crisis help;
 * - a writer who tells of their own son's, wife's or father's drinking, drug use or
 *   gambling (`poikani`, `min man`, `my husband`), and of no use of their own, writes as
 *   a relative, even when the use is told in another sentence (`hän polttaa kannabista`);
 * - violence in a family with children, or by a parent, is a family matter as well:
 *   children who witness violence are its victims, and family and child-protection
 *   services take part.
 */
function addImplications(evidence: Map<string, Evidence>, ctx: Context): void {
  const { age, language, included } = ctx;
  if (age !== undefined && age < 18) imply(evidence, 'child_youth', 'implied.minor', 0.7);
  if (age !== undefined && age >= 65) imply(evidence, 'elderly', 'implied.older_age', 0.7);
  if (language !== undefined && !NATIONAL_LANGUAGES.has(language)) {
    imply(evidence, 'immigration', 'implied.foreign_language', IMPLIED);
  }
  if (ctx.urgency === 'acute' && recentTrauma(ctx)) imply(evidence, 'crisis', 'implied.acute_trauma', 0.6);
  if (ctx.urgency === 'acute' && isAdult(age) && [...TRAUMA_NEEDS, 'crime_victim'].some((c) => c !== 'bereavement' && included(c))) {
    imply(evidence, 'crisis', 'implied.in_danger', 0.6);
  }
  // Whatever else the day needs, it needs someone who acts today: the least of the needs.
  if (ctx.urgency === 'acute') imply(evidence, 'crisis', 'implied.acute', NEED_THRESHOLD);
  if (included('sexual_violence')) imply(evidence, 'crime_victim', 'implied.sexual_offence', IMPLIED);
  if (ctx.needHits.some((h) => SUICIDAL.has(h.id))) imply(evidence, 'mental_health', 'implied.suicidal_thoughts', IMPLIED);
  if ((included('substance') || included('gambling')) && ctx.writesAsRelative) imply(evidence, 'caregiver', 'implied.relative_writes', CLEAR);
  const childrenAround = ctx.needHits.some((h) => CHILDREN_IN_FAMILY.has(h.id));
  if ((included('violence') || included('sexual_violence')) && childrenAround) imply(evidence, 'family', 'implied.children_exposed', IMPLIED);
}

/** Cues saying there are children in the family, or that a parent is the one who is violent. */
const CHILDREN_IN_FAMILY = new Set([
  'family.lapset', 'family.lapset_kotona', 'family.neuvola', 'family.raskaus', 'family.vanhempi_vakivalta',
  'family.lasten_tapaaminen', 'family.yksinhuoltaja', 'family.lastensuojelu', 'family.uusi_puoliso',
  'family.vanki_vanhempi',
]);

/** Cues of the client's own suicidal thoughts. */
const SUICIDAL = new Set(['crisis.itsetuhoisuus', 'crisis.itsemurha', 'crisis.ei_halua_elaa', 'crisis.ei_jaksa_ajatukset', 'crisis.sv_kris', 'crisis.en_crisis']);

const TRAUMA_NEEDS = new Set(['violence', 'sexual_violence', 'bereavement']);

function recentTrauma(ctx: Context): boolean {
  return recentEvents(ctx.needHits, ctx.urgencyHits, ctx.included).some((h) => TRAUMA_NEEDS.has(h.concept));
}

// ---------------------------------------------------------------------------------------
// Urgency
// ---------------------------------------------------------------------------------------

const hasTag = (hit: CueHit, tag: Tag): boolean => hit.tags.includes(tag);

/** The sentences in which a cue with this tag occurs ("vuosia sitten", "eilen"…). */
function sentencesWith(hits: CueHit[], tag: Tag): Set<number> {
  return new Set(hits.filter((h) => hasTag(h, tag)).flatMap((h) => [...h.sentences]));
}

/**
 * Events (assault, rape, eviction, death…) told in the same sentence as "today", "last
 * night"…, or anywhere in a note whose writer tells the hour of writing.
 */
function recentEvents(needHits: CueHit[], urgencyHits: CueHit[], included: (c: string) => boolean): CueHit[] {
  const recentSentences = sentencesWith(urgencyHits, 'recent');
  const writtenNow = urgencyHits.some((h) => hasTag(h, 'now'));
  return needHits.filter(
    (h) =>
      hasTag(h, 'recentAcute') &&
      (included(h.concept) || h.strength >= CLEAR) &&
      (writtenNow || [...h.sentences].some((s) => recentSentences.has(s))),
  );
}

/**
 * - acute: a cue that is acute by itself (suicidal thoughts, afraid to go home, nowhere
 *   to sleep tonight); a severe event that happened today or last night; or physical or
 *   sexual violence the client is afraid of;
 * - soon: a cue calling for help within days (eviction notice, food running out, a
 *   benefit sanction), or violence and the like that is not acute;
 * - routine otherwise.
 */
function decideUrgency(allNeedHits: CueHit[], urgencyHits: CueHit[], included: (c: string) => boolean, usesViolence: boolean): Urgency {
  const pastSentences = sentencesWith(urgencyHits, 'past');
  // What happened long ago is the client's history: it does not make help urgent.
  const needHits = allNeedHits.filter((h) => [...h.sentences].some((s) => !pastSentences.has(s)));
  const relevant = (h: CueHit): boolean => included(h.concept) || h.strength >= CLEAR;
  // Words of time ("välittömästi", "ensi viikolla") make a need urgent; without one they
  // are about the appointment, not the client's situation.
  const timing = needHits.some(relevant) ? urgencyHits : [];
  if ([...needHits, ...timing].some((h) => hasTag(h, 'acute'))) return 'acute';
  if (recentEvents(needHits, urgencyHits, included).length > 0) return 'acute';
  // The fear of someone who uses violence (that it gets worse) is not a victim's fear of them.
  const afraid = !usesViolence && urgencyHits.some((h) => hasTag(h, 'fear'));
  if (afraid && needHits.some((h) => hasTag(h, 'physical') && included(h.concept))) return 'acute';
  if (timing.some((h) => hasTag(h, 'soon'))) return 'soon';
  if (needHits.some((h) => hasTag(h, 'soon') && relevant(h))) return 'soon';
  return 'routine';
}

// ---------------------------------------------------------------------------------------
// Access conditions and target groups
// ---------------------------------------------------------------------------------------

function readRequires(tokens: Token[]): string[] {
  const evidence = gather(accessMatcher.match(tokens));
  return ACCESS_ORDER.filter((code) => (evidence.get(code)?.weight ?? 0) >= ACCESS_THRESHOLD);
}

function readTargetGroups(tokens: Token[], needs: NeedReading[], age?: number, language?: string): string[] {
  const hits = groupMatcher.match(tokens);
  const cue = (code: string): boolean => hits.some((h) => h.concept === code);
  const need = (code: string): boolean => needs.some((n) => n.code === code);
  const groups = new Set<string>();

  if (age !== undefined) {
    if (age < 13) groups.add('children');
    if (age >= 13 && age < 30) groups.add('youth');
    if (age >= 18 && age < 65) groups.add('adults');
    if (age >= 65) groups.add('older_people');
  } else if (cue('youth')) {
    groups.add('youth');
  }
  if (need('elderly')) groups.add('older_people');
  if (need('family')) groups.add('families');
  if (need('caregiver') || cue('relatives')) groups.add('relatives');
  if (need('immigration') || cue('immigrants') || (language !== undefined && !NATIONAL_LANGUAGES.has(language))) {
    groups.add('immigrants');
  }
  for (const code of ['students', 'unemployed', 'lgbtiq']) if (cue(code)) groups.add(code);
  const gender = selfGender(tokens) ?? firstGender(hits);
  if (gender) groups.add(gender);
  return GROUP_ORDER.filter((g) => groups.has(g));
}

/** Verb forms with which writers say what they are (`olen`, `I am`, `I'm` → `i m`, `jag är` → `jag ar`, folded). */
const SELF_VERBS = new Set(['olen', 'olin', 'am', 'im']);
/** Words that may stand between that verb and the noun: an article, an age (`olen 50-vuotias mies`, `I am a 45 year old woman`). */
const SELF_FILLERS = new Set(['a', 'an', 'en', 'ett', 'year', 'years', 'old', 'aged', 'yo']);
const GENDER_NOUNS: ReadonlyMap<string, 'women' | 'men'> = new Map([
  ...['mies', 'man', 'guy', 'kille'].map((w) => [w, 'men'] as const),
  ...['nainen', 'woman', 'lady', 'kvinna', 'tjej'].map((w) => [w, 'women'] as const),
]);

/**
 * The writer's own gender, where they name it (`olen 50-vuotias mies`, `I'm a woman`,
 * `jag är en man`, `men like me`): it outweighs whoever is mentioned first, who in a
 * writer's own message is often someone else (`she was scared`).
 */
function selfGender(tokens: Token[]): 'women' | 'men' | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word;
    const previous = tokens[i - 1]?.word;
    if (SELF_VERBS.has(word) || (word === 'm' && previous === 'i') || (word === 'ar' && previous === 'jag')) {
      for (let k = i + 1; k < tokens.length && tokens[k]!.clause === tokens[i]!.clause; k++) {
        const next = tokens[k]!.word;
        const gender = GENDER_NOUNS.get(next);
        if (gender) return gender;
        if (!SELF_FILLERS.has(next) && !/\d/.test(next)) break;
      }
    }
    if ((word === 'men' || word === 'women') && tokens[i + 1]?.word === 'like' && tokens[i + 2]?.word === 'me') return word;
  }
  return undefined;
}

/** The client is usually introduced first (`Mies 52 v`, `Nainen 29 v soitti`). */
function firstGender(hits: CueHit[]): string | undefined {
  const gendered = hits.filter((h) => h.concept === 'women' || h.concept === 'men');
  gendered.sort((a, b) => a.position - b.position);
  return gendered[0]?.concept;
}

// ---------------------------------------------------------------------------------------
// Age
// ---------------------------------------------------------------------------------------

const MAX_AGE = 110;

/** `34 v`, `34-vuotias`, `34-vuotiaalla`, `34 år`, `34-årig`, `34 years old`, `34-year-old`. */
const AGE_AFTER_NUMBER =
  /(?<![\p{L}\p{N}])(\d{1,3})\s*-?\s*(?:v\.?(?![\p{L}])|vuotia\p{L}*|vuoden ikai\p{L}*|ar(?:s|ig\p{L}*|ing\p{L}*)?(?![\p{L}])|years?(?:\s*-?\s*old)?(?![\p{L}])|year-old|yrs?(?![\p{L}])|y\/?o(?![\p{L}]))/gu;
/** `ikä 34`, `age: 34`, `aged 34`, `ålder 34`. */
const AGE_AFTER_LABEL = /(?<![\p{L}])(?:ika|ikaa|age|aged|alder)\s*:?\s*(\d{1,3})(?![\p{N}])/gu;
/** `Mies, 52`, `Asiakas (34)`: a client noun followed by a bare number. */
const AGE_AFTER_CLIENT_NOUN =
  /(?<![\p{L}])(?:asiakas|mies|nainen|henkilo|client|man|woman|kvinna|klient|person)\s*[,(]?\s*(\d{1,3})\s*\)?(?![\p{L}\p{N}])/gu;
/** `Leski, 67, …`, `Omaishoitaja (72) …`: the person a sentence begins with, and their age. */
const AGE_AFTER_OPENING_NOUN = /(?:^|[.!?\n]\s*)\p{L}+\s*(?:,\s*|\(\s*)(\d{1,3})\s*[,)]/gu;
/**
 * `oon 14 ja…`, `I'm 16.`, `jag är 15 och…`: one's own age in the first person, a bare
 * number that ends the clause (`olen 3 kk raskaana` and `olen 30 000 velkaa` do not).
 */
const AGE_AFTER_I_AM =
  /(?<![\p{L}])(?:olen|oon|i'?m|i am|jag ar)\s+(\d{1,2})(?=\s*(?:$|[,.!?;:)]|(?:ja|and|och|mutta|mut|but|men|enka|eika)(?![\p{L}])))/gu;
/**
 * `Äiti on 83 ja…`, `Hän on 17.`, `she is 70,`: a person's age as the predicate, a bare
 * number that ends the clause (`lapsia on 3` names no person, `hän on 3 kk raskaana` no age).
 */
const AGE_AFTER_PERSON_IS =
  /(?<![\p{L}])(?:han|hon|asiakas|potilas|aiti|isa|mummo|isoaiti|isoisa|vaari|ukki|mummi|mies|vaimo|puoliso|poika|tytar|tyttare|she|he|mother|father|mamma|pappa|mor|far)(?:ni|mme|nsa|si)?\s+(?:on|is|ar)\s+(\d{1,3})(?=\s*(?:$|[,.!?;:)]|(?:ja|and|och|mutta|but|men)(?![\p{L}])))/gu;
/** `nelikymppinen` (in their forties): the middle of the decade. */
const AGE_DECADE_WORD = /(?<![\p{L}])(pari|kolmi|neli|viisi|kuusi|seitseman|kahdeksan|yhdeksan)kymppi\p{L}*/gu;
const DECADES: Record<string, number> = {
  pari: 20, kolmi: 30, neli: 40, viisi: 50, kuusi: 60, seitseman: 70, kahdeksan: 80, yhdeksan: 90,
};
const AGE_DECADE_EN = /\bin (?:his|her|their) (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gu;
const DECADES_EN: Record<string, number> = {
  twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90,
};

/** Ages of the client's children or a durations, not the client's age. */
const CHILD_CONTEXT = /(?:laps|lasten|vauva|barn|child|kids|baby|sisaruks|sisko|veli|jolla on|hanella on|has a|har en|har ett)[^.;]{0,12}$/u;
/** Between two ages of one list: `3 v ja 5 v`, `3, 5 and 8 years`. */
const AGE_LIST_GAP = /^\s*(?:,|ja|and|och|&)\s*$/u;
const DURATION_AFTER = /^\s*(?:sitten|ajan|ajaksi|kuluttua|aikana|sedan|ago|for\b)/u;
const DURATION_BEFORE = /(?:\bi|\bin|\bfor|\bafter|\befter|\bsedan|\bsince|\bollut|\bvarit|\bjo)\s*$/u;

interface AgeCandidate {
  index: number;
  age: number;
}

export function readAge(text: string): number | undefined {
  const t = fold(text);
  const candidates: AgeCandidate[] = [];
  const add = (index: number, age: number): void => {
    if (age > 0 && age <= MAX_AGE) candidates.push({ index, age });
  };
  let childAgesEnd = -1;
  for (const m of t.matchAll(AGE_AFTER_NUMBER)) {
    const before = t.slice(Math.max(0, m.index - 30), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // Children's ages come in lists: `lapset (3 v ja 5 v)`.
    const childAge = CHILD_CONTEXT.test(before) || (childAgesEnd >= 0 && AGE_LIST_GAP.test(t.slice(childAgesEnd, m.index)));
    if (childAge) childAgesEnd = m.index + m[0].length;
    if (childAge || DURATION_AFTER.test(after) || DURATION_BEFORE.test(before)) continue;
    add(m.index, Number(m[1]));
  }
  for (const m of t.matchAll(AGE_AFTER_LABEL)) add(m.index, Number(m[1]));
  for (const m of t.matchAll(AGE_AFTER_CLIENT_NOUN)) add(m.index, Number(m[1]));
  for (const m of t.matchAll(AGE_AFTER_OPENING_NOUN)) add(m.index, Number(m[1]));
  for (const m of t.matchAll(AGE_AFTER_I_AM)) add(m.index, Number(m[1]));
  for (const m of t.matchAll(AGE_AFTER_PERSON_IS)) add(m.index, Number(m[1]));
  for (const m of t.matchAll(AGE_DECADE_WORD)) add(m.index, (DECADES[m[1]!] ?? 0) + 5);
  for (const m of t.matchAll(AGE_DECADE_EN)) add(m.index, (DECADES_EN[m[1]!] ?? 0) + 5);
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.age;
}

// ---------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------

/**
 * Language names as word beginnings (diacritics removed), in Finnish, Swedish and English,
 * covering the inflected forms used in notes: `arabiaa`, `arabian`, `arabiaksi`,
 * `arabiankielinen`, `arabiska`, `arabic`.
 */
const LANGUAGE_STEMS: Array<[string, string[]]> = [
  ['fi', ['suomi', 'suome', 'finsk', 'finnish']],
  ['sv', ['ruotsi', 'svensk', 'swedish']],
  ['en', ['englan', 'engelsk', 'english']],
  ['ru', ['venaj', 'rysk', 'russian']],
  ['ar', ['arabi', 'arabic']],
  ['so', ['somal']],
  ['fa', ['persia', 'persis', 'farsi', 'dari', 'persian']],
  ['ku', ['kurdi', 'kurdisk', 'kurdish', 'sorani', 'kurmand']],
  ['uk', ['ukrain']],
  ['et', ['viro', 'eesti', 'estnisk', 'estonian']],
  ['ti', ['tigrin']],
  ['tr', ['turkki', 'turkin', 'turkis', 'turkish']],
  ['zh', ['kiina', 'kines', 'chinese', 'mandarin']],
  ['vi', ['vietnam']],
  ['th', ['thai']],
  ['sq', ['albani', 'albansk']],
  ['es', ['espanj', 'spansk', 'spanish']],
  ['fr', ['ransk', 'fransk', 'french']],
  ['de', ['saksa', 'saksan', 'tysk', 'german']],
  ['pl', ['puola', 'puolan', 'polsk', 'polish']],
  ['ro', ['romania', 'rumansk', 'romanian']],
  ['ps', ['pasht', 'pasto', 'pastu']],
  ['ur', ['urdu']],
  ['bn', ['bengal', 'bangla']],
  ['ne', ['nepal']],
  ['ta', ['tamil']],
  ['hi', ['hindi']],
  ['sw', ['swahili', 'suahili', 'kiswahili']],
  ['pt', ['portugal', 'portugis', 'portuguese']],
  ['it', ['italia', 'italiensk', 'italian']],
  ['am', ['amhar']],
  ['se', ['saame', 'samisk']],
  ['lt', ['liettu', 'lithuanian']],
  ['lv', ['latvia', 'lettisk', 'latvian']],
];

function languageOf(word: string): string | undefined {
  for (const [code, stems] of LANGUAGE_STEMS) if (stems.some((s) => word.startsWith(s))) return code;
  return undefined;
}

const L = '(\\p{L}+)';
/**
 * A language word that begins a word. Without the anchor a pattern that starts with a
 * letter run is tried from every letter of a long word: quadratic work on one word.
 */
const WORD_L = `(?<![\\p{L}])${L}`;
/** Patterns by priority: what the client IS comes before what they speak, before service wishes. */
const LANGUAGE_PATTERNS: RegExp[][] = [
  [
    new RegExp(`${WORD_L}kieli(?:nen|sen|sta|selle|sena|set|sia|siä|sille)`, 'gu'), // somalinkielinen
    new RegExp(`${WORD_L}sprakig`, 'gu'), // svenskspråkig
    new RegExp(`${WORD_L}talande`, 'gu'), // arabisktalande
    new RegExp(`${WORD_L}[- ]speaking`, 'gu'),
    new RegExp(`${WORD_L} speaker`, 'gu'),
    new RegExp(`aidinkiel\\p{L}*\\s+(?:on\\s+)?${L}`, 'gu'), // äidinkieli on arabia
    new RegExp(`modersmal\\p{L}*\\s+(?:ar\\s+)?${L}`, 'gu'),
    new RegExp(`(?:native language|mother tongue|first language)\\s+(?:is\\s+)?${L}`, 'gu'),
  ],
  [
    new RegExp(`puhu\\p{L}*\\s+(?:vain|ainoastaan|pelkastaan|lahinna|paaasiassa|sujuvasti|hyvin|aidinkielenaan)?\\s*${L}`, 'gu'),
    new RegExp(`talar\\s+(?:bara|endast|enbart|mest|flytande)?\\s*${L}`, 'gu'),
    new RegExp(`speaks?\\s+(?:only|mainly|mostly|fluent)?\\s*${L}`, 'gu'),
  ],
  [
    new RegExp(`${WORD_L}n\\s+tulk\\p{L}*`, 'gu'), // arabian tulkki
    new RegExp(`tolk\\s+pa\\s+${L}`, 'gu'),
    new RegExp(`${WORD_L}\\s+interpreter`, 'gu'),
  ],
  [
    new RegExp(`${WORD_L}ksi(?![\\p{L}])`, 'gu'), // ruotsiksi, arabiaksi
    new RegExp(`(?<![\\p{L}])pa\\s+${L}`, 'gu'), // på svenska
    new RegExp(`(?<![\\p{L}])in\\s+${L}`, 'gu'), // in English
  ],
];

/** Words saying the client speaks the language only a little (not their language). */
const LIMITED = /^[\s,]*(?:vahan|huonosti|heikosti|hieman|auttavasti|alkeis|jonkin verran|vain vahan|a little|little|some|poor|broken|lite|knappt|daligt)/u;
const NEGATED = /(?:\bei|\beika|\ben|\binte|\bnot|\bno|\bdoesn t|\bdon t|\bcan t)\s+$/u;
const LIMITED_BEFORE = /(?:vahan|hieman|huonosti|a little|little|some|lite|knappt)\s+$/u;

export function readLanguage(text: string): string | undefined {
  const t = fold(text).replace(/[’']/g, ' ');
  for (const patterns of LANGUAGE_PATTERNS) {
    let best: { index: number; code: string } | undefined;
    for (const re of patterns) {
      for (const m of t.matchAll(re)) {
        const word = m[1];
        if (!word) continue;
        const code = languageOf(word);
        if (!code) continue;
        const after = t.slice(m.index + m[0].length, m.index + m[0].length + 20);
        const before = t.slice(Math.max(0, m.index - 12), m.index);
        const within = t.slice(m.index, m.index + m[0].length - word.length);
        if (LIMITED.test(after) || NEGATED.test(before) || NEGATED.test(within) || LIMITED_BEFORE.test(within)) continue;
        if (!best || m.index < best.index) best = { index: m.index, code };
      }
    }
    if (best) return best.code;
  }
  return undefined;
}

/**
 * What the note says of the client's Finnish. Little or none (`suomen kieli heikko`,
 * `talar knappt finska`, `finskan är svag`, `no Finnish yet`), or fluent (`kaksikielinen`,
 * `talar även finska`). It matters for Swedish speakers: a Finnish-language service is
 * theirs only when the note says they manage in Finnish.
 */
const LIMITED_FINNISH: RegExp[] = [
  /(?<![\p{L}])(?:ei|eika|en)\s+(?:\p{L}+\s+)?(?:puhu|osaa|ymmarra)\p{L}*\s+(?:\p{L}+\s+)?suome/u,
  /(?:puhuu|osaa|ymmartaa)\s+(?:vain\s+|ainoastaan\s+)?(?:vahan|hieman|huonosti|heikosti|auttavasti|alkeis\p{L}*|tuskin)\s+suome/u,
  /suom(?:i|ea|en(?:\s+kieli\p{L}*)?)\s+(?:on\s+)?(?:jaanyt\s+|vain\s+|aika\s+|viela\s+|melko\s+|hyvin\s+|todella\s+)?(?:heikko|heikoksi|huono|vahainen|alkeellinen|puutteellinen|olematon)/u,
  /(?:talar|kan|forstar)\s+(?:\p{L}+\s+)?(?:knappt|lite|daligt|inte|ingen)\s+finska/u,
  /(?:talar|kan)\s+(?:bara|endast|enbart)\s+svenska/u,
  /puhuu\s+(?:vain|ainoastaan|pelkastaan)\s+ruotsia/u,
  /speaks?\s+only\s+swedish/u,
  /finskan?\s+(?:ar\s+)?(?:svag|dalig|bristfallig|obefintlig)/u,
  /(?:no|little|poor|limited|hardly any|not much)\s+finnish/u,
  /finnish\s+(?:is\s+)?(?:(?:still|very|quite|pretty|really)\s+)*(?:zero|poor|bad|weak|basic|limited|non existent|nonexistent|minimal)/u,
  /(?:not|cannot|doesn t|don t)\s+(?:speak|understand)\s+finnish/u,
];
const FLUENT_FINNISH: RegExp[] = [
  /(?:puhuu|osaa|ymmartaa)\s+(?:myos\s+|hyvin\s+|sujuvasti\s+|sujuvaa\s+|hyvaa\s+|taydellisesti\s+)+suome/u,
  /(?:puhuu|osaa)\s+suomea\s+(?:hyvin|sujuvasti|myos)|(?:suomea|suomen)\s+ja\s+ruotsi|ruotsia?\s+ja\s+suome/u,
  /(?:finska|svenska)\s+och\s+(?:finska|svenska)|(?:finnish|swedish)\s+and\s+(?:finnish|swedish)/u,
  /(?<![\p{L}])kaksikieli\p{L}*|tvasprakig|bilingual/u,
  /(?:talar|kan|forstar)\s+(?:ocksa\s+|aven\s+|bra\s+|flytande\s+)+finska/u,
  /speaks?\s+(?:also\s+|good\s+|fluent\s+)*finnish\s+(?:well|fluently)|speaks?\s+(?:also\s+|good\s+|fluent\s+)+finnish/u,
];

export function readFinnish(text: string): 'limited' | 'fluent' | undefined {
  const t = fold(text.slice(0, MAX_TEXT_LENGTH)).replace(/[’']/g, ' ');
  if (LIMITED_FINNISH.some((re) => re.test(t))) return 'limited';
  return FLUENT_FINNISH.some((re) => re.test(t)) ? 'fluent' : undefined;
}

/** Common words of Swedish and English notes; a note with neither is taken to be Finnish. `han` is left out: folded, it is the Finnish `hän`. */
const SWEDISH_WORDS = new Set('och att har är inte hon med som för på till ett det av sin sitt hennes hans vill kan sedan eller'.split(' ').map(fold));
const ENGLISH_WORDS = new Set('the and is has was she he her his with to of for not an in are wants needs who'.split(' '));

/**
 * The language the note is written in (not necessarily the client's). A caller may use
 * it as a weak default when the note does not say which language the client speaks:
 * Swedish notes are mostly written about Swedish-speaking clients.
 */
function writtenLanguage(tokens: Token[]): 'fi' | 'sv' | 'en' {
  let sv = 0;
  let en = 0;
  for (const { word } of tokens) {
    if (SWEDISH_WORDS.has(word)) sv++;
    if (ENGLISH_WORDS.has(word)) en++;
  }
  if (sv >= 2 && sv > en) return 'sv';
  if (en >= 2 && en > sv) return 'en';
  return 'fi';
}

/**
 * In a Swedish note `en` is the article (`har en spelskuld`), not the Finnish negation
 * `en` (`en jaksa`): it is read as the article `ett`, which negates nothing.
 */
function withSwedishArticles(tokens: Token[]): Token[] {
  return tokens.map((t) => (t.word === 'en' ? { ...t, word: 'ett' } : t));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
