import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { bearer, buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, newService } from './fixtures/write-side.ts';

/**
 * API keys: created by an admin (POST /v1/keys) or `tarjotin keys create`, shown once,
 * stored as a hash only, revocable, with last_used_at.
 */

const BIN = path.resolve(import.meta.dirname, '../../../bin/tarjotin.js');
const run = promisify(execFile);

t.test('API keys', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  const org = await createOrganization(app);

  t.test('an admin creates a key; the secret is shown once and only its hash is stored', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload: { role: 'editor', organization_id: org.id, label: 'Yhdistyksen synkronointi' } });
    t.equal(res.statusCode, 201, res.body);
    const { id, secret, role, organization_id } = res.json();
    t.match(id, /^[0-9a-f-]{36}$/);
    t.equal(role, 'editor');
    t.equal(organization_id, org.id);
    t.ok(secret.length >= 40, 'a long random secret');

    const { rows } = await app.database.pool.query('select * from api_keys where id = $1', [id]);
    t.equal(rows.length, 1);
    t.equal(rows[0].secret_hash, createHash('sha256').update(secret).digest('hex'), 'the SHA-256 of the secret is stored');
    t.notOk(JSON.stringify(rows[0]).includes(secret), 'the secret itself is not');
    const dump = (await app.database.pool.query("select coalesce(json_agg(k)::text, '') as j from api_keys k")).rows[0].j as string;
    t.notOk(dump.includes(secret), 'nowhere in api_keys');

    const list = await app.inject({ url: '/v1/keys', headers: admin });
    t.equal(list.statusCode, 200);
    t.notOk(list.body.includes(secret), 'the list never shows a secret');
    t.notOk(list.body.includes(rows[0].secret_hash), 'nor a hash');
    t.match(list.json().items.find((k: { id: string }) => k.id === id), { role: 'editor', organization_id: org.id, label: 'Yhdistyksen synkronointi', last_used_at: null, revoked_at: null });

    // The key works, for its own organization.
    const created = await app.inject({ method: 'POST', url: '/v1/services', headers: bearer(secret), payload: newService(org.id) });
    t.equal(created.statusCode, 201);
  });

  t.test('last_used_at records use', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload: { role: 'reader' } });
    const { id, secret } = res.json();
    const lastUsed = async () => (await app.database.pool.query('select last_used_at from api_keys where id = $1', [id])).rows[0].last_used_at as Date | null;
    t.equal(await lastUsed(), null, 'unused so far');
    const before = Date.now();
    t.equal((await app.inject({ url: '/v1/services?limit=1', headers: bearer(secret) })).statusCode, 200, 'a reader key reads');
    let used: Date | null = null;
    for (let i = 0; i < 100 && !used; i++) {
      used = await lastUsed();
      if (!used) await new Promise((r) => setTimeout(r, 20));
    }
    t.ok(used, 'set after a request');
    t.ok(used!.getTime() >= before - 1_000 && used!.getTime() <= Date.now() + 1_000, 'to the time of the request');
    const listed = (await app.inject({ url: '/v1/keys', headers: admin })).json().items.find((k: { id: string }) => k.id === id);
    t.ok(listed.last_used_at, 'and listed');
  });

  t.test('revocation', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload: { role: 'editor', organization_id: org.id } });
    const { id, secret } = res.json();
    const s = await createService(app, org.id);
    const del = await app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: admin });
    t.equal(del.statusCode, 204);
    const refused = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...bearer(secret), 'if-match': s.etag }, payload: { name: 'Ei käy' } });
    t.equal(refused.statusCode, 401, 'a revoked key is refused');
    t.ok(isProblem(refused));
    t.equal((await app.inject({ url: `/v1/services/${s.id}` })).json().name, 'Testipalvelu');
    t.equal((await app.inject({ url: '/v1/services?limit=1', headers: bearer(secret) })).statusCode, 401, 'also on reads: a bad key is never ignored');
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: admin })).statusCode, 404, 'a second revocation: 404');
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/keys/${crypto.randomUUID()}`, headers: admin })).statusCode, 404);
    const listed = (await app.inject({ url: '/v1/keys', headers: admin })).json().items.find((k: { id: string }) => k.id === id);
    t.ok(listed.revoked_at, 'listed as revoked');
    t.equal(await count(app, 'select 1 from api_keys where id = $1', [id]), 1, 'kept, for the audit trail');
  });

  t.test('invalid key requests are 4xx problems that create nothing', async (t) => {
    const before = await count(app, 'select 1 from api_keys');
    const cases: Array<[string, object, number]> = [
      ['editor without organization', { role: 'editor' }, 400],
      ['reader with organization', { role: 'reader', organization_id: org.id }, 400],
      ['admin with organization', { role: 'admin', organization_id: org.id }, 400],
      ['unknown organization', { role: 'editor', organization_id: crypto.randomUUID() }, 422],
      ['unknown role', { role: 'owner' }, 400],
      ['extra field', { role: 'reader', secret: 'my-own-secret' }, 400],
      ['NUL in the label', { role: 'reader', label: 'a\u0000b' }, 400],
    ];
    for (const [label, payload, status] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload });
      t.equal(res.statusCode, status, label);
      t.ok(isProblem(res), `${label}: problem+json`);
    }
    t.equal(await count(app, 'select 1 from api_keys'), before);
  });

  t.test('`tarjotin keys create` prints a working key once, on the last line', async (t) => {
    const env = {
      ...process.env,
      DATABASE_URL: ta.backends.databaseUrl,
      MEILI_URL: ta.backends.meiliUrl,
      MEILI_MASTER_KEY: ta.backends.meiliKey ?? '',
      LOG_LEVEL: 'warn',
    };
    const { stdout } = await run(process.execPath, [BIN, 'keys', 'create', '--role', 'editor', '--org', org.id, '--label', 'cli'], { env, timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    const secret = lines.at(-1)!;
    t.match(secret, /^\S{40,}$/, 'the secret alone on the last line');
    t.equal(stdout.split(secret).length, 2, 'printed once');
    const { rows } = await app.database.pool.query('select role, organization_id, label from api_keys where secret_hash = $1', [createHash('sha256').update(secret).digest('hex')]);
    t.same(rows, [{ role: 'editor', organization_id: org.id, label: 'cli' }], 'stored by its hash');
    const created = await app.inject({ method: 'POST', url: '/v1/services', headers: bearer(secret), payload: newService(org.id, { name: 'Komentoriviltä' }) });
    t.equal(created.statusCode, 201, 'the printed key writes its organization');
    const other = await createOrganization(app);
    const forbidden = await app.inject({ method: 'POST', url: '/v1/services', headers: bearer(secret), payload: newService(other.id) });
    t.equal(forbidden.statusCode, 403, 'and no other');

    const bad = await run(process.execPath, [BIN, 'keys', 'create', '--role', 'editor'], { env, timeout: 60_000 }).then(
      () => ({ code: 0 }),
      (err: { code: number }) => ({ code: err.code }),
    );
    t.equal(bad.code, 2, 'an editor key without --org is a usage error');
  });
});
