import { findMunicipality } from '../vocabulary/index.ts';
import type { SearchDocument } from '../search/document.ts';
import type { SearchFilters } from '../search/query.ts';
import type { Client } from './client.ts';

/**
 * Whether this client can use a service at all. Area, age and status are filters of the
 * index query; language is decided here because it is not symmetric: Swedish speakers
 * can use Finnish-language services (Finland is bilingual and public services must
 * serve in both), and for other languages a Finnish or English service with an
 * interpreter is a fallback; but a Finnish speaker cannot use a Swedish-only service.
 */

export function eligibilityFilters(client: Client): SearchFilters {
  return {
    ...(client.municipality && findMunicipality(client.municipality) ? { municipality: client.municipality } : {}),
    ...(client.age !== undefined ? { age: client.age } : {}),
  };
}

export type LanguageFit = 'native' | 'fallback' | 'none';

const NATIONAL = new Set(['fi', 'sv']);

export function languageFit(serviceLanguages: string[], clientLanguage: string | undefined): LanguageFit {
  if (!clientLanguage || serviceLanguages.length === 0 || serviceLanguages.includes(clientLanguage)) return 'native';
  if (clientLanguage === 'sv') return serviceLanguages.includes('fi') ? 'fallback' : 'none';
  if (NATIONAL.has(clientLanguage)) return 'none';
  return serviceLanguages.some((l) => l === 'fi' || l === 'en') ? 'fallback' : 'none';
}

export type Locality = 'municipality' | 'wellbeing_area' | 'national' | 'other';

/** How close the service's area is to the client: its own municipality first. */
export function locality(doc: SearchDocument, municipality: string | undefined): Locality {
  if (!municipality) return 'national';
  const m = findMunicipality(municipality);
  if (doc.areas.includes(`kunta:${municipality}`)) return 'municipality';
  if (m && doc.areas.includes(`hva:${m.area}`)) return 'wellbeing_area';
  if (doc.areas.includes('FI')) return 'national';
  return 'other';
}
