import t from 'tap';
import { bearer, buildTestApp, withDevCatalog } from '../../helpers/app.ts';
import { newService as serviceOf } from './fixtures/write-side.ts';

const ORG = 'b69a9b6a-b800-54e5-92cc-137757af7f08';
const VELKALINJA = 'b5fe0838-63c1-57a7-ae2c-5830f8eb7f62';

const newService = (over: Record<string, unknown> = {}) => serviceOf(ORG, over);

t.test('catalog services', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: 'admin-secret-0123456789abcdef' } });
  const { app } = ta;
  await withDevCatalog(ta);
  const admin = bearer('admin-secret-0123456789abcdef');

  t.test('GET one returns the service with areas, phones, schedules and terms', async (t) => {
    const res = await app.inject({ url: `/v1/services/${VELKALINJA}` });
    t.equal(res.statusCode, 200);
    const s = res.json();
    t.equal(s.name, 'Velkalinja – maksuton talous- ja velkaneuvonnan puhelin');
    t.same(s.service_areas.map((a: { extent: string }) => a.extent), ['FI']);
    t.equal(s.phones[0].number, '0800 132 470');
    t.equal(s.schedules.length, 2);
    t.ok(s.needs.includes('debt'));
    t.ok(s.service_types.includes('helpline'));
    t.equal(s.last_modified, '2026-09-16T09:30:00Z');
    t.match(res.headers.etag, /^"\d+"$/);
  });

  t.test('list pages through the catalog', async (t) => {
    const res = await app.inject({ url: '/v1/services?limit=50&page=2' });
    t.equal(res.statusCode, 200);
    t.equal(res.json().total, 171);
    t.equal(res.json().items.length, 50);
    const org = await app.inject({ url: `/v1/services?organization_id=${ORG}&limit=100` });
    t.ok(org.json().items.every((s: { organization_id: string }) => s.organization_id === ORG));
  });

  t.test('create, read, replace, patch and delete', async (t) => {
    const created = await app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: newService() });
    t.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    t.equal(created.headers.location, `/v1/services/${id}`);
    t.ok(created.json().phones[0].id, 'nested objects get ids');

    const read = await app.inject({ url: `/v1/services/${id}` });
    t.equal(read.json().name, 'Testipalvelu');

    const put = await app.inject({
      method: 'PUT',
      url: `/v1/services/${id}`,
      headers: { ...admin, 'if-match': read.headers.etag as string },
      payload: newService({ name: 'Uusi nimi' }),
    });
    t.equal(put.statusCode, 200, put.body);
    t.equal(put.json().name, 'Uusi nimi');
    t.not(put.headers.etag, read.headers.etag);

    const patch = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${id}`,
      headers: { ...admin, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ status: 'temporarily closed', status_note: 'Rahoitus päättyi', phones: null }),
    });
    t.equal(patch.statusCode, 200, patch.body);
    t.equal(patch.json().status, 'temporarily closed');
    t.same(patch.json().phones, []);
    t.equal(patch.json().name, 'Uusi nimi', 'fields not in the patch stay');

    const del = await app.inject({ method: 'DELETE', url: `/v1/services/${id}`, headers: admin });
    t.equal(del.statusCode, 204);
    t.equal((await app.inject({ url: `/v1/services/${id}` })).statusCode, 404);
  });

  t.test('a merge patch of phones keeps the ids of the phones whose number is unchanged', async (t) => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/services',
      headers: admin,
      payload: newService({ phones: [{ number: '017 123 4567', description: 'Neuvonta' }, { number: '0800 132 470' }] }),
    });
    t.equal(created.statusCode, 201, created.body);
    const [advice, helpline] = created.json().phones as Array<{ id: string; number: string }>;
    const patch = await app.inject({
      method: 'PATCH',
      url: `/v1/services/${created.json().id}`,
      headers: { ...admin, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ phones: [{ number: '0800132470', description: 'Maksuton' }, { number: '044 000 0000' }] }),
    });
    t.equal(patch.statusCode, 200, patch.body);
    const phones = patch.json().phones as Array<{ id: string; number: string; description?: string }>;
    t.equal(phones[0]!.id, helpline!.id, 'the same number (spaced differently) keeps its id');
    t.equal(phones[0]!.description, 'Maksuton', 'and takes the new details');
    t.ok(phones[1]!.id && phones[1]!.id !== advice!.id, 'a new number gets a new id');
  });

  t.test('bad input is a problem+json 4xx and changes nothing', async (t) => {
    const before = (await app.inject({ url: '/v1/services?limit=1' })).json().total;
    const cases: Array<[string, unknown, number]> = [
      ['missing name', newService({ name: undefined }), 400],
      ['unknown need', newService({ needs: ['no_such_need'] }), 400],
      ['bad status', newService({ status: 'open' }), 400],
      ['unknown municipality', newService({ service_areas: [{ extent: 'kunta:999' }] }), 400],
      ['age limits reversed', newService({ minimum_age: 30, maximum_age: 18 }), 400],
      ['unknown organization', newService({ organization_id: '00000000-0000-4000-8000-000000000000' }), 422],
      ['unknown field', newService({ colour: 'red' }), 400],
      ['closing before opening', newService({ schedules: [{ byday: 'MO', opens_at: '15:00', closes_at: '09:00' }] }), 400],
      ['a script as the address', newService({ url: 'javascript:alert(1)' }), 400],
      ['a data address', newService({ url: 'data:text/html,<script>alert(1)</script>' }), 400],
    ];
    for (const [label, payload, status] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: payload as object });
      t.equal(res.statusCode, status, label);
      t.match(res.headers['content-type'], /^application\/problem\+json/, label);
      t.match(res.json(), { type: String, title: String, status }, label);
    }
    const malformed = await app.inject({ method: 'POST', url: '/v1/services', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"name":' });
    t.equal(malformed.statusCode, 400);
    t.equal(malformed.json().type, '/problems/malformed-json');
    t.equal((await app.inject({ url: '/v1/services?limit=1' })).json().total, before);
  });

  t.test('unknown ids are 404, malformed ids 400', async (t) => {
    const missing = await app.inject({ url: '/v1/services/00000000-0000-4000-8000-000000000000' });
    t.equal(missing.statusCode, 404);
    t.equal(missing.json().type, '/problems/not-found');
    t.equal((await app.inject({ url: '/v1/services/not-a-uuid' })).statusCode, 400);
    t.equal((await app.inject({ url: '/v1/organizations/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    t.equal((await app.inject({ url: '/v1/nothing-here' })).statusCode, 404);
  });

  t.test('writes need a key', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/services', payload: newService() });
    t.equal(res.statusCode, 401);
    t.equal(res.json().type, '/problems/unauthorized');
  });

  t.test('vocabulary', async (t) => {
    const tax = (await app.inject({ url: '/v1/taxonomies?lang=sv' })).json();
    const need = tax.items.find((x: { code: string }) => x.code === 'need');
    t.equal(need.terms.find((x: { code: string }) => x.code === 'debt').name, 'Skulder och ekonomiska svårigheter');
    const areas = (await app.inject({ url: '/v1/areas' })).json();
    const count = areas.items.reduce((n: number, a: { municipalities: unknown[] }) => n + a.municipalities.length, 0);
    t.equal(count, 308, 'every municipality of Finland');
    const psavo = areas.items.find((a: { slug: string }) => a.slug === 'pohjois-savo');
    t.ok(psavo.municipalities.some((m: { code: string }) => m.code === '297'));
  });
});
