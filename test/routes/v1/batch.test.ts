import t from 'tap';
import { buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, count, createOrganization, createService, isProblem, keyWithId, newService, snapshot } from './fixtures/write-side.ts';

/**
 * POST /v1/organizations/:id/services/batch: one transaction, a result per item, all
 * or nothing.
 */

t.test('batch upsert', async (t) => {
  // No outbox worker: the snapshots compare search_outbox too.
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const org = await createOrganization(app);
  const editor = await keyWithId(ta, 'editor', org.id);
  const url = `/v1/organizations/${org.id}/services/batch`;

  t.test('creates and updates in one go, with a result per item', async (t) => {
    const existing = await createService(app, org.id, { name: 'Vanha nimi' });
    const newId = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: {
        items: [
          newService(org.id, { id: existing.id, name: 'Uusi nimi' }),
          newService(org.id, { id: newId, name: 'Uusi palvelu' }),
          newService(org.id, { name: 'Ilman tunnistetta' }),
        ],
      },
    });
    t.equal(res.statusCode, 200, res.body);
    const body = res.json();
    t.equal(body.applied, true);
    t.match(body.items, [
      { index: 0, id: existing.id, status: 200, result: 'updated' },
      { index: 1, id: newId, status: 201, result: 'created' },
      { index: 2, id: String, status: 201, result: 'created' },
    ]);
    t.equal((await app.inject({ url: `/v1/services/${existing.id}` })).json().name, 'Uusi nimi');
    t.equal((await app.inject({ url: `/v1/services/${newId}` })).json().name, 'Uusi palvelu');
    t.equal(await count(app, "select 1 from audit_log where key_id = $1 and entity = 'service'", [editor.id]), 3, 'every item audited under the key');
  });

  t.test('one bad item: nothing is written, every item reports', async (t) => {
    const existing = await createService(app, org.id, { name: 'Ennallaan' });
    const before = await snapshot(app);
    const res = await app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: {
        items: [
          newService(org.id, { id: existing.id, name: 'Ei saa jäädä' }),
          newService(org.id, { name: 'Ei saa syntyä' }),
          newService(org.id, { needs: ['no_such_need'] }),
          newService(org.id, { minimum_age: 40, maximum_age: 20 }),
        ],
      },
    });
    t.equal(res.statusCode, 200, res.body);
    const body = res.json();
    t.equal(body.applied, false);
    t.equal(body.items.length, 4, 'a result for every item, also after the first failure');
    t.match(body.items[0], { index: 0, status: 200, result: 'updated' });
    t.match(body.items[1], { index: 1, status: 201, result: 'created' });
    t.match(body.items[2], { index: 2, status: 400, result: 'failed', problem: { type: '/problems/validation', detail: /no_such_need/ } });
    t.match(body.items[3], { index: 3, status: 400, result: 'failed', problem: { detail: /maximum_age/ } });
    t.same(await snapshot(app), before, 'all or nothing: PostgreSQL is as before');
    t.equal((await app.inject({ url: `/v1/services/${existing.id}` })).json().name, 'Ennallaan');
  });

  t.test('items must belong to the organization in the path', async (t) => {
    const other = await createOrganization(app);
    const before = await snapshot(app);
    const res = await app.inject({ method: 'POST', url, headers: editor.headers, payload: { items: [newService(org.id), newService(other.id)] } });
    t.equal(res.json().applied, false);
    t.match(res.json().items[1], { status: 400, result: 'failed', problem: { detail: /organization/ } });
    t.same(await snapshot(app), before);
  });

  t.test('the same id twice in one batch updates; a deleted id is a 409, not a 500', async (t) => {
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: { items: [newService(org.id, { id, name: 'A' }), newService(org.id, { id, name: 'B' })] },
    });
    t.equal(res.statusCode, 200);
    // The second item updates what the first created, inside the same transaction.
    t.equal(res.json().applied, true);
    t.equal((await app.inject({ url: `/v1/services/${id}` })).json().name, 'B');
    // A deleted id cannot be re-created: its history stays its own.
    const s = await createService(app, org.id);
    await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': s.etag } });
    const again = await app.inject({ method: 'POST', url, headers: editor.headers, payload: { items: [newService(org.id, { id: s.id })] } });
    t.match(again.json(), { applied: false, items: [{ status: 409, result: 'failed' }] });
  });

  t.test('request-level errors are problem+json', async (t) => {
    const empty = await app.inject({ method: 'POST', url, headers: editor.headers, payload: { items: [] } });
    t.equal(empty.statusCode, 400);
    t.ok(isProblem(empty));
    const tooMany = await app.inject({ method: 'POST', url, headers: editor.headers, payload: { items: Array.from({ length: 501 }, () => newService(org.id)) } });
    t.equal(tooMany.statusCode, 400, 'at most 500 items');
    const missingOrg = await app.inject({ method: 'POST', url: `/v1/organizations/${crypto.randomUUID()}/services/batch`, headers: (await keyWithId(ta, 'admin')).headers, payload: { items: [newService(org.id)] } });
    t.equal(missingOrg.statusCode, 404);
    t.ok(isProblem(missingOrg));
  });
});
