import jsonpatch from 'fast-json-patch';
import t from 'tap';
import { buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, keyWithId, newOrganization, newService } from './fixtures/write-side.ts';

/**
 * The audit log: every write records who (the key's id, never its secret), when and
 * what changed as an RFC 6902 JSON Patch; readable by admins and the organization's
 * editors only.
 */

interface Entry {
  id: number;
  at: string;
  key_id: string | null;
  key_label: string | null;
  action: string;
  entity: string;
  entity_id: string;
  organization_id: string | null;
  changes: jsonpatch.Operation[];
}

t.test('audit log', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);
  const other = await createOrganization(app);
  const editor = await keyWithId(ta, 'editor', org.id);
  const otherEditor = await keyWithId(ta, 'editor', other.id);
  const reader = await keyWithId(ta, 'reader');
  const adminKey = await keyWithId(ta, 'admin');

  t.test('every write is recorded with the key id and a JSON Patch that replays it', async (t) => {
    const started = Date.now();
    const created = await app.inject({ method: 'POST', url: '/v1/services', headers: editor.headers, payload: newService(org.id, { name: 'Auditoitava' }) });
    t.equal(created.statusCode, 201);
    const id = created.json().id as string;
    const states: unknown[] = [created.json()];
    const writes: Array<{ method: 'PUT' | 'PATCH'; payload: object; action: string }> = [
      { method: 'PATCH', payload: { name: 'Uusi nimi', phones: null }, action: 'update' },
      { method: 'PUT', payload: newService(org.id, { name: 'Korvattu', needs: ['debt', 'housing'] }), action: 'update' },
      { method: 'PATCH', payload: { status: 'temporarily closed', status_note: 'Remontti' }, action: 'update' },
    ];
    for (const w of writes) {
      const etag = (await app.inject({ url: `/v1/services/${id}` })).headers.etag as string;
      const res = await app.inject({ method: w.method, url: `/v1/services/${id}`, headers: { ...editor.headers, 'if-match': etag }, payload: w.payload });
      t.equal(res.statusCode, 200, res.body);
      states.push(res.json());
    }
    const etag = (await app.inject({ url: `/v1/services/${id}` })).headers.etag as string;
    const verified = await app.inject({ method: 'POST', url: `/v1/services/${id}/verify`, headers: { ...adminKey.headers, 'if-match': etag } });
    states.push(verified.json());
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/services/${id}`, headers: adminKey.headers })).statusCode, 204);

    const history = await app.inject({ url: `/v1/services/${id}/history`, headers: editor.headers });
    t.equal(history.statusCode, 200);
    const entries = (history.json().items as Entry[]).slice().reverse();
    t.same(entries.map((e) => e.action), ['create', 'update', 'update', 'update', 'verify', 'delete']);
    t.same(entries.map((e) => e.key_id), [editor.id, editor.id, editor.id, editor.id, adminKey.id, adminKey.id], 'who: the key id');
    for (const e of entries) {
      t.equal(e.entity, 'service');
      t.equal(e.entity_id, id);
      t.equal(e.organization_id, org.id);
      const at = Date.parse(e.at);
      t.ok(at >= started - 5_000 && at <= Date.now() + 5_000, 'when: a timestamp of the write');
    }
    // What: each entry's patch turns the state before into the state after.
    let state: unknown = {};
    for (const [i, e] of entries.entries()) {
      t.equal(jsonpatch.validate(e.changes), undefined, `${e.action}: a valid RFC 6902 patch`);
      state = jsonpatch.applyPatch(structuredClone(state), e.changes, true, false).newDocument;
      if (i < states.length) t.same(state, states[i], `${e.action} #${i}: the patch replays to the state the API returned`);
    }
    t.same(state, {}, 'the delete patch empties the record');
    const renamed = entries[1]!.changes.find((c) => c.path === '/name');
    t.same(renamed, { op: 'replace', path: '/name', value: 'Uusi nimi', previous: 'Auditoitava' }, 'a replace shows the previous value');
  });

  t.test('organization writes and key management are audited too', async (t) => {
    const created = await app.inject({ method: 'POST', url: '/v1/organizations', headers: adminKey.headers, payload: newOrganization({ name: 'Auditoitu yhdistys' }) });
    const orgId = created.json().id as string;
    await app.inject({ method: 'PATCH', url: `/v1/organizations/${orgId}`, headers: adminKey.headers, payload: { description: 'Uusi kuvaus.' } });
    const key = await app.inject({ method: 'POST', url: '/v1/keys', headers: adminKey.headers, payload: { role: 'editor', organization_id: orgId } });
    t.equal(key.statusCode, 201);
    await app.inject({ method: 'DELETE', url: `/v1/keys/${key.json().id}`, headers: adminKey.headers });
    const log = (await app.inject({ url: `/v1/organizations/${orgId}/audit`, headers: adminKey.headers })).json().items as Entry[];
    t.same(log.map((e) => `${e.entity}:${e.action}`).reverse(), ['organization:create', 'organization:update', 'api_key:create', 'api_key:delete']);
    t.ok(log.every((e) => e.key_id === adminKey.id));
    const revoked = await app.database.pool.query("select key_id, changes from audit_log where entity = 'api_key' and entity_id = $1 and action = 'delete'", [key.json().id]);
    t.equal(revoked.rows.length, 1, 'the revocation is audited');
    t.equal(revoked.rows[0].key_id, adminKey.id);
  });

  t.test('no secret is ever in the audit log', async (t) => {
    const created = await app.inject({ method: 'POST', url: '/v1/keys', headers: adminKey.headers, payload: { role: 'editor', organization_id: org.id, label: 'synkronointi' } });
    const secret = created.json().secret as string;
    const written = await app.inject({ method: 'POST', url: '/v1/services', headers: { authorization: `Bearer ${secret}` }, payload: newService(org.id) });
    const trail = (await app.inject({ url: `/v1/services/${written.json().id}/history`, headers: admin })).json().items as Entry[];
    t.match(trail, [{ action: 'create', key_id: created.json().id, key_label: 'synkronointi' }], "an entry names the key's label");
    const { rows } = await app.database.pool.query('select coalesce(json_agg(a)::text, \'\') as dump from audit_log a');
    const dump = rows[0].dump as string;
    for (const s of [secret, ADMIN_SECRET, editor.secret, adminKey.secret]) t.notOk(dump.includes(s), 'no key secret in the audit log');
    const hashes = (await app.database.pool.query('select secret_hash from api_keys')).rows.map((r) => r.secret_hash as string);
    t.ok(hashes.every((h) => !dump.includes(h)), 'nor any secret hash');
  });

  t.test('who may read it', async (t) => {
    const s = await createService(app, org.id);
    const urls = [`/v1/organizations/${org.id}/audit`, `/v1/services/${s.id}/history`];
    const cases: Array<[string, Record<string, string>, number]> = [
      ['no key', {}, 401],
      ['reader', reader.headers, 403],
      ["another organization's editor", otherEditor.headers, 403],
      ["the organization's editor", editor.headers, 200],
      ['admin', admin, 200],
    ];
    for (const url of urls) {
      for (const [who, headers, status] of cases) {
        const res = await app.inject({ url, headers });
        t.equal(res.statusCode, status, `${who}: ${url}`);
        if (status !== 200) {
          t.ok(isProblem(res));
          t.notOk(res.body.includes(s.id) && res.body.includes('"changes"'), 'a refusal shows no entries');
        }
      }
    }
    t.equal((await app.inject({ url: `/v1/services/${crypto.randomUUID()}/history`, headers: admin })).statusCode, 404);
    t.equal((await app.inject({ url: `/v1/organizations/${crypto.randomUUID()}/audit`, headers: admin })).statusCode, 404);
  });

  t.test("an organization's log holds its own entries only, newest first, in pages", async (t) => {
    const o = await createOrganization(app);
    const otherOrgService = await createService(app, other.id);
    for (let i = 0; i < 5; i++) await createService(app, o.id, { name: `Sivutettu ${i}` });
    const all = (await app.inject({ url: `/v1/organizations/${o.id}/audit?limit=100`, headers: admin })).json().items as Entry[];
    t.equal(all.length, 6, 'the organization and its five services');
    t.ok(all.every((e) => e.organization_id === o.id));
    t.notOk(all.some((e) => e.entity_id === otherOrgService.id));
    t.same(all.map((e) => e.id), all.map((e) => e.id).slice().sort((a, b) => b - a), 'newest first');
    const page1 = (await app.inject({ url: `/v1/organizations/${o.id}/audit?limit=4`, headers: admin })).json().items as Entry[];
    const page2 = (await app.inject({ url: `/v1/organizations/${o.id}/audit?limit=4&before=${page1.at(-1)!.id}`, headers: admin })).json().items as Entry[];
    t.same([...page1, ...page2].map((e) => e.id), all.map((e) => e.id), 'keyset pages cover the log once');
    const huge = await app.inject({ url: `/v1/organizations/${o.id}/audit?before=99999999999999999999`, headers: admin });
    t.equal(huge.statusCode, 200, 'a cursor past any id is not a 500');
    t.equal(huge.json().items.length, 6);
    const hugeHistory = await app.inject({ url: `/v1/services/${otherOrgService.id}/history?before=99999999999999999999`, headers: admin });
    t.equal(hugeHistory.statusCode, 200);
    t.equal(await count(app, 'select 1 from audit_log where organization_id = $1', [o.id]), 6);
  });
});
