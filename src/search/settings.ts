import type { Settings } from 'meilisearch';
import { eng as englishStopWords } from 'stopword';
import stopwords from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { key } from './analysis.ts';
import { DISPLAYED_FIELDS } from './document.ts';

/**
 * Words that say nothing about which service is meant ("apua", "help", "speaking",
 * function words), as keys. Left in, they decide which words a long query drops.
 */
const STOP_WORDS = [
  'apu', 'apua', 'avuksi', 'ja', 'tai', 'sekä', 'myös', 'on', 'ovat', 'ei', 'että', 'kanssa', 'jossa', 'joka', 'mikä', 'missä',
  'hjälp', 'stöd', 'i', 'och', 'eller', 'för', 'med', 'som', 'på', 'av', 'till', 'en', 'ett',
  'help', 'and', 'or', 'for', 'with', 'the', 'a', 'an', 'of', 'in', 'on', 'to', 'speaking', 'need', 'needs',
];

export const STOP_KEYS: ReadonlySet<string> = new Set(STOP_WORDS.map(key));

/**
 * Words for kin, in the forms a query uses ("mummolle", "isän", "my husband"): they say
 * whom help is for, not what help, so a query's keys never lead with one (see `queryKeys`).
 */
const KINSHIP_WORDS = [
  'äiti', 'äidille', 'äidin', 'äidilleni', 'isä', 'isälle', 'isän', 'poika', 'pojalle', 'pojan', 'poikani', 'tytär',
  'tyttärelle', 'tyttären', 'mummo', 'mummolle', 'mummon', 'isoäiti', 'isoäidille', 'isoäidin', 'vaari', 'ukki',
  'puoliso', 'puolisolle', 'puolison', 'vaimo', 'vaimolle', 'vaimon', 'sisko', 'siskolle', 'siskon', 'veli', 'veljelle', 'veljen',
  'mamma', 'pappa', 'mor', 'far', 'son', 'sonen', 'dotter', 'dottern', 'make', 'maken', 'fru', 'syster', 'bror', 'mormor', 'farmor',
  'mother', 'mum', 'mom', 'father', 'dad', 'daughter', 'husband', 'wife', 'sister', 'brother', 'grandmother', 'grandma', 'grandfather', 'grandpa',
  'poikaystävä', 'tyttöystävä', 'poikakaveri', 'tyttökaveri', 'kumppani', 'avopuoliso', 'avomies', 'avovaimo', 'exä',
  'pojkvän', 'flickvän', 'sambo', 'boyfriend', 'girlfriend', 'partner',
];

export const KINSHIP_KEYS: ReadonlySet<string> = new Set(KINSHIP_WORDS.map(key));

/**
 * Words that say nothing of what is searched for ("koko ajan", "mitä voi tehdä",
 * "raiskauksen jälkeen", "vill ha", "who can I talk to"): the stopwords-iso lists of
 * Finnish and Swedish and the classic English list of `stopword` (stopwords-iso's English
 * list holds words such as "thoughts", "group" and "home"), less the words that carry
 * meaning in this field (alone, one's own, today, near, a husband, small; and Swedish
 * function words that are English words of meaning: `men`, `hit`, `sex`). Dropped from a
 * query as words, before analysis: as keys they would also drop words that share their
 * stem (`kunnia`, honour, has the key of `kun`, when). Measured on eight query sets for
 * Finnish: +0.003 to +0.009 on five, -0.004 on one. Swedish and English, on eleven: two
 * rose by 0.014-0.015, one fell by 0.003; "suicidal thoughts who can i talk to" had found
 * the violence helplines by `who` and `can`.
 */
const MEANINGFUL_HERE = new Set([
  'yksin', 'ensi', 'oma', 'omaa', 'omaan', 'oman', 'omat', 'omia', 'itse', 'lähellä', 'tänään', 'heti', 'vaikea',
  'själv', 'idag', 'beslut', 'liten', 'lilla', 'små', 'make', 'men', 'hit', 'sex',
]);
const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([...stopwords.fi, ...stopwords.sv, ...englishStopWords].filter((w) => !MEANINGFUL_HERE.has(w)));

/**
 * A search box query's spoken Finnish pronouns and forms of "to be", and the verbs it
 * asks with ("mitä mä teen", "mistä saa", "en tiiä mitä tekis"), which the written
 * language's list lacks: left in, they lead its keys or decide which words it drops.
 * Measured on seventeen query sets: four rose by 0.002-0.018, one fell by 0.007. A
 * referral note's retrieval keeps them: measured, leaving them out moved recommend only
 * by chance, down on the development set.
 */
const SPOKEN_AND_ASKING = [
  'mä', 'mää', 'sä', 'sää', 'mun', 'mua', 'mulla', 'mulle', 'multa', 'sun', 'sua', 'sulla', 'sulle',
  'oon', 'oot', 'oo', 'ollu', 'ois', 'olis', 'ku', 'sit', 'niinku', 'enkä',
  'tehdä', 'tehdään', 'teet', 'tekis', 'tekisin', 'tekisi', 'saa', 'saan', 'saada', 'saako', 'voiko', 'voinko',
  'pitää', 'pitäis', 'pitäisi', 'tiedä', 'tiiä',
];
const SEARCH_BOX_STOP_WORDS: ReadonlySet<string> = new Set(SPOKEN_AND_ASKING);

/**
 * Finnish `teen` (I do) is also English `teen`: after a Finnish function word ("mitä
 * teen", "miten teen valituksen") it is the verb, which says nothing of what is sought.
 */
const FINNISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([...stopwords.fi, ...SPOKEN_AND_ASKING]);

/**
 * A number of one or two digits in a search box query is an age ("oon 15", "16v"): the
 * query's intent reads it and the services' age limits decide. As a word it matches only
 * the ages a text writes ("15–29-vuotiaille"), not those between. Measured on seventeen
 * query sets: one rose by 0.013, none moved otherwise.
 */
const AN_AGE = /^\d{1,2}v?$/;

/**
 * Whether the query's word at `i` says nothing of what is sought (see QUERY_STOP_WORDS),
 * and, in a search box query, nothing but how it asks (see SPOKEN_AND_ASKING, AN_AGE).
 */
export function isQueryStopWord(ws: readonly string[], i: number, { searchBox = false } = {}): boolean {
  const w = ws[i]!;
  if (QUERY_STOP_WORDS.has(w)) return true;
  if (!searchBox) return false;
  if (w === 'teen') return i > 0 && FINNISH_FUNCTION_WORDS.has(ws[i - 1]!);
  return SEARCH_BOX_STOP_WORDS.has(w) || AN_AGE.test(w);
}

/**
 * Index settings live in code and are applied on every start and reindex. Queries and
 * documents are matched on analysed keys (analysis.ts), so the searchable attributes
 * are the key fields, the name first.
 */
export const INDEX_SETTINGS: Settings = {
  searchableAttributes: ['name_keys', 'main_keys', 'term_keys', 'text_keys'],
  filterableAttributes: [
    'id', 'status', 'needs', 'service_types', 'target_groups', 'access', 'areas', 'covers', 'languages', 'interpretation',
    'provider_type', 'organization_id', 'min_age', 'max_age', 'open_slots', 'always_open', 'remote',
    'has_phone', '_geo',
  ],
  sortableAttributes: ['_geo', 'assured_date', 'name'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'assured_date:desc'],
  displayedAttributes: DISPLAYED_FIELDS,
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  },
  stopWords: [...STOP_KEYS],
  // Counted per facet value, not per candidate document: Meilisearch's alphabetical mode
  // reads every candidate's values when a query has up to 3000 candidates, which made
  // such queries five times slower. Our facets have few values and are shown by count.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Searching within facet values is not offered; its structures cost every write ~12 ms.
  facetSearch: false,
  pagination: { maxTotalHits: 1000 },
  proximityPrecision: 'byAttribute',
};

export const FACETS = ['needs', 'service_types', 'target_groups', 'access', 'languages', 'provider_type'];
