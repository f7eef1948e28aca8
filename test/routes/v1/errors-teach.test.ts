import t from 'tap';
import { PROBLEM_TYPES } from '../../../src/problems.ts';
import { buildTestApp, withDevCatalog } from '../../helpers/app.ts';
import { ADMIN_SECRET, admin, createOrganization, newService } from './fixtures/write-side.ts';

/**
 * Bad input is answered with what is wrong and what would be right: unknown parameters
 * and fields named (with the closest known name), the allowed values of an enumeration,
 * and where the valid codes are listed.
 */

interface ValidationBody {
  type: string;
  status: number;
  detail: string;
  errors: Array<{ field: string; message: string }>;
}

t.test('errors that teach', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  await withDevCatalog(ta);
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json<ValidationBody>() };
  };

  await t.test('a misspelled query parameter is a 400 naming it and the closest known one', async (t) => {
    const { status, body } = await get('/v1/search?q=velka&municipalty=297');
    t.equal(status, 400);
    t.equal(body.type, '/problems/validation');
    t.same(body.errors.map((e) => e.field), ['querystring/municipalty']);
    t.match(body.errors[0]!.message, /'municipalty'.*did you mean 'municipality'/);
  });

  await t.test('organization on /v1/services points to organization_id', async (t) => {
    const { status, body } = await get('/v1/services?organization=x');
    t.equal(status, 400);
    t.match(body.detail, /'organization'.*did you mean 'organization_id'/);
  });

  await t.test('a parameter far from every known one is named, with the known ones', async (t) => {
    const { status, body } = await get('/v1/areas?zzzzzzzz=1');
    t.equal(status, 400);
    t.notMatch(body.detail, /did you mean/);
    t.match(body.detail, /'zzzzzzzz'.*known: lang/);
  });

  await t.test('an enumeration lists its allowed values once', async (t) => {
    const { status, body } = await get('/v1/search?q=velka&lang=de');
    t.equal(status, 400);
    t.same(body.errors, [{ field: 'querystring/lang', message: 'must be one of: fi, sv, en' }]);
  });

  await t.test('a municipality name points to /v1/areas, an unknown need code to /v1/taxonomies', async (t) => {
    const byName = await get('/v1/search?municipality=Kuopio');
    t.equal(byName.status, 400);
    t.match(byName.body.errors[0], { field: 'querystring/municipality', message: /three digits.*\/v1\/areas/ });
    const unknownNeed = await get('/v1/search?need=velat');
    t.equal(unknownNeed.status, 400);
    t.match(unknownNeed.body.errors[0], { field: 'querystring/need', message: /'velat'.*\/v1\/taxonomies/ });
  });

  await t.test('an unknown body field is named with the closest known one', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/recommend',
      payload: { text: 'velkoja', profile: { municipality: '297', langauge: 'fi' } },
    });
    t.equal(res.statusCode, 400);
    const body = res.json<ValidationBody>();
    t.equal(body.errors[0]!.field, 'body/profile/langauge');
    t.match(body.errors[0]!.message, /did you mean 'language'/);
  });

  await t.test('a status outside the list names the allowed statuses', async (t) => {
    const org = await createOrganization(app);
    const res = await app.inject({ method: 'POST', url: '/v1/services', headers: admin, payload: newService(org.id, { status: 'suljettu' }) });
    t.equal(res.statusCode, 400);
    const body = res.json<ValidationBody>();
    t.equal(body.errors.length, 1, body.detail);
    t.match(body.errors[0], { field: 'body/status', message: /^must be one of: .*active/ });
  });

  await t.test('organizations are found by part of their name', async (t) => {
    const all = (await app.inject({ method: 'GET', url: '/v1/organizations?limit=100' })).json<{ items: Array<{ name: string }> }>();
    const name = all.items[0]!.name;
    const part = name.slice(1, 6).toUpperCase();
    const found = (await app.inject({ method: 'GET', url: `/v1/organizations?q=${encodeURIComponent(part)}` })).json<{ items: Array<{ name: string }>; total: number }>();
    t.ok(found.items.some((o) => o.name === name), `'${part}' finds ${name}`);
    t.ok(found.items.every((o) => o.name.toLowerCase().includes(part.toLowerCase())));
    t.ok(found.total < all.items.length, 'and only those');
    const literal = (await app.inject({ method: 'GET', url: '/v1/organizations?q=%25' })).json<{ total: number }>();
    t.equal(literal.total, 0, 'a LIKE wildcard is matched literally');
  });

  await t.test('every problem type has a page explaining it and its fix in fi, sv and en', async (t) => {
    for (const type of Object.keys(PROBLEM_TYPES)) {
      const res = await app.inject({ method: 'GET', url: `/problems/${type}` });
      t.equal(res.statusCode, 200, type);
      const page = res.json<{ type: string; guide: Record<string, { meaning: string; fix: string }> }>();
      t.equal(page.type, `/problems/${type}`);
      for (const lang of ['fi', 'sv', 'en']) t.ok(page.guide[lang]?.meaning && page.guide[lang]?.fix, `${type} ${lang}`);
    }
    const html = await app.inject({
      method: 'GET',
      url: '/problems/precondition-required',
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    t.match(html.headers['content-type'], /^text\/html/);
    t.match(html.body, /<section lang="fi">[\s\S]*If-Match[\s\S]*<section lang="sv">[\s\S]*<section lang="en">/);
    t.notMatch(html.body, /<avain>/, 'the text is escaped');
    const json = await app.inject({ method: 'GET', url: '/problems/validation', headers: { accept: 'application/json, text/html' } });
    t.match(json.headers['content-type'], /^application\/json/, 'a client that prefers JSON gets JSON');
    t.equal((await app.inject({ method: 'GET', url: '/problems/no-such-type' })).statusCode, 404);
  });
});
