import { v5 as uuidv5 } from 'uuid';
import municipalitiesJson from './municipalities.json' with { type: 'json' };
import taxonomyJson from './taxonomy.json' with { type: 'json' };
import type { TextLanguage } from '../catalog/types.ts';

/**
 * The controlled vocabulary: taxonomies and their terms (needs, service types, target
 * groups, access conditions, provider types) and every Finnish municipality with its
 * wellbeing area. Ids are version 5 UUIDs of readable names, so that every instance
 * and every HSDS file agree on them.
 */
export const ID_NAMESPACE = '6f1c3a52-4b1e-4c0e-9a57-7d2b3c9e1a10';

export const nameUuid = (name: string): string => uuidv5(name, ID_NAMESPACE);

export type Labels = Record<TextLanguage, string>;

export interface Term {
  id: string;
  taxonomy: string;
  taxonomyId: string;
  code: string;
  labels: Labels;
}

export interface Taxonomy {
  id: string;
  code: string;
  name: string;
  uri: string;
  terms: Term[];
}

export const TAXONOMIES: Taxonomy[] = taxonomyJson.taxonomies.map((t) => {
  const taxonomyId = nameUuid(t.id);
  return {
    id: taxonomyId,
    code: t.id,
    name: t.name,
    uri: `tarjotin:${t.id}`,
    terms: t.terms.map((term) => ({
      id: nameUuid(`${t.id}:${term.code}`),
      taxonomy: t.id,
      taxonomyId,
      code: term.code,
      labels: { fi: term.fi, sv: term.sv, en: term.en },
    })),
  };
});

const termsByKey = new Map<string, Term>(
  TAXONOMIES.flatMap((t) => t.terms.map((term) => [`${t.code}:${term.code}`, term] as const)),
);

export function findTerm(taxonomy: string, code: string): Term | undefined {
  return termsByKey.get(`${taxonomy}:${code}`);
}

export function termsOf(taxonomy: string): Term[] {
  return TAXONOMIES.find((t) => t.code === taxonomy)?.terms ?? [];
}

export interface Municipality {
  code: string;
  fi: string;
  sv: string;
  area: string;
  lat: number;
  lon: number;
}

export interface WellbeingArea {
  slug: string;
  labels: Labels;
}

export const WELLBEING_AREAS: WellbeingArea[] = Object.entries(municipalitiesJson.wellbeing_areas).map(
  ([slug, labels]) => ({ slug, labels: labels as Labels }),
);

export const MUNICIPALITIES: Municipality[] = municipalitiesJson.municipalities;

const municipalityByCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const areaBySlug = new Map(WELLBEING_AREAS.map((a) => [a.slug, a]));

export function findMunicipality(code: string): Municipality | undefined {
  return municipalityByCode.get(code);
}

export function findWellbeingArea(slug: string): WellbeingArea | undefined {
  return areaBySlug.get(slug);
}

/**
 * The service-area extents that cover a municipality: the municipality itself, its
 * wellbeing area and the whole country.
 */
export function extentsCovering(municipalityCode: string): string[] {
  const m = findMunicipality(municipalityCode);
  return m ? [`kunta:${m.code}`, `hva:${m.area}`, 'FI'] : [`kunta:${municipalityCode}`, 'FI'];
}

/** True when an extent names a known place (municipality, wellbeing area or country). */
export function isKnownExtent(extent: string): boolean {
  if (extent === 'FI') return true;
  if (extent.startsWith('kunta:')) return municipalityByCode.has(extent.slice(6));
  if (extent.startsWith('hva:')) return areaBySlug.has(extent.slice(4));
  return false;
}
