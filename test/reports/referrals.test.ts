import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { currentMonth } from '../../src/reports/month.ts';
import { bearer, buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization, createService, isProblem, ok, snapshot } from '../routes/v1/fixtures/write-side.ts';
import { parseCsv } from './csv.ts';

/**
 * Referrals: any key records that a client was referred to a service; the report shows
 * counts per service, month, need and municipality, k-anonymous, and an editor sees only
 * its own organization's services.
 */

async function refer(app: FastifyInstance, key: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/v1/referrals', headers: { ...bearer(key), ...headers }, payload: payload as object });
}

t.test('referrals', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const ngo = await createOrganization(app, { name: 'Velkaneuvojat ry' });
  const other = await createOrganization(app, { name: 'Toinen ry' });
  const advice = await createService(app, ngo.id, { name: 'Velkaneuvonta' });
  const group = await createService(app, other.id, { name: 'Vertaisryhmä' });
  const client = await ta.key('reader');
  const ngoEditor = await ta.key('editor', ngo.id);
  const otherEditor = await ta.key('editor', other.id);
  const month = currentMonth();
  const report = async (key: string, query = '') => app.inject({ url: `/v1/reports/referrals?${query}`, headers: bearer(key) });

  for (let i = 0; i < 5; i++) {
    const res = await refer(app, client, { service_id: advice.id, municipality: '297', needs: ['debt'] });
    t.equal(res.statusCode, 202);
    t.same(res.json(), { recorded: true });
  }
  for (let i = 0; i < 4; i++) ok(await refer(app, otherEditor, { service_id: group.id, municipality: '297' }), 202);

  t.test("5 referrals show 5 to the organization's editor", async (t) => {
    const res = ok(await report(ngoEditor));
    t.same(res.json().rows, [
      { month, service_id: advice.id, service: 'Velkaneuvonta', organization_id: ngo.id, municipality: '297', need: 'debt', referrals: 5, suppressed: false },
    ]);
    t.same(ok(await report(ngoEditor, `organization_id=${ngo.id}`)).json().rows.length, 1);
  });

  t.test("another organization's editor gets 403", async (t) => {
    const res = await report(otherEditor, `organization_id=${ngo.id}`);
    t.equal(res.statusCode, 403);
    t.ok(isProblem(res));
    t.match(ok(await report(otherEditor)).json().rows, [{ service_id: group.id, need: 'unspecified', referrals: null, suppressed: true }], 'its own: 4 is withheld');
  });

  t.test('reader and admin keys see every organization; without a key it is 401', async (t) => {
    for (const key of [client, ADMIN_SECRET]) {
      const rows = ok(await report(key)).json().rows as Array<Record<string, unknown>>;
      t.same(rows.map((r) => [r.service, r.referrals]), [['Velkaneuvonta', 5], ['Vertaisryhmä', null]]);
    }
    t.same(ok(await report(client, `organization_id=${other.id}`)).json().rows.length, 1);
    t.equal((await app.inject({ url: '/v1/reports/referrals' })).statusCode, 401);
    t.equal((await app.inject({ method: 'POST', url: '/v1/referrals', payload: { service_id: advice.id, municipality: '297' } })).statusCode, 401);
  });

  t.test('CSV', async (t) => {
    const res = ok(await app.inject({ url: '/v1/reports/referrals', headers: { ...bearer(client), accept: 'text/csv' } }));
    t.same(parseCsv(res.body), {
      header: ['month', 'service_id', 'service', 'organization_id', 'municipality', 'need', 'referrals', 'suppressed'],
      rows: [
        [month, advice.id, 'Velkaneuvonta', ngo.id, '297', 'debt', '5', 'false'],
        [month, group.id, 'Vertaisryhmä', other.id, '297', 'unspecified', '', 'true'],
      ],
    });
  });

  t.test('no personal data accepted: unknown fields and bad input change nothing', async (t) => {
    const before = await snapshot(app);
    const bad: Array<[unknown, number]> = [
      [{ service_id: advice.id, municipality: '297', client_name: 'Matti Meikäläinen' }, 400],
      [{ service_id: advice.id, municipality: '297', age: 42 }, 400],
      [{ service_id: advice.id, municipality: '999' }, 400],
      [{ service_id: advice.id, municipality: '297', needs: ['nonsense'] }, 400],
      [{ service_id: advice.id }, 400],
      [{ service_id: crypto.randomUUID(), municipality: '297' }, 422],
    ];
    for (const [payload, status] of bad) {
      const res = await refer(app, client, payload);
      t.equal(res.statusCode, status, JSON.stringify(payload));
      t.ok(isProblem(res));
    }
    t.same(await snapshot(app), before);
  });

  t.test('a retry with the same Idempotency-Key counts once', async (t) => {
    const payload = { service_id: advice.id, municipality: '686', needs: ['debt', 'income'] };
    ok(await refer(app, client, payload, { 'idempotency-key': 'referral-1' }), 202);
    const again = ok(await refer(app, client, payload, { 'idempotency-key': 'referral-1' }), 202);
    t.equal(again.headers['idempotent-replayed'], 'true');
    const { rows } = await app.database.pool.query("select need, referrals from referral_counts where municipality = '686' order by need");
    t.same(rows, [{ need: 'debt', referrals: 1 }, { need: 'income', referrals: 1 }], 'one count per need');
  });
});
