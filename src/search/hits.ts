import type { TextLanguage } from '../catalog/types.ts';
import { isStale } from '../catalog/freshness.ts';
import { findTerm } from '../vocabulary/index.ts';
import { documentKey, words } from './analysis.ts';
import type { SearchDocument } from './document.ts';
import { FACETS } from './settings.ts';

/** How a search hit and the facets look to API clients, in the requested language. */

export interface TermLabel {
  code: string;
  label: string;
}

export interface SearchHit {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  organization: { id: string; name: string; provider_type?: string };
  status: string;
  needs: TermLabel[];
  service_types: TermLabel[];
  target_groups: TermLabel[];
  access: TermLabel[];
  languages: string[];
  interpretation: boolean;
  areas: string[];
  phones: SearchDocument['phones'];
  url?: string;
  always_open: boolean;
  open_now?: boolean;
  stale: boolean;
  assured_date?: string;
  distance_km?: number;
  highlight?: { name: string; description: string };
}

const TAXONOMY_OF: Record<string, string> = {
  needs: 'need',
  service_types: 'service_type',
  target_groups: 'target_group',
  access: 'access',
  provider_type: 'provider_type',
};

export function labelled(taxonomy: string, codes: string[], lang: TextLanguage): TermLabel[] {
  return codes.map((code) => ({ code, label: findTerm(taxonomy, code)?.labels[lang] ?? code }));
}

export function localizedText(doc: SearchDocument, lang: TextLanguage) {
  const tr = lang === 'fi' ? undefined : doc.translations?.[lang];
  return {
    name: tr?.name ?? doc.name,
    alternate_name: tr?.alternate_name ?? doc.alternate_name ?? undefined,
    description: tr?.description ?? doc.description,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Marks the words of `text` whose keys the query has, as HTML-escaped text with
 * `<mark>`; done here because the engine matched analysed keys, not the words shown.
 */
export function highlight(text: string, queryKeys: Set<string>): string {
  if (queryKeys.size === 0) return escapeHtml(text);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const w = words(part)[0];
      return w && queryKeys.has(documentKey(w)) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}

export function toHit(
  doc: SearchDocument & { _geoDistance?: number },
  lang: TextLanguage,
  opts: { openNow?: boolean; queryKeys?: Set<string> } = {},
): SearchHit {
  const text = localizedText(doc, lang);
  const hit: SearchHit = {
    id: doc.id,
    ...text,
    organization: {
      id: doc.organization_id,
      name: doc.organization_name,
      ...(doc.provider_type ? { provider_type: doc.provider_type } : {}),
    },
    status: doc.status,
    needs: labelled('need', doc.needs, lang),
    service_types: labelled('service_type', doc.service_types, lang),
    target_groups: labelled('target_group', doc.target_groups, lang),
    access: labelled('access', doc.access, lang),
    languages: doc.languages,
    interpretation: doc.interpretation ?? false,
    areas: doc.areas,
    phones: doc.phones,
    ...(doc.url ? { url: doc.url } : {}),
    always_open: doc.always_open,
    ...(opts.openNow !== undefined ? { open_now: opts.openNow } : {}),
    stale: isStale(doc.assured_date),
    ...(doc.assured_date ? { assured_date: doc.assured_date } : {}),
    ...(doc._geoDistance !== undefined ? { distance_km: Math.round(doc._geoDistance / 100) / 10 } : {}),
  };
  if (opts.queryKeys) {
    hit.highlight = { name: highlight(text.name, opts.queryKeys), description: highlight(text.description, opts.queryKeys) };
  }
  if (!hit.alternate_name) delete hit.alternate_name;
  return hit;
}

export type Facets = Record<string, Array<{ code: string; label: string; count: number }>>;

export function toFacets(distribution: Record<string, Record<string, number>> | undefined, lang: TextLanguage): Facets {
  const out: Facets = {};
  for (const facet of FACETS) {
    const counts = distribution?.[facet] ?? {};
    const taxonomy = TAXONOMY_OF[facet];
    out[facet] = Object.entries(counts)
      .map(([code, count]) => ({ code, label: taxonomy ? (findTerm(taxonomy, code)?.labels[lang] ?? code) : code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }
  return out;
}
