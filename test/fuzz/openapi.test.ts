import fs from 'node:fs/promises';
import path from 'node:path';
import fc, { type Arbitrary } from 'fast-check';
import type { InjectOptions } from 'fastify';
import t from 'tap';
import { PROBLEM_TYPES } from '../../src/problems.ts';
import { bearer, buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization, createService, keyWithId } from '../routes/v1/fixtures/write-side.ts';
import { hostileString, hostileValue, valueOf, type JsonSchema, type KnownIds } from './arbitraries.ts';

/**
 * Hostile input generated from the API's own description: for every operation of
 * openapi/openapi.json, requests with valid, boundary and invalid values of every
 * parameter and body field, wrong types, empty and huge strings, Unicode edge cases,
 * injection attempts in filters, traversal and SQL-looking ids and duplicated query
 * parameters, without a key and with a key of each role. The rules: never a 5xx; every
 * 4xx is problem+json with a stable type; a refused write changes nothing in PostgreSQL.
 * `FUZZ_RUNS` sets the number of requests (10 000 by default), `FUZZ_SEED` replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const STABLE_TYPES = new Set(Object.keys(PROBLEM_TYPES).map((k) => `/problems/${k}`));
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that read (recommend) or count in aggregates only after success (referrals count on 202). */
const READS_BY_POST = new Set(['/v1/recommend']);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

type Caller = 'none' | 'reader' | 'editor-own' | 'editor-other' | 'admin' | 'unknown-key';

/**
 * A checksum of everything a write may change. Left out: `api_keys.last_used_at` (every
 * authenticated request may touch it) and the demand counters (written after a
 * successful recommend answers, while the next request may already run).
 */
const STATE_QUERY = `select md5(concat_ws('|',
  (select string_agg(t::text, ',' order by t.id) from organizations t),
  (select string_agg(t::text, ',' order by t.id) from services t),
  (select string_agg(t::text, ',' order by t.id) from attributes t),
  (select string_agg(concat_ws(':', id, secret_hash, role, organization_id, label, revoked_at), ',' order by id) from api_keys),
  (select string_agg(t::text, ',' order by t.id) from audit_log t),
  (select string_agg(t::text, ',' order by t.key_id, t.key) from idempotency_keys t),
  (select string_agg(concat_ws(':', id, service_id), ',' order by id) from search_outbox),
  (select string_agg(t::text, ',' order by t.id) from record_ids t),
  (select string_agg(t::text, ',') from referral_counts t)
)) as state`;

async function operationsOf(document: string): Promise<Operation[]> {
  const doc = JSON.parse(await fs.readFile(document, 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({
        method: m.toUpperCase(),
        path: p,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/** Every byte of the value's UTF-8 (lone surrogates as U+FFFD) percent-encoded. */
const percentEncoded = (value: string) => [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function requestOf(op: Operation, ids: KnownIds, keys: Record<Caller, Record<string, string>>): Arbitrary<{ req: InjectOptions; caller: Caller }> {
  const pathValues = op.parameters.filter((p) => p.in === 'path').map((p) =>
    fc.tuple(fc.constant(p.name), fc.oneof({ weight: 4, arbitrary: valueOf(p.schema, ids) }, { weight: 1, arbitrary: hostileString })),
  );
  const queryValues = op.parameters.filter((p) => p.in === 'query').map((p) =>
    fc.tuple(
      fc.constant(p.name),
      fc.option(fc.oneof({ weight: 3, arbitrary: valueOf(p.schema, ids) }, { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) }), { freq: 2 }),
    ),
  );
  const headerValues = op.parameters.filter((p) => p.in === 'header').map((p) =>
    fc.tuple(fc.constant(p.name), fc.option(fc.oneof(valueOf(p.schema, ids), fc.constantFrom('*', '"1"', 'W/"1"', '"999999999999999999999"')), { freq: 2 })),
  );
  const body = op.body ? fc.oneof({ weight: 6, arbitrary: valueOf(op.body, ids) }, { weight: 1, arbitrary: hostileValue }) : fc.constant(undefined);
  const caller = fc.constantFrom<Caller>('none', 'reader', 'editor-own', 'editor-other', 'admin', 'unknown-key');
  const rawBody = fc.option(fc.constantFrom('{"name":', '[1,2', '{"a":'.repeat(5000), '\u0000', 'not json'), { freq: 20 });
  return fc.record({
    path: fc.tuple(...pathValues),
    query: fc.tuple(...queryValues),
    headers: fc.tuple(...headerValues),
    body,
    rawBody,
    caller,
  }).map(({ path: ps, query, headers, body: b, rawBody: raw, caller: who }) => {
    let url = op.path;
    for (const [name, value] of ps) url = url.replace(`{${name}}`, percentEncoded(String(value)));
    const search = new URLSearchParams();
    for (const [name, value] of query) {
      if (value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) search.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    }
    const qs = search.toString();
    const hdrs: Record<string, string> = { ...keys[who] };
    for (const [name, value] of headers) if (value !== null && value !== undefined) hdrs[name] = typeof value === 'string' ? value.replace(/[^\x20-\x7e]/g, '') : JSON.stringify(value);
    const req: InjectOptions = { method: op.method as InjectOptions['method'], url: qs ? `${url}?${qs}` : url, headers: hdrs };
    // Requests with made-up keys come from an address of their own: their rate limit must
    // not lock the other callers out.
    if (who === 'unknown-key') req.remoteAddress = '127.0.0.2';
    if (op.body || WRITE_METHODS.has(op.method)) {
      if (raw !== null) {
        req.payload = raw;
        hdrs['content-type'] = 'application/json';
      } else if (b !== undefined) {
        req.payload = JSON.stringify(b);
        hdrs['content-type'] = op.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
      }
    }
    return { req, caller: who };
  });
}

t.test('hostile requests generated from the OpenAPI document', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app } = ta;
  const own = await createOrganization(app);
  const other = await createOrganization(app);
  const services = [await createService(app, own.id), await createService(app, other.id)];
  const reader = await keyWithId(ta, 'reader');
  const editorOwn = await keyWithId(ta, 'editor', own.id);
  const editorOther = await keyWithId(ta, 'editor', other.id);
  const ids: KnownIds = { organizations: [own.id, other.id], services: services.map((s) => s.id), other: [reader.id, editorOwn.id] };
  const keys: Record<Caller, Record<string, string>> = {
    'none': {},
    'reader': reader.headers,
    'editor-own': editorOwn.headers,
    'editor-other': editorOther.headers,
    'admin': bearer(ADMIN_SECRET),
    'unknown-key': bearer('tj_made-up-key-0123456789abcdefghijklmnop'),
  };

  const operations = await operationsOf(path.resolve(import.meta.dirname, '../../openapi/openapi.json'));
  t.ok(operations.length >= 40, `${operations.length} operations`);
  const state = async () => (await app.database.pool.query<{ state: string }>(STATE_QUERY)).rows[0]!.state;

  const counts = { requests: 0, byStatus: new Map<number, number>(), refusedWrites: 0 };
  const failures: string[] = [];
  const property = fc.asyncProperty(fc.oneof(...operations.map((op) => requestOf(op, ids, keys).map((r) => ({ ...r, op })))), async ({ req, op }) => {
    const write = WRITE_METHODS.has(op.method) && !READS_BY_POST.has(op.path);
    const before = write ? await state() : undefined;
    const res = await app.inject(req);
    counts.requests++;
    counts.byStatus.set(res.statusCode, (counts.byStatus.get(res.statusCode) ?? 0) + 1);
    const label = `${req.method} ${String(req.url).slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    if (res.statusCode >= 500) throw new Error(`a 5xx: ${label}`);
    if (res.statusCode >= 400) {
      if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) throw new Error(`not problem+json: ${label}`);
      const type = (res.json() as { type?: string }).type;
      if (!type || !STABLE_TYPES.has(type)) throw new Error(`an unknown problem type ${type}: ${label}`);
      if (write) {
        counts.refusedWrites++;
        if ((await state()) !== before) throw new Error(`a refused write changed the database: ${label}`);
      }
    }
  });
  try {
    await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
  } catch (err) {
    // fast-check's message starts with the seed to replay it (FUZZ_SEED); the cause says what broke.
    const e = err as Error & { cause?: Error };
    failures.push(`${e.message.split('\n').slice(0, 2).join(' ')} — ${e.cause?.message ?? ''}`.slice(0, 1500));
  }
  t.comment(`${counts.requests} generated requests over ${operations.length} operations; ${counts.refusedWrites} refused writes checked against PostgreSQL`);
  t.comment(`statuses: ${JSON.stringify(Object.fromEntries([...counts.byStatus].sort(([a], [b]) => a - b)))}`);
  t.same(failures, [], 'no 5xx, every 4xx a stable problem, no refused write changed anything');
  t.ok(counts.requests >= RUNS, `at least ${RUNS} requests`);
});
