import t from 'tap';
import { buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, keyWithId, newOrganization, newService } from './fixtures/write-side.ts';

/**
 * Idempotency-Key on POST: a repeat returns the first result (same id, same status,
 * nothing written twice), the same key with another body is a 422, and concurrent
 * repeats still write once.
 */

t.test('idempotency', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);
  const editor = await keyWithId(ta, 'editor', org.id);
  const servicesOf = (orgId: string) => count(app, 'select 1 from services where organization_id = $1', [orgId]);

  t.test('POST /v1/services: a repeat returns the first result', async (t) => {
    const headers = { ...editor.headers, 'idempotency-key': 'create-1' };
    const payload = newService(org.id, { name: 'Kerran luotu' });
    const before = await servicesOf(org.id);
    const first = await app.inject({ method: 'POST', url: '/v1/services', headers, payload });
    t.equal(first.statusCode, 201, first.body);
    t.notOk(first.headers['idempotent-replayed']);
    const again = await app.inject({ method: 'POST', url: '/v1/services', headers, payload });
    t.equal(again.statusCode, 201, 'same status');
    t.equal(again.json().id, first.json().id, 'same id');
    t.same(again.json(), first.json(), 'same body');
    t.equal(again.headers.location, first.headers.location);
    t.equal(again.headers.etag, first.headers.etag);
    t.equal(again.headers['idempotent-replayed'], 'true');
    t.equal(await servicesOf(org.id), before + 1, 'one service written');
    t.equal(await count(app, "select 1 from audit_log where entity_id = $1 and action = 'create'", [first.json().id]), 1, 'one audit entry');
  });

  t.test('the same key with a different body is a 422 and writes nothing', async (t) => {
    const headers = { ...editor.headers, 'idempotency-key': 'create-2' };
    const first = await app.inject({ method: 'POST', url: '/v1/services', headers, payload: newService(org.id, { name: 'Eka' }) });
    t.equal(first.statusCode, 201);
    const before = await servicesOf(org.id);
    const other = await app.inject({ method: 'POST', url: '/v1/services', headers, payload: newService(org.id, { name: 'Toka' }) });
    t.equal(other.statusCode, 422);
    t.ok(isProblem(other));
    t.equal(other.json().type, '/problems/idempotency-key-reused');
    t.equal(await servicesOf(org.id), before, 'nothing created');
    const otherRoute = await app.inject({ method: 'POST', url: `/v1/services/${first.json().id}/verify`, headers: { ...headers, 'if-match': first.headers.etag as string } });
    t.equal(otherRoute.statusCode, 422, 'the same key on another route is a reuse too');
  });

  t.test('keys are per API key: another key with the same Idempotency-Key is a new request', async (t) => {
    const second = await keyWithId(ta, 'editor', org.id);
    const payload = newService(org.id, { name: 'Kahden avaimen' });
    const a = await app.inject({ method: 'POST', url: '/v1/services', headers: { ...editor.headers, 'idempotency-key': 'shared' }, payload });
    const b = await app.inject({ method: 'POST', url: '/v1/services', headers: { ...second.headers, 'idempotency-key': 'shared' }, payload });
    t.equal(a.statusCode, 201);
    t.equal(b.statusCode, 201);
    t.not(a.json().id, b.json().id);
  });

  t.test('a failed request is not remembered: a corrected retry goes through', async (t) => {
    const headers = { ...editor.headers, 'idempotency-key': 'fix-and-retry' };
    const bad = await app.inject({ method: 'POST', url: '/v1/services', headers, payload: newService(org.id, { needs: ['no_such_need'] }) });
    t.equal(bad.statusCode, 400);
    const good = await app.inject({ method: 'POST', url: '/v1/services', headers, payload: newService(org.id) });
    t.equal(good.statusCode, 201, good.body);
  });

  t.test('10 concurrent repeats write once and all answer with the same id', async (t) => {
    const headers = { ...editor.headers, 'idempotency-key': 'concurrent' };
    const payload = newService(org.id, { name: 'Rinnakkain' });
    const before = await servicesOf(org.id);
    const responses = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: '/v1/services', headers, payload })));
    t.same(responses.map((r) => r.statusCode), Array(10).fill(201));
    t.equal(new Set(responses.map((r) => r.json().id)).size, 1, 'one id');
    t.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 9, 'nine replays');
    t.equal(await servicesOf(org.id), before + 1, 'one row');
  });

  t.test('POST /v1/organizations', async (t) => {
    const headers = { ...admin, 'idempotency-key': 'org-1' };
    const payload = newOrganization();
    const first = await app.inject({ method: 'POST', url: '/v1/organizations', headers, payload });
    const again = await app.inject({ method: 'POST', url: '/v1/organizations', headers, payload });
    t.equal(first.statusCode, 201);
    t.equal(again.statusCode, 201);
    t.equal(again.json().id, first.json().id);
    t.equal(await count(app, 'select 1 from organizations where name = $1', [payload.name]), 1);
    const other = await app.inject({ method: 'POST', url: '/v1/organizations', headers, payload: newOrganization() });
    t.equal(other.statusCode, 422);
  });

  t.test('POST /v1/services/:id/verify: a retry gets the first answer instead of a 412', async (t) => {
    const s = await createService(app, org.id, { assured_date: '2020-01-01' });
    const headers = { ...editor.headers, 'idempotency-key': 'verify-1', 'if-match': s.etag };
    const first = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers });
    t.equal(first.statusCode, 200, first.body);
    const again = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers });
    t.equal(again.statusCode, 200);
    t.same(again.json(), first.json());
    t.equal(again.headers.etag, first.headers.etag);
    t.equal(await count(app, "select 1 from audit_log where entity_id = $1 and action = 'verify'", [s.id]), 1);
    const noKey = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers: { ...editor.headers, 'if-match': s.etag } });
    t.equal(noKey.statusCode, 412, 'without the key, the retry meets the version bump');
  });

  t.test('batch upsert: a retried batch does not create its id-less items twice', async (t) => {
    const o = await createOrganization(app);
    const headers = { ...admin, 'idempotency-key': 'batch-1' };
    const payload = { items: [newService(o.id, { name: 'Erä A' }), newService(o.id, { name: 'Erä B' })] };
    const first = await app.inject({ method: 'POST', url: `/v1/organizations/${o.id}/services/batch`, headers, payload });
    t.equal(first.statusCode, 200, first.body);
    t.equal(first.json().applied, true);
    const again = await app.inject({ method: 'POST', url: `/v1/organizations/${o.id}/services/batch`, headers, payload });
    t.same(again.json(), first.json(), 'the same per-item results, with the same ids');
    t.equal(await servicesOf(o.id), 2);
  });
});
