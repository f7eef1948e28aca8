import { readLanguage, readSituation } from '../recommend/situation.ts';
import { TAXONOMIES } from '../vocabulary/index.ts';
import { words } from './analysis.ts';
import type { SearchDocument } from './document.ts';

/**
 * What a search query is about beyond its words, read with the same lexicon as client
 * situations: the needs it names ("häätö" → housing) and the language the searcher
 * wants (named, "arabiaksi", or the language the query is typed in). The engine's
 * ranking decides first; intent reorders the best candidates a little, so a service
 * made for the named need, or serving in the wanted language, comes before one that
 * merely mentions the words.
 */
export interface QueryIntent {
  needs: string[];
  language?: string;
  /** The page's language, when the query names or shows none: a weaker preference. */
  pageLanguage?: string;
}

const labelWords = (lang: 'fi' | 'sv' | 'en') =>
  new Set(TAXONOMIES.flatMap((t) => t.terms.flatMap((term) => words(term.labels[lang]))).filter((w) => w.length > 2));
const FI = labelWords('fi');
const SV = new Set([...labelWords('sv')].filter((w) => !FI.has(w)));
const EN = new Set([...labelWords('en')].filter((w) => !FI.has(w) && !SV.has(w)));

/** A query typed in Swedish or English wants services in that language. */
function typedLanguage(q: string): 'sv' | 'en' | undefined {
  const ws = words(q);
  const sv = ws.filter((w) => SV.has(w)).length;
  const en = ws.filter((w) => EN.has(w)).length;
  if (sv > en) return 'sv';
  if (en > sv) return 'en';
  return undefined;
}

/**
 * The language wanted is the one the query names or is typed in, else the page's: a
 * Finnish page lists services in Finnish before Swedish-only ones.
 */
export function queryIntent(q: string | undefined, pageLanguage?: string): QueryIntent {
  const page = pageLanguage ? { pageLanguage } : {};
  if (!q) return { needs: [], ...page };
  const situation = readSituation(q);
  const language = readLanguage(q) ?? typedLanguage(q);
  return { needs: situation.needs.map((n) => n.code), ...(language ? { language } : page) };
}

const MAIN_NEED = 0.12;
const ANY_NEED = 0.04;
const LANGUAGE = 0.08;
const PAGE_LANGUAGE = 0.03;

export function intentBonus(doc: SearchDocument, intent: QueryIntent): number {
  let bonus = 0;
  if (doc.needs[0] && intent.needs.includes(doc.needs[0])) bonus += MAIN_NEED;
  else if (doc.needs.some((n) => intent.needs.includes(n))) bonus += ANY_NEED;
  if (intent.language && doc.languages.includes(intent.language)) bonus += LANGUAGE;
  if (intent.pageLanguage && doc.languages.includes(intent.pageLanguage)) bonus += PAGE_LANGUAGE;
  return bonus;
}

/** Reorders hits by the engine's ranking score plus the intent bonus (stable for ties). */
export function rerank<T extends SearchDocument & { _rankingScore?: number }>(hits: T[], intent: QueryIntent): T[] {
  if (intent.needs.length === 0 && !intent.language && !intent.pageLanguage) return hits;
  return hits
    .map((doc, i) => ({ doc, i, score: (doc._rankingScore ?? 0) + intentBonus(doc, intent) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.doc);
}
