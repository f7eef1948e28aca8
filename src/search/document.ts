import type { Phone, ServiceRecord, TermTaxonomy } from '../catalog/types.ts';
import type { Tx } from '../db/client.ts';
import { getOrganizations } from '../db/organizations.ts';
import { getServices } from '../db/services.ts';
import { findMunicipality, findTerm } from '../vocabulary/index.ts';
import { analyzeUnique, type Lexicon } from './analysis.ts';
import { expansionsOf } from './expansion.ts';
import { languageNames } from './languages.ts';
import { isAlwaysOpen, openSlots, slotRanges } from './opening-hours.ts';

/**
 * What the search index holds for a service: display fields, filter fields, and "keys"
 * (the analysed forms of its texts, see analysis.ts) that queries are matched against.
 * Only services that may be shown (active or temporarily closed) are indexed.
 * `SearchDocument` is what a query returns; the keys and the opening-hour slots are
 * indexed but not returned (they are large and only matched or filtered on).
 */
export interface SearchDocument {
  id: string;
  organization_id: string;
  organization_name: string;
  provider_type: string | null;
  name: string;
  alternate_name: string | null;
  description: string;
  translations: ServiceRecord['translations'];
  status: 'active' | 'temporarily closed';
  needs: string[];
  service_types: string[];
  target_groups: string[];
  access: string[];
  /** Service-area extents as given: `kunta:297`, `hva:pohjois-savo`, `FI`. */
  areas: string[];
  /** Every extent the service covers, a municipality's wellbeing area included. */
  covers: string[];
  languages: string[];
  /** The service arranges interpretation (HSDS `interpretation_services`): usable in any language. */
  interpretation: boolean;
  min_age: number;
  max_age: number;
  _geo?: { lat: number; lng: number };
  /** Opening hours as half-open ranges of week slots (see opening-hours.ts). */
  open_ranges: Array<[number, number]>;
  always_open: boolean;
  remote: boolean;
  has_phone: boolean;
  /** Also the last tie-breaker in ranking: the most recently verified listing first. */
  assured_date: string | null;
  phones: Phone[];
  url: string | null;
  last_modified: string;
}

export interface IndexedDocument extends SearchDocument {
  /** Keys of the name and alternate name (in every language). */
  name_keys: string;
  /** Keys of the main need's labels and synonyms: what the service is first of all for. */
  main_keys: string;
  /** Keys of the taxonomy labels and their synonyms, in fi/sv/en. */
  term_keys: string;
  /** Keys of the descriptions and the other texts. */
  text_keys: string;
  /** Every week slot the service is open, for the `open_now` filter. */
  open_slots: number[];
}

/** The fields a query returns. */
export const DISPLAYED_FIELDS: Array<keyof SearchDocument> = [
  'id', 'organization_id', 'organization_name', 'provider_type', 'name', 'alternate_name', 'description',
  'translations', 'status', 'needs', 'service_types', 'target_groups', 'access', 'areas', 'covers', 'languages',
  'interpretation', 'min_age', 'max_age', '_geo', 'open_ranges', 'always_open', 'remote', 'has_phone', 'assured_date',
  'phones', 'url', 'last_modified',
];

export const INDEXED_STATUSES = new Set(['active', 'temporarily closed']);

const TERM_FIELDS: Array<[keyof SearchDocument & ('needs' | 'service_types' | 'target_groups' | 'access'), TermTaxonomy]> = [
  ['needs', 'need'],
  ['service_types', 'service_type'],
  ['target_groups', 'target_group'],
  ['access', 'access'],
];

function coveredExtents(areas: string[]): string[] {
  const out = new Set(areas);
  for (const a of areas) {
    if (!a.startsWith('kunta:')) continue;
    const m = findMunicipality(a.slice(6));
    if (m) out.add(`hva:${m.area}`);
  }
  return [...out];
}

export function toDocument(
  s: ServiceRecord,
  organization: { name: string; provider_type?: string },
  lexicon: Lexicon,
): IndexedDocument {
  const termTexts = (taxonomy: TermTaxonomy, code: string) => {
    const term = findTerm(taxonomy, code);
    return [...(term ? [term.labels.fi, term.labels.sv, term.labels.en] : []), ...expansionsOf(taxonomy, code)];
  };
  const allTermTexts = TERM_FIELDS.flatMap(([field, taxonomy]) => (s[field] ?? []).flatMap((code) => termTexts(taxonomy, code)));
  const mainNeed = s.needs?.[0];
  const languages = (s.languages ?? []).map((l) => l.code);
  const tr = s.translations ?? {};
  const names = [s.name, s.alternate_name, tr.sv?.name, tr.en?.name, tr.sv?.alternate_name, tr.en?.alternate_name];
  const texts = [
    s.description,
    tr.sv?.description,
    tr.en?.description,
    s.eligibility_description,
    s.application_process,
    s.fees_description,
    organization.name,
    ...languages.flatMap(languageNames),
    ...(s.service_at_locations ?? []).flatMap((sal) => [
      sal.location.name,
      ...sal.location.addresses.map((a) => a.city),
    ]),
  ];
  const keysOf = (parts: Array<string | undefined>) => analyzeUnique(parts.filter(Boolean).join(' '), lexicon).join(' ');
  const physical = (s.service_at_locations ?? []).find(
    (sal) => sal.location.location_type === 'physical' && sal.location.latitude !== undefined && sal.location.longitude !== undefined,
  );
  const areas = (s.service_areas ?? []).map((a) => a.extent);
  const slots = openSlots(s.schedules ?? []);
  const alwaysOpen = isAlwaysOpen(s.schedules ?? []) || (s.access ?? []).includes('always_open');
  const access = s.access ?? [];
  return {
    id: s.id,
    organization_id: s.organization_id,
    organization_name: organization.name,
    provider_type: organization.provider_type ?? null,
    name: s.name,
    alternate_name: s.alternate_name ?? null,
    description: s.description,
    translations: tr,
    status: s.status as SearchDocument['status'],
    needs: s.needs ?? [],
    service_types: s.service_types ?? [],
    target_groups: s.target_groups ?? [],
    access,
    name_keys: keysOf(names),
    main_keys: mainNeed ? keysOf(termTexts('need', mainNeed)) : '',
    term_keys: keysOf(allTermTexts),
    text_keys: keysOf(texts),
    areas,
    covers: coveredExtents(areas),
    languages,
    interpretation: Boolean(s.interpretation_services),
    min_age: s.minimum_age ?? 0,
    max_age: s.maximum_age ?? 150,
    ...(physical ? { _geo: { lat: physical.location.latitude!, lng: physical.location.longitude! } } : {}),
    // A service open around the clock matches through `always_open`; its 672 slots
    // would only make every index update slower.
    open_slots: alwaysOpen ? [] : slots,
    open_ranges: slotRanges(slots),
    always_open: alwaysOpen,
    remote:
      access.includes('remote') || (s.service_at_locations ?? []).some((sal) => sal.location.location_type === 'virtual'),
    has_phone: (s.phones ?? []).length > 0,
    assured_date: s.assured_date ?? null,
    phones: s.phones ?? [],
    url: s.url ?? null,
    last_modified: s.last_modified,
  };
}

/**
 * Documents for the given services; ids without a document (deleted, inactive,
 * defunct) come back in `remove`.
 */
export async function loadDocuments(
  tx: Tx,
  ids: string[],
  lexicon: Lexicon,
): Promise<{ upsert: IndexedDocument[]; remove: string[] }> {
  const records = await getServices(tx, ids);
  const orgs = new Map(
    (await getOrganizations(tx, [...new Set(records.map((r) => r.organization_id))])).map((o) => [o.id, o]),
  );
  const upsert = records
    .filter((r) => INDEXED_STATUSES.has(r.status) && orgs.has(r.organization_id))
    .map((r) => toDocument(r, orgs.get(r.organization_id)!, lexicon));
  const kept = new Set(upsert.map((d) => d.id));
  return { upsert, remove: ids.filter((id) => !kept.has(id)) };
}
