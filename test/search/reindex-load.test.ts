import t from 'tap';
import { reindex } from '../../src/search/reindex.ts';
import { buildTestApp, withDevCatalog } from '../helpers/app.ts';

/**
 * `reindex` (what `tarjotin reindex` runs) builds a fresh index and swaps it in while
 * searches go on: none of them fails, falls back to PostgreSQL or sees a partial index
 * (every answer has the total the query had before).
 */

const QUERIES = ['velkaneuvonta', 'väkivalta', 'päihteet', 'yksinäisyys', 'asunto', 'skuldrådgivning', 'mielenterveys', ''];

t.test('reindex under search load', async (t) => {
  const ta = await buildTestApp(t);
  await withDevCatalog(ta);
  const { app } = ta;
  const url = (q: string) => `/v1/search?q=${encodeURIComponent(q)}&limit=5`;
  const expected = new Map<string, number>();
  for (const q of QUERIES) expected.set(q, (await app.inject({ url: url(q) })).json().total);
  const documents = (await app.searchService.engine.index.getStats()).numberOfDocuments;

  let searching = true;
  let searches = 0;
  const failures: string[] = [];
  const load = async (offset: number) => {
    for (let i = offset; searching; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const res = await app.inject({ url: url(q) });
      searches++;
      if (res.statusCode !== 200) failures.push(`${q}: ${res.statusCode}`);
      else if (res.headers['x-search-degraded']) failures.push(`${q}: degraded`);
      else if (res.json().total !== expected.get(q)) failures.push(`${q}: total ${res.json().total}, expected ${expected.get(q)}`);
    }
  };
  const loops = Array.from({ length: 4 }, (_, n) => load(n));
  const rounds = 3;
  for (let i = 0; i < rounds; i++) {
    t.equal(await reindex(app), documents, `reindex ${i + 1} indexed every searchable service (${documents})`);
    await app.outbox.drain();
  }
  searching = false;
  await Promise.all(loops);
  t.comment(`${searches} searches during ${rounds} reindexes`);
  t.ok(searches > 100, 'searches ran throughout');
  t.same(failures, [], 'no search failed');
});
