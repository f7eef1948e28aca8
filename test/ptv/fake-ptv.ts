import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A fake PTV open API v11 over real HTTP on 127.0.0.1, serving the shared fixture at the
 * real paths: full-data area lists and id pages with paging, `date=` and `status=`
 * filtering, the `/list?guids=` endpoints and single items with PTV's 404 body. Tests
 * change it (rename, archive) and make it fail (500 answers, slow pages, down).
 */

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../data/ptv/fixture');

// Response bodies are read freely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface Fault {
  /** Which requests: matched against path and query. */
  match: (url: URL) => boolean;
  status?: number;
  delayMs?: number;
  /** How many matching requests it hits; every one when omitted. */
  times?: number;
}

export interface FakePtv {
  baseUrl: string;
  /** Paths and queries of the requests served, in order. */
  requests: string[];
  services: Map<string, Json>;
  channels: Map<string, Json>;
  organizations: Map<string, Json>;
  archived: Map<string, string>;
  fault(f: Fault): void;
  clearFaults(): void;
  rename(serviceId: string, fiName: string): void;
  archive(serviceId: string): void;
  close(): Promise<void>;
}

const readDir = (dir: string) =>
  new Map<string, Json>(
    fs.readdirSync(path.join(FIXTURE_DIR, dir)).map((f) => {
      const item = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, dir, f), 'utf8')) as Json;
      return [item.id as string, item];
    }),
  );

/** PTV's `modified`: UTC without a zone, six fractional digits. */
export const ptvNow = () => new Date().toISOString().replace('Z', '000');

const asInstant = (ptv: string) => new Date(/Z$/.test(ptv) ? ptv : `${ptv}Z`).getTime();

export async function startFakePtv(opts: { listPageSize?: number; idPageSize?: number } = {}): Promise<FakePtv> {
  const listPageSize = opts.listPageSize ?? 10;
  const idPageSize = opts.idPageSize ?? 1000;
  const services = readDir('services');
  const channels = readDir('channels');
  const organizations = readDir('organizations');
  const archivedPage = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'service-archived-guid-page-1.json'), 'utf8')) as Json;
  const archived = new Map<string, string>(
    (archivedPage.itemList as Json[]).map((i) => [i.id as string, '2025-09-01T08:00:00.000000']),
  );
  const requests: string[] = [];
  let faults: Array<Fault & { hits: number }> = [];

  const page = <T>(items: T[], pageNumber: number, size: number) => {
    const pageCount = Math.ceil(items.length / size);
    const slice = items.slice((pageNumber - 1) * size, pageNumber * size);
    return { pageNumber, pageSize: size, pageCount, itemList: slice.length > 0 ? slice : null };
  };
  const nameOf = (item: Json, key: string) => (item[key] as Json[]).find((n) => n.language === 'fi')?.value ?? null;
  const since = (url: URL) => {
    const date = url.searchParams.get('date');
    return (item: { modified: string }) => !date || asInstant(item.modified) >= asInstant(date);
  };
  const covers = (s: Json, code: string, wholeCountry: boolean) =>
    (wholeCountry && String(s.areaType).startsWith('Nationwide')) ||
    (s.areas as Json[]).some((a) => ((a.municipalities as Json[]) ?? []).some((m) => m.code === code));
  const byGuids = (map: Map<string, Json>, url: URL) =>
    (url.searchParams.get('guids') ?? '').split(',').flatMap((id) => map.get(id.trim()) ?? []);
  const notFound = (kind: string, id: string) => ({ status: 404, body: { errorMessage: `${kind} with id '${id}' not found.` } });

  function route(url: URL): { status: number; body: unknown } {
    const p = url.pathname.replace(/^\/api\/v11/, '');
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    let m: RegExpExecArray | null;
    if ((m = /^\/Service\/list\/area\/Municipality\/code\/(\d{3})$/.exec(p))) {
      const wholeCountry = url.searchParams.get('includeWholeCountry') === 'true';
      const items = [...services.values()].filter((s) => covers(s, m![1]!, wholeCountry));
      return { status: 200, body: page(items, pageNumber, listPageSize) };
    }
    if (p === '/Service') {
      const status = url.searchParams.get('status') ?? 'Published';
      const items =
        status === 'Archived'
          ? [...archived].map(([id, modified]) => ({ id, modified })).filter(since(url)).map(({ id }) => ({ id, name: null }))
          : status === 'Published'
            ? [...services.values()].filter((s) => since(url)(s as { modified: string })).map((s) => ({ id: s.id, name: nameOf(s, 'serviceNames') }))
            : [];
      return { status: 200, body: page(items, pageNumber, idPageSize) };
    }
    if (p === '/ServiceChannel' || p === '/Organization') {
      const map = p === '/ServiceChannel' ? channels : organizations;
      const items = [...map.values()].filter((i) => since(url)(i as { modified: string })).map((i) => ({ id: i.id }));
      return { status: 200, body: page(items, pageNumber, idPageSize) };
    }
    for (const [prefix, map, kind] of [['/Service', services, 'Service'], ['/ServiceChannel', channels, 'Service channel'], ['/Organization', organizations, 'Organization']] as const) {
      if (p === `${prefix}/list`) {
        const found = byGuids(map, url);
        return found.length > 0 ? { status: 200, body: found } : { status: 404, body: { errorMessage: `${kind}s not found.` } };
      }
      if ((m = new RegExp(`^${prefix}/([0-9a-f-]{36})$`).exec(p))) {
        const item = map.get(m[1]!);
        return item ? { status: 200, body: item } : notFound(kind, m[1]!);
      }
    }
    return { status: 404, body: { errorMessage: 'No such endpoint.' } };
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const fault = faults.find((f) => f.match(url) && (f.times === undefined || f.hits < f.times));
    if (fault) fault.hits++;
    const answer = () => {
      const { status, body } = fault?.status ? { status: fault.status, body: { errorMessage: 'Internal error' } } : route(url);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (fault?.delayMs) {
      const timer = setTimeout(answer, fault.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/api/v11`,
    requests,
    services,
    channels,
    organizations,
    archived,
    fault: (f) => faults.push({ ...f, hits: 0 }),
    clearFaults: () => {
      faults = [];
    },
    rename(serviceId, fiName) {
      const s = services.get(serviceId)!;
      s.serviceNames = (s.serviceNames as Json[]).map((n) => (n.language === 'fi' && n.type === 'Name' ? { ...n, value: fiName } : n));
      s.modified = ptvNow();
    },
    archive(serviceId) {
      services.delete(serviceId);
      archived.set(serviceId, ptvNow());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
