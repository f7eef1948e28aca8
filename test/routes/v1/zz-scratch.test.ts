import { Writable } from 'node:stream';
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { bearer, buildTestApp, withDevCatalog } from '../../helpers/app.ts';

const ORG = 'b69a9b6a-b800-54e5-92cc-137757af7f08';

t.test('race', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: 'admin-secret-0123456789abcdef' }, logStream: new Writable({ write(c, _e, cb) { if (String(c).includes('"level":50')) console.error(String(c)); cb(); } }) });
  const { app } = ta;
  await withDevCatalog(ta);
  const admin = bearer('admin-secret-0123456789abcdef');
  let misses = 0;
  for (let i = 0; i < 200; i++) {
    const c = await app.inject({ method: 'POST', url: '/v1/services', headers: { ...admin, 'idempotency-key': `k${i}` }, payload: { organization_id: ORG, name: 'ab', description: 'x', status: 'active' } });
    const g = await app.inject({ url: `/v1/services/${c.json().id}` });
    if (g.statusCode !== 200) misses++;
  }
  t.comment('misses', misses);
  const id = randomUUID();
  const rs = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: { id, organization_id: ORG, name: 'ab', description: 'x', status: 'active' } })));
  t.comment(rs.map((r) => r.statusCode).join(','));
  const oid = randomUUID();
  const ro = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: '/v1/organizations', headers: admin, payload: { id: oid, name: 'ab', description: 'x' } })));
  t.comment(ro.map((r) => r.statusCode).join(','));
  const bid = randomUUID();
  const rb = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: `/v1/organizations/${ORG}/services/batch`, headers: admin, payload: { items: [{ id: bid, organization_id: ORG, name: 'ab', description: 'x', status: 'active' }] } })));
  t.comment(rb.map((r) => r.statusCode + ':' + r.body.slice(0, 80)).join('\n'));
  t.comment(JSON.stringify(app.accessRules));
});
