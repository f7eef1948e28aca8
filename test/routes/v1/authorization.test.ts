import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import t from 'tap';
import type { RouteAccess } from '../../../src/plugins/auth.ts';
import { bearer, buildTestApp, type TestApp } from '../../helpers/app.ts';
import {
  ADMIN_SECRET,
  admin,
  createOrganization,
  createService,
  etagOf,
  isProblem,
  keyWithId,
  newOrganization,
  newService,
  ok,
  snapshot,
} from './fixtures/write-side.ts';

/**
 * The authorization matrix: every route the app registered with a write method or an
 * access rule (read from the auth plugin's route table, not listed by hand) × every
 * kind of caller × a record of the caller's own or another organization. A refused
 * request must change nothing in PostgreSQL; an allowed one must really write.
 *
 * A new write route fails this test until it gets a scenario below, and a route whose
 * access rule changes fails it until the scenario's `access` is changed too.
 */

type Caller = 'none' | 'reader' | 'editor-own' | 'editor-other' | 'admin';
const CALLERS: Caller[] = ['none', 'reader', 'editor-own', 'editor-other', 'admin'];

/**
 * - `own`: a record of organization T, sent as it is (with If-Match where it applies);
 * - `move`: a record of T that the body hands over to organization O;
 * - `blind`: like `own` but without If-Match.
 */
type Variant = 'own' | 'move' | 'blind';

interface Fixture {
  /** The target organization T ("own" for editor-own) and its service. */
  org: { id: string; etag: string };
  service: { id: string; etag: string };
  /** Another organization O ("own" for editor-other) and its service. */
  other: { id: string; etag: string };
  otherService: { id: string; etag: string };
  /** A key that a DELETE /v1/keys/:id may revoke. */
  victimKeyId: string;
}

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
}

interface Scenario {
  access: RouteAccess['access'];
  /** Whether an allowed request writes (an audit entry at least). */
  writes: boolean;
  /** The table an allowed write grows, when it is not the audit log (counters are not audited). */
  writesTo?: string;
  /** Per-item results in a 200 (the batch upsert): a refused item refuses the batch. */
  itemResults?: boolean;
  variants: Partial<Record<Variant, (f: Fixture, ta: TestApp) => Promise<Request> | Request>>;
}

const ifMatch = (etag: string) => ({ 'if-match': etag });
/** Organization names are unique: every rename takes a new one. */
const renamed = () => `Uusi nimi ${randomUUID().slice(0, 8)}`;

const SCENARIOS: Record<string, Scenario> = {
  'POST /v1/organizations': {
    access: 'admin',
    writes: true,
    variants: { own: () => ({ method: 'POST', url: '/v1/organizations', payload: newOrganization() }) },
  },
  'PUT /v1/organizations/:id': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'PUT', url: `/v1/organizations/${f.org.id}`, headers: ifMatch(f.org.etag), payload: newOrganization({ name: renamed() }) }),
      blind: (f) => ({ method: 'PUT', url: `/v1/organizations/${f.org.id}`, payload: newOrganization({ name: renamed() }) }),
    },
  },
  'PATCH /v1/organizations/:id': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'PATCH', url: `/v1/organizations/${f.org.id}`, headers: ifMatch(f.org.etag), payload: { name: renamed() } }),
      blind: (f) => ({ method: 'PATCH', url: `/v1/organizations/${f.org.id}`, payload: { name: renamed() } }),
    },
  },
  'DELETE /v1/organizations/:id': {
    access: 'admin',
    writes: true,
    variants: {
      // Only an organization without live services can go: its service goes first.
      own: async (f, ta) => {
        ok(await ta.app.inject({ method: 'DELETE', url: `/v1/services/${f.service.id}`, headers: admin }), 204);
        return { method: 'DELETE', url: `/v1/organizations/${f.org.id}`, headers: ifMatch(f.org.etag) };
      },
    },
  },
  'POST /v1/organizations/:id/services/batch': {
    access: 'organization',
    writes: true,
    itemResults: true,
    variants: {
      own: (f) => ({
        method: 'POST',
        url: `/v1/organizations/${f.org.id}/services/batch`,
        payload: { items: [newService(f.org.id, { id: f.service.id, name: 'Päivitetty' }), newService(f.org.id, { name: 'Uusi' })] },
      }),
      // Takes O's service over into T.
      move: (f) => ({
        method: 'POST',
        url: `/v1/organizations/${f.org.id}/services/batch`,
        payload: { items: [newService(f.org.id, { id: f.otherService.id, name: 'Siirretty' })] },
      }),
    },
  },
  'POST /v1/services': {
    access: 'organization',
    writes: true,
    variants: { own: (f) => ({ method: 'POST', url: '/v1/services', payload: newService(f.org.id) }) },
  },
  'PUT /v1/services/:id': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'PUT', url: `/v1/services/${f.service.id}`, headers: ifMatch(f.service.etag), payload: newService(f.org.id, { name: 'Uusi nimi' }) }),
      move: (f) => ({ method: 'PUT', url: `/v1/services/${f.service.id}`, headers: ifMatch(f.service.etag), payload: newService(f.other.id) }),
      blind: (f) => ({ method: 'PUT', url: `/v1/services/${f.service.id}`, payload: newService(f.org.id, { name: 'Uusi nimi' }) }),
    },
  },
  'PATCH /v1/services/:id': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'PATCH', url: `/v1/services/${f.service.id}`, headers: ifMatch(f.service.etag), payload: { name: 'Uusi nimi' } }),
      move: (f) => ({ method: 'PATCH', url: `/v1/services/${f.service.id}`, headers: ifMatch(f.service.etag), payload: { organization_id: f.other.id } }),
      blind: (f) => ({ method: 'PATCH', url: `/v1/services/${f.service.id}`, payload: { name: 'Uusi nimi' } }),
    },
  },
  'DELETE /v1/services/:id': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'DELETE', url: `/v1/services/${f.service.id}`, headers: ifMatch(f.service.etag) }),
      blind: (f) => ({ method: 'DELETE', url: `/v1/services/${f.service.id}` }),
    },
  },
  'POST /v1/services/:id/verify': {
    access: 'organization',
    writes: true,
    variants: {
      own: (f) => ({ method: 'POST', url: `/v1/services/${f.service.id}/verify`, headers: ifMatch(f.service.etag) }),
      blind: (f) => ({ method: 'POST', url: `/v1/services/${f.service.id}/verify` }),
    },
  },
  'POST /v1/recommend': {
    access: 'public',
    writes: false,
    variants: { own: () => ({ method: 'POST', url: '/v1/recommend', payload: { text: 'velkaa ja vuokrarästejä', limit: 3 } }) },
  },
  'POST /v1/referrals': {
    access: 'key',
    writes: true,
    writesTo: 'referral_counts',
    variants: { own: (f) => ({ method: 'POST', url: '/v1/referrals', payload: { service_id: f.service.id, municipality: '297', needs: ['debt'] } }) },
  },
  'GET /v1/reports/demand': {
    access: 'key',
    writes: false,
    variants: { own: () => ({ method: 'GET', url: '/v1/reports/demand?municipality=297' }) },
  },
  'GET /v1/reports/referrals': {
    access: 'key',
    writes: false,
    variants: { own: () => ({ method: 'GET', url: '/v1/reports/referrals' }) },
  },
  'GET /v1/keys': {
    access: 'admin',
    writes: false,
    variants: { own: () => ({ method: 'GET', url: '/v1/keys' }) },
  },
  'POST /v1/keys': {
    access: 'admin',
    writes: true,
    variants: { own: (f) => ({ method: 'POST', url: '/v1/keys', payload: { role: 'editor', organization_id: f.org.id } }) },
  },
  'DELETE /v1/keys/:id': {
    access: 'admin',
    writes: true,
    variants: { own: (f) => ({ method: 'DELETE', url: `/v1/keys/${f.victimKeyId}` }) },
  },
};

type Outcome = 'allowed' | 401 | 403 | 428;

/** What each caller must get; derived from the rule, not from what the app answers. */
function expected(access: Scenario['access'], caller: Caller, variant: Variant): Outcome {
  if (access === 'public') return 'allowed';
  if (caller === 'none') return 401;
  if (access === 'key') return 'allowed';
  if (caller === 'reader') return 403;
  if (caller === 'admin') return 'allowed';
  if (access === 'admin') return 403;
  // An editor writes only its own organization's records, and never hands one over.
  if (caller === 'editor-own' && variant === 'own') return 'allowed';
  // Authorization comes before preconditions: only the owner hears that If-Match is missing.
  if (caller === 'editor-own' && variant === 'blind') return 428;
  return 403;
}

t.test('authorization matrix over the route table', async (t) => {
  // No outbox worker: search_outbox then changes only by writes, and is compared too.
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const reader = await keyWithId(ta, 'reader');

  const rules = app.accessRules.filter((r) => r.url.startsWith('/'));
  const routeKeys = rules.map((r) => `${r.method} ${r.url}`);

  t.test('the route table and the scenarios list the same routes and rules', async (t) => {
    t.ok(rules.length >= 13, `the app registered ${rules.length} guarded routes`);
    for (const r of rules) {
      const key = `${r.method} ${r.url}`;
      const s = SCENARIOS[key];
      if (!s) {
        t.fail(`no authorization scenario for ${key} (access ${r.access}): add one to this test`);
        continue;
      }
      t.equal(r.access, s.access, `${key} has the access rule the matrix expects`);
    }
    for (const key of Object.keys(SCENARIOS)) {
      t.ok(routeKeys.includes(key), `${key} is still a registered route`);
    }
    // Every write method of the whole app is in the table, not only those under /v1.
    const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
    const everyWrite = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => writes.has(r.method)).map((r) => `${r.method} ${r.url}`);
    t.ok(everyWrite.length > 0, 'printRoutes lists write routes');
    for (const w of everyWrite) t.ok(routeKeys.includes(w), `${w} (from printRoutes) is in the access table`);
  });

  t.test('reads stay public: every GET route without a rule answers without a key', async (t) => {
    const org = await createOrganization(app);
    const service = await createService(app, org.id);
    // Reads that hold more than the catalog: they check the caller in the handler.
    const restricted = new Set(['/v1/organizations/:id/audit', '/v1/services/:id/history']);
    const guarded = new Set(rules.filter((r) => r.method === 'GET').map((r) => r.url));
    const gets = routesOf(app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && !r.url.includes('*'));
    t.ok(gets.length > 10, `${gets.length} GET routes`);
    for (const { url } of gets) {
      const concrete = url
        .replace(/^\/v1\/organizations\/:id/, `/v1/organizations/${org.id}`)
        .replace(/^\/v1\/services\/:id/, `/v1/services/${service.id}`)
        .replace(':type', 'forbidden')
        .replace(/:\w+/g, crypto.randomUUID());
      const res = await app.inject({ url: concrete });
      if (guarded.has(url) || restricted.has(url)) {
        t.equal(res.statusCode, 401, `GET ${url} needs a key`);
      } else {
        t.ok(res.statusCode !== 401 && res.statusCode !== 403, `GET ${url} is public (${res.statusCode})`);
      }
    }
  });

  for (const rule of rules) {
    const key = `${rule.method} ${rule.url}`;
    const scenario = SCENARIOS[key];
    if (!scenario) continue;
    t.test(key, async (t) => {
      for (const [variant, build] of Object.entries(scenario.variants) as Array<[Variant, NonNullable<Scenario['variants'][Variant]>]>) {
        for (const caller of CALLERS) {
          const label = `${caller} × ${variant}`;
          // Fresh records and keys for every combination: an allowed write cannot
          // change what the next combination sees.
          const org = await createOrganization(app);
          const other = await createOrganization(app);
          const service = await createService(app, org.id);
          const otherService = await createService(app, other.id);
          const victim = await keyWithId(ta, 'reader');
          const fixture: Fixture = {
            org: { id: org.id, etag: await etagOf(app, `/v1/organizations/${org.id}`) },
            service,
            other: { id: other.id, etag: await etagOf(app, `/v1/organizations/${other.id}`) },
            otherService,
            victimKeyId: victim.id,
          };
          const credentials: Record<Caller, Record<string, string>> = {
            none: {},
            reader: reader.headers,
            'editor-own': (await keyWithId(ta, 'editor', org.id)).headers,
            'editor-other': (await keyWithId(ta, 'editor', other.id)).headers,
            admin: bearer(ADMIN_SECRET),
          };
          const req = await build(fixture, ta);
          const before = await snapshot(app);
          const res = await app.inject({
            method: req.method,
            url: req.url,
            headers: { ...req.headers, ...credentials[caller] },
            ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
          });
          const after = await snapshot(app);
          const want = expected(scenario.access, caller, variant);
          if (want === 'allowed') {
            t.ok(res.statusCode >= 200 && res.statusCode < 300, `${label}: allowed (${res.statusCode} ${res.body.slice(0, 200)})`);
            if (scenario.itemResults) t.equal(res.json().applied, true, `${label}: the batch is applied`);
            if (scenario.writes) {
              const table = scenario.writesTo ?? 'audit_log';
              t.ok(JSON.parse(after[table]!).length > JSON.parse(before[table]!).length, `${label}: the write is in ${table}`);
            } else {
              t.same(after, before, `${label}: a read changes nothing`);
            }
          } else {
            t.ok(refused(res, want, scenario), `${label}: refused with ${want} (got ${res.statusCode} ${res.body.slice(0, 200)})`);
            if (res.statusCode !== 200) t.ok(isProblem(res), `${label}: the refusal is problem+json`);
            t.same(after, before, `${label}: nothing changed in PostgreSQL`);
          }
        }
      }
    });
  }
});

function refused(res: LightMyRequestResponse, status: Exclude<Outcome, 'allowed'>, scenario: Scenario): boolean {
  if (res.statusCode === status) return true;
  if (!scenario.itemResults || res.statusCode !== 200) return false;
  const body = res.json() as { applied: boolean; items: Array<{ status: number }> };
  return body.applied === false && body.items.some((i) => i.status === status);
}

/** Method and full path of every route in `printRoutes`' tree (4 characters a level). */
export function routesOf(tree: string): Array<{ method: string; url: string }> {
  const out: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│├└─\s]*?)([/*]\S*) \(([A-Z, ]+)\)$/.exec(line.trimEnd());
    if (!m) continue;
    const depth = Math.max(0, m[1]!.length / 4 - 1);
    stack.length = depth;
    const url = stack.join('') + m[2]!;
    stack.push(m[2]!);
    for (const method of m[3]!.split(',').map((x) => x.trim())) out.push({ method, url });
  }
  return out;
}
