import type { Settings } from 'meilisearch';
import { DISPLAYED_FIELDS } from './document.ts';

/**
 * Index settings live in code and are applied on every start and reindex. Queries and
 * documents are matched on analysed keys (analysis.ts), so the searchable attributes
 * are the key fields, the name first.
 */
export const INDEX_SETTINGS: Settings = {
  searchableAttributes: ['name_keys', 'main_keys', 'term_keys', 'text_keys'],
  filterableAttributes: [
    'status', 'needs', 'service_types', 'target_groups', 'access', 'areas', 'covers', 'languages',
    'provider_type', 'organization_id', 'min_age', 'max_age', 'open_slots', 'always_open', 'remote',
    'has_phone', 'stale', '_geo',
  ],
  sortableAttributes: ['_geo', 'assured_date', 'name'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'verified:desc'],
  displayedAttributes: DISPLAYED_FIELDS,
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  proximityPrecision: 'byAttribute',
};

export const FACETS = ['needs', 'service_types', 'target_groups', 'access', 'languages', 'provider_type'];
