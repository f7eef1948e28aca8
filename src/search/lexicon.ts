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
export function buildLexicon(): Lexicon {
  const lexicon = new Lexicon();
  for (const t of TAXONOMIES) for (const term of t.terms) lexicon.add(Object.values(term.labels).join(' '));
  for (const w of DOMAIN_WORDS) lexicon.add(w);
  for (const w of expansionWords()) lexicon.add(w);
  for (const w of LANGUAGE_NAME_WORDS) lexicon.add(w);
  for (const m of MUNICIPALITIES) lexicon.add(`${m.fi} ${m.sv}`);
  return lexicon;
}
