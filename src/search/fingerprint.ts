import { createHash } from 'node:crypto';
import { KEY_LENGTH } from './analysis.ts';
import { expansionTable } from './expansion.ts';
import { lexiconEntries } from './lexicon.ts';
import { INDEX_SETTINGS } from './settings.ts';

/**
 * Raise when documents are built differently in a way the inputs of the fingerprint do
 * not show (a new field, a changed key function).
 */
const DOCUMENT_FORMAT = 3;

/**
 * What an index built by this version of the service depends on beyond the catalog: the
 * index settings, the analysis (key length, compound lexicon) and the words documents
 * are expanded with. A new release that changes any of them (a lexicon cue becomes an
 * expansion word) leaves existing indexes stale until they are rebuilt; an index that
 * carries another fingerprint, or none (a new or emptied Meilisearch), is rebuilt.
 */
export function indexFingerprint(): string {
  const inputs = { format: DOCUMENT_FORMAT, keyLength: KEY_LENGTH, settings: INDEX_SETTINGS, lexicon: lexiconEntries(), expansions: expansionTable() };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}
