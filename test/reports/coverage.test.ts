import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { today } from '../../src/catalog/freshness.ts';
import { MUNICIPALITIES, termsOf } from '../../src/vocabulary/index.ts';
import { buildTestApp, withDevCatalog } from '../helpers/app.ts';
import { ADMIN_SECRET, admin, createOrganization, createService, isProblem, ok } from '../routes/v1/fixtures/write-side.ts';
import { parseCsv } from './csv.ts';

/**
 * Coverage and closures: what a resident of each municipality can use per need, from
 * the catalog and the audit log, as JSON and as CSV.
 */

const NEEDS = termsOf('need').map((n) => n.code);
const verified = { assured_date: today() };

async function setStatus(app: FastifyInstance, id: string, status: string) {
  ok(await app.inject({ method: 'PATCH', url: `/v1/services/${id}`, headers: admin, payload: { status } }));
}

t.test('coverage of the development catalog', async (t) => {
  const ta = await buildTestApp(t);
  await withDevCatalog(ta);

  const res = await ta.app.inject({ url: '/v1/reports/coverage?municipality=297' });
  t.equal(res.statusCode, 200);
  const rows = res.json().rows as Array<Record<string, unknown>>;
  t.same(rows.map((r) => r.need), NEEDS, 'Kuopio has a row for every need, in the vocabulary order');
  for (const r of rows) {
    t.equal(r.municipality, '297');
    for (const k of ['local', 'regional', 'national']) t.ok(Number.isInteger(r[k]) && (r[k] as number) >= 0, `${r.need}: ${k} ${r[k]}`);
  }
  const debt = rows.find((r) => r.need === 'debt')!;
  t.ok((debt.local as number) + (debt.regional as number) + (debt.national as number) > 0, 'debt advice exists for Kuopio');

  const csv = await ta.app.inject({ url: '/v1/reports/coverage?municipality=297', headers: { accept: 'text/csv' } });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
  t.match(csv.headers.vary, /Accept/);
  const table = parseCsv(csv.body);
  t.same(table.header, ['municipality', 'need', 'local', 'regional', 'national', 'by_provider_public', 'by_provider_ngo', 'by_provider_parish', 'by_provider_private', 'stale', 'ended_12m', 'paused']);
  const fromJson = rows.map((r) => {
    const p = r.by_provider as Record<string, number>;
    return [r.municipality, r.need, r.local, r.regional, r.national, p.public, p.ngo, p.parish, p.private, r.stale, r.ended_12m, r.paused].map(String);
  });
  t.same(table.rows, fromJson, 'the CSV has the same rows as the JSON');

  const area = ok(await ta.app.inject({ url: '/v1/reports/coverage?area=pohjois-savo' })).json().rows as unknown[];
  const places = MUNICIPALITIES.filter((m) => m.area === 'pohjois-savo').length;
  t.equal(area.length, places * NEEDS.length, `a wellbeing area: ${places} municipalities × ${NEEDS.length} needs`);
  const started = performance.now();
  const country = ok(await ta.app.inject({ url: '/v1/reports/coverage' })).json().rows as unknown[];
  t.comment(`the whole country in ${Math.round(performance.now() - started)} ms`);
  t.equal(country.length, MUNICIPALITIES.length * NEEDS.length, 'without a scope: every municipality');
});

t.test('counts by area, provider, freshness and history', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const ngo = await createOrganization(app, { name: 'Velkaneuvojat ry', provider_type: 'ngo' });
  const city = await createOrganization(app, { name: 'Kuopion kaupunki', provider_type: 'public' });
  const kuopio = [{ extent: 'kunta:297' }];
  const local = await createService(app, ngo.id, { ...verified, name: 'Paikallinen' });
  await createService(app, ngo.id, { ...verified, name: 'Alueellinen', needs: ['debt', 'housing'], service_areas: [{ extent: 'hva:pohjois-savo' }] });
  await createService(app, city.id, { name: 'Valtakunnallinen (tarkistamaton)', service_areas: [{ extent: 'FI' }] });
  await createService(app, city.id, { ...verified, name: 'Helsingin', service_areas: [{ extent: 'kunta:091' }] });
  await createService(app, city.id, { ...verified, name: 'Kunta ja alue', service_areas: [...kuopio, { extent: 'hva:pohjois-savo' }] });
  const paused = await createService(app, ngo.id, { ...verified, name: 'Tauolla' });
  const ended = await createService(app, ngo.id, { ...verified, name: 'Lopetettu' });
  const deleted = await createService(app, ngo.id, { ...verified, name: 'Poistettu' });
  const reopened = await createService(app, ngo.id, { ...verified, name: 'Tauolla ollut' });
  const endedLongAgo = await createService(app, ngo.id, { ...verified, name: 'Kauan sitten lopetettu' });
  await setStatus(app, paused.id, 'temporarily closed');
  await setStatus(app, ended.id, 'inactive');
  ok(await app.inject({ method: 'DELETE', url: `/v1/services/${deleted.id}`, headers: admin }), 204);
  await setStatus(app, reopened.id, 'temporarily closed');
  await setStatus(app, reopened.id, 'active');
  await setStatus(app, endedLongAgo.id, 'defunct');
  await app.database.pool.query("update audit_log set at = now() - interval '13 months' where entity_id = $1 and action = 'update'", [endedLongAgo.id]);

  const coverage = async (query: string) => ok(await app.inject({ url: `/v1/reports/coverage?${query}` })).json().rows as Array<Record<string, unknown>>;

  t.test('a municipality: each service once, at its closest area', async (t) => {
    const rows = await coverage('municipality=297');
    t.same(rows.find((r) => r.need === 'debt'), {
      municipality: '297',
      need: 'debt',
      local: 3, // Paikallinen, Kunta ja alue, Tauolla ollut
      regional: 1,
      national: 1,
      by_provider: { public: 2, ngo: 3, parish: 0, private: 0 },
      stale: 1,
      ended_12m: 2, // Lopetettu, Poistettu; not the one ended 13 months ago
      paused: 2, // Tauolla now, Tauolla ollut in the window
    });
    t.match(rows.find((r) => r.need === 'housing'), { local: 0, regional: 1, national: 0, ended_12m: 0, paused: 0 });
    t.match(rows.find((r) => r.need === 'gambling'), { local: 0, regional: 0, national: 0 });
  });

  t.test('another municipality of the area sees the regional and national services only', async (t) => {
    const rows = await coverage('municipality=686'); // Rautalampi, Pohjois-Savo
    t.match(rows.find((r) => r.need === 'debt'), { local: 0, regional: 2, national: 1, ended_12m: 0, paused: 0 });
    const helsinki = await coverage('municipality=091');
    t.match(helsinki.find((r) => r.need === 'debt'), { local: 1, regional: 0, national: 1 });
  });

  t.test('filters: need and provider type', async (t) => {
    const rows = await coverage('municipality=297&need=debt&need=housing&provider_type=public');
    t.same(rows.map((r) => r.need), ['debt', 'housing']);
    t.match(rows[0], { local: 1, regional: 0, national: 1, by_provider: { public: 2, ngo: 0 }, ended_12m: 0, paused: 0 });
  });

  t.test('closures: ended and paused listings of the last 12 months, as JSON and CSV', async (t) => {
    const res = ok(await app.inject({ url: '/v1/reports/closures?municipality=297' }));
    const rows = res.json().rows as Array<Record<string, unknown>>;
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    t.same(Object.keys(byName).sort(), ['Lopetettu', 'Poistettu', 'Tauolla', 'Tauolla ollut']);
    t.match(byName.Lopetettu, { change: 'ended', status: 'inactive', date: today(), organization: 'Velkaneuvojat ry', needs: ['debt'], areas: ['kunta:297'] });
    t.match(byName.Poistettu, { change: 'ended', status: 'deleted', date: today() });
    t.match(byName.Tauolla, { change: 'paused', status: 'temporarily closed', date: today() });
    t.match(byName['Tauolla ollut'], { change: 'paused', status: 'active', date: today() });
    const csv = parseCsv(ok(await app.inject({ url: '/v1/reports/closures?municipality=297', headers: { accept: 'text/csv' } })).body);
    t.same(csv.header, ['service_id', 'name', 'organization_id', 'organization', 'change', 'date', 'status', 'needs', 'areas']);
    t.same(csv.rows.map((r) => r[1]), rows.map((r) => r.name), 'the same rows in the same order');
    const elsewhere = ok(await app.inject({ url: '/v1/reports/closures?municipality=091' })).json().rows;
    t.same(elsewhere, [], 'a Kuopio listing is no closure for Helsinki');
    t.equal(local.record.status, 'active');
  });

  t.test('bad input is a 400 problem', async (t) => {
    for (const query of ['municipality=999', 'area=atlantis', 'municipality=297&area=pohjois-savo', 'need=unknown', 'provider_type=guild', 'municipality=29']) {
      const res = await app.inject({ url: `/v1/reports/coverage?${query}` });
      t.equal(res.statusCode, 400, query);
      t.ok(isProblem(res), `${query}: problem+json`);
    }
  });
});
