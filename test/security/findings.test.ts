import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { findTerm } from '../../src/vocabulary/index.ts';
import { safeErrorSummary } from '../../src/plugins/problem.ts';
import { bearer, buildTestApp } from '../helpers/app.ts';
import {
  ADMIN_SECRET,
  admin,
  createOrganization,
  createService,
  isProblem,
  keyWithId,
  newService,
  ok,
  snapshot,
} from '../routes/v1/fixtures/write-side.ts';

/**
 * One test per finding of the security review: each reproduces the attack as it was
 * made against the service and checks the documented answer (a 4xx problem, never a 5xx,
 * nothing changed, no record served under another organization's id).
 */

function assertProblem(t: Test, res: LightMyRequestResponse, status: number, label: string) {
  t.equal(res.statusCode, status, `${label}: ${status} (${res.body.slice(0, 160)})`);
  t.ok(isProblem(res), `${label}: problem+json`);
}

t.test('security findings', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const orgA = await createOrganization(app);
  const orgB = await createOrganization(app, { business_id: '0737546-2', provider_type: 'ngo' });
  const editorA = bearer((await keyWithId(ta, 'editor', orgA.id)).secret);
  const editorB = bearer((await keyWithId(ta, 'editor', orgB.id)).secret);
  const location = {
    location_type: 'physical',
    name: 'Kohtaamispaikka',
    latitude: 62.89,
    longitude: 27.68,
    addresses: [{ address_1: 'Kauppakatu 1', city: 'Kuopio', postal_code: '70100', state_province: 'Pohjois-Savo', country: 'FI', address_type: 'physical' }],
    accessibility: [],
  };
  const serviceB = await createService(app, orgB.id, { service_at_locations: [{ location }] });
  const b = serviceB.record as {
    id: string;
    phones: Array<{ id: string }>;
    service_at_locations: Array<{ id: string; location: { id: string; addresses: Array<{ id: string }> } }>;
  };
  const salB = b.service_at_locations[0]!;

  t.test('finding 2: a service cannot take the id of a record of another kind', async (t) => {
    const before = await snapshot(app);
    const takenIds = {
      "another organization's id": orgB.id,
      'a taxonomy term id': findTerm('need', 'debt')!.id,
      "another service's phone id": b.phones[0]!.id,
    };
    for (const [label, id] of Object.entries(takenIds)) {
      const res = await app.inject({ method: 'POST', url: '/v1/services', headers: editorA, payload: newService(orgA.id, { id }) });
      assertProblem(t, res, 409, label);
    }
    t.same(await snapshot(app), before, 'nothing changed in PostgreSQL');
    const hsds = await app.inject({ url: `/hsds/organizations/${orgB.id}` });
    t.equal(hsds.json().name, (await app.inject({ url: `/v1/organizations/${orgB.id}` })).json().name, "org B's HSDS record is org B's");
    const history = await app.inject({ url: `/v1/services/${orgB.id}/history`, headers: editorA });
    assertProblem(t, history, 404, "no service history under an organization's id");
    const organization = await app.inject({ method: 'POST', url: '/v1/organizations', headers: admin, payload: { id: b.id, name: `Uusi ${randomUUID()}`, description: 'x' } });
    assertProblem(t, organization, 409, "an organization cannot take a service's id");
  });

  t.test("finding 3: ids nested in another organization's service cannot be reused", async (t) => {
    const before = await snapshot(app);
    const attempts: Record<string, Record<string, unknown>> = {
      "B's service_at_location id": { service_at_locations: [{ id: salB.id, location }] },
      "B's location id": { service_at_locations: [{ location: { ...location, id: salB.location.id } }] },
      "B's address id": { service_at_locations: [{ location: { ...location, addresses: [{ ...location.addresses[0], id: salB.location.addresses[0]!.id }] } }] },
      "B's phone id": { phones: [{ id: b.phones[0]!.id, number: '040 123 4567' }] },
    };
    for (const [label, over] of Object.entries(attempts)) {
      const res = await app.inject({ method: 'POST', url: '/v1/services', headers: editorA, payload: newService(orgA.id, over) });
      assertProblem(t, res, 409, label);
      t.match(res.json().errors?.[0]?.field, /^body\//, `${label}: the answer names the field`);
    }
    const schedule = await app.inject({
      method: 'POST',
      url: '/v1/services',
      headers: editorA,
      payload: newService(orgA.id, { id: randomUUID(), schedules: [{ service_id: b.id, freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '10:00' }] }),
    });
    assertProblem(t, schedule, 400, "a schedule naming B's service");
    const twice = randomUUID();
    const duplicate = await app.inject({ method: 'POST', url: '/v1/services', headers: editorA, payload: newService(orgA.id, { phones: [{ id: twice, number: '040 1' }, { id: twice, number: '040 2' }] }) });
    assertProblem(t, duplicate, 400, 'one id twice in one record');
    t.same(await snapshot(app), before, 'nothing changed in PostgreSQL');

    // B writes again; its service at location is still B's own.
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${b.id}`,
      headers: { ...editorB, 'if-match': serviceB.etag, 'content-type': 'application/merge-patch+json' },
      payload: { name: 'B:n palvelu' },
    });
    t.equal(patched.statusCode, 200, 'B can still write its service');
    const sal = await app.inject({ url: `/hsds/service_at_locations/${salB.id}` });
    t.equal(sal.json().service.organization_id ?? sal.json().service.organization?.id, orgB.id, "B's service at location is served with B's data");

    // One organization may place several services at its own location.
    const own = await createService(app, orgA.id, { service_at_locations: [{ location }] });
    const ownLocation = (own.record as typeof b).service_at_locations[0]!.location;
    const shared = await app.inject({ method: 'POST', url: '/v1/services', headers: editorA, payload: newService(orgA.id, { service_at_locations: [{ location: { ...location, id: ownLocation.id, addresses: [{ ...location.addresses[0], id: ownLocation.addresses[0]!.id }] } }] }) });
    t.equal(shared.statusCode, 201, "a location is shared among one organization's services");
  });

  t.test('finding 9: assured_date changes only through verify', async (t) => {
    const s = await createService(app, orgA.id);
    const headers = { ...editorA, 'if-match': s.etag, 'content-type': 'application/merge-patch+json' };
    const res = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers, payload: { assured_date: '9999-12-31' } });
    assertProblem(t, res, 400, 'an editor setting assured_date');
    const created = await app.inject({ method: 'POST', url: '/v1/services', headers: editorA, payload: newService(orgA.id, { assured_date: '2026-01-01' }) });
    assertProblem(t, created, 400, 'a new listing with assured_date');
    const verified = await app.inject({ method: 'POST', url: `/v1/services/${s.id}/verify`, headers: { ...editorA, 'if-match': s.etag } });
    t.equal(verified.statusCode, 200, 'verify sets it');
    const record = verified.json();
    const roundTrip = await app.inject({ method: 'PUT', url: `/v1/services/${s.id}`, headers: { ...editorA, 'if-match': verified.headers.etag as string }, payload: { ...record, last_modified: undefined, stale: undefined } });
    t.equal(roundTrip.statusCode, 200, 'a record sent back as read keeps its assured_date');
  });

  t.test("finding 10: an organization cannot take another's name or business id", async (t) => {
    const current = ok(await app.inject({ url: `/v1/organizations/${orgA.id}` })).json();
    const headers = { ...editorA, 'if-match': orgA.etag, 'content-type': 'application/merge-patch+json' };
    const nameB = (await app.inject({ url: `/v1/organizations/${orgB.id}` })).json().name as string;
    for (const [label, payload] of Object.entries({ "B's name": { name: nameB.toUpperCase() }, "B's business id": { business_id: '0737546-2' } })) {
      const res = await app.inject({ method: 'PATCH', url: `/v1/organizations/${orgA.id}`, headers, payload });
      assertProblem(t, res, 409, label);
    }
    t.same((await app.inject({ url: `/v1/organizations/${orgA.id}` })).json(), current, 'organization A is unchanged');
    const subOrganization = await app.inject({ method: 'POST', url: '/v1/organizations', headers: admin, payload: { name: `${nameB}, perhepalvelut`, description: 'x', business_id: '0737546-2' } });
    t.equal(subOrganization.statusCode, 201, "a curator may register a sub-organization under its parent's business id");
  });

  t.test('finding 11: If-Match: * does not let an editor skip the precondition', async (t) => {
    const s = await createService(app, orgA.id);
    const res = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...editorA, 'if-match': '*' }, payload: { name: 'Sokkona' } });
    assertProblem(t, res, 428, 'If-Match: * from an editor');
    // Found by the fuzz test: a version past PostgreSQL's integer reached the DELETE as a 500.
    const huge = await app.inject({ method: 'DELETE', url: `/v1/services/${s.id}`, headers: { ...editorA, 'if-match': '"999999999999999999999"' } });
    assertProblem(t, huge, 412, 'an If-Match version past any integer');
  });

  t.test('finding 11: a moved service takes no audit trail to its new owner', async (t) => {
    const s = await createService(app, orgA.id);
    const edited = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: { ...editorA, 'if-match': s.etag }, payload: { description: 'A:n sisäinen muutos' } });
    t.equal(edited.statusCode, 200);
    const moved = await app.inject({ method: 'PATCH', url: `/v1/services/${s.id}`, headers: admin, payload: { organization_id: orgB.id } });
    t.equal(moved.statusCode, 200, 'an admin moves the service');
    const seenByB = (await app.inject({ url: `/v1/services/${s.id}/history`, headers: editorB })).json().items as Array<{ organization_id: string; action: string }>;
    t.same(seenByB.map((e) => [e.action, e.organization_id]), [['move', orgB.id]], "the new owner sees the move, none of A's entries");
    const seenByAdmin = (await app.inject({ url: `/v1/services/${s.id}/history`, headers: admin })).json().items as unknown[];
    t.ok(seenByAdmin.length > seenByB.length, 'an admin sees the whole trail');
  });

  t.test('finding 11: the base URL comes from configuration, not from Host', async (t) => {
    const res = await app.inject({ url: '/hsds', headers: { host: 'evil.example' } });
    t.equal(res.statusCode, 200);
    t.notMatch(res.body, /evil\.example/, 'the Host header is not reflected');
    const configured = await buildTestApp(t, { env: { TARJOTIN_PUBLIC_URL: 'https://palvelut.example.fi/' }, worker: false });
    t.equal((await configured.app.inject({ url: '/hsds', headers: { host: 'evil.example' } })).json().openapi_url, 'https://palvelut.example.fi/openapi.json');
  });

  t.test('finding 11: a wrong method is 405 with Allow', async (t) => {
    const res = await app.inject({ method: 'DELETE', url: '/v1/search' });
    assertProblem(t, res, 405, 'DELETE /v1/search');
    t.match(res.headers.allow, /GET/);
    assertProblem(t, await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'an unknown path is still 404');
  });

  t.test('finding 11: an incomplete CORS preflight is not a plain-text error', async (t) => {
    const res = await app.inject({ method: 'OPTIONS', url: '/v1/search' });
    t.ok(res.statusCode < 300 || isProblem(res), `OPTIONS without preflight headers: ${res.statusCode} ${res.headers['content-type'] ?? ''}`);
  });
});

t.test('finding 8: valid-looking input that PostgreSQL cannot take is a 400', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const org = await createOrganization(app);
  const s = await createService(app, org.id);
  const urn = `urn:uuid:${randomUUID()}`;
  const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
  const patch = { ...admin, 'content-type': 'application/merge-patch+json' };
  const before = await snapshot(app);
  const cases: Record<string, InjectOptions> = {
    'urn:uuid: service id': { url: `/v1/services/${urn}` },
    'urn:uuid: organization id': { url: `/v1/organizations/${urn}` },
    'urn:uuid: HSDS service': { url: `/hsds/services/${urn}` },
    'urn:uuid: in a body': { method: 'POST', url: '/v1/services', headers: admin, payload: newService(urn) },
    'lat=Infinity': { url: '/v1/search?lat=Infinity&lon=27&radius_km=5' },
    'lat=1e400': { url: '/v1/search?lat=1e400&lon=27&radius_km=5' },
    'radius_km=Infinity': { url: '/v1/search?lat=62&lon=27&radius_km=Infinity' },
    'modified_after in year 0000': { url: '/hsds/services?modified_after=0000-01-01T00:00:00Z' },
    'modified_after with a +23:59 offset': { url: '/hsds/services?modified_after=2026-01-01T00:00:00%2B23:59' },
    'a date in year 0000': { method: 'PATCH', url: `/v1/services/${s.id}`, headers: patch, payload: { status: 'temporarily closed', status_until: '0000-01-01' } },
    'a lone surrogate in a JSONB field': { method: 'PATCH', url: `/v1/services/${s.id}`, headers: patch, payload: '{"translations":{"sv":{"name":"x\\ud800"}}}' },
    'a lone surrogate in a text field': { method: 'PATCH', url: `/v1/services/${s.id}`, headers: patch, payload: '{"name":"\\udc00"}' },
    'NUL in a query': { url: '/v1/search?q=a%00b' },
    'a merge patch nested 10 000 deep': { method: 'PATCH', url: `/v1/services/${s.id}`, headers: patch, payload: deep },
    'a recommend body nested 10 000 deep': { method: 'POST', url: '/v1/recommend', headers: { 'content-type': 'application/json' }, payload: deep },
  };
  for (const [label, req] of Object.entries(cases)) {
    const res = await app.inject(req);
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: a 4xx (${res.statusCode} ${res.body.slice(0, 160)})`);
    t.ok(isProblem(res), `${label}: problem+json`);
  }
  t.same(await snapshot(app), before, 'nothing changed in PostgreSQL');
  const invalidUtf8 = await app.inject({ url: '/v1/search?q=%ED%A0%80' });
  t.equal(invalidUtf8.statusCode, 200, 'invalid UTF-8 in a query is read as replacement characters');
  const valid = await app.inject({ url: '/hsds/services?modified_after=2026-01-01T00:00:00%2B02:00' });
  t.equal(valid.statusCode, 200, 'an ordinary offset still works');
});

t.test('finding 4: the rate limit counts before authentication, and on 404s', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_RATE_LIMIT: '600' }, worker: false });
  const { app } = ta;
  const statuses = new Map<number, number>();
  for (let i = 0; i < 650; i++) {
    const res = await app.inject({ url: '/v1/services?limit=1', headers: bearer('tj_invalid-key-0123456789abcdef') });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  }
  t.comment(`650 requests with one invalid key: ${JSON.stringify(Object.fromEntries(statuses))}`);
  t.ok((statuses.get(429) ?? 0) >= 600, 'they end in 429s');
  t.ok((statuses.get(401) ?? 0) <= 30, 'at most 30 keys are looked up');

  const rotating = await buildTestApp(t, { env: { TARJOTIN_RATE_LIMIT: '600' }, worker: false });
  let limited = 0;
  for (let i = 0; i < 100; i++) {
    const res = await rotating.app.inject({ url: '/v1/services?limit=1', headers: bearer(`tj_made-up-${i}`) });
    if (res.statusCode === 429) limited++;
  }
  t.ok(limited >= 60, `a new made-up key on every request is limited too (${limited} of 100)`);
  const valid = await rotating.app.inject({ url: '/v1/services?limit=1', headers: bearer(await rotating.key('reader')) });
  t.equal(valid.statusCode, 429, 'while limited, the address is refused whatever key it sends');

  const notFound = await buildTestApp(t, { env: { TARJOTIN_RATE_LIMIT: '20' }, worker: false });
  let counted = 0;
  for (let i = 0; i < 30; i++) if ((await notFound.app.inject({ url: `/no-such-path-${i}` })).statusCode === 429) counted++;
  t.ok(counted >= 10, `404s are counted (${counted} of 30 limited)`);
});

t.test('findings 6, 7 and 11: what the logs and the raw socket see', async (t) => {
  const lines: string[] = [];
  const logStream = new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } });
  const ta = await buildTestApp(t, { env: { LOG_LEVEL: 'trace', TARJOTIN_REQUEST_TIMEOUT: '1' }, logStream, worker: false });
  await ta.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ta.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const secret = `tj_${randomUUID()}`;
  const marker = `asiakas-${randomUUID()}`;

  /** Sends raw bytes and reads the whole answer until the server closes. */
  const raw = (chunks: string[], pauseMs = 0) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => (answer += String(d)));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      void (async () => {
        for (const c of chunks) {
          if (socket.destroyed) return;
          socket.write(c);
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      })();
    });

  const malformed = await raw([`POST /v1/recommend HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Length: 40\r\nBad Header Line\r\n\r\n{"text":"${marker}"}`]);
  t.match(malformed, /^HTTP\/1\.1 400 /, 'a request the parser refuses gets 400');
  t.match(malformed, /content-type: application\/problem\+json/i, 'as problem+json');

  const huge = await raw([`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
  t.match(huge, /^HTTP\/1\.1 431 /, 'oversized headers get 431');
  t.match(huge, /application\/problem\+json/i, 'as problem+json');

  const started = Date.now();
  const slow = await raw(['POST /v1/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n', ...Array.from({ length: 30 }, () => ' ')], 200);
  t.comment(`a body sent a byte every 200 ms was cut after ${Date.now() - started} ms`);
  t.match(slow, /^HTTP\/1\.1 408 /, 'a request that does not arrive in time gets 408');
  t.match(slow, /application\/problem\+json/i, 'as problem+json');

  const logs = lines.join('');
  t.notMatch(logs, secret, 'no API key in the logs, at trace level');
  t.notMatch(logs, marker, 'no client text in the logs, at trace level');
  t.equal(ta.app.server.requestTimeout, 1000, 'the request timeout comes from TARJOTIN_REQUEST_TIMEOUT');
});

t.test('finding 7: an error summary keeps stack frames only', async (t) => {
  const err = new Error('Failed query: insert into x values ($1)\nparams: salainen-asiakasteksti\n    at fake (params.ts:1:1)');
  err.stack = `Error: ${err.message}\n    at insertService (src/db/services.ts:10:5)\n    at async createService (src/catalog/service-commands.ts:20:3)`;
  const summary = safeErrorSummary(Object.assign(err, { cause: { code: '23505', name: 'DatabaseError' } }));
  t.notMatch(JSON.stringify(summary), /salainen|Failed query|params/, 'no statement or parameters');
  t.same(summary.at, ['at insertService (src/db/services.ts:10:5)', 'at async createService (src/catalog/service-commands.ts:20:3)']);
  t.equal(summary.code, '23505');
});
