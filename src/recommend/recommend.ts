import type { TextLanguage } from '../catalog/types.ts';
import type { SearchDocument } from '../search/document.ts';
import { toHit, type SearchHit } from '../search/hits.ts';
import type { LocalTime } from '../search/opening-hours.ts';
import { isOpen, type CandidateQuery, type SearchService } from '../search/service.ts';
import { findTerm } from '../vocabulary/index.ts';
import { understandClient, type Client, type Profile, type Source, type Urgency } from './client.ts';
import { eligibilityFilters, groupEligible, languageFit, locality, roleEligible } from './eligibility.ts';
import { coversNeed, diversify, ensureReachableInTop3, score, signalsOf, type Scored } from './ranking.ts';
import { liftedText, placeReasons, reasonsFor } from './reasons.ts';

/**
 * Recommend: (1) understand the client (profile, completed from the text), (2) retrieve
 * candidates the client can use — per need, those open now when it is urgent, and those
 * whose texts match the situation — (3) score them on explicit signals, (4) pick a list
 * that covers every need, (5) explain each pick, and (6) report needs nothing covers.
 */

export interface RecommendRequest {
  text?: string;
  profile?: Profile;
  limit: number;
  lang: TextLanguage;
}

export interface Recommendation {
  id: string;
  /** What decided the place in the list; it does not rise down the list unless `lifted` says why. */
  score: number;
  reasons: string[];
  covers: string[];
  /** Why the service stands above results with a higher score. */
  lifted?: { code: 'reachable_now'; text: string };
  service: SearchHit;
}

interface Labelled {
  code: string;
  label: string;
}

export interface RecommendResponse {
  needs: Array<Labelled & { weight: number; source: Source; evidence: string[] }>;
  urgency: { value: Urgency; source: Source };
  age?: { value: number; source: Source };
  language?: { value: string; source: Source };
  speaks_finnish: { value: boolean; source: Source };
  uses_violence: { value: boolean; source: Source };
  own_use: { value: boolean; source: Source };
  requires: { value: Labelled[]; source: Source };
  target_groups: Labelled[];
  /** Kinds of service the text asks for, ranked a little higher. */
  wants: Labelled[];
  results: Recommendation[];
  /** Needs for which nothing usable was found in the client's area. */
  gaps: Array<{ code: string; label: string }>;
  /** Per need, what the client's area offers: the input of the demand counts, not part of the answer. */
  found: NeedFound[];
  degraded: boolean;
}

/**
 * Whether any service the client can use covers the need near the client (in their
 * municipality or wellbeing area) or anywhere; `need` is null when no need is known.
 */
export interface NeedFound {
  need: string | null;
  local: boolean;
  any: boolean;
}

const PER_NEED = 60;
const REACHABLE = 30;
const BY_TEXT = 30;

function candidateQueries(client: Client, text: string | undefined): CandidateQuery[] {
  const filters = eligibilityFilters(client);
  const queries: CandidateQuery[] = client.needs.map((n) => ({
    // The need's own label as the query ranks services made for the need first.
    q: findTerm('need', n.code)?.labels.fi ?? '',
    filters: { ...filters, need: [n.code] },
    limit: PER_NEED,
  }));
  if (client.urgency.value === 'acute') {
    const need = client.needs.length > 0 ? client.needs.map((n) => n.code) : undefined;
    queries.push({ q: '', filters: { ...filters, open_now: true, ...(need ? { need } : {}) }, limit: REACHABLE });
  }
  if (text) queries.push({ q: text, filters, limit: BY_TEXT });
  return queries;
}

export async function recommend(search: SearchService, req: RecommendRequest, now: LocalTime = search.now()): Promise<RecommendResponse> {
  const client = understandClient(req.text, req.profile);
  const queries = candidateQueries(client, req.text);
  const { sets, degraded } = queries.length > 0 ? await search.candidateSets(queries, now) : { sets: [], degraded: false };

  const textSet = req.text ? sets[sets.length - 1] ?? [] : [];
  const textRank = new Map(textSet.map((d, i) => [d.id, i]));
  const unique = new Map<string, SearchDocument>();
  for (const set of sets) for (const d of set) unique.set(d.id, d);

  const usable = [...unique.values()].filter(
    (d) => languageFit(d, client.language, client.speaksFinnish.value) !== 'none' &&
      locality(d, client.municipality) !== 'other' &&
      groupEligible(d.target_groups, client) &&
      roleEligible(d, client),
  );
  const scored: Scored[] = usable.map((doc) => {
    const signals = signalsOf(doc, client, isOpen(doc, now), textRank.get(doc.id));
    return { doc, signals, score: score(doc, signals, client) };
  });
  // With needs known, a service that covers none of them is only a last resort.
  const relevant = client.needs.length > 0 ? scored.filter((s) => s.signals.covers.length > 0) : scored;
  const pool = (relevant.length > 0 ? relevant : scored).sort((a, b) => b.score - a.score);
  const picked = ensureReachableInTop3(diversify(pool, client, req.limit), pool, client);

  const label = (taxonomy: string, code: string): Labelled => ({ code, label: findTerm(taxonomy, code)?.labels[req.lang] ?? code });
  return {
    needs: client.needs.map((n) => ({ ...label('need', n.code), weight: round(n.weight), source: n.source, evidence: n.evidence })),
    urgency: client.urgency,
    ...(client.age !== undefined ? { age: { value: client.age, source: client.sources.age ?? 'default' } } : {}),
    ...(client.language !== undefined ? { language: { value: client.language, source: client.sources.language ?? 'default' } } : {}),
    speaks_finnish: client.speaksFinnish,
    uses_violence: client.usesViolence,
    own_use: client.ownUse,
    requires: { value: client.requires.map((c) => label('access', c)), source: client.sources.requires },
    target_groups: client.targetGroups.map((c) => label('target_group', c)),
    wants: client.wants.map((c) => label('service_type', c)),
    results: picked.map((s, i) => ({
      id: s.doc.id,
      score: round(s.value),
      reasons: [...reasonsFor(s.doc, s.signals, client, req.lang), ...placeReasons(s, picked.slice(i + 1), req.lang)],
      covers: s.signals.covers,
      ...(s.lifted ? { lifted: { code: s.lifted, text: liftedText(req.lang) } } : {}),
      service: toHit(s.doc, req.lang, { openNow: s.signals.reachableNow }),
    })),
    gaps: client.needs.filter((n) => !usable.some((d) => coversNeed(d, n.code, client))).map((n) => label('need', n.code)),
    found: foundPerNeed(usable, client),
    degraded,
  };
}

function foundPerNeed(usable: SearchDocument[], client: Client): NeedFound[] {
  const near = (d: SearchDocument) => ['municipality', 'wellbeing_area'].includes(locality(d, client.municipality));
  if (client.needs.length === 0) return [{ need: null, local: usable.some(near), any: usable.length > 0 }];
  return client.needs.map((n) => {
    const covering = usable.filter((d) => coversNeed(d, n.code, client));
    return { need: n.code, local: covering.some(near), any: covering.length > 0 };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
