import type { PtvHttpClient } from '../http-client.ts';
import type { SnapshotRequest } from '../model.ts';
import type { IdName, Page, PtvChannel, PtvOrganization, PtvService } from './types.ts';

/**
 * What one sync reads from PTV v11, all of it before anything is written: the published
 * services whose area covers the chosen municipalities (nationwide ones included), the
 * channels connected to them and their responsible organizations.
 *
 * A full fetch reads the full-data area lists. A fetch of changes reads the id pages of
 * services, channels and organizations changed since the last sync (`date=`), then the
 * changed items in batches of the list endpoints; archived and withdrawn ids come from
 * the id pages with `status=`.
 */

export interface V11Fetched {
  services: PtvService[];
  channels: Map<string, PtvChannel>;
  organizations: Map<string, PtvOrganization>;
  /** Known services PTV says are archived or withdrawn. */
  gone: string[];
  /** Published services read (changes only) whose area no longer covers the municipalities. */
  outOfScope: string[];
}

/** The list endpoints take at most 100 ids. */
const BATCH = 100;
/** A runaway `pageCount` must not keep a sync busy for ever. */
const MAX_PAGES = 10_000;

export async function fetchV11(http: PtvHttpClient, scope: SnapshotRequest): Promise<V11Fetched> {
  const progress = scope.progress ?? (() => {});
  const services = scope.since ? await changedServices(http, scope) : await servicesOfAreas(http, scope.municipalities, progress);
  const published = services.filter((s) => s.publishingStatus === 'Published' || s.publishingStatus === null || s.publishingStatus === undefined);
  const inScope = published.filter((s) => coversAny(s, scope.municipalities));
  const inScopeIds = new Set(inScope.map((s) => s.id));
  const outOfScope = published.filter((s) => !inScopeIds.has(s.id)).map((s) => s.id);
  const gone: string[] = [];
  if (scope.since) {
    for (const status of ['Archived', 'Withdrawn']) {
      for (const item of await idPages(http, '/Service', { status, date: ptvDate(scope.since) }, progress)) {
        if (scope.knownServices.has(item.id) && !inScopeIds.has(item.id)) gone.push(item.id);
      }
    }
  }

  const channelIds = unique(inScope.flatMap((s) => (s.serviceChannels ?? []).flatMap((c) => c.serviceChannel?.id ?? [])));
  const channels = await byIds<PtvChannel>(http, '/ServiceChannel/list', channelIds, 'channels', progress);

  const organizationIds = new Set(inScope.flatMap((s) => responsibleOf(s) ?? []));
  if (scope.since) {
    for (const item of await idPages(http, '/Organization', { date: ptvDate(scope.since) }, progress)) {
      if (scope.knownOrganizations.has(item.id)) organizationIds.add(item.id);
    }
  }
  const organizations = await byIds<PtvOrganization>(http, '/Organization/list', [...organizationIds], 'organizations', progress);
  return { services: inScope, channels, organizations, gone, outOfScope };
}

/** The id of a service's responsible organization (exactly one in PTV). */
export function responsibleOf(s: PtvService): string | undefined {
  const responsible = (s.organizations ?? []).find((o) => o.roleType === 'Responsible' && o.organization?.id);
  return responsible?.organization?.id;
}

/** Whether a service's area covers one of the municipalities (nationwide covers all). */
export function coversAny(s: PtvService, municipalities: string[]): boolean {
  if (s.areaType === 'Nationwide' || s.areaType === 'NationwideExceptAlandIslands') return true;
  const codes = new Set((s.areas ?? []).flatMap((a) => (a.municipalities ?? []).flatMap((m) => m.code ?? [])));
  return municipalities.some((m) => codes.has(m));
}

/**
 * The full-data lists of the municipalities. Nationwide services (hundreds: every state
 * agency's) come with the first list only: every list would repeat them.
 */
async function servicesOfAreas(http: PtvHttpClient, municipalities: string[], progress: (line: string) => void): Promise<PtvService[]> {
  const byId = new Map<string, PtvService>();
  for (const [i, code] of municipalities.entries()) {
    const path = `/Service/list/area/Municipality/code/${encodeURIComponent(code)}`;
    for (const s of await pages<PtvService>(http, path, { includeWholeCountry: i === 0 }, progress, `services of ${code}`)) {
      byId.set(s.id, s);
    }
  }
  return [...byId.values()];
}

/**
 * Services changed since the last sync, and the known services whose channels changed:
 * a channel's edit does not change the services' `modified`.
 */
async function changedServices(http: PtvHttpClient, scope: SnapshotRequest): Promise<PtvService[]> {
  const progress = scope.progress ?? (() => {});
  const date = ptvDate(scope.since!);
  const ids = new Set((await idPages(http, '/Service', { date }, progress)).map((i) => i.id));
  const changedChannels = (await idPages(http, '/ServiceChannel', { date }, progress)).map((i) => i.id);
  const channels = await byIds<PtvChannel>(http, '/ServiceChannel/list', changedChannels, 'changed channels', progress);
  for (const channel of channels.values()) {
    for (const c of channel.services ?? []) if (c.service?.id && scope.knownServices.has(c.service.id)) ids.add(c.service.id);
  }
  return [...(await byIds<PtvService>(http, '/Service/list', [...ids], 'changed services', progress)).values()];
}

/** `date=` takes UTC without a zone, to the second. */
export function ptvDate(d: Date): string {
  return d.toISOString().slice(0, 19);
}

async function pages<T>(
  http: PtvHttpClient,
  path: string,
  query: Record<string, string | number | boolean>,
  progress: (line: string) => void,
  what: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await http.get<Page<T>>(path, { ...query, page });
    const items = body?.itemList ?? [];
    out.push(...items);
    const pageCount = body?.pageCount ?? 0;
    progress(`${what}: page ${page}/${Math.max(pageCount, page)}, ${out.length} items`);
    if (items.length === 0 || page >= pageCount) break;
  }
  return out;
}

const idPages = (http: PtvHttpClient, path: string, query: Record<string, string>, progress: (line: string) => void) =>
  pages<IdName>(http, path, query, progress, `${path.slice(1)} ids${query.status ? ` (${query.status})` : ''}`);

/** Items by id through a `/list?guids=` endpoint; ids PTV does not publish are left out. */
async function byIds<T extends { id: string }>(
  http: PtvHttpClient,
  path: string,
  ids: string[],
  what: string,
  progress: (line: string) => void,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    // A 404 means none of the batch is published.
    const items = (await http.get<T[]>(path, { guids: batch.join(',') })) ?? [];
    for (const item of items) out.set(item.id, item);
    progress(`${what}: ${Math.min(i + BATCH, ids.length)}/${ids.length}`);
  }
  return out;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
