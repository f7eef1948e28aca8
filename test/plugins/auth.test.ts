import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import t from 'tap';
import authPlugin from '../../src/plugins/auth.ts';
import dbPlugin from '../../src/plugins/db.ts';
import problemPlugin from '../../src/plugins/problem.ts';
import { createKey } from '../../src/db/keys.ts';
import { buildTestApp } from '../helpers/app.ts';

/**
 * The auth plugin on its own: it refuses to start when a write route has no access
 * rule, keeps the table of rules the authorization matrix walks, and reads the
 * Authorization header strictly.
 */

t.test('auth plugin', async (t) => {
  // A database of its own, migrated; the plugin needs the `db`, `problem` and rate-limit plugins.
  const ta = await buildTestApp(t, { worker: false });
  const databaseUrl = ta.backends.databaseUrl;

  async function bare() {
    const app = Fastify();
    await app.register(problemPlugin);
    await app.register(rateLimit, { global: false });
    await app.register(dbPlugin, { databaseUrl });
    await app.register(authPlugin, {});
    t.teardown(() => app.close());
    return app;
  }

  t.test('a write route without an access rule stops the app from starting', async (t) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const app = await bare();
      app.register(async (scope) => {
        scope.route({ method, url: '/v1/unguarded', handler: async () => ({ ok: true }) });
      });
      await t.rejects(async () => { await app.ready(); }, /write route .*\/v1\/unguarded declares no access rule/, method);
    }
    const multi = await bare();
    multi.register(async (scope) => {
      scope.route({ method: ['GET', 'POST'], url: '/v1/mixed', handler: async () => ({ ok: true }) });
    });
    await t.rejects(async () => { await multi.ready(); }, /declares no access rule/, 'also when the write is one of several methods');
  });

  t.test('routes with a rule start, and are listed with it', async (t) => {
    const app = await bare();
    app.register(async (scope) => {
      scope.get('/v1/open', async () => ({ ok: true }));
      scope.post('/v1/guarded', { config: { access: 'organization' } }, async () => ({ ok: true }));
      scope.get('/v1/admin-read', { config: { access: 'admin' } }, async () => ({ ok: true }));
      scope.post('/v1/recommend', async () => ({ ok: true }));
    });
    await app.ready();
    t.same(app.accessRules, [
      { method: 'POST', url: '/v1/guarded', access: 'organization' },
      { method: 'GET', url: '/v1/admin-read', access: 'admin' },
      { method: 'POST', url: '/v1/recommend', access: 'public' },
    ]);

    const reader = (await createKey(app.database.db, { role: 'reader' })).secret;
    const adminKey = (await createKey(app.database.db, { role: 'admin' })).secret;
    const auth = (s: string) => ({ authorization: `Bearer ${s}` });
    t.equal((await app.inject({ url: '/v1/open' })).statusCode, 200, 'reads need no key');
    t.equal((await app.inject({ url: '/v1/open', headers: auth(reader) })).statusCode, 200);
    t.equal((await app.inject({ method: 'POST', url: '/v1/guarded' })).statusCode, 401);
    t.equal((await app.inject({ method: 'POST', url: '/v1/guarded', headers: auth(reader) })).statusCode, 403);
    t.equal((await app.inject({ url: '/v1/admin-read', headers: auth(reader) })).statusCode, 403, 'a rule on a read is enforced too');
    t.equal((await app.inject({ url: '/v1/admin-read', headers: auth(adminKey) })).statusCode, 200);
    t.equal((await app.inject({ method: 'POST', url: '/v1/guarded', headers: { authorization: `bearer   ${adminKey}` } })).statusCode, 200, 'the scheme is case-insensitive');
    t.equal((await app.inject({ method: 'POST', url: '/v1/recommend' })).statusCode, 200, 'the public write route is open');
  });

  t.test('the Authorization header is read strictly', async (t) => {
    const app = await bare();
    app.register(async (scope) => {
      scope.get('/v1/open', async () => ({ ok: true }));
    });
    await app.ready();
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Token abc', 'Bearer tj_unknown']) {
      const res = await app.inject({ url: '/v1/open', headers: { authorization: header } });
      t.equal(res.statusCode, 401, `"${header}": a bad credential is refused, not ignored`);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
      t.equal(res.json().type, '/problems/unauthorized');
    }
  });
});
