import t from 'tap';
import { today } from '../../../src/catalog/freshness.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, keyWithId } from './fixtures/write-side.ts';

/**
 * A listing's life: temporarily closed (with a note and an end date), defunct,
 * verified (assured_date today), reminded when not verified for 12 months, deleted
 * (softly: the row and its audit trail stay).
 */

/** `YYYY-MM-DD` of `days` days before now. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

t.test('lifecycle', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);
  const editor = await keyWithId(ta, 'editor', org.id);
  const patch = async (id: string, body: unknown) => {
    const etag = (await app.inject({ url: `/v1/services/${id}` })).headers.etag as string;
    return app.inject({
      method: 'PATCH',
      url: `/v1/services/${id}`,
      headers: { ...editor.headers, 'if-match': etag, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify(body),
    });
  };

  t.test('temporarily closed with a note and an end date, then open again', async (t) => {
    const s = await createService(app, org.id);
    const closed = await patch(s.id, { status: 'temporarily closed', status_note: 'Kesätauko, avataan elokuussa', status_until: '2027-08-01' });
    t.equal(closed.statusCode, 200, closed.body);
    const read = (await app.inject({ url: `/v1/services/${s.id}` })).json();
    t.match(read, { status: 'temporarily closed', status_note: 'Kesätauko, avataan elokuussa', status_until: '2027-08-01' });
    const listed = (await app.inject({ url: `/v1/services?organization_id=${org.id}&status=temporarily%20closed&limit=100` })).json();
    t.ok(listed.items.some((x: { id: string }) => x.id === s.id), 'the list filters by status');

    // An end date belongs to a closure only: reopening must drop it, or say why not.
    const reopenKeepingDate = await patch(s.id, { status: 'active' });
    t.equal(reopenKeepingDate.statusCode, 400);
    t.ok(isProblem(reopenKeepingDate));
    t.match(reopenKeepingDate.json(), { type: '/problems/validation', errors: [{ field: 'body/status_until' }] });
    const reopened = await patch(s.id, { status: 'active', status_until: null, status_note: null });
    t.equal(reopened.statusCode, 200);
    t.equal(reopened.json().status, 'active');
    t.notOk('status_until' in reopened.json());
    t.notOk('status_note' in reopened.json());
  });

  t.test('defunct, and invalid statuses', async (t) => {
    const s = await createService(app, org.id);
    const defunct = await patch(s.id, { status: 'defunct', status_note: 'Toiminta lakkasi' });
    t.equal(defunct.statusCode, 200);
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).json().status, 'defunct');
    const bad = await patch(s.id, { status: 'closed-ish' });
    t.equal(bad.statusCode, 400);
    t.ok(isProblem(bad));
    const untilWhileActive = await patch(s.id, { status: 'active', status_until: '2027-01-01' });
    t.equal(untilWhileActive.statusCode, 400, 'an active service has no closure end date');
    const badDate = await patch(s.id, { status: 'temporarily closed', status_until: '2027-02-30' });
    t.equal(badDate.statusCode, 400, 'not a calendar date');
  });

  t.test('verify sets assured_date to today and takes the listing off the stale list', async (t) => {
    const s = await createService(app, org.id, { assured_date: daysAgo(500) });
    const stale = (await app.inject({ url: `/v1/organizations/${org.id}/stale` })).json();
    t.ok(stale.items.some((x: { id: string }) => x.id === s.id), 'on the stale list before');
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).json().stale, true);

    const res = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers: { ...editor.headers, 'if-match': s.etag } });
    t.equal(res.statusCode, 200, res.body);
    const helsinkiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
    t.equal(res.json().assured_date, helsinkiToday, "today's date in Finland");
    t.equal(res.json().stale, false);
    t.equal(res.json().name, 'Testipalvelu', 'nothing else changed');
    const after = (await app.inject({ url: `/v1/organizations/${org.id}/stale` })).json();
    t.notOk(after.items.some((x: { id: string }) => x.id === s.id), 'off the stale list after');
    const entry = await app.database.pool.query("select key_id, changes from audit_log where entity_id = $1 and action = 'verify'", [s.id]);
    t.equal(entry.rows.length, 1, 'the verification is audited as such');
    t.equal(entry.rows[0].key_id, editor.id);
    t.ok(entry.rows[0].changes.some((op: { op: string; path: string; value: string }) => op.path === '/assured_date' && op.value === helsinkiToday));
  });

  t.test("today() is Finland's date, also just after midnight there", async (t) => {
    t.equal(today(new Date('2026-03-01T22:30:00Z')), '2026-03-02', '00:30 in Helsinki (UTC+2)');
    t.equal(today(new Date('2026-07-01T21:30:00Z')), '2026-07-02', '00:30 in Helsinki in summer (UTC+3)');
    t.equal(today(new Date('2026-07-01T20:30:00Z')), '2026-07-01');
  });

  t.test('the stale list: not verified in 12 months, live, this organization only', async (t) => {
    const o = await createOrganization(app);
    const other = await createOrganization(app);
    const never = await createService(app, o.id, { name: 'Ei koskaan' });
    const old = await createService(app, o.id, { name: 'Vanha', assured_date: daysAgo(400) });
    const recent = await createService(app, o.id, { name: 'Tuore', assured_date: daysAgo(300) });
    const fresh = await createService(app, o.id, { name: 'Tänään', assured_date: daysAgo(0) });
    const deleted = await createService(app, o.id, { name: 'Poistettu', assured_date: daysAgo(900) });
    await app.inject({ method: 'DELETE', url: `/v1/services/${deleted.id}`, headers: admin });
    await createService(app, other.id, { name: 'Muun', assured_date: daysAgo(900) });
    const res = await app.inject({ url: `/v1/organizations/${o.id}/stale` });
    t.equal(res.statusCode, 200);
    const ids = res.json().items.map((x: { id: string }) => x.id).sort();
    t.same(ids, [never.id, old.id].sort());
    t.notOk(ids.includes(recent.id) || ids.includes(fresh.id), 'verified within 12 months: not stale');
    for (const item of res.json().items) t.equal(item.stale, true, `${item.name} is flagged stale in the record too`);
    t.equal((await app.inject({ url: `/v1/organizations/${crypto.randomUUID()}/stale` })).statusCode, 404);
  });

  t.test('delete is soft: gone from reads and search, history kept', async (t) => {
    const word = `qv${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => 'bdfgjkmnprstvz'[b % 14]).join('')}`;
    const s = await createService(app, org.id, { name: `Palvelu ${word}` });
    await ta.indexed();
    const found = await app.inject({ url: `/v1/search?q=${word}` });
    t.ok(found.json().hits.some((h: { id: string }) => h.id === s.id), `searchable before (${found.body.slice(0, 200)})`);
    await patch(s.id, { description: 'Kuvaus muuttui ennen poistoa.' });
    const etag = (await app.inject({ url: `/v1/services/${s.id}` })).headers.etag as string;

    const del = await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': etag } });
    t.equal(del.statusCode, 204);
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).statusCode, 404);
    const list = (await app.inject({ url: `/v1/services?organization_id=${org.id}&limit=100` })).json();
    t.notOk(list.items.some((x: { id: string }) => x.id === s.id), 'not listed');
    await ta.indexed();
    const search = await app.inject({ url: `/v1/search?q=${word}` });
    t.notOk(search.json().hits.some((h: { id: string }) => h.id === s.id), 'not found by search');

    const { rows } = await app.database.pool.query('select deleted_at, name from services where id = $1', [s.id]);
    t.equal(rows.length, 1, 'the row stays');
    t.ok(rows[0].deleted_at, 'marked deleted');
    t.equal(rows[0].name, `Palvelu ${word}`, 'with its content');
    const actions = (await app.database.pool.query('select action from audit_log where entity_id = $1 order by id', [s.id])).rows.map((r) => r.action);
    t.same(actions, ['create', 'update', 'delete'], 'audit entries remain');

    const history = await app.inject({ url: `/v1/services/${s.id}/history`, headers: editor.headers });
    t.equal(history.statusCode, 200, 'the history of a deleted listing stays readable');
    t.same(history.json().items.map((e: { action: string }) => e.action), ['delete', 'update', 'create']);

    t.equal((await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: admin })).statusCode, 404, 'a second delete: 404');
    t.equal((await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: admin, payload: { name: 'Herää' } })).statusCode, 404, 'no writes to a deleted listing');
    const recreate = await app.inject({ method: 'POST', url: '/v1/services', headers: editor.headers, payload: { organization_id: org.id, id: s.id, name: 'Sama id', description: 'x', status: 'active' } });
    t.equal(recreate.statusCode, 409, 'its id is not reused');
  });

  t.test('an organization is deleted only without live services; its audit log stays, its editor keys go', async (t) => {
    const o = await createOrganization(app);
    const s = await createService(app, o.id);
    const itsEditor = await keyWithId(ta, 'editor', o.id);
    const blocked = await app.inject({ method: 'DELETE', url: `/v1/organizations/${o.id}`, headers: admin });
    t.equal(blocked.statusCode, 409);
    t.ok(isProblem(blocked));
    await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: admin });
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/organizations/${o.id}`, headers: admin })).statusCode, 204);
    t.equal((await app.inject({ url: `/v1/organizations/${o.id}` })).statusCode, 404);
    t.equal(await count(app, 'select 1 from organizations where id = $1 and deleted_at is not null', [o.id]), 1, 'the row stays');
    t.equal(await count(app, 'select 1 from api_keys where id = $1 and revoked_at is not null', [itsEditor.id]), 1, "the organization's editor key is revoked");
    t.equal((await app.inject({ url: '/v1/services?limit=1', headers: itsEditor.headers })).statusCode, 401, 'and refused');
    t.equal((await app.inject({ url: '/v1/services?limit=1', headers: editor.headers })).statusCode, 200, "another organization's key still works");
    const log = await app.inject({ url: `/v1/organizations/${o.id}/audit`, headers: admin });
    t.equal(log.statusCode, 200, 'the audit log of a deleted organization stays readable');
    t.same(log.json().items.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`), [
      'api_key:delete',
      'organization:delete',
      'service:delete',
      'service:create',
      'organization:create',
    ]);
  });
});
