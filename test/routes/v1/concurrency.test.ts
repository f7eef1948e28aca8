import t from 'tap';
import { buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, keyWithId, newService, snapshot } from './fixtures/write-side.ts';

/**
 * Optimistic concurrency: an ETag on every GET of one resource, If-Match on
 * PUT/PATCH/DELETE/verify (412 when stale, 428 when an editor leaves it out), and no
 * lost or half-written update when many writers race with the same ETag.
 */

const versionOf = (etag: unknown) => Number(/^"(\d+)"$/.exec(String(etag))?.[1]);

t.test('concurrency', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(ta.app);
  const editor = await keyWithId(ta, 'editor', org.id);

  t.test('every GET of one resource has an ETag that moves with each write', async (t) => {
    const s = await createService(app, org.id);
    const svc = await app.inject({ url: `/v1/services/${s.id}` });
    t.match(svc.headers.etag, /^"\d+"$/);
    t.equal(svc.headers.etag, s.etag, 'POST answers with the ETag a GET then shows');
    const o = await app.inject({ url: `/v1/organizations/${org.id}` });
    t.match(o.headers.etag, /^"\d+"$/);
    const patched = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': svc.headers.etag as string }, payload: { name: 'Muutettu' } });
    t.equal(patched.statusCode, 200);
    t.equal(versionOf(patched.headers.etag), versionOf(svc.headers.etag) + 1);
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).headers.etag, patched.headers.etag);
    const verified = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers: { ...editor.headers, 'if-match': patched.headers.etag as string } });
    t.equal(verified.statusCode, 200);
    t.equal(versionOf(verified.headers.etag), versionOf(patched.headers.etag) + 1);
  });

  t.test(`50 concurrent PATCHes with the same ETag: one wins, 49 get 412`, async (t) => {
    const s = await createService(app, org.id, { name: 'Alkuperäinen' });
    const read = await app.inject({ url: `/v1/services/${s.id}` });
    const etag = read.headers.etag as string;
    const auditBefore = await count(app, 'select 1 from audit_log where entity_id = $1', [s.id]);
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.inject({
          method: 'PATCH',
          url: `/v1/services/${s.id}`,
          headers: { ...editor.headers, 'if-match': etag, 'content-type': 'application/merge-patch+json' },
          // Two fields per writer: a half-applied write would show a mismatched pair.
          payload: JSON.stringify({ name: `Kirjoittaja ${i}`, alternate_name: `kirjoittaja-${i}`, phones: [{ number: `040 000 ${String(i).padStart(4, '0')}` }] }),
        }),
      ),
    );
    const ms = performance.now() - started;
    const byStatus: Record<number, number> = {};
    for (const r of responses) byStatus[r.statusCode] = (byStatus[r.statusCode] ?? 0) + 1;
    t.comment(`50 concurrent PATCHes: ${JSON.stringify(byStatus)} in ${ms.toFixed(0)} ms`);
    t.same(byStatus, { 200: 1, 412: 49 });
    for (const r of responses.filter((x) => x.statusCode === 412)) {
      t.ok(isProblem(r), '412 is problem+json');
      t.equal(r.json().type, '/problems/precondition-failed');
    }
    const winner = responses.findIndex((r) => r.statusCode === 200);
    const now = await app.inject({ url: `/v1/services/${s.id}` });
    const rec = now.json();
    t.equal(rec.name, `Kirjoittaja ${winner}`, "the row has the winner's name");
    t.equal(rec.alternate_name, `kirjoittaja-${winner}`, "and the winner's other fields: nothing half-written");
    t.same(rec.phones.map((p: { number: string }) => p.number), [`040 000 ${String(winner).padStart(4, '0')}`]);
    t.equal(versionOf(now.headers.etag), versionOf(etag) + 1, 'the version moved by exactly one');
    t.equal(now.headers.etag, responses[winner]!.headers.etag);
    const { rows } = await app.database.pool.query('select version, name from services where id = $1', [s.id]);
    t.same(rows, [{ version: versionOf(etag) + 1, name: `Kirjoittaja ${winner}` }], 'PostgreSQL agrees');
    t.equal(await count(app, 'select 1 from audit_log where entity_id = $1', [s.id]), auditBefore + 1, 'one audit entry, for the one write');
    t.same(rec.needs, ['debt'], 'term links intact');
  });

  t.test('20 concurrent PATCHes of an organization with the same ETag: one wins', async (t) => {
    const o = await createOrganization(app);
    const oEditor = await keyWithId(ta, 'editor', o.id);
    const etag = (await app.inject({ url: `/v1/organizations/${o.id}` })).headers.etag as string;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.inject({ method: 'PATCH', url: `/v1/organizations/${o.id}`, headers: { ...oEditor.headers, 'if-match': etag }, payload: { name: `Yhdistys ${i}` } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    t.same(statuses, [200, ...Array(19).fill(412)]);
    const winner = responses.findIndex((r) => r.statusCode === 200);
    const now = await app.inject({ url: `/v1/organizations/${o.id}` });
    t.equal(now.json().name, `Yhdistys ${winner}`);
    t.equal(versionOf(now.headers.etag), versionOf(etag) + 1);
  });

  t.test('If-Match rules', async (t) => {
    const s = await createService(app, org.id);
    const url = `/v1/services/${s.id}`;
    await ta.indexed(); // the outbox worker must not move search_outbox between the snapshots
    const before = await snapshot(app);

    const missing = await app.inject({ method: 'PATCH', url, headers: editor.headers, payload: { name: 'X' } });
    t.equal(missing.statusCode, 428, 'an editor must send If-Match');
    t.equal(missing.json().type, '/problems/precondition-required');
    t.ok(isProblem(missing));

    const stale = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': `"${versionOf(s.etag) + 7}"` }, payload: { name: 'X' } });
    t.equal(stale.statusCode, 412);
    const malformed = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': 'not-an-etag' }, payload: { name: 'X' } });
    t.equal(malformed.statusCode, 412, 'an If-Match naming no version matches nothing');
    for (const method of ['PUT', 'DELETE'] as const) {
      const r = await app.inject({ method, url, headers: editor.headers, ...(method === 'PUT' ? { payload: newService(org.id) } : {}) });
      t.equal(r.statusCode, 428, `${method} without If-Match`);
      const st = await app.inject({ method, url, headers: { ...editor.headers, 'if-match': '"999"' }, ...(method === 'PUT' ? { payload: newService(org.id) } : {}) });
      t.equal(st.statusCode, 412, `${method} with a stale If-Match`);
    }
    const verify = await app.inject({ method: 'POST', url: `${url}/verify`, headers: editor.headers });
    t.equal(verify.statusCode, 428, 'verify without If-Match');
    t.equal((await app.inject({ method: 'POST', url: `${url}/verify`, headers: { ...editor.headers, 'if-match': '"999"' } })).statusCode, 412);
    const orgMissing = await app.inject({ method: 'PATCH', url: `/v1/organizations/${org.id}`, headers: editor.headers, payload: { name: 'X' } });
    t.equal(orgMissing.statusCode, 428, 'organization PATCH without If-Match');
    t.same(await snapshot(app), before, 'no refused precondition changed anything');

    const star = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': '*' }, payload: { name: 'Tähti' } });
    t.equal(star.statusCode, 428, 'an editor may not skip the precondition with If-Match: *');
    const adminStar = await app.inject({ method: 'PATCH', url, headers: { ...admin, 'if-match': '*' }, payload: { name: 'Tähti' } });
    t.equal(adminStar.statusCode, 200, 'for an admin, If-Match: * matches any current version');
    const blind = await app.inject({ method: 'PATCH', url, headers: admin, payload: { name: 'Ylläpito' } });
    t.equal(blind.statusCode, 200, 'an admin (a sync job) may write without If-Match');
    const del = await app.inject({ method: 'DELETE', url, headers: { ...editor.headers, 'if-match': blind.headers.etag as string } });
    t.equal(del.statusCode, 204);
  });

  t.test('a stale DELETE deletes nothing', async (t) => {
    const s = await createService(app, org.id);
    const patched = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': s.etag }, payload: { name: 'Uudempi' } });
    t.equal(patched.statusCode, 200);
    const del = await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: { ...editor.headers, 'if-match': s.etag } });
    t.equal(del.statusCode, 412, 'the delete was based on an old read');
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).statusCode, 200, 'the service is still there');
  });

  t.test('a write is visible to the next read as soon as it is answered', async (t) => {
    // The answer of a POST must not leave before its transaction commits.
    let misses = 0;
    for (let i = 0; i < 100; i++) {
      const created = await app.inject({ method: 'POST', url: '/v1/services', headers: { ...editor.headers, 'idempotency-key': `read-your-write-${i}` }, payload: newService(org.id) });
      if (created.statusCode !== 201) {
        misses++;
        continue;
      }
      if ((await app.inject({ url: `/v1/services/${created.json().id}` })).statusCode !== 200) misses++;
    }
    t.equal(misses, 0, 'every created service could be read right after its 201');
  });

  t.test('concurrent creates of the same id: one 201, the rest 409, never 500', async (t) => {
    const id = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: '/v1/services', headers: editor.headers, payload: newService(org.id, { id }) })),
    );
    t.same(responses.map((r) => r.statusCode).sort(), [201, ...Array(9).fill(409)]);
    t.equal(await count(app, 'select 1 from services where id = $1', [id]), 1);
    const orgId = crypto.randomUUID();
    const orgs = await Promise.all(
      Array.from({ length: 10 }, () => app.inject({ method: 'POST', url: '/v1/organizations', headers: admin, payload: { id: orgId, name: 'Sama', description: 'Sama.' } })),
    );
    t.same(orgs.map((r) => r.statusCode).sort(), [201, ...Array(9).fill(409)]);
  });
});
