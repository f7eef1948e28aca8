import t from 'tap';
import { buildTestApp, withDevCatalog } from '../../helpers/app.ts';
import { ADMIN_SECRET, createService, keyWithId } from './fixtures/write-side.ts';

/**
 * "A listing updated through the API is found by search within 1 s." The test asserts
 * that it is found at all (with a generous bound, timing belongs to the benchmarks) and
 * reports the measured latency from the PATCH's answer to the first search that finds it.
 */

const ORG = 'b69a9b6a-b800-54e5-92cc-137757af7f08';
const BOUND_MS = 5_000;

/** A word no catalog text contains: letters only, so no analyser splits it. */
function uniqueWord(): string {
  const letters = 'bdfgjkmnprstvz';
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => letters[b % letters.length]).join('');
  return `qv${tail}`;
}

async function pollSearch(app: import('fastify').FastifyInstance, word: string, id: string, want: boolean) {
  const started = performance.now();
  let polls = 0;
  let last: unknown;
  while (performance.now() - started < BOUND_MS) {
    polls++;
    const res = await app.inject({ url: `/v1/search?q=${encodeURIComponent(word)}` });
    last = res.json();
    const found = res.statusCode === 200 && (res.json().hits as Array<{ id: string }>).some((h) => h.id === id);
    if (found === want) return { ok: true, ms: performance.now() - started, polls, last };
    await new Promise((r) => setTimeout(r, 10));
  }
  return { ok: false, ms: performance.now() - started, polls, last };
}

t.test('a listing updated through the API is soon found by search', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  await withDevCatalog(ta);
  const editor = await keyWithId(ta, 'editor', ORG);
  const s = await createService(app, ORG, { name: 'Velkaneuvonnan ilta' });
  await ta.indexed();

  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    const word = uniqueWord();
    const etag = (await app.inject({ url: `/v1/services/${s.id}` })).headers.etag as string;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${s.id}`,
      headers: { ...editor.headers, 'if-match': etag, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ name: `Velkaneuvonnan ilta ${word}` }),
    });
    t.equal(patched.statusCode, 200, patched.body);
    const seen = await pollSearch(app, word, s.id, true);
    t.ok(seen.ok, `round ${round}: found by "${word}" (${seen.ok ? '' : JSON.stringify(seen.last).slice(0, 300)})`);
    latencies.push(seen.ms);
  }
  latencies.sort((a, b) => a - b);
  t.comment(
    `search visibility after PATCH over ${latencies.length} rounds: ` +
      `median ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms ` +
      `(${latencies.map((ms) => ms.toFixed(0)).join(', ')})`,
  );

  // And a deleted listing leaves search as soon.
  const word = uniqueWord();
  const etag = (await app.inject({ url: `/v1/services/${s.id}` })).headers.etag as string;
  const renamed = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': etag }, payload: { name: `Poistuva ${word}` } });
  t.ok((await pollSearch(app, word, s.id, true)).ok, 'found before the delete');
  const del = await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': renamed.headers.etag as string } });
  t.equal(del.statusCode, 204);
  const gone = await pollSearch(app, word, s.id, false);
  t.ok(gone.ok, 'gone from search after the delete');
  t.comment(`search removal after DELETE: ${gone.ms.toFixed(0)} ms`);
});
