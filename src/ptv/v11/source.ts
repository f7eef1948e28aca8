import { PtvHttpClient, type PtvHttpOptions } from '../http-client.ts';
import type { PtvSnapshot, SnapshotRequest } from '../model.ts';
import { fetchV11 } from './fetch.ts';
import { mapOrganization, mapService } from './mapping.ts';

/** The v11 adapter: reads PTV's open API v11 and maps what it read to the catalog's records. */
export function v11Source(http: PtvHttpOptions): (request: SnapshotRequest) => Promise<PtvSnapshot> {
  return async (request) => {
    const client = new PtvHttpClient(http);
    const fetched = await fetchV11(client, request);
    const organizations = [...fetched.organizations.values()].flatMap((o) => mapOrganization(o) ?? []);
    const skipped: PtvSnapshot['skipped'] = [];
    const services = fetched.services.flatMap((s) => {
      const mapped = mapService(s, fetched);
      if ('skip' in mapped) {
        skipped.push({ id: s.id, reason: mapped.skip });
        return [];
      }
      return [mapped];
    });
    return { organizations, services, gone: fetched.gone, outOfScope: fetched.outOfScope, skipped, requests: client.requests };
  };
}
