import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type MatchingStrategies,
  type FacetDistribution,
} from 'meilisearch';
import type { TextLanguage } from '../catalog/types.ts';
import type { Db } from '../db/client.ts';
import { findTerm } from '../vocabulary/index.ts';
import { analyzeQueryWords, compoundParts, withSpelling, words, type Lexicon } from './analysis.ts';
import { VOCABULARY_KEYS } from './expansion.ts';
import type { SearchDocument } from './document.ts';
import type { SearchEngine } from './engine.ts';
import { fallbackSearch, matchesFilters } from './fallback.ts';
import { toFacets, toHit, type Facets, type SearchHit } from './hits.ts';
import { KIN_ROLE_GROUPS, kinRoleNeeds, queryIntent, rerank, servesKinRole, type QueryIntent } from './intent.ts';
import { localTime, type LocalTime } from './opening-hours.ts';
import { anyOf, meiliFilter, type SearchFilters } from './query.ts';
import { splitPlace } from './places.ts';
import { FACETS, isQueryStopWord, KINSHIP_KEYS, STOP_KEYS } from './settings.ts';

export interface SearchRequest extends SearchFilters {
  q?: string;
  page: number;
  limit: number;
  lang: TextLanguage;
  /** The language of the page searching, when it says: its services are ranked first. */
  pageLanguage?: TextLanguage;
}

export interface CandidateQuery {
  q: string;
  filters: SearchFilters;
  limit: number;
}

export type CandidateDoc = SearchDocument & { _geoDistance?: number };

/** A hit with the engine's ranking score, when asked for it. */
type Scored = SearchDocument & { _rankingScore?: number };

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Facets;
  page: number;
  limit: number;
  /** Set when the answer came from PostgreSQL because the engine was unreachable. */
  degraded?: 'postgres';
  /** The municipality the query named, searched in as if it were the filter. */
  place?: { municipality: string };
}

/** What a query matched: the keys searched, its hits in the order shown, their total and facet counts. */
interface Matched {
  keys: string[];
  ranked: Scored[];
  total: number;
  facets: FacetDistribution;
}

/**
 * A query finding fewer hits than this is widened to what its needs are called (see
 * `widened`). Measured: widening below 5 and below a page of 10 scored the same nDCG, and
 * below 20 lowered the share of on-topic hits and facet counts (0.896 → 0.822).
 */
const WIDEN_BELOW = 5;

/**
 * A query whose own words lead to services for other needs ("pelit vie kaikki rahat"
 * finds food aid by `rahat`; "kännissä joka päivä" day centres by `päivä`) is joined by
 * the services for the needs its words name, when fewer than this many of its first five
 * hits are for one of them. Measured on six query sets: a gate of 3 lifted the weakest
 * set 0.754 → 0.790 and lowered none; joining every query lowered four of the six.
 */
const NEEDS_IN_FIRST_FIVE = 3;

/** How many of the engine's best hits are reordered by the query's intent. */
const RERANK_WINDOW = 50;

/** After a failed call the engine is skipped this long, so a dead engine costs no latency. */
const ENGINE_RETRY_MS = 1_000;

export const MATCHING_STRATEGY: MatchingStrategies = 'last';

/**
 * A hit scoring below this share of the best hit's ranking score is a weak match (only
 * some of the query's words, or a typo or prefix of a word), not an answer: it is left
 * out of the hits, the total and the facets, so that they count what was asked for.
 */
export const RELATIVE_SCORE_THRESHOLD = 0.2;

export class SearchService {
  private engineDownUntil = 0;

  constructor(
    readonly engine: SearchEngine,
    private readonly db: Db,
    readonly lexicon: Lexicon,
    private readonly onDegraded: () => void = () => {},
    /** The service's clock: the real one, or a fixed moment for a reproducible evaluation. */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** This moment in Finnish time, for opening hours. */
  now(): LocalTime {
    return localTime(this.clock());
  }

  /**
   * The query as the index sees it: analysed keys (see analysis.ts), without stop words.
   * The engine ignores stop words only in part: a query left with one (`hjälp` once
   * the matching strategy has dropped `skulder`) matches every document.
   *
   * A search box query (`searchBox`) is without the words it only asks with (see
   * `isQueryStopWord`), and its words of the vocabulary (what a service is for) go first:
   * the engine drops words from the end while too few documents match all of them, so
   * the other words go before them ("puolison kuolema" keeps "kuolema"). The first word is
   * never dropped, so it is not a word for kin, which says whom help is for, not what:
   * "mummolle ystävä" keeps "ystävä". A client's note (recommend) keeps its own order:
   * measured, reordering it cost recommend 0.01.
   */
  queryKeys(q: string | undefined, { searchBox = false, headFirst = false } = {}): string[] {
    const meaningfulWords = q ? unlessNothingLeft(words(splitPlace(q).rest), (_, i, ws) => isQueryStopWord(ws, i, { searchBox })) : [];
    const byWord = analyzeQueryWords(meaningfulWords.join(' '), this.lexicon, { headFirst });
    const named = (ks: string[]) => ks.some((k) => VOCABULARY_KEYS.has(k));
    const ordered = searchBox ? withoutLeadingKin([...byWord.filter(named), ...byWord.filter((ks) => !named(ks))]) : byWord;
    return unlessNothingLeft([...new Set(ordered.flat())], (k) => STOP_KEYS.has(k));
  }

  /**
   * Asks the engine, or PostgreSQL when the engine is unreachable. After a failure the
   * engine is skipped for a moment, so a dead engine costs no latency per request.
   */
  private async engineOrPostgres<T>(viaEngine: () => Promise<T>, viaPostgres: () => Promise<T>): Promise<{ value: T; degraded: boolean }> {
    if (Date.now() >= this.engineDownUntil) {
      try {
        return { value: await viaEngine(), degraded: false };
      } catch (err) {
        if (!isUnreachable(err)) throw err;
        this.engineDownUntil = Date.now() + ENGINE_RETRY_MS;
      }
    }
    this.onDegraded();
    return { value: await viaPostgres(), degraded: true };
  }

  /**
   * A place the query names (see places.ts) is where to search, when no filter says
   * where: "velkaneuvontaa kuopiossa" is debt advice for Kuopio.
   */
  async search(req: SearchRequest, now: LocalTime = this.now()): Promise<SearchResult> {
    const { rest, municipality } = splitPlace(req.q ?? '');
    const place = municipality && !req.municipality && !req.area && !req.geo ? municipality : undefined;
    const placed: SearchRequest = { ...req, q: withSpelling(rest, this.lexicon), ...(place ? { municipality: place } : {}) };
    const { value } = await this.engineOrPostgres(
      () => this.viaEngine(placed, now),
      () => this.viaPostgres(placed, now),
    );
    return place ? { ...value, place: { municipality: place } } : value;
  }

  /**
   * Several candidate lists in one round trip (Meilisearch multi-search), best first:
   * the retrieval step of recommend. Falls back to PostgreSQL like `search`.
   */
  async candidateSets(queries: CandidateQuery[], now: LocalTime = this.now()): Promise<{ sets: CandidateDoc[][]; degraded: boolean }> {
    const { value: sets, degraded } = await this.engineOrPostgres(
      async () => {
        const res = await this.engine.client.multiSearch({
          queries: queries.map((q) => ({
            indexUid: this.engine.indexName,
            q: this.queryKeys(q.q).join(' '),
            filter: meiliFilter(q.filters, now),
            limit: q.limit,
            matchingStrategy: MATCHING_STRATEGY,
          })),
        });
        return res.results.map((r) => r.hits as CandidateDoc[]);
      },
      async () => {
        const out: CandidateDoc[][] = [];
        for (const q of queries) out.push((await fallbackSearch(this.db, this.lexicon, q.q, q.filters, now)).slice(0, q.limit));
        return out;
      },
    );
    return { sets, degraded };
  }

  private async viaEngine(req: SearchRequest, now: LocalTime): Promise<SearchResult> {
    const filter = meiliFilter(req, now);
    const asked = await this.asked(req, filter);
    // Only the first window is reordered, so only it needs the query's intent (the reader's work).
    const windowed = this.reordered(asked.keys, req);
    const matched = windowed ? await this.byIntent(asked, this.intentOf(req), filter, req) : asked;
    const hits = windowed
      ? await this.documentsInOrder(matched.ranked.slice((req.page - 1) * req.limit, req.page * req.limit).map((h) => h.id), filter)
      : matched.ranked;
    const queryKeys = new Set(matched.keys);
    return {
      hits: hits.map((d) => toHit(d, req.lang, { queryKeys, openNow: isOpen(d, now) })),
      total: matched.total,
      facets: toFacets(matched.facets, req.lang),
      page: req.page,
      limit: req.limit,
    };
  }

  /** What the query asks for, and where: the municipality searched in, filtered or named. */
  private intentOf(req: SearchRequest): QueryIntent {
    const intent = queryIntent(req.q, req.pageLanguage, compoundParts(req.q ?? '', this.lexicon));
    return req.municipality ? { ...intent, municipality: req.municipality } : intent;
  }

  /**
   * What the query's keys match. When they match nothing, its compounds are searched by
   * their parts, head first (see `analyzeQueryWords`): "neulanvaihto kuopio" finds the
   * needle exchange that speaks of "neulojen vaihto". Measured on eight query sets: two
   * rose (+0.007, +0.020), none fell.
   */
  private async asked(req: SearchRequest, filter: string[]): Promise<Matched> {
    const keys = this.queryKeys(req.q, { searchBox: true });
    const found = await this.byKeys(keys, filter, req);
    if (found.total > 0) return found;
    const byParts = this.queryKeys(req.q, { searchBox: true, headFirst: true });
    return byParts.join(' ') === keys.join(' ') ? found : this.byKeys(byParts, filter, req);
  }

  private async byKeys(keys: string[], filter: string[], req: SearchRequest): Promise<Matched> {
    const res = await this.engineSearch(keys, filter, req);
    return { keys, ranked: res.hits, total: res.totalHits ?? res.hits.length, facets: res.facetDistribution ?? {} };
  }

  /**
   * The first window reordered by the query's intent, with the services for its needs
   * added when its words alone fall short of them.
   */
  private async byIntent(found: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched> {
    const asked = { ...found, ranked: rerank(found.ranked, intent) };
    const matched =
      asked.total < WIDEN_BELOW
        ? ((await this.widened(asked, intent, filter, req)) ?? (await this.withoutFirstWord(asked, intent, filter, req)) ?? asked)
        : this.strayFromItsNeeds(asked, intent)
          ? ((await this.joinedByNeeds(asked, intent, filter, req)) ?? asked)
          : asked;
    const forRole = (await this.joinedByKinRole(matched, intent, filter, req)) ?? matched;
    return (await this.joinedRoundTheClock(forRole, intent, filter, req)) ?? forRole;
  }

  /**
   * A query whose words find only a few services ("sorggrupp", "nettikasino velat") is
   * searched again by what its needs are called, and the services that finds follow the
   * few that use the query's own words. The total and the facets count both.
   */
  private async widened(asked: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched | undefined> {
    const found = await this.byNeedNames(asked, intent.needs, filter, req);
    if (!found) return undefined;
    const more = rerank(found.hits, intent).slice(0, RERANK_WINDOW - asked.ranked.length);
    return { keys: found.keys, ranked: [...asked.ranked, ...more], total: asked.total + more.length, facets: addFacetCounts(asked.facets, more) };
  }

  /**
   * A query that finds nothing and names no need, searched again without its first word:
   * the engine drops words from the end but never the first, so a first word found
   * nowhere (spoken `sossun` in "sossun päivystys") leaves the answer empty.
   */
  private async withoutFirstWord(asked: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched | undefined> {
    if (asked.total > 0 || asked.keys.length < 2) return undefined;
    const rest = await this.byKeys(asked.keys.slice(1), filter, req);
    return rest.total > 0 ? { ...rest, ranked: rerank(rest.ranked, intent) } : undefined;
  }

  /** Whether fewer of the first hits are for a need the query's words name than NEEDS_IN_FIRST_FIVE. */
  private strayFromItsNeeds(asked: Matched, intent: QueryIntent): boolean {
    return intent.namedNeeds.length > 0 && fewAmongFirstFive(asked.ranked, forNamedNeed(intent));
  }

  /**
   * The services for the needs the query's words name join its hits: everyday words the
   * reader understands and the services do not use ("kämppä lähti alta") still find them.
   * They come after the words' own hits for those needs ("ne levittää mun videoita
   * netissä" finds the young people's chat on sexual violence) and before the words' other
   * hits (`net` finds digital help). Measured on eleven query sets against ranking the
   * joined by their own scores, scaled: four rose by 0.002-0.028, none fell; two queries
   * typed by two authors ("lonely international student jyväskylä") 0 → 0.917.
   */
  private async joinedByNeeds(asked: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched | undefined> {
    const found = await this.byNeedNames(asked, intent.namedNeeds, [...filter, anyOf('needs', intent.namedNeeds)], req);
    if (!found) return undefined;
    return {
      keys: found.keys,
      ranked: joinedFirst(asked.ranked, found.hits, forNamedNeed(intent), intent).slice(0, RERANK_WINDOW),
      total: asked.total + found.hits.length,
      facets: addFacetCounts(asked.facets, found.hits),
    };
  }

  /**
   * A query about a family member's problem ("isä juo joka ilta", "poika polttaa
   * pilveä", see `kinRole`) is joined by the services for the searcher's place in the
   * family, when fewer than NEEDS_IN_FIRST_FIVE of its first hits are: the words find the
   * services for the one with the problem (a day centre for people who drink), and their
   * child wants the young people's line, their parent the parents' helpline.
   */
  private async joinedByKinRole(asked: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched | undefined> {
    const role = intent.kinRole;
    if (!role) return undefined;
    const serves = (d: Scored) => servesKinRole(d, intent);
    return this.joinedThose(asked, serves, kinRoleNeeds(intent), [...filter, anyOf('target_groups', KIN_ROLE_GROUPS[role])], intent, req);
  }

  /**
   * A query for help at night or round the clock ("joku jolle puhua yöllä") is joined by
   * the services for its needs open round the clock, when fewer than NEEDS_IN_FIRST_FIVE
   * of its first hits are: its words find the services that speak of talking, or of
   * nights, and the crisis line open all night says neither.
   */
  private async joinedRoundTheClock(asked: Matched, intent: QueryIntent, filter: string[], req: SearchRequest): Promise<Matched | undefined> {
    if (!intent.roundTheClock || intent.namedNeeds.length === 0) return undefined;
    const forNeed = forNamedNeed(intent);
    const serves = (d: Scored) => d.always_open && forNeed(d);
    return this.joinedThose(asked, serves, intent.namedNeeds, [...filter, 'always_open = true', anyOf('needs', intent.namedNeeds)], intent, req);
  }

  /**
   * The hits with the services that `serves` (found by the names of `needs` within
   * `filter`) joined and first, when fewer than NEEDS_IN_FIRST_FIVE of the first five are.
   */
  private async joinedThose(asked: Matched, serves: (d: Scored) => boolean, needs: string[], filter: string[], intent: QueryIntent, req: SearchRequest): Promise<Matched | undefined> {
    if (!fewAmongFirstFive(asked.ranked, serves)) return undefined;
    const found = await this.byNeedNames(asked, needs, filter, req);
    const more = found?.hits.filter(serves) ?? [];
    return {
      keys: found?.keys ?? asked.keys,
      ranked: joinedFirst(asked.ranked, more, serves, intent).slice(0, RERANK_WINDOW),
      total: asked.total + more.length,
      facets: addFacetCounts(asked.facets, more),
    };
  }

  /** The services found by the names of `needs`, less those already among the hits; undefined when none. */
  private async byNeedNames(asked: Matched, needs: string[], filter: string[], req: SearchRequest) {
    const needKeys = this.queryKeys(needNames(needs)).filter((k) => !asked.keys.includes(k));
    if (needKeys.length === 0) return undefined;
    const res = await this.engineSearch(needKeys, filter, req);
    const first = new Set(asked.ranked.map((h) => h.id));
    const hits = res.hits.filter((h) => !first.has(h.id));
    return hits.length > 0 ? { keys: [...asked.keys, ...needKeys], hits } : undefined;
  }

  /**
   * Pages inside the first window are cut from the window reordered by intent; the
   * window carries only what reordering needs, the page's documents come after.
   */
  private reordered(keys: string[], req: SearchRequest): boolean {
    return keys.length > 0 && req.page * req.limit <= RERANK_WINDOW;
  }

  /** One engine query: the first window of hits to reorder, or the page itself beyond it; weak matches left out. */
  private async engineSearch(keys: string[], filter: string[], req: SearchRequest) {
    const reordered = this.reordered(keys, req);
    const threshold = keys.length > 0 ? await this.scoreThreshold(keys, filter) : undefined;
    return this.engine.search(keys.join(' '), {
      filter,
      ...(threshold !== undefined ? { rankingScoreThreshold: threshold } : {}),
      facets: FACETS,
      page: reordered ? 1 : req.page,
      hitsPerPage: reordered ? RERANK_WINDOW : req.limit,
      matchingStrategy: MATCHING_STRATEGY,
      ...(reordered ? { showRankingScore: true, attributesToRetrieve: ['id', 'name', 'description', 'translations', 'interpretation', 'areas', 'always_open', ...FACETS] } : {}),
      ...(req.geo && keys.length === 0 ? { sort: [`_geoPoint(${req.geo.lat}, ${req.geo.lon}):asc`] } : {}),
    });
  }

  /** The ranking score below which hits are weak matches for this query (see RELATIVE_SCORE_THRESHOLD). */
  private async scoreThreshold(keys: string[], filter: string[]): Promise<number | undefined> {
    const best = await this.engine.search(keys.join(' '), {
      filter,
      limit: 1,
      matchingStrategy: MATCHING_STRATEGY,
      showRankingScore: true,
      attributesToRetrieve: ['id'],
    });
    const top = best.hits[0]?._rankingScore;
    return top === undefined ? undefined : top * RELATIVE_SCORE_THRESHOLD;
  }

  /** The documents with these ids, in this order (geo distance included when filtered by it). */
  private async documentsInOrder(ids: string[], filter: string[]): Promise<CandidateDoc[]> {
    if (ids.length === 0) return [];
    const res = await this.engine.search('', {
      filter: [...filter, anyOf('id', ids)],
      limit: ids.length,
    });
    const byId = new Map(res.hits.map((d) => [d.id, d as CandidateDoc]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async viaPostgres(req: SearchRequest, now: LocalTime): Promise<SearchResult> {
    const docs = await fallbackSearch(this.db, this.lexicon, req.q ?? '', req, now);
    const distribution = addFacetCounts({}, docs);
    const queryKeys = new Set(this.queryKeys(req.q));
    const pageDocs = docs.slice((req.page - 1) * req.limit, req.page * req.limit);
    return {
      hits: pageDocs.map((d) => toHit(d, req.lang, { queryKeys, openNow: isOpen(d, now) })),
      total: docs.length,
      facets: toFacets(distribution, req.lang),
      page: req.page,
      limit: req.limit,
      degraded: 'postgres',
    };
  }
}

/** The facet counts with these documents' values added. */
function addFacetCounts(distribution: FacetDistribution, docs: SearchDocument[]): FacetDistribution {
  const out: FacetDistribution = {};
  for (const facet of FACETS) {
    const counts = { ...distribution[facet] };
    for (const d of docs) {
      const values = (d as unknown as Record<string, unknown>)[facet];
      for (const v of Array.isArray(values) ? values : values ? [values] : []) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
    out[facet] = counts;
  }
  return out;
}

/**
 * The words' hits that are what was joined for first (for the needs named, for the
 * searcher's place in the family), then the joined services, then the words' other hits
 * (see `joinedByNeeds`); each part in the order of its own scores (the words' hits are
 * already in the intent's order, see `byIntent`).
 */
function joinedFirst(asked: Scored[], joined: Scored[], isWhatWasJoined: (d: Scored) => boolean, intent: QueryIntent): Scored[] {
  return [...asked.filter(isWhatWasJoined), ...rerank(joined, intent), ...asked.filter((d) => !isWhatWasJoined(d))];
}

/** Whether the service is for a need the query's words name. */
function forNamedNeed(intent: QueryIntent): (d: Scored) => boolean {
  return (d) => d.needs.some((n) => intent.namedNeeds.includes(n));
}

/** Whether fewer of the first five hits are what `serves` says than NEEDS_IN_FIRST_FIVE. */
function fewAmongFirstFive(ranked: Scored[], serves: (d: Scored) => boolean): boolean {
  return ranked.slice(0, 5).filter(serves).length < NEEDS_IN_FIRST_FIVE;
}

/** The words' keys with a leading word for kin moved last (see `queryKeys`). */
function withoutLeadingKin(byWord: string[][]): string[][] {
  const [lead, ...rest] = byWord;
  return lead && KINSHIP_KEYS.has(lead[0]!) ? [...rest, lead] : byWord;
}

/** The items less the stop words among them; all of them when nothing else is left ("apua" alone). */
function unlessNothingLeft(items: string[], isStop: (item: string, i: number, all: string[]) => boolean): string[] {
  const meaningful = items.filter((x, i) => !isStop(x, i, items));
  return meaningful.length > 0 ? meaningful : items;
}

/** What the needs are called in the vocabulary, in fi, sv and en. */
function needNames(needs: string[]): string {
  return needs
    .flatMap((code) => {
      const labels = findTerm('need', code)?.labels;
      return labels ? [labels.fi, labels.sv, labels.en] : [];
    })
    .join(' ');
}

export function isOpen(d: SearchDocument, now: LocalTime): boolean {
  return matchesFilters({ ...d, status: 'active' }, { open_now: true }, now);
}

/** Connection failures and timeouts; an error the engine answered with is a bug, not an outage. */
function isUnreachable(err: unknown): boolean {
  if (err instanceof MeilisearchRequestTimeOutError) return true;
  // The client wraps whatever the HTTP client throws, answered errors included.
  return err instanceof MeilisearchRequestError && !(err.cause instanceof MeilisearchApiError);
}
