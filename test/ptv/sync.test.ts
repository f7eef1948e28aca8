import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { PtvUnavailable } from '../../src/ptv/http-client.ts';
import { syncPtv } from '../../src/ptv/sync.ts';
import { v11Source } from '../../src/ptv/v11/source.ts';
import { bearer, buildTestApp, tempDir, type TestApp } from '../helpers/app.ts';
import { FIXTURE_DIR, ptvNow, startFakePtv, type FakePtv } from './fake-ptv.ts';
import { hsdsValidators } from '../hsds/schemas.ts';
import { tm35finReference, metresBetween } from './reference.ts';

const KUOPIO = '297';
const IISALMI = '140';
const S01 = '9e8bce23-1bf0-44ba-b509-8934990ddb2b'; // Aikuissosiaalityö, Kuopio
const S03 = '90b32d75-e62d-4269-b7b7-d3313a051c60'; // Sosiaaliohjaus, Kuopio + Iisalmi
const S08 = '1940055c-77a4-4008-a13a-f2d3378f72d1'; // Kriisikeskuksen keskusteluapu
const S18 = '37d528ae-86bc-4497-a900-c2d7fa236192'; // Aikuissosiaalityö, Oulu
const S25 = '7b95c6f7-c9be-4d2e-bc38-586600cc3927';
const DRAFT = '86362159-cdf6-4169-a086-530d87e68ff6';
const ARCHIVED = '8838d5a9-053c-489a-bb4e-779188bbc29b';
const SL_KUO_SOS = '48deafe0-9878-4006-bb4b-4a1e9f819a8b';
const PH_PS_AIKSOS = '4ddcf483-a883-450d-8b21-f8d749e04d68';
const KELA = 'e2d73985-e873-4a1b-b990-7257cd498cd1';

/** Fast timings for tests: the defaults are for PTV in production. */
const http = (ptv: FakePtv) => ({ baseUrl: ptv.baseUrl, timeoutMs: 400, attempts: 3, backoffMs: 10, maxBackoffMs: 40, minIntervalMs: 0 });

const sync = (ta: TestApp, ptv: FakePtv, opts: { full?: boolean; municipalities?: string[] } = {}) =>
  syncPtv(ta.app.database.db, {
    municipalities: opts.municipalities ?? [IISALMI, KUOPIO],
    full: opts.full ?? false,
    read: v11Source(http(ptv)),
  });

// Response bodies are read freely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const fixtureServices = (): Json[] =>
  fs.readdirSync(path.join(FIXTURE_DIR, 'services')).map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'services', f), 'utf8')));

/** What the fixture says a sync of these municipalities must import: published, area covering them or nationwide. */
function expectedIds(municipalities: string[]): string[] {
  return fixtureServices()
    .filter((s) => String(s.areaType).startsWith('Nationwide') ||
      (s.areas as Json[]).some((a) => (a.municipalities as Json[]).some((m) => municipalities.includes(m.code))))
    .map((s) => s.id as string)
    .sort();
}

async function catalogState(ta: TestApp) {
  const db = ta.app.database.db;
  const rows = await db.execute<{ id: string; version: number; status: string }>(sql`select id, version, status from services order by id`);
  const [audits] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows;
  const [outbox] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from search_outbox`)).rows;
  const [orgs] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from organizations`)).rows;
  return { services: rows.rows, audits: audits!.n, outbox: outbox!.n, organizations: orgs!.n };
}

async function getService(ta: TestApp, id: string): Promise<Json> {
  const res = await ta.app.inject({ url: `/v1/services/${id}` });
  return { ...res.json(), etag: res.headers.etag };
}

async function searchIds(ta: TestApp, qs: string): Promise<string[]> {
  const res = await ta.app.inject({ url: `/v1/search?${qs}` });
  if (res.statusCode !== 200) throw new Error(`search ${qs}: ${res.statusCode}`);
  return (res.json().hits as Json[]).map((h) => h.id as string);
}

t.test('a sync of Kuopio and Iisalmi from the fixture server', async (t) => {
  const ta = await buildTestApp(t);
  const ptv = await startFakePtv();
  t.teardown(() => ptv.close());
  const summary = await sync(ta, ptv, { full: true });
  await ta.indexed();
  const expected = expectedIds([KUOPIO, IISALMI]);
  t.comment(`full sync: ${JSON.stringify({ ...summary, skipped: summary.skipped.length })}`);

  t.test('imports every published service whose area covers them, nationwide ones included', async (t) => {
    const state = await catalogState(ta);
    t.same(state.services.map((s) => s.id), expected);
    t.equal(summary.created, expected.length);
    t.same(summary.skipped, []);
    t.ok(expected.includes('2fece505-e831-4d12-8dfb-3b7e46f8f269'), 'the fixture has nationwide services in the set');
    t.notOk(expected.includes(S18), 'not Oulu');
    for (const id of [DRAFT, ARCHIVED]) t.equal((await ta.app.inject({ url: `/v1/services/${id}` })).statusCode, 404, `${id} (draft or archived) is not imported`);
    t.ok(ptv.requests.some((r) => r.includes('page=2')), 'the paged list was read to its end');
  });

  t.test('a location lands within 100 m of its ETRS-TM35FIN point', async (t) => {
    const s = await getService(ta, S01);
    const location = (s.service_at_locations as Json[]).map((x) => x.location).find((l) => l.id === SL_KUO_SOS);
    const channel = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'channels', `${SL_KUO_SOS}.json`), 'utf8'));
    const street = channel.addresses[0].streetAddress;
    const reference = tm35finReference(Number(street.latitude), Number(street.longitude));
    const metres = metresBetween(reference, location);
    t.comment(`Kuopion sosiaalipalvelukeskus: ${location.latitude}, ${location.longitude}; ${metres.toFixed(3)} m from the reference`);
    t.ok(metres < 100, `${metres} m`);
    t.match(location.addresses, [{ address_1: 'Minna Canthin katu 22', postal_code: '70100', city: 'Kuopio', address_type: 'physical' }]);
    const iisalmiMtp = (await getService(ta, '96333b35-11a5-48f2-bc63-e9f4dc724e54')).service_at_locations[0].location;
    t.equal(iisalmiMtp.latitude, undefined, 'no coordinates when PTV has none (NotReceived)');
  });

  t.test('opening hours and phones', async (t) => {
    const s01 = await getService(ta, S01);
    t.match(s01.schedules, [
      { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '15:00', description: 'Kuopion sosiaalipalvelukeskus' },
      { valid_from: '2025-12-24', valid_to: '2025-12-26', description: /suljettu/ },
    ]);
    t.notOk(s01.schedules[1].byday, 'a closed period is not a weekly rule');
    t.same(s01.phones.map((p: Json) => [p.number, p.type]), [['044 7110200', 'voice'], ['044 7110201', 'voice'], ['017 1234299', 'fax']]);
    const s08 = await getService(ta, S08);
    const weekly = (s08.schedules as Json[]).filter((x) => x.freq === 'WEEKLY').map((x) => `${x.byday} ${x.opens_at}-${x.closes_at}`);
    t.ok(weekly.includes('FR,SA 18:00-23:59') && weekly.includes('SA,SU 00:00-02:00'), `over midnight is cut at midnight: ${weekly}`);
    t.ok(weekly.includes('MO,TU,WE,TH,FR,SA,SU 00:00-23:59'), 'the 24/7 crisis line');
    t.same(s08.phones.map((p: Json) => p.number), ['0800 990123'], 'a Finnish service number as dialled, once');
    t.ok(s08.access.includes('always_open'));
    t.equal(s08.needs[0], 'crisis', 'the main need read from the texts where the class is coarse');
    const kela = await getService(ta, '2fece505-e831-4d12-8dfb-3b7e46f8f269');
    t.ok((kela.schedules as Json[]).some((x) => x.byday === 'TU,TH' && x.opens_at === '09:00' && x.closes_at === '12:00'),
      "the connection's own hours at Kela's Kuopio office replace the office's");
    t.same(kela.service_areas.map((a: Json) => a.extent), ['FI']);
  });

  t.test('search finds the Kuopio service', async (t) => {
    const hits = await searchIds(ta, `q=${encodeURIComponent('aikuissosiaalityö')}&municipality=297`);
    t.equal(hits[0], S01);
    t.notOk(hits.includes('71d6dce4-55b7-42e1-ae46-e837519dddab'), 'not the Iisalmi one');
  });

  t.test('records show their source, in /v1 and as HSDS metadata', async (t) => {
    const s = await getService(ta, S01);
    t.match(s.source, { system: 'ptv', id: S01, modified: '2025-10-14T06:51:22.201Z', synced_at: String });
    const v1org = (await ta.app.inject({ url: `/v1/organizations/${s.organization_id}` })).json();
    t.match(v1org, { name: 'Pohjois-Savon hyvinvointialue', provider_type: 'public', source: { system: 'ptv' } });
    const hsds = (await ta.app.inject({ url: `/hsds/services/${S01}` })).json();
    const org = (await ta.app.inject({ url: `/hsds/organizations/${hsds.organization_id}` })).json();
    const ngoService = (await ta.app.inject({ url: `/hsds/services/${S08}` })).json();
    t.match(hsds.metadata, [{ resource_id: S01, resource_type: 'service', last_action_type: 'sync', updated_by: /PTV/ }]);
    t.match(org.metadata, [{ resource_type: 'organization' }]);
    t.match(hsds.interpretation_services, /tulkkau/, "a public authority's service carries interpretation_services");
    t.match(ngoService.interpretation_services, /tulkkau/, "S08 is the wellbeing area's (procured from an NGO)");
    // Compiled after the requests: compiling blocks the event loop, which the app's load shedding notices.
    const validators = await hsdsValidators();
    t.ok(validators.service(hsds), `HSDS 3.0 service schema: ${JSON.stringify(validators.service.errors)}`);
    t.ok(validators.organization(org), `HSDS 3.0 organization schema: ${JSON.stringify(validators.organization.errors)}`);
  });

  t.test('a second sync changes nothing and audits nothing', async (t) => {
    for (const full of [true, false]) {
      await ta.indexed(); // the outbox at rest: only the sync could change it now
      const before = await catalogState(ta);
      const again = await sync(ta, ptv, { full });
      t.match(again, { created: 0, updated: 0, ended: 0, organizations_written: 0, unchanged: full ? expected.length : Number }, `full: ${full}`);
      t.same(await catalogState(ta), before, `full: ${full}: versions, audit log and outbox unchanged`);
      t.comment(`second sync (${again.mode}): ${again.requests} requests, ${again.unchanged} unchanged`);
    }
  });

  t.test('a service renamed upstream is renamed and found after the next sync', async (t) => {
    ptv.rename(S01, 'Aikuissosiaalityö ja elämänhallinnan tuki');
    const res = await sync(ta, ptv);
    t.match(res, { mode: 'changes', updated: 1, created: 0 });
    await ta.indexed();
    t.equal((await getService(ta, S01)).name, 'Aikuissosiaalityö ja elämänhallinnan tuki');
    t.equal((await searchIds(ta, 'q=el%C3%A4m%C3%A4nhallinnan%20tuki&municipality=297'))[0], S01);
  });

  t.test("a channel's change reaches its services in a sync of changes", async (t) => {
    const phone = ptv.channels.get(PH_PS_AIKSOS)!;
    phone.phoneNumbers = [{ ...phone.phoneNumbers[0], number: '447110299' }];
    phone.modified = ptvNow();
    const res = await sync(ta, ptv);
    t.ok(res.updated >= 2, `services using the channel are updated (${res.updated})`);
    t.ok((await getService(ta, S01)).phones.some((p: Json) => p.number === '044 7110299'));
  });

  t.test("an organization's change is read in a sync of changes", async (t) => {
    const kela = ptv.organizations.get(KELA)!;
    kela.organizationNames = (kela.organizationNames as Json[]).map((n) =>
      n.type === 'AlternativeName' && n.language === 'fi' ? { ...n, value: 'Kela – Kansaneläkelaitos' } : n);
    kela.modified = ptvNow();
    const res = await sync(ta, ptv);
    t.match(res, { organizations_written: 1, updated: 0 });
    t.equal((await ta.app.inject({ url: `/v1/organizations/${KELA}` })).json().name, 'Kela – Kansaneläkelaitos');
  });

  t.test('a service archived upstream ends: inactive, history kept, not found', async (t) => {
    t.ok((await searchIds(ta, 'q=sosiaaliohjaus&municipality=297')).includes(S03));
    ptv.archive(S03);
    const res = await sync(ta, ptv);
    t.match(res, { mode: 'changes', ended: 1 });
    await ta.indexed();
    const s = await getService(ta, S03);
    t.equal(s.status, 'inactive');
    t.equal(s.name, 'Sosiaaliohjaus', 'the record is kept');
    t.notOk((await searchIds(ta, 'q=sosiaaliohjaus&municipality=297')).includes(S03));
    const admin = await ta.key('admin');
    const history = (await ta.app.inject({ url: `/v1/services/${S03}/history`, headers: bearer(admin) })).json().items as Json[];
    t.ok(history.length >= 2 && history.every((h) => h.action === 'sync'), 'created, changed and ended by the sync');
    t.ok((history[0]!.changes as Json[]).some((c) => c.op === 'replace' && c.path === '/status' && c.value === 'inactive'), 'the sync set it inactive');
  });

  t.test('a full sync ends what PTV no longer lists', async (t) => {
    ptv.services.delete(S25); // withdrawn: gone from the lists without an archived id
    const res = await sync(ta, ptv, { full: true });
    t.match(res, { mode: 'full', ended: 1, created: 0, updated: 0 });
    t.equal((await getService(ta, S25)).status, 'inactive');
    const oulu = await sync(ta, ptv, { full: true, municipalities: ['564'] });
    t.equal(oulu.ended, 0, 'a sync of other municipalities ends nothing of these');
  });
});

t.test('a draft is never imported, even when an answer carries one', async (t) => {
  const ta = await buildTestApp(t);
  const ptv = await startFakePtv();
  t.teardown(() => ptv.close());
  const draft = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'services-active', `${DRAFT}.json`), 'utf8'));
  t.equal(draft.publishingStatus, 'Draft');
  ptv.services.set(DRAFT, draft);
  t.ok((draft.areas as Json[]).some((a) => (a.municipalities as Json[]).some((m) => m.code === KUOPIO)), 'its area covers Kuopio');
  const res = await sync(ta, ptv, { full: true, municipalities: [KUOPIO] });
  t.ok(ptv.requests.some((r) => r.includes('/code/297')), 'the list with the draft was read');
  t.equal((await ta.app.inject({ url: `/v1/services/${DRAFT}` })).statusCode, 404);
  t.equal(res.services_read, expectedIds([KUOPIO]).length, 'the published ones only');
});

t.test('PTV-owned fields are read-only; local enrichment survives syncs', async (t) => {
  const ta = await buildTestApp(t);
  const ptv = await startFakePtv();
  t.teardown(() => ptv.close());
  await sync(ta, ptv, { full: true, municipalities: [KUOPIO] });
  const admin = bearer(await ta.key('admin'));
  const patch = (id: string, body: unknown, etag?: string) =>
    ta.app.inject({ method: 'PATCH', url: `/v1/services/${id}`, headers: { ...admin, 'content-type': 'application/merge-patch+json', ...(etag ? { 'if-match': etag } : {}) }, payload: JSON.stringify(body) });

  for (const [field, value] of [['name', 'Toinen nimi'], ['phones', []], ['schedules', null], ['status', 'temporarily closed']] as const) {
    const before = await getService(ta, S01);
    const res = await patch(S01, { [field]: value });
    t.equal(res.statusCode, 409, field);
    t.match(res.json(), { type: '/problems/ptv-managed', field, detail: new RegExp(field) });
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.same(await getService(ta, S01), before, `${field}: nothing changed`);
  }
  const del = await ta.app.inject({ method: 'DELETE', url: `/v1/services/${S01}`, headers: admin });
  t.match(del.json(), { status: 409, type: '/problems/ptv-managed' });
  const orgId = (await getService(ta, S01)).organization_id;
  const orgPatch = await ta.app.inject({ method: 'PATCH', url: `/v1/organizations/${orgId}`, headers: { ...admin, 'content-type': 'application/merge-patch+json' }, payload: '{"website":"https://example.fi"}' });
  t.match(orgPatch.json(), { status: 409, type: '/problems/ptv-managed', field: 'website' });

  const before = await getService(ta, S01);
  const added = await patch(S01, { needs: [...before.needs, 'loneliness'], target_groups: ['adults'], minimum_age: 18 });
  t.equal(added.statusCode, 200, 'local fields are editable');
  const verified = await ta.app.inject({ method: 'POST', url: `/v1/services/${S01}/verify`, headers: admin });
  t.equal(verified.statusCode, 200);

  const res = await sync(ta, ptv, { full: true, municipalities: [KUOPIO] });
  t.equal(res.updated, 0, 'local enrichment is not a difference to PTV');
  ptv.rename(S01, 'Aikuissosiaalityö (uusi nimi)');
  const renamed = await sync(ta, ptv, { full: true, municipalities: [KUOPIO] });
  t.equal(renamed.updated, 1);
  const after = await getService(ta, S01);
  t.equal(after.name, 'Aikuissosiaalityö (uusi nimi)');
  t.same(after.needs, [...before.needs, 'loneliness'], 'the need added here survives, after the derived ones');
  t.same(after.target_groups, ['adults']);
  t.equal(after.minimum_age, 18);
  t.ok(after.assured_date, 'verification survives');
  await ta.indexed();
  const hits = await ta.app.inject({ url: '/v1/search?need=loneliness&municipality=297' });
  t.ok((hits.json().hits as Json[]).some((h) => h.id === S01), 'search sees the local need');
});

t.test('failures half-way write nothing and say why', async (t) => {
  const ta = await buildTestApp(t);
  const ptv = await startFakePtv();
  t.teardown(() => ptv.close());
  const empty = await catalogState(ta);

  ptv.fault({ match: (u) => u.pathname.endsWith(`/code/${KUOPIO}`) && u.searchParams.get('page') === '2', status: 500 });
  const failed = await sync(ta, ptv, { full: true }).catch((e: unknown) => e);
  t.type(failed, PtvUnavailable);
  t.match((failed as Error).message, /HTTP 500/);
  t.same(await catalogState(ta), empty, 'a 500 on page 2: nothing written');
  t.equal(ptv.requests.filter((r) => r.includes(`/code/${KUOPIO}`) && r.includes('page=2')).length, 3, 'retried up to the attempts');
  ptv.clearFaults();

  await sync(ta, ptv, { full: true });
  // The outbox worker drains what the sync queued; only then is the state at rest.
  await ta.indexed();
  const synced = await catalogState(ta);
  ptv.rename(S01, 'Uusi nimi');
  ptv.fault({ match: (u) => u.pathname.endsWith('/Organization/list'), status: 500 });
  t.type(await sync(ta, ptv).catch((e: unknown) => e), PtvUnavailable, 'organizations fail after the services were read');
  t.same(await catalogState(ta), synced, 'nothing written');
  ptv.clearFaults();

  ptv.fault({ match: (u) => u.pathname.endsWith(`/code/${IISALMI}`), delayMs: 2_000, times: 1 });
  const started = Date.now();
  const slow = await sync(ta, ptv, { full: true });
  t.comment(`a slow page: timed out and retried, sync took ${Date.now() - started} ms with ${slow.requests} requests`);
  t.equal(slow.updated, 1, 'a slow page is retried and the sync completes');

  await ptv.close();
  const down = await sync(ta, ptv, { full: true }).catch((e: unknown) => e);
  t.type(down, PtvUnavailable);
  t.match((down as Error).message, /did not answer/);
});

t.test('the command: exits non-zero with a clear message, and syncs while the API runs', async (t) => {
  const ta = await buildTestApp(t);
  const ptv = await startFakePtv();
  t.teardown(() => ptv.close());
  const dir = await tempDir();
  t.teardown(() => fs.promises.rm(dir, { recursive: true, force: true }));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [path.resolve(import.meta.dirname, '../../bin/tarjotin.js'), 'ptv', 'sync', ...args], {
      env: {
        ...process.env,
        TARJOTIN_DATA_DIR: path.join(dir, 'data'),
        DATABASE_URL: ta.backends.databaseUrl,
        MEILI_URL: ta.backends.meiliUrl,
        MEILI_MASTER_KEY: ta.backends.meiliKey ?? '',
        PTV_BASE_URL: ptv.baseUrl,
        PTV_TIMEOUT_MS: '500',
        PTV_BACKOFF_MS: '10',
        PTV_REQUEST_INTERVAL_MS: '0',
        LOG_LEVEL: 'warn',
      },
    }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  ptv.fault({ match: (u) => u.searchParams.get('page') === '2', status: 500 });
  const failed = await run(['--area', 'pohjois-savo']);
  t.equal(failed.code, 1);
  t.match(failed.stderr, /ptv sync failed; nothing was written\. PTV did not answer .*page=2.*HTTP 500/);
  t.equal(failed.stdout, '');
  t.equal((await catalogState(ta)).services.length, 0);
  ptv.clearFaults();

  const gone = await startFakePtv();
  await gone.close();
  const down = await run(['--municipality', KUOPIO, '--base-url', gone.baseUrl]);
  t.equal(down.code, 1);
  t.match(down.stderr, /ptv sync failed; nothing was written\. PTV did not answer \/api\/v11\/Service\/list\/area\/Municipality\/code\/297.*ECONNREFUSED/);
  t.equal((await catalogState(ta)).services.length, 0);

  const usage = await run(['--municipality', '999']);
  t.equal(usage.code, 2);
  t.match(usage.stderr, /unknown municipality code '999'/);

  const ok = await run(['--municipality', KUOPIO, '--municipality', IISALMI]);
  t.equal(ok.code, 0, ok.stderr);
  t.match(ok.stdout, new RegExp(`ptv sync \\(full\\) of 2 municipalities: ${expectedIds([KUOPIO, IISALMI]).length} services read; ${expectedIds([KUOPIO, IISALMI]).length} created`));
  t.equal((await getService(ta, S01)).name, 'Aikuissosiaalityö', 'the running API serves what the command wrote');
  const again = await run(['--municipality', KUOPIO, '--municipality', IISALMI]);
  t.match(again.stdout, /changes since .* 0 created, 0 updated/);
});


