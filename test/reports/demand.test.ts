import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import t from 'tap';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { currentMonth, monthsBefore } from '../../src/reports/month.ts';
import { bearer, buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization, createService, isProblem, ok } from '../routes/v1/fixtures/write-side.ts';
import { parseCsv } from './csv.ts';

/**
 * Demand: successful recommends that name a municipality are counted per month,
 * municipality, need, urgency and what was found; the report withholds cells counted
 * fewer than k times.
 */

async function recommendTimes(app: FastifyInstance, n: number, profile: Record<string, unknown>, text?: string) {
  for (let i = 0; i < n; i++) {
    ok(await app.inject({ method: 'POST', url: '/v1/recommend', payload: { profile, ...(text ? { text } : {}), limit: 3 } }));
  }
  await app.demandCounter.settled();
}

async function demand(app: FastifyInstance, key: string, query = 'municipality=297') {
  return ok(await app.inject({ url: `/v1/reports/demand?${query}`, headers: bearer(key) })).json().rows as Array<Record<string, unknown>>;
}

t.test('demand counts and k-anonymity', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);
  await createService(app, org.id, { name: 'Velkaneuvonta Kuopio', needs: ['debt'] });
  await createService(app, org.id, { name: 'Peliapu', needs: ['gambling'], service_areas: [{ extent: 'FI' }] });
  await ta.indexed();
  const reader = await ta.key('reader');
  const month = currentMonth();

  t.test('4 requests are suppressed, 6 are shown', async (t) => {
    await recommendTimes(app, 4, { municipality: '297', needs: ['debt'] });
    t.same(await demand(app, reader), [
      { month, municipality: '297', need: 'debt', requests: null, without_local: null, without_any: null, suppressed: true },
    ]);
    await recommendTimes(app, 2, { municipality: '297', needs: ['debt'], urgency: 'acute' });
    t.same(await demand(app, reader), [
      { month, municipality: '297', need: 'debt', requests: 6, without_local: 0, without_any: 0, suppressed: false },
    ], 'summed over urgency');
  });

  t.test('what was found: a national service only is a gap nearby; nothing at all is a gap everywhere', async (t) => {
    await recommendTimes(app, 5, { municipality: '297', needs: ['gambling', 'legal'] });
    const rows = await demand(app, reader);
    t.match(rows.find((r) => r.need === 'gambling'), { requests: 5, without_local: 5, without_any: 0, suppressed: false });
    t.match(rows.find((r) => r.need === 'legal'), { requests: 5, without_local: 5, without_any: 5, suppressed: false });
    const cells = (await app.database.pool.query("select urgency, found_local, found_any, requests from demand_counts where need = 'debt' order by urgency")).rows;
    t.same(cells, [
      { urgency: 'acute', found_local: true, found_any: true, requests: 2 },
      { urgency: 'routine', found_local: true, found_any: true, requests: 4 },
    ], 'the counter keeps urgency and what was found per cell');
  });

  t.test('needs read from the text count; requests without a municipality or that fail do not', async (t) => {
    const before = (await app.database.pool.query('select sum(requests)::int as n from demand_counts')).rows[0].n as number;
    await recommendTimes(app, 1, { municipality: '297' }, 'Asiakkaalla on ulosotossa velkoja.');
    await recommendTimes(app, 2, { needs: ['debt'] });
    const bad = await app.inject({ method: 'POST', url: '/v1/recommend', payload: { profile: { municipality: '297', needs: ['nonsense'] } } });
    t.equal(bad.statusCode, 400);
    await app.demandCounter.settled();
    const after = (await app.database.pool.query('select sum(requests)::int as n from demand_counts')).rows[0].n as number;
    t.equal(after, before + 1, 'only the recommend with a municipality');
    const read = (await app.database.pool.query("select requests from demand_counts where need = 'debt' and urgency = 'routine'")).rows[0].requests;
    t.equal(read, 5, 'the need read from the text joined its cell');
  });

  t.test('any key reads it; without a key it is 401', async (t) => {
    const none = await app.inject({ url: '/v1/reports/demand?municipality=297' });
    t.equal(none.statusCode, 401);
    t.ok(isProblem(none));
    t.equal((await app.inject({ method: 'HEAD', url: '/v1/reports/demand?municipality=297' })).statusCode, 401, 'HEAD too');
    t.equal((await app.inject({ url: '/v1/reports/demand', headers: bearer(await ta.key('editor', org.id)) })).statusCode, 200);
    t.equal((await app.inject({ url: '/v1/reports/demand', headers: bearer(ADMIN_SECRET) })).statusCode, 200);
  });

  t.test('scope and months', async (t) => {
    t.equal((await demand(app, reader, 'area=pohjois-savo')).length, 3);
    t.same(await demand(app, reader, 'area=helsinki'), []);
    t.equal((await demand(app, reader, '')).length, 3, 'the whole country');
    t.same(await demand(app, reader, `municipality=297&from=${monthsBefore(month, 3)}&to=${monthsBefore(month, 1)}`), [], 'past months');
    t.equal((await demand(app, reader, `municipality=297&from=${month}&to=${month}`)).length, 3);
    for (const query of [`from=${month}&to=${monthsBefore(month, 1)}`, 'from=2026-13', 'to=2026-1', 'from=2000-01&to=2026-01', 'municipality=000', 'area=x']) {
      const res = await app.inject({ url: `/v1/reports/demand?${query}`, headers: bearer(reader) });
      t.equal(res.statusCode, 400, query);
      t.ok(isProblem(res));
    }
  });

  t.test('CSV has the same rows, suppressed cells empty', async (t) => {
    await recommendTimes(app, 1, { municipality: '686', needs: ['debt'] });
    const res = ok(await app.inject({ url: '/v1/reports/demand?area=pohjois-savo', headers: { ...bearer(reader), accept: 'text/csv' } }));
    const csv = parseCsv(res.body);
    t.same(csv.header, ['month', 'municipality', 'need', 'requests', 'without_local', 'without_any', 'suppressed']);
    t.same(csv.rows, [
      [month, '297', 'debt', '7', '0', '0', 'false'],
      [month, '297', 'gambling', '5', '5', '0', 'false'],
      [month, '297', 'legal', '5', '5', '5', 'false'],
      [month, '686', 'debt', '', '', '', 'true'],
    ]);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

t.test('k is configurable upwards only', async (t) => {
  t.throws(() => loadConfig({ TARJOTIN_REPORT_MIN_COUNT: '4' }), { name: 'Error', message: /TARJOTIN_REPORT_MIN_COUNT: must be at least 5/ });
  t.ok(catchError(() => loadConfig({ TARJOTIN_REPORT_MIN_COUNT: '0' })) instanceof ConfigError, 'a configuration error stops the start');
  t.equal(loadConfig({}).reportMinCount, 5);
  t.equal(loadConfig({ TARJOTIN_REPORT_MIN_COUNT: '10' }).reportMinCount, 10);
  const ta = await buildTestApp(t, { env: { TARJOTIN_REPORT_MIN_COUNT: '10' } });
  await recommendTimes(ta.app, 6, { municipality: '297', needs: ['debt'] });
  t.match(await demand(ta.app, await ta.key('reader')), [{ requests: null, suppressed: true }], '6 < 10 is withheld');
});

t.test('a failed counter write does not fail the recommend', async (t) => {
  const lines: string[] = [];
  const logStream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const ta = await buildTestApp(t, { logStream });
  await ta.app.database.pool.query('alter table demand_counts rename to demand_counts_away');
  const started = performance.now();
  const res = await ta.app.inject({ method: 'POST', url: '/v1/recommend', payload: { profile: { municipality: '297', needs: ['debt'] } } });
  t.comment(`recommend answered in ${Math.round(performance.now() - started)} ms with the counter failing`);
  t.equal(res.statusCode, 200);
  t.ok(Array.isArray(res.json().results));
  await ta.app.demandCounter.settled();
  t.ok(lines.some((l) => l.includes('demand counter not updated')), 'the failure is logged as a warning');
  await ta.app.database.pool.query('alter table demand_counts_away rename to demand_counts');
});

t.test('counts in flight are written before the database closes', async (t) => {
  const ta = await buildTestApp(t);
  ok(await ta.app.inject({ method: 'POST', url: '/v1/recommend', payload: { profile: { municipality: '297', needs: ['debt'] } } }));
  await ta.app.close();
  const db = new pg.Client({ connectionString: ta.backends.databaseUrl });
  await db.connect();
  t.teardown(() => db.end());
  t.same((await db.query('select requests from demand_counts')).rows, [{ requests: 1 }]);
});
