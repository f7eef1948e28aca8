import { isStale } from '../catalog/freshness.ts';
import type { SearchDocument } from '../search/document.ts';
import type { Client } from './client.ts';
import { IDENTITY_GROUPS, languageFit, locality, type LanguageFit, type Locality } from './eligibility.ts';

/**
 * Scores a candidate for a client from explicit, explainable signals, and picks the list
 * so that it covers each of the client's needs instead of ten services for the first.
 * Every signal that moves a score becomes a reason the worker can read.
 */

export interface Signals {
  covers: string[];
  mainNeedMatch: boolean;
  locality: Locality;
  language: LanguageFit;
  reachableNow: boolean;
  alwaysOpen: boolean;
  remote: boolean;
  satisfied: string[];
  missing: string[];
  targetFit: 'fits' | 'neutral' | 'other_group';
  /** The kinds the text asks for (`Client.wants`) that the service is of. */
  wanted: string[];
  stale: boolean;
  textRank: number | undefined;
}

export interface Scored {
  doc: SearchDocument;
  signals: Signals;
  score: number;
}

/**
 * A pick of the list. `value` is what decided its place: its score with the bonus for
 * needs no earlier pick covers. Values never rise down the list, except for a service
 * `lifted` into the top three because it is reachable now.
 */
export interface Pick extends Scored {
  value: number;
  /** Needs this pick is the first to cover. */
  newNeeds: string[];
  lifted?: 'reachable_now';
}

const LOCALITY_SCORE: Record<Locality, number> = { municipality: 0.35, wellbeing_area: 0.3, national: 0.1, other: -1 };
const LANGUAGE_SCORE: Record<LanguageFit, number> = { native: 0.15, fallback: -0.25, interpreted: -0.25, none: -2 };
/**
 * A service that lists the client's language first, when it is not Finnish, is made for
 * its speakers ("Skuldrådgivning på svenska"); one that lists it among others serves it
 * too, but after, as in search (OWN_LANGUAGE in src/search/intent.ts). Measured on
 * nineteen case sets: fourteen rose by 0.001-0.006, one fell at 2 am with text and
 * profile (-0.003); 0.1 lifted some more and cost the tenth 0.007.
 */
const OWN_LANGUAGE = 0.05;

function madeForSpeakersOf(doc: { languages: readonly string[] }, language: string | undefined): boolean {
  return language !== undefined && language !== 'fi' && doc.languages[0] === language;
}
/**
 * What counts in an acute situation. Help around the clock and help that acts on the day
 * count most; an office that happens to be open at this moment counts little more than
 * one that is closed, or an acute case would get office hours at noon and crisis help
 * only at night (measured: recommend fell by 0.02 at 10 am against 2 am).
 */
const ACUTE_BONUS = { openNow: 0.2, aroundTheClock: 0.4, actsOnTheDay: 0.35 };
/** Services that act on the day: crisis help and shelters (crisis lines have the crisis need). */
const ACUTE_TYPES = new Set(['crisis_help', 'shelter']);
/**
 * A service of a kind the note asks for ("toivoo ryhmää", a support person): among
 * services for the same need, the one given as the client wishes comes first. Measured
 * on eleven case sets: text + profile +0.009 and +0.008 on two, -0.002 on one; text only
 * +0.002 to +0.004 on three; the others unchanged. Reading the kinds without a wish word
 * moved a third set up too, but read "her phone was taken" as a wish for a helpline.
 */
const WANTED_KIND = 0.2;
/** The need fit (see `score`) from which being reachable now counts fully in an acute situation. */
const ACUTE_FULL_FIT = 0.5;

function ageFits(group: string, age: number): boolean | undefined {
  switch (group) {
    case 'children':
      return age < 13;
    case 'youth':
      return age >= 12 && age < 30;
    case 'students':
      return age >= 16 && age < 35;
    case 'older_people':
      return age >= 63;
    case 'adults':
      return age >= 18;
    default:
      return undefined;
  }
}

/** The client's groups: read from the text, and immigrants when they speak neither national language. */
function clientGroups(client: Client): Set<string> {
  const groups = new Set(client.targetGroups);
  if (client.language && client.language !== 'fi' && client.language !== 'sv') groups.add('immigrants');
  return groups;
}

/**
 * Whether the service is aimed at people like the client: 'fits' when one of its specific
 * groups is the client's (by age, or read from the text), 'other_group' when it is
 * reserved for a group the client is not in (another age group, immigrants, LGBTIQ+
 * people, the other gender), 'neutral' otherwise.
 */
function targetFit(doc: SearchDocument, client: Client): Signals['targetFit'] {
  const groups = doc.target_groups;
  if (groups.length === 0 || groups.includes('everyone')) return 'neutral';
  const mine = clientGroups(client);
  if (IDENTITY_GROUPS.some((g) => groups.includes(g) && !mine.has(g))) return 'other_group';
  const gender = mine.has('women') ? 'women' : mine.has('men') ? 'men' : undefined;
  // A service for women (and families, immigrants…) but not for men is not a man's service.
  if (gender && groups.includes(gender === 'women' ? 'men' : 'women') && !groups.includes(gender)) return 'other_group';
  const byAge = client.age === undefined ? [] : groups.map((g) => ageFits(g, client.age!)).filter((x) => x !== undefined);
  if (byAge.length > 0 && byAge.every((fits) => !fits)) return 'other_group';
  const specific = groups.filter((g) => g !== 'adults');
  if (specific.some((g) => mine.has(g) || (client.age !== undefined && ageFits(g, client.age) === true))) return 'fits';
  return 'neutral';
}

/** How much a service is made for a need it lists besides its main one (see `focusOn`). */
const SIDE_NEED = 0.55;
const SIDE_OF_ANOTHER_PROBLEM = 0.3;
/** Needs whose services are specialists in one problem (not general social work or crisis help). */
const SPECIALIST_NEEDS = new Set(['sexual_violence', 'violence', 'substance', 'gambling', 'crime_victim', 'bereavement', 'debt', 'caregiver', 'disability']);

/** Needs that say who is helped or how rather than with what problem. */
const NOT_A_PROBLEM = new Set(['caregiver', 'family', 'loneliness']);

/** Needs for which someone is cared for: their carers share one kind of support. */
const CARE_NEEDS = new Set(['elderly', 'disability']);

/**
 * Support for a relative is support with their relative's problem: a service for
 * relatives of substance users does not cover the need of a gambler's partner, while a
 * gambling helpline that also serves relatives does. A carers' service that names no
 * problem covers it for anyone, and one for the carers of older or disabled people
 * covers it for any carer of someone who needs care (a wife caring for her husband after
 * a stroke calls the carers' line for the elderly).
 */
function supportsThisRelative(doc: SearchDocument, client: Client): boolean {
  const clientProblems = client.needs.map((c) => c.code).filter((n) => !NOT_A_PROBLEM.has(n));
  const shared = (codes: string[]) => codes.some((n) => clientProblems.includes(n));
  const problems = doc.needs.filter((n) => !NOT_A_PROBLEM.has(n));
  if (!doc.needs.includes('caregiver')) return doc.target_groups.includes('relatives') && shared(doc.needs);
  if (problems.length === 0 || shared(problems)) return true;
  return problems.every((n) => CARE_NEEDS.has(n)) && clientProblems.every((n) => CARE_NEEDS.has(n));
}

/** Whether the service helps with this need of this client. */
export function coversNeed(doc: SearchDocument, code: string, client: Client): boolean {
  return code === 'caregiver' ? supportsThisRelative(doc, client) : doc.needs.includes(code);
}

export function signalsOf(doc: SearchDocument, client: Client, reachable: boolean, textRank: number | undefined): Signals {
  const needCodes = client.needs.map((n) => n.code);
  return {
    covers: needCodes.filter((c) => coversNeed(doc, c, client)),
    mainNeedMatch: doc.needs[0] !== undefined && needCodes.includes(doc.needs[0]),
    locality: locality(doc, client.municipality),
    language: languageFit(doc, client.language, client.speaksFinnish.value),
    reachableNow: reachable,
    alwaysOpen: doc.always_open,
    remote: doc.remote,
    satisfied: client.requires.filter((r) => doc.access.includes(r) || (r === 'remote' && doc.remote)),
    missing: client.requires.filter((r) => !(doc.access.includes(r) || (r === 'remote' && doc.remote))),
    targetFit: targetFit(doc, client),
    wanted: client.wants.filter((kind) => doc.service_types.includes(kind)),
    stale: isStale(doc.assured_date),
    textRank,
  };
}

/**
 * How much covering each need is worth. A worker lists the main need first: it counts
 * fully and the others half, so a service for the main need beats one that touches two
 * side needs. Needs read from text are ordered by how surely they were read, which says
 * less about which one is the main need, so their weights stay closer together.
 */
export function needWeights(client: Client): Map<string, number> {
  const sideShare = client.needs[0]?.source === 'profile' ? 0.5 : 0.7;
  return new Map(client.needs.map((n, i) => [n.code, i === 0 ? n.weight : sideShare * n.weight]));
}

/**
 * How much a service is made for one of the client's needs: fully when it is its main
 * need, about half when it lists it among others. A specialist service for another
 * problem lists its other needs as sides of its own problem — a sexual-violence centre's
 * crisis help is for that crisis, a shelter's family work for violence in the family —
 * so for a client without that problem they count less still.
 */
function focusOn(doc: SearchDocument, code: string, client: Client): number {
  if (shelterNotNeeded(doc, client)) return SIDE_OF_ANOTHER_PROBLEM;
  if (code === doc.needs[0]) return 1;
  return forAnotherProblem(doc, client) ? SIDE_OF_ANOTHER_PROBLEM : SIDE_NEED;
}

/** The needs a place to stay answers: a night's bed, or safety from violence or a crisis. */
const PLACE_TO_STAY_NEEDS = new Set(['housing', 'crisis', 'violence']);

/**
 * A shelter is a place to stay, whatever else it lists (a young people's night shelter
 * lists young people and families): for a client who needs no place to stay, all its
 * needs are sides of that one.
 */
function shelterNotNeeded(doc: SearchDocument, client: Client): boolean {
  return doc.service_types.includes('shelter') && !client.needs.some((n) => PLACE_TO_STAY_NEEDS.has(n.code));
}

/** A specialist service for a problem the client does not have. */
function forAnotherProblem(doc: SearchDocument, client: Client): boolean {
  const mainNeed = doc.needs[0];
  return mainNeed !== undefined && SPECIALIST_NEEDS.has(mainNeed) && !client.needs.some((n) => n.code === mainNeed);
}

export function score(doc: SearchDocument, s: Signals, client: Client): number {
  const weightOf = needWeights(client);
  let needFit = 0;
  for (const code of s.covers) needFit += (weightOf.get(code) ?? 0.5) * focusOn(doc, code, client);
  let total = needFit;
  total += LOCALITY_SCORE[s.locality];
  total += LANGUAGE_SCORE[s.language];
  if (madeForSpeakersOf(doc, client.language)) total += OWN_LANGUAGE;
  total += 0.35 * s.satisfied.length - 0.6 * s.missing.length;
  total += s.targetFit === 'fits' ? 0.2 : s.targetFit === 'other_group' ? -0.35 : 0;
  if (client.urgency.value === 'acute') {
    let reachable = 0;
    if (s.reachableNow) reachable += ACUTE_BONUS.openNow;
    if (s.alwaysOpen) reachable += ACUTE_BONUS.aroundTheClock;
    // A specialist's crisis help is for its own problem: a sexual-violence centre's for a rape, not a robbery.
    const actsOnTheDay = doc.service_types.some((t) => ACUTE_TYPES.has(t)) || doc.needs.includes('crisis');
    if (actsOnTheDay && !forAnotherProblem(doc, client)) reachable += ACUTE_BONUS.actsOnTheDay;
    // Being reachable now helps as much as the service helps with what is urgent: a
    // 24/7 service that touches a side need in passing is no answer to today's danger.
    total += reachable * Math.min(1, needFit / ACUTE_FULL_FIT);
  } else if (client.urgency.value === 'soon' && s.reachableNow) {
    total += 0.05;
  }
  if (s.textRank !== undefined) total += 0.25 / (1 + s.textRank / 3);
  if (s.wanted.length > 0) total += WANTED_KIND;
  if (s.stale) total -= 0.25;
  return total;
}

/**
 * Greedy selection: each pick is the candidate with the best score plus a bonus for
 * needs no earlier pick covers, minus a little when every need it covers is covered
 * twice already (a service covering several needs is not held back for its most
 * covered one).
 */
export function diversify(candidates: Scored[], client: Client, limit: number): Pick[] {
  const picked: Pick[] = [];
  const coverage = new Map<string, number>();
  const weightOf = needWeights(client);
  const pool = [...candidates];
  while (picked.length < limit && pool.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    pool.forEach((c, i) => {
      let value = c.score;
      const times = c.signals.covers.map((code) => coverage.get(code) ?? 0);
      c.signals.covers.forEach((code, k) => {
        // The first to cover a need as a side of another problem covers it only in part.
        if (times[k] === 0) value += 0.3 * (weightOf.get(code) ?? 0.5) * Math.min(1, focusOn(c.doc, code, client) / SIDE_NEED);
      });
      // A service is redundant only when every need it covers is covered twice already.
      const leastCovered = times.length > 0 ? Math.min(...times) : 0;
      if (leastCovered >= 2) value -= 0.1 * leastCovered;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    const [chosen] = pool.splice(bestIndex, 1) as [Scored];
    picked.push({ ...chosen, value: bestValue, newNeeds: chosen.signals.covers.filter((code) => !coverage.has(code)) });
    for (const code of chosen.signals.covers) coverage.set(code, (coverage.get(code) ?? 0) + 1);
  }
  return picked;
}

/** In an acute situation a service reachable right now must be among the first three. */
export function ensureReachableInTop3(list: Pick[], pool: Scored[], client: Client): Pick[] {
  if (client.urgency.value !== 'acute' || list.slice(0, 3).some((s) => s.signals.reachableNow)) return list;
  const listed = new Set(list.map((p) => p.doc.id));
  const reachable = [...list.slice(3), ...pool.filter((p) => !listed.has(p.doc.id))]
    .filter((s) => s.signals.reachableNow)
    .sort((a, b) => b.score - a.score)[0];
  if (!reachable) return list;
  const rest = list.filter((s) => s.doc.id !== reachable.doc.id);
  const lifted: Pick = { ...reachable, value: 'value' in reachable ? (reachable as Pick).value : reachable.score, newNeeds: [], lifted: 'reachable_now' };
  return [...rest.slice(0, 2), lifted, ...rest.slice(2)].slice(0, list.length);
}
