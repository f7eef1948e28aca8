import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { bearer, buildTestApp } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, count, createOrganization, createService, isProblem, keyWithId, newService } from './fixtures/write-side.ts';

/**
 * Protection of the API: rate limits per key and per address, body size limits, CORS
 * for reads, security headers, errors without internals, bad input never a 5xx, and
 * secrets never in the logs.
 */

/** What an error answer must never show: stack frames, source paths, SQL. */
const INTERNALS = /\bat \S+ \(|node_modules|\.ts:\d+|\bselect\b.+\bfrom\b|\binsert into\b|\bupdate "?\w+"? set\b|\bdelete from\b|Failed query|DrizzleQueryError|duplicate key|violates|relation "/i;

function assertCleanProblem(t: Test, res: LightMyRequestResponse, label: string) {
  t.ok(isProblem(res), `${label}: problem+json (${res.headers['content-type']})`);
  const body = res.json();
  t.match(body, { type: /^\/problems\/[a-z-]+$/, title: String, status: res.statusCode }, `${label}: RFC 9457 fields`);
  t.notMatch(res.body, INTERNALS, `${label}: no stack trace or SQL`);
}

t.test('rate limits: 429 problem+json with Retry-After, per key and per address', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET, TARJOTIN_RATE_LIMIT: '5' } });
  const { app } = ta;
  const keyA = await keyWithId(ta, 'reader');
  const keyB = await keyWithId(ta, 'reader');

  const anonymous = [];
  for (let i = 0; i < 6; i++) anonymous.push(await app.inject({ url: '/v1/organizations', remoteAddress: '203.0.113.7' }));
  t.same(anonymous.map((r) => r.statusCode), [200, 200, 200, 200, 200, 429], 'the sixth request of an address in a minute');
  const limited = anonymous[5]!;
  assertCleanProblem(t, limited, '429');
  t.equal(limited.json().type, '/problems/rate-limited');
  t.ok(Number(limited.headers['retry-after']) > 0, `Retry-After: ${limited.headers['retry-after']}`);

  t.equal((await app.inject({ url: '/v1/organizations', remoteAddress: '203.0.113.8' })).statusCode, 200, 'another address has its own budget');

  const withKey = [];
  for (let i = 0; i < 6; i++) withKey.push(await app.inject({ url: '/v1/organizations', headers: keyA.headers, remoteAddress: '203.0.113.7' }));
  t.same(withKey.map((r) => r.statusCode), [200, 200, 200, 200, 200, 429], 'a key has its own budget, apart from its address');
  t.ok(Number(withKey[5]!.headers['retry-after']) > 0);
  t.equal((await app.inject({ url: '/v1/organizations', headers: keyB.headers, remoteAddress: '203.0.113.7' })).statusCode, 200, 'another key from the same address is not limited');

  // Writes are limited too, and a limited write changes nothing.
  const org = await app.inject({ method: 'POST', url: '/v1/organizations', headers: admin, payload: { name: 'Rajattu', description: 'x' } });
  t.equal(org.statusCode, 201);
  for (let i = 0; i < 4; i++) await app.inject({ url: '/v1/organizations', headers: admin });
  const before = await count(app, 'select 1 from services');
  const write = await app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: newService(org.json().id) });
  t.equal(write.statusCode, 429);
  t.equal(await count(app, 'select 1 from services'), before, 'the limited write wrote nothing');
});

t.test('CORS origins are configurable with TARJOTIN_CORS_ORIGINS', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_CORS_ORIGINS: 'https://kunta.example.fi, https://hyvinvointialue.example.fi' }, worker: false });
  const allowed = await ta.app.inject({ url: '/v1/organizations', headers: { origin: 'https://hyvinvointialue.example.fi' } });
  t.equal(allowed.statusCode, 200);
  t.equal(allowed.headers['access-control-allow-origin'], 'https://hyvinvointialue.example.fi', 'a listed origin is allowed');
  t.match(String(allowed.headers.vary), /origin/i, 'caches keep answers per origin');
  const other = await ta.app.inject({ url: '/v1/organizations', headers: { origin: 'https://evil.example' } });
  t.equal(other.statusCode, 200, 'the read itself still answers');
  t.notOk(other.headers['access-control-allow-origin'], 'but a browser on another origin may not read it');
});

t.test('protection', async (t) => {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // `trace`: every log line the app can write is captured.
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET, LOG_LEVEL: 'trace' }, logStream });
  const { app } = ta;
  const org = await createOrganization(app);
  const editor = await keyWithId(ta, 'editor', org.id);
  const service = await createService(app, org.id);

  t.test('bodies over 1 MiB: 413 problem+json, nothing written', async (t) => {
    const before = await count(app, 'select 1 from services');
    const big = 'x'.repeat(1024 * 1024 + 1);
    const post = await app.inject({ method: 'POST', url: '/v1/services', headers: editor.headers, payload: newService(org.id, { description: big }) });
    t.equal(post.statusCode, 413);
    assertCleanProblem(t, post, 'POST 413');
    t.equal(post.json().type, '/problems/payload-too-large');
    const patch = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${service.id}`,
      headers: { ...editor.headers, 'if-match': service.etag, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ description: big }),
    });
    t.equal(patch.statusCode, 413, 'merge-patch+json bodies too');
    t.equal(await count(app, 'select 1 from services'), before);
    t.equal((await app.inject({ url: `/v1/services/${service.id}` })).headers.etag, service.etag, 'the service is unchanged');
    const justUnder = await app.inject({ method: 'POST', url: '/v1/services', headers: editor.headers, payload: newService(org.id, { description: 'x'.repeat(4000) }) });
    t.equal(justUnder.statusCode, 201, 'ordinary bodies pass');
  });

  t.test('CORS: reads are open to browsers by default', async (t) => {
    const res = await app.inject({ url: '/v1/services?limit=1', headers: { origin: 'https://kunta.example.fi' } });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['access-control-allow-origin'], '*');
    t.match(String(res.headers['access-control-expose-headers']), /ETag/i, 'a browser may read the ETag');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: `/v1/services/${service.id}`,
      headers: { origin: 'https://kunta.example.fi', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match' },
    });
    t.equal(preflight.statusCode, 204);
    t.match(String(preflight.headers['access-control-allow-headers']), /if-match/i);
  });

  t.test('security headers', async (t) => {
    for (const res of [await app.inject({ url: '/v1/services?limit=1' }), await app.inject({ url: '/v1/nothing' })]) {
      t.equal(res.headers['x-content-type-options'], 'nosniff');
      t.ok(res.headers['strict-transport-security'], 'HSTS');
      t.ok(res.headers['x-frame-options'], 'no framing');
      t.equal(res.headers['referrer-policy'], 'no-referrer');
      t.notOk(res.headers['x-powered-by']);
    }
  });

  t.test('bad input is a 4xx problem without internals, never a 5xx', async (t) => {
    const url = `/v1/services/${service.id}`;
    const patchHeaders = { ...admin, 'content-type': 'application/merge-patch+json' };
    const cases: Array<[string, InjectOptions, number]> = [
      ['malformed JSON', { method: 'POST', url: '/v1/services', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"name":' }, 400],
      ['malformed merge patch', { method: 'PATCH', url, headers: patchHeaders, payload: '{"name":' }, 400],
      ['a merge patch that is not an object', { method: 'PATCH', url, headers: patchHeaders, payload: '[1,2]' }, 400],
      ['__proto__ in a merge patch', { method: 'PATCH', url, headers: patchHeaders, payload: '{"__proto__":{"x":1},"name":"Proto"}' }, 400],
      ['__proto__ in JSON', { method: 'PATCH', url, headers: { ...admin, 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"name":"Proto"}' }, 400],
      ['NUL in a name (POST)', { method: 'POST', url: '/v1/services', headers: admin, payload: newService(org.id, { name: 'a\u0000b' }) }, 400],
      ['NUL in a nested field (PATCH)', { method: 'PATCH', url, headers: patchHeaders, payload: JSON.stringify({ phones: [{ number: '040\u0000123' }] }) }, 400],
      ['NUL in a translation (PUT)', { method: 'PUT', url, headers: admin, payload: newService(org.id, { translations: { sv: { name: 'x\u0000' } } }) }, 400],
      ['NUL in an organization', { method: 'PATCH', url: `/v1/organizations/${org.id}`, headers: admin, payload: { name: 'x\u0000' } }, 400],
      ['NUL in a batch item', { method: 'POST', url: `/v1/organizations/${org.id}/services/batch`, headers: admin, payload: { items: [newService(org.id, { description: '\u0000' })] } }, 400],
      ['impossible date', { method: 'PATCH', url, headers: patchHeaders, payload: JSON.stringify({ assured_date: '2026-02-30' }) }, 400],
      ['unsupported content type', { method: 'POST', url: '/v1/services', headers: { ...admin, 'content-type': 'text/plain' }, payload: 'hello' }, 415],
      ['bad uuid', { url: '/v1/services/not-a-uuid' }, 400],
      ['bad paging', { url: '/v1/services?page=0&limit=1000' }, 400],
      ['huge audit cursor', { url: `/v1/services/${service.id}/history?before=99999999999999999999`, headers: admin }, 200],
      ['bad authorization scheme', { url: '/v1/services', headers: { authorization: 'Basic dXNlcjpwYXNz' } }, 401],
      ['unknown key', { url: '/v1/services', headers: bearer('tj_not-a-key') }, 401],
      ['unknown route', { url: '/v1/no-such-thing' }, 404],
      ['unknown method', { method: 'PATCH', url: '/v1/services' }, 405],
    ];
    for (const [label, req, status] of cases) {
      const res = await app.inject(req);
      t.ok(res.statusCode < 500, `${label}: not a 5xx (${res.statusCode})`);
      if (status === 415) t.ok(res.statusCode === 415 || res.statusCode === 400, `${label}: 415 or 400 (${res.statusCode})`);
      else t.equal(res.statusCode, status, `${label}: ${status} (${res.body.slice(0, 200)})`);
      if (res.statusCode >= 400) assertCleanProblem(t, res, label);
    }
    const batch = await app.inject({ method: 'POST', url: `/v1/organizations/${org.id}/services/batch`, headers: admin, payload: { items: [newService(org.id, { description: '\u0000' })] } });
    t.match(batch.json().errors, [{ field: 'body/items/0/description' }], 'the batch refusal names the item and field with the NUL');
    const after = (await app.inject({ url: `/v1/services/${service.id}` })).json();
    t.equal(after.name, 'Testipalvelu', 'none of them changed the service');
  });

  t.test('a server fault is a bare 500 problem: no SQL, no stack', async (t) => {
    const quiet = new Writable({ write: (_c, _e, done) => done() });
    const broken = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, logStream: quiet, worker: false });
    await broken.app.database.pool.query('alter table services rename to services_gone');
    const read = await broken.app.inject({ url: '/v1/services' });
    t.equal(read.statusCode, 500);
    assertCleanProblem(t, read, 'read');
    t.same(Object.keys(read.json()).sort(), ['instance', 'status', 'title', 'type']);
    const write = await broken.app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: newService(crypto.randomUUID()) });
    t.ok(write.statusCode >= 400);
    assertCleanProblem(t, write, 'write');
  });

  t.test('secrets never reach the logs', async (t) => {
    const created = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload: { role: 'editor', organization_id: org.id } });
    const secret = created.json().secret as string;
    const headers = { authorization: `Bearer ${secret}` };
    const s = await createService(app, org.id);
    // Successes, refusals, validation errors, a 500 and an unknown key, all with secrets.
    await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...headers, 'if-match': s.etag }, payload: { name: 'Lokitesti' } });
    await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers, payload: { name: 'Ei If-Matchia' } });
    await app.inject({ method: 'POST', url: '/v1/services', headers: { ...headers, 'idempotency-key': 'log-test' }, payload: newService(org.id, { needs: ['nope'] }) });
    await app.inject({ method: 'POST', url: '/v1/services', headers, payload: '{"broken' });
    await app.inject({ url: '/v1/services?limit=1', headers: { authorization: 'Bearer tj_wrong-secret-that-looks-real-0123456789' } });
    await app.inject({ url: `/v1/organizations/${org.id}/audit`, headers });
    await app.inject({ method: 'DELETE', url: `/v1/keys/${created.json().id}`, headers: admin });
    await app.inject({ url: '/v1/services?limit=1', headers });
    // And a server fault while the key is sent.
    await app.database.pool.query('alter table audit_log rename to audit_log_gone');
    const fault = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: admin, payload: { name: 'Virhe' } });
    await app.database.pool.query('alter table audit_log_gone rename to audit_log');
    t.equal(fault.statusCode, 500);

    const log = lines.join('');
    t.ok(lines.length > 5, `the logs were captured (${lines.length} lines)`);
    t.match(log, /"route":"\/v1\/services\/:id"/, 'requests are logged');
    t.match(log, /unhandled error/, 'the fault is logged');
    for (const [what, value] of [
      ['the new key secret', secret],
      ['the Authorization header', `Bearer ${secret}`],
      ['the admin secret', ADMIN_SECRET],
      ["the editor's secret", editor.secret],
      ['a wrong secret', 'tj_wrong-secret-that-looks-real-0123456789'],
    ] as const) {
      t.notOk(log.includes(value), `${what} is not in the logs`);
    }
  });
});
