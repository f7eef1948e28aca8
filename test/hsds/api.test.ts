import t from 'tap';
import { exportCatalog } from '../../src/hsds/catalog-file.ts';
import { nameUuid } from '../../src/vocabulary/index.ts';
import { bearer, buildTestApp, loadDevCatalog, withDevCatalog } from '../helpers/app.ts';
import { byId, hsdsValidators, schemaErrors, type SchemaName } from './schemas.ts';

/**
 * The /hsds read API: HSDS pages, the documented filters, light and full objects, and
 * every object served valid against the official HSDS 3.0 compiled schemas.
 */

// Response bodies are read freely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const VELKALINJA = 'b5fe0838-63c1-57a7-ae2c-5830f8eb7f62';
const ORG = 'b69a9b6a-b800-54e5-92cc-137757af7f08';
const MISSING = '00000000-0000-4000-8000-000000000000';
const DEBT = nameUuid('need:debt');
const NEED = nameUuid('need');
const ADMIN = 'admin-secret-0123456789abcdef';

t.test('HSDS read API', async (t) => {
  // Compiling the large HSDS schemas blocks the event loop for a while; done before the
  // app starts, it cannot trip the app's overload guard (under-pressure).
  const v = await hsdsValidators();
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN } });
  const { app } = ta;
  await withDevCatalog(ta);
  const dev = (await loadDevCatalog()) as { services: Json[]; organizations: Json[]; taxonomy_terms: Json[] };
  const get = async (url: string) => {
    const res = await app.inject({ url });
    return { status: res.statusCode, body: res.json() as Json, type: res.headers['content-type'] };
  };
  /** Every page of a list. */
  const all = async (url: string): Promise<Json[]> => {
    const out: Json[] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&per_page=100`);
      out.push(...body.contents);
      if (body.last_page) return out;
    }
  };
  const valid = (schema: SchemaName, objects: Json[]) => t.same(schemaErrors(v[schema], objects, byId), [], `${objects.length} objects valid against ${schema}.json`);

  t.test('API information', async (t) => {
    const { status, body } = await get('/hsds');
    t.equal(status, 200);
    t.equal(body.version, '3.0');
    t.match(body.openapi_url, /\/openapi\.json$/);
  });

  t.test('services come in HSDS pages', async (t) => {
    const first = await get('/hsds/services');
    t.equal(first.status, 200);
    t.match(first.body, { total_items: 171, total_pages: 4, page_number: 1, size: 50, first_page: true, last_page: false, empty: false });
    t.equal(first.body.contents.length, 50);
    const last = await get('/hsds/services?page=4');
    t.match(last.body, { page_number: 4, size: 21, first_page: false, last_page: true, empty: false });
    const beyond = await get('/hsds/services?page=5');
    t.match(beyond.body, { total_items: 171, size: 0, last_page: true, empty: true, contents: [] });
    const ids = (await all('/hsds/services')).map((s) => s.id);
    t.equal(new Set(ids).size, 171, 'paging visits every service once');
  });

  t.test('lists carry every status, since mirrors must retire ended listings', async (t) => {
    const count = (list: Json[]) => list.reduce<Json>((n, s) => ({ ...n, [s.status]: (n[s.status] ?? 0) + 1 }), {});
    t.same(count(await all('/hsds/services')), count(dev.services));
  });

  t.test('light list objects: one-to-one fields and the organization', async (t) => {
    const services = await all('/hsds/services');
    valid('service_list', services);
    const s = services.find((x) => x.id === VELKALINJA)!;
    t.notOk('phones' in s || 'attributes' in s || 'schedules' in s, 'no nested lists');
    t.match(s, { name: 'Velkalinja – maksuton talous- ja velkaneuvonnan puhelin', status: 'active', organization: { id: s.organization_id, name: String } });
    t.notOk('organization_identifiers' in s.organization);
  });

  t.test('full=true nests everything, as the export does', async (t) => {
    const services = await all('/hsds/services?full=true');
    valid('service', services);
    const exported = new Map((await exportCatalog(app.database.db)).services.map((s) => [s.id, s]));
    const { organization, ...service } = services.find((x) => x.id === VELKALINJA)!;
    t.same(service, exported.get(VELKALINJA), 'the same object as in the catalog file');
    t.equal(organization.id, service.organization_id);
    t.ok(organization.attributes.length > 0);
  });

  t.test('one service, fully nested', async (t) => {
    const { status, body: s } = await get(`/hsds/services/${VELKALINJA}`);
    t.equal(status, 200);
    valid('service', [s]);
    t.equal(s.organization.id, s.organization_id);
    t.equal(s.phones[0].number, '0800 132 470');
    t.equal(s.schedules.length, 2);
    t.same(s.service_areas.map((a: Json) => a.extent), ['FI']);
    t.ok(s.languages.some((l: Json) => l.code === 'sv'));
    t.match(s.service_at_locations, [{ id: String, location: { id: String, location_type: 'virtual' } }]);
    const debt = s.attributes.find((a: Json) => a.taxonomy_term_id === DEBT);
    t.match(debt, { link_entity: 'service', link_id: VELKALINJA, taxonomy_term: { id: DEBT, code: 'debt', name: 'Velat ja talousvaikeudet' } });
    const withAddress = dev.services.find((x) => x.service_at_locations.some((l: Json) => l.location.addresses.length > 0))!;
    const located = await get(`/hsds/services/${withAddress.id}`);
    valid('service', [located.body]);
    t.match(located.body.service_at_locations[0].location.addresses[0], { address_1: String, postal_code: /^\d{5}$/, country: 'FI' });
  });

  t.test('a sample of single services, one of each status', async (t) => {
    const sample = [...new Map(dev.services.map((s) => [s.status, s.id])).values()];
    t.equal(sample.length, 4);
    const served = await Promise.all(sample.map(async (id) => (await get(`/hsds/services/${id}`)).body));
    valid('service', served);
  });

  t.test('filters of the HSDS API reference', async (t) => {
    const expect = async (query: string, wanted: Json[]) => {
      const got = (await all(`/hsds/services?${query}`)).map((s) => s.id).sort();
      t.same(got, wanted.map((s) => s.id).sort(), `${query}: ${wanted.length} services`);
    };
    const hasTerm = (s: Json, id: string) => s.attributes.some((a: Json) => a.taxonomy_term_id === id);
    await expect(`taxonomy_term_id=${DEBT}`, dev.services.filter((s) => hasTerm(s, DEBT)));
    await expect(`taxonomy_id=${nameUuid('provider_type')}`, []);
    await expect(`taxonomy_id=${NEED}`, dev.services.filter((s) => s.attributes.some((a: Json) => a.taxonomy_term.taxonomy_id === NEED)));
    await expect(`organization_id=${ORG}`, dev.services.filter((s) => s.organization_id === ORG));
    const stamps = dev.services.map((s) => s.last_modified as string).sort();
    const median = stamps[Math.floor(stamps.length / 2)]!;
    await expect(`modified_after=${median}`, dev.services.filter((s) => Date.parse(s.last_modified) >= Date.parse(median)));
    await expect(`modified_after=${median.slice(0, 10)}`, dev.services.filter((s) => s.last_modified >= median.slice(0, 10)));
    await expect(`organization_id=${ORG}&taxonomy_term_id=${DEBT}`, dev.services.filter((s) => s.organization_id === ORG && hasTerm(s, DEBT)));
    await expect(`taxonomy_term_id=${MISSING}`, []);
  });

  t.test('full text search', async (t) => {
    const velka = await all('/hsds/services?search=velkaneuvonta');
    t.ok(velka.length > 0 && velka.length < 171);
    t.ok(velka.some((s) => s.id === VELKALINJA), 'Velkalinja is found');
    const prefix = await all('/hsds/services?search=velkalin');
    t.equal(prefix[0]?.id, VELKALINJA, 'a word beginning matches, best match first');
    t.same(await all('/hsds/services?search=velkalinja%20zzzyx'), [], 'every word must match');
    t.equal((await get('/hsds/services?search=%26%7C!()%3A*')).body.total_items, 171, 'no words: no filter, no error');
    const orgs = await all('/hsds/organizations?search=sosiaalipalvelut');
    t.ok(orgs.some((o) => o.id === ORG));
  });

  t.test('bad parameters are problem+json 400, unknown ids 404', async (t) => {
    for (const url of [
      '/hsds/services?per_page=0',
      '/hsds/services?per_page=501',
      '/hsds/services?page=0',
      '/hsds/services?modified_after=eilen',
      '/hsds/services?taxonomy_term_id=debt',
      '/hsds/services?full=maybe',
      '/hsds/services/not-a-uuid',
      '/hsds/taxonomy_terms?taxonomy_id=need',
    ]) {
      const res = await get(url);
      t.equal(res.status, 400, url);
      t.match(res.type, /^application\/problem\+json/, url);
      t.equal(res.body.type, '/problems/validation', url);
    }
    for (const kind of ['services', 'organizations', 'taxonomies', 'taxonomy_terms', 'service_at_locations']) {
      const res = await get(`/hsds/${kind}/${MISSING}`);
      t.equal(res.status, 404, kind);
      t.match(res.body, { type: '/problems/not-found', status: 404 }, kind);
    }
  });

  t.test('organizations', async (t) => {
    const light = await all('/hsds/organizations');
    t.equal(light.length, 62);
    valid('organization_list', light);
    t.notOk(light.some((o) => 'attributes' in o || 'services' in o));
    const full = await all('/hsds/organizations?full=true');
    valid('organization', full);
    const org = full.find((o) => o.id === ORG)!;
    t.same(org.services.map((s: Json) => s.id).sort(), dev.services.filter((s) => s.organization_id === ORG).map((s) => s.id).sort());
    t.notOk('phones' in org.services[0], 'services of a full organization are light by default');
    t.match(org.organization_identifiers, [{ identifier_type: 'Y-tunnus', identifier: /^\d{7}-\d$/ }]);

    const one = await get(`/hsds/organizations/${ORG}`);
    t.equal(one.status, 200);
    valid('organization', [one.body]);
    t.same(one.body, org);
    const withServices = await get(`/hsds/organizations/${ORG}?full_service=true`);
    valid('organization', [withServices.body]);
    t.ok(withServices.body.services.every((s: Json) => Array.isArray(s.attributes) && Array.isArray(s.phones)));
    valid('service', withServices.body.services);
    const fullServices = await get('/hsds/organizations?full=true&full_service=true&per_page=5');
    valid('organization', fullServices.body.contents);
  });

  t.test('taxonomies and taxonomy terms', async (t) => {
    const taxonomies = await all('/hsds/taxonomies');
    t.equal(taxonomies.length, 5);
    valid('taxonomy', taxonomies);
    const need = await get(`/hsds/taxonomies/${NEED}`);
    valid('taxonomy', [need.body]);
    t.match(need.body, { id: NEED, uri: 'tarjotin:need' });
    t.equal((await get('/hsds/taxonomies?search=Servicebehov')).body.total_items, 1);

    const terms = await all('/hsds/taxonomy_terms');
    t.equal(terms.length, 64);
    valid('taxonomy_term', terms);
    const needs = await all(`/hsds/taxonomy_terms?taxonomy_id=${NEED}`);
    t.same(needs.map((x) => x.id).sort(), dev.taxonomy_terms.filter((x) => x.taxonomy_id === NEED).map((x) => x.id).sort());
    const debt = await get(`/hsds/taxonomy_terms/${DEBT}`);
    valid('taxonomy_term', [debt.body]);
    t.same(debt.body, dev.taxonomy_terms.find((x) => x.id === DEBT), 'the term as in the catalog file');
    t.ok((await all('/hsds/taxonomy_terms?search=velat')).some((x) => x.id === DEBT));
    t.equal((await get('/hsds/taxonomy_terms?search=50%25_')).body.total_items, 0, 'LIKE wildcards are literal');
    t.equal((await get('/hsds/taxonomy_terms?top_only=true')).body.total_items, 64, 'flat taxonomies: every term is top-level');
    t.equal((await get(`/hsds/taxonomy_terms?parent_id=${DEBT}`)).body.total_items, 0);
  });

  t.test('services at locations', async (t) => {
    const light = await all('/hsds/service_at_locations');
    const expected = dev.services.reduce((n, s) => n + s.service_at_locations.length, 0);
    t.equal(light.length, expected);
    valid('service_at_location_list', light);
    const full = await all(`/hsds/service_at_locations?full=true&organization_id=${ORG}`);
    valid('service_at_location', full);
    t.ok(full.every((x) => x.service.organization_id === ORG && x.location_id === x.location.id));
    const one = await get(`/hsds/service_at_locations/${full[0]!.id}`);
    valid('service_at_location', [one.body]);
    t.same(one.body, full[0]);
  });

  t.test('a deleted service is gone from the HSDS API', async (t) => {
    const del = await app.inject({ method: 'DELETE', url: `/v1/services/${VELKALINJA}`, headers: bearer(ADMIN) });
    t.equal(del.statusCode, 204);
    t.equal((await get(`/hsds/services/${VELKALINJA}`)).status, 404);
    t.equal((await get('/hsds/services')).body.total_items, 170);
  });

  t.test('the OpenAPI document describes every HSDS operation', async (t) => {
    const doc = app.swagger() as Json;
    const operations = Object.entries(doc.paths as Json)
      .filter(([path]) => path.startsWith('/hsds'))
      .flatMap(([path, ops]) => Object.entries(ops as Json).map(([method, op]) => ({ path, method, op: op as Json })));
    t.equal(operations.length, 11);
    for (const { path, op } of operations) {
      t.same(op.tags, ['hsds'], path);
      t.match(op.operationId, /^hsds[A-Z]/, path);
      t.ok(op.summary, path);
      t.ok(Object.keys(op.responses).some((s) => s.startsWith('4')), `${path} has a 4xx response`);
    }
  });
});
