import { MUNICIPALITIES, TAXONOMIES } from '../vocabulary/index.ts';
import { Lexicon } from './analysis.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { expansionWords } from './expansion.ts';
import { LANGUAGE_NAME_WORDS } from './languages.ts';

/**
 * The word parts compounds are split into: the vocabulary's labels in three languages,
 * words of the field (social and welfare services), language and place names. Built
 * from shipped data only, so documents and queries are analysed alike on every instance.
 */
export function lexiconEntries(): string[] {
  return [
    ...TAXONOMIES.flatMap((t) => t.terms.map((term) => Object.values(term.labels).join(' '))),
    ...DOMAIN_WORDS,
    ...expansionWords(),
    ...LANGUAGE_NAME_WORDS,
    ...MUNICIPALITIES.map((m) => `${m.fi} ${m.sv}`),
  ];
}

export function buildLexicon(): Lexicon {
  return new Lexicon(lexiconEntries());
}
