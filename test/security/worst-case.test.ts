import { randomUUID } from 'node:crypto';
import t from 'tap';
import {
  MAX_CORRECTED_WORDS,
  MAX_QUERY_WORDS,
  MAX_RESTORATIONS,
  MAX_SPLIT_LENGTH,
  MAX_TEXT_WORDS,
  analyzeQueryWords,
  analyzeUnique,
  memoisedDocumentWords,
  withSpelling,
} from '../../src/search/analysis.ts';
import { buildLexicon } from '../../src/search/lexicon.ts';
import { buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, admin, createOrganization, newService } from '../routes/v1/fixtures/write-side.ts';

/**
 * Worst-case input for every text path — search queries, recommend texts and indexed
 * service descriptions — at the longest length each allows. The work is asserted
 * (compound-split attempts are bounded whatever the text); the time is printed, not
 * asserted, since it depends on the machine.
 */

/** Lexicon words made of other lexicon words: the inputs that made splitting exponential. */
const COMPOUNDS = ['työtön', 'rahapeli', 'oikeusapu', 'velkaneuvonta', 'päihdetyö', 'lähisuhdeväkivalta'];

function adversarialTexts(maxLength: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(maxLength / unit.length)).slice(0, maxLength);
  const texts: Record<string, string> = {};
  for (const w of COMPOUNDS) {
    texts[`${w} as one word`] = fill(w);
    texts[`${w} × words of the longest split length`] = fill(`${w.repeat(Math.ceil(MAX_SPLIT_LENGTH / w.length)).slice(0, MAX_SPLIT_LENGTH)} `);
  }
  texts['distinct compound words'] = Array.from({ length: maxLength }, (_, i) => `rahapelivelka${i}`).join(' ').slice(0, maxLength);
  texts['language cues with long gaps'] = fill(`puhu${' '.repeat(300)}`);
  texts['repeated language cues'] = fill('puhu ');
  // Words typed without diacritics whose every spelling is tried: `a` and `o` may be `ä` and `ö`.
  texts['distinct compounds of six a and o'] = Array.from({ length: maxLength }, (_, i) => `${'kriisi'.repeat(5)}aoaoao${i.toString(36)}`).join(' ').slice(0, maxLength);
  texts['one letter words'] = fill('a ');
  texts['digits'] = fill('1');
  return texts;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

t.test('compound splitting does bounded work on any word', async (t) => {
  const lexicon = buildLexicon();
  const bound = MAX_SPLIT_LENGTH * MAX_SPLIT_LENGTH;
  for (const w of COMPOUNDS) {
    const word = w.repeat(Math.ceil(MAX_SPLIT_LENGTH / w.length)).slice(0, MAX_SPLIT_LENGTH);
    const { parts, attempts } = lexicon.splitCounted(word);
    t.ok(attempts <= bound, `${word}: ${attempts} attempts (at most ${bound}), ${parts.length} parts`);
    t.equal(lexicon.splitCounted(w.repeat(33)).attempts, 0, `${w} × 33 is longer than any compound and is not split`);
  }
  t.same(lexicon.split('lähisuhdeväkivaltatyö'), ['lähisuhdeväkivalta', 'työ'], 'splitting still works');
});

t.test('spelling looks up a bounded number of words in any query', async (t) => {
  const lexicon = buildLexicon();
  // Distinct words of the lengths most known words have, with no known word in them: each is compared with every known word of about its length.
  const query = Array.from({ length: MAX_QUERY_WORDS }, (_, i) => `qzvqzvqz${i.toString(36).padStart(2, 'q')}`).join(' ');
  const before = lexicon.spellingComparisons;
  const start = process.hrtime.bigint();
  withSpelling(query, lexicon);
  const work = lexicon.spellingComparisons - before;
  const bound = MAX_CORRECTED_WORDS * lexicon.size;
  t.ok(work > 0 && work <= bound, `${work} comparisons (at most ${bound}), ${ms(start).toFixed(1)} ms`);
});

t.test('analysed text does bounded work at its longest', async (t) => {
  const lexicon = buildLexicon();
  const perWord = MAX_SPLIT_LENGTH * MAX_SPLIT_LENGTH;
  for (const [label, text] of Object.entries(adversarialTexts(5000))) {
    let before = lexicon.splitAttempts;
    let start = process.hrtime.bigint();
    analyzeQueryWords(text, lexicon);
    const queryMs = ms(start);
    const queryWork = lexicon.splitAttempts - before;
    before = lexicon.splitAttempts;
    start = process.hrtime.bigint();
    analyzeUnique(text, lexicon);
    const documentMs = ms(start);
    const documentWork = lexicon.splitAttempts - before;
    // Each word is split, and its spelling with diacritics looked for: at most one split for
    // the word as typed and one per spelling tried, MAX_RESTORATIONS in all.
    const queryBound = (2 * MAX_QUERY_WORDS + MAX_RESTORATIONS) * perWord;
    t.ok(queryWork <= queryBound, `query, ${label}: ${queryWork} split attempts (at most ${queryBound}), ${queryMs.toFixed(1)} ms`);
    t.ok(documentWork <= MAX_TEXT_WORDS * perWord, `document, ${label}: ${documentWork} split attempts, ${documentMs.toFixed(1)} ms`);
  }
});

t.test('analysis memory is bounded and holds no query or situation words', async (t) => {
  const lexicon = buildLexicon();
  const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}`).join(' ');
  const before = { keys: memoisedDocumentWords(), splits: lexicon.memoisedSplits };
  for (let i = 0; i < 20; i++) analyzeQueryWords(words(MAX_QUERY_WORDS, `asiakas${i}x`), lexicon);
  t.same({ keys: memoisedDocumentWords(), splits: lexicon.memoisedSplits }, before, 'queries leave nothing in the memos');
  for (let i = 0; i < 60; i++) analyzeUnique(words(MAX_TEXT_WORDS, `palvelu${i}x`), lexicon);
  t.ok(memoisedDocumentWords() <= 100_000, `300 000 distinct indexed words: ${memoisedDocumentWords()} memoised keys`);
  t.ok(lexicon.memoisedSplits <= 50_000, `and ${lexicon.memoisedSplits} memoised splits`);
});

t.test('the HTTP text paths answer worst-case input, and /health meanwhile', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);

  const q = 'työtön'.repeat(33);
  let start = process.hrtime.bigint();
  const [search, health] = await Promise.all([app.inject({ url: `/v1/search?q=${encodeURIComponent(q)}` }), app.inject({ url: '/health' })]);
  t.comment(`search for työtön × 33: ${ms(start).toFixed(1)} ms`);
  t.equal(search.statusCode, 200, 'search answers työtön × 33');
  t.equal(health.statusCode, 200, '/health answers meanwhile');

  for (const [label, text] of Object.entries(adversarialTexts(5000))) {
    start = process.hrtime.bigint();
    const res = await app.inject({ method: 'POST', url: '/v1/recommend', payload: { text, profile: { municipality: '297' } } });
    t.equal(res.statusCode, 200, `recommend, ${label}: 200 in ${ms(start).toFixed(1)} ms`);
  }

  const marker = `merkki${randomUUID().slice(0, 8)}`;
  const description = `${marker} ${'työtön'.repeat(833)}`.slice(0, 5000);
  start = process.hrtime.bigint();
  const created = await app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: newService(org.id, { description }) });
  t.equal(created.statusCode, 201, 'a description of työtön × 833 is accepted');
  await ta.indexed();
  t.comment(`write and index a worst-case description: ${ms(start).toFixed(1)} ms`);
  const found = await app.inject({ url: `/v1/search?q=${marker}` });
  t.equal(found.json().hits[0]?.id, created.json().id, 'and is indexed and found');
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, '/health still answers');
});
