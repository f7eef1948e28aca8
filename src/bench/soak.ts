import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { freePort, readPid } from '../embedded/process.ts';

/**
 * `npm run soak [-- --seconds N --rate R]`: a long steady load on a `serve` of its own
 * (embedded stores on a temporary data dir, loopback only) with the development catalog.
 * Searches, recommendations, reads, creates and updates are sent at a fixed rate whatever
 * the answers take (open loop); every answer must succeed, every write must be found by
 * search at the end (none lost), and the resident memory of the API, Meilisearch and
 * PostgreSQL is sampled throughout. Not part of the test suite: it takes minutes.
 */

const BIN = path.resolve(import.meta.dirname, '../../bin/tarjotin.js');
const CATALOG = path.resolve(import.meta.dirname, '../../../shared/eval/catalog.json');
const SAMPLE_EVERY_MS = 10_000;

const SEARCHES = [
  'velkaneuvonta', 'velkoja ulosotto&municipality=091', 'päihdeongelma omainen', 'yksinäisyys ikäihmiset&municipality=297',
  'turvakoti&municipality=837', 'kriisipuhelin&open_now=true', 'vertaistukiryhmä mielenterveys', 'rahapelaaminen',
  'asunnottomuus päiväkeskus&municipality=091', 'skuldrådgivning&lang=sv', 'food aid&lang=en', 'nuorten chat&need=mental_health',
];
const RECOMMENDS = [
  { profile: { needs: ['debt', 'gambling'], urgency: 'routine', municipality: '297', age: 42, language: 'fi' } },
  { profile: { needs: ['violence', 'crisis'], urgency: 'acute', municipality: '091', age: 30, language: 'fi' } },
  { text: 'Asiakkaalla on velkoja ja hän pelaa paljon rahapelejä. Yksinäinen.', profile: { municipality: '297', age: 38 } },
];

const word = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');

interface Sample {
  at_s: number;
  api_mib: number;
  meilisearch_mib: number;
  postgres_mib: number;
}

async function rssMiB(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Math.round((Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) * 10) / 10;
}

/** Proportional set size: shared memory (PostgreSQL's shared buffers) divided among the processes that map it. */
async function pssMiB(pid: number): Promise<number> {
  const rollup = await fs.readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
}

/** The postmaster and its children (backends, background workers), shared memory counted once. */
async function postgresMiB(postmaster: number | undefined): Promise<number> {
  if (postmaster === undefined) return 0;
  const children = (await fs.readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').catch(() => '')).split(/\s+/).filter(Boolean);
  let total = await pssMiB(postmaster);
  for (const pid of children) total += await pssMiB(Number(pid));
  return Math.round(total * 10) / 10;
}

interface Server {
  base: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  auth: Record<string, string>;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** `serve` on a temporary data dir with a free loopback port and an admin key; `stop` removes it all. */
async function startServer(): Promise<Server> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tarjotin-soak-'));
  await fs.chmod(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  const admin = randomBytes(18).toString('base64url');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, TARJOTIN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', TARJOTIN_ADMIN_KEY: admin, TARJOTIN_RATE_LIMIT: '100000000', LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    await fs.rm(dir, { recursive: true, force: true });
  };
  while (!(await fetch(`${base}/ready`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error('serve exited before it was ready');
    }
    await sleep(200);
  }
  return { base, dataDir, env, auth: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, pid: child.pid, stop };
}

/** Imports the development catalog through the command line; returns a new organization to write to. */
async function prepareCatalog(server: Server): Promise<string> {
  const imported = spawn(process.execPath, [BIN, 'import', CATALOG], { env: server.env, stdio: ['ignore', 'ignore', 'inherit'] });
  if ((await new Promise((resolve) => imported.once('exit', resolve))) !== 0) throw new Error('import failed');
  const res = await fetch(`${server.base}/v1/organizations`, {
    method: 'POST', headers: server.auth, body: JSON.stringify({ name: 'Kuormitustestiyhdistys', description: 'Kestotestin organisaatio.' }),
  });
  return ((await res.json()) as { id: string }).id;
}

/** A function that samples the memory of the API and its embedded stores into `samples`. */
async function memorySampler(server: Server, started: number, samples: Sample[]): Promise<() => Promise<void>> {
  const meilisearch = await readPid(path.join(server.dataDir, 'meilisearch', 'meilisearch.pid'));
  const postgres = await readPid(path.join(server.dataDir, 'postgres', 'postmaster.pid'));
  return async () => {
    samples.push({
      at_s: Math.round((Date.now() - started) / 1000),
      api_mib: await rssMiB(server.pid),
      meilisearch_mib: await rssMiB(meilisearch),
      postgres_mib: await postgresMiB(postgres),
    });
  };
}

interface LoadResult {
  counts: Record<'search' | 'recommend' | 'read' | 'create' | 'update', number>;
  errors: string[];
  latencies: number[];
  /** The word each written service must be found by (its latest alternate_name). */
  written: Map<string, string>;
}

/**
 * Sends `rate` requests a second for `seconds`, each on schedule whether or not earlier
 * ones have been answered (open loop): in every 20, 12 searches, 2 recommendations,
 * 2 HSDS list reads, 2 creates and 2 updates. Resolves when every answer is in.
 */
async function runLoad(server: Server, organizationId: string, seconds: number, rate: number, onTick: () => void): Promise<LoadResult> {
  const result: LoadResult = { counts: { search: 0, recommend: 0, read: 0, create: 0, update: 0 }, errors: [], latencies: [], written: new Map() };
  const inFlight = new Set<Promise<void>>();
  /** Services with an update in flight: two at once would race on the version (412 by design). */
  const updating = new Set<string>();
  const send = (kind: keyof LoadResult['counts'], url: string, init: RequestInit, onOk?: (body: unknown) => void, onEnd?: () => void) => {
    result.counts[kind]++;
    const t0 = performance.now();
    const p = fetch(`${server.base}${url}`, init)
      .then(async (res) => {
        const body = (await res.json().catch(() => undefined)) as unknown;
        result.latencies.push(performance.now() - t0);
        if (!res.ok) result.errors.push(`${kind} ${res.status}`);
        else onOk?.(body);
      }, (err: Error) => void result.errors.push(`${kind} ${err.message}`))
      .finally(() => {
        inFlight.delete(p);
        onEnd?.();
      });
    inFlight.add(p);
  };
  const create = () => {
    const name = word();
    send('create', '/v1/services', {
      method: 'POST', headers: server.auth,
      body: JSON.stringify({
        organization_id: organizationId, name: 'Kestotestin palvelu', alternate_name: name, description: 'Keskusteluapua velkaantuneille.',
        status: 'active', needs: ['debt'], service_types: ['advice'], languages: [{ code: 'fi', name: 'suomi' }],
        service_areas: [{ extent: 'kunta:297', name: 'Kuopio' }],
      }),
    }, (body) => result.written.set((body as { id: string }).id, name));
  };
  const update = (i: number) => {
    const ids = [...result.written.keys()].filter((id) => !updating.has(id));
    const id = ids[i % ids.length]!;
    const name = word();
    updating.add(id);
    send('update', `/v1/services/${id}`, {
      method: 'PATCH', headers: { ...server.auth, 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ alternate_name: name }),
    }, () => result.written.set(id, name), () => updating.delete(id));
  };
  const started = Date.now();
  for (let i = 0; i < seconds * rate; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const slot = i % 20;
    if (slot < 12) send('search', `/v1/search?q=${SEARCHES[i % SEARCHES.length]}`, {});
    else if (slot < 14) send('recommend', '/v1/recommend', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(RECOMMENDS[i % RECOMMENDS.length]) });
    else if (slot < 16) send('read', `/hsds/services?page=${1 + (i % 5)}`, {});
    else if (slot < 18 || result.written.size <= updating.size) create();
    else update(i);
    onTick();
  }
  await Promise.all(inFlight);
  return result;
}

/** Services whose latest write is not found by search (without the degraded header) within a minute. */
async function lostWrites(server: Server, written: Map<string, string>): Promise<number> {
  const missing = new Map(written);
  const deadline = Date.now() + 60_000;
  while (missing.size > 0 && Date.now() < deadline) {
    for (const [id, name] of [...missing]) {
      const res = await fetch(`${server.base}/v1/search?q=${name}&limit=1`);
      const body = (await res.json()) as { hits: Array<{ id: string }> };
      if (!res.headers.get('x-search-degraded') && body.hits[0]?.id === id) missing.delete(id);
    }
    if (missing.size > 0) await sleep(500);
  }
  return missing.size;
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '300' }, rate: { type: 'string', default: '40' } } });
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  const server = await startServer();
  try {
    const organizationId = await prepareCatalog(server);
    const samples: Sample[] = [];
    const started = Date.now();
    const sample = await memorySampler(server, started, samples);
    await sample();
    let nextSample = started + SAMPLE_EVERY_MS;
    const load = await runLoad(server, organizationId, seconds, rate, () => {
      if (Date.now() < nextSample) return;
      nextSample += SAMPLE_EVERY_MS;
      void sample();
    });
    const loadSeconds = Math.round((Date.now() - started) / 1000);
    await sample();
    const lost = await lostWrites(server, load.written);

    const latencies = [...load.latencies].sort((a, b) => a - b);
    const figures = {
      seconds: loadSeconds,
      rate_per_s: rate,
      requests: Object.values(load.counts).reduce((a, b) => a + b, 0),
      counts: load.counts,
      errors: load.errors.length,
      error_kinds: [...new Set(load.errors)].slice(0, 10),
      services_written: load.written.size,
      lost_writes: lost,
      latency_ms: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), max: percentile(latencies, 1) },
      memory_mib: samples,
    };
    for (const s of samples) console.log(`t=${String(s.at_s).padStart(4)} s  RSS: API ${s.api_mib} MiB, Meilisearch ${s.meilisearch_mib} MiB; PSS: PostgreSQL ${s.postgres_mib} MiB`);
    console.log(`${figures.requests} requests in ${figures.seconds} s (${JSON.stringify(load.counts)}): ${figures.errors} errors, ${figures.services_written} services written, ${lost} lost`);
    console.log(`latency p50 ${figures.latency_ms.p50} ms, p95 ${figures.latency_ms.p95} ms, p99 ${figures.latency_ms.p99} ms, max ${figures.latency_ms.max} ms`);
    console.log(JSON.stringify(figures));
    return figures.errors === 0 && lost === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

process.exitCode = await main();
