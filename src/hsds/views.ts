import type { Tx } from '../db/client.ts';
import type { OrganizationRow } from '../db/organizations.ts';
import type { ServiceRow } from '../db/services.ts';
import {
  attributesOf,
  hsdsOrganization,
  hsdsService,
  isObject,
  nestedServices,
  oneToOne,
  organizationsById,
  servicesOfOrganizations,
  type Json,
} from './objects.ts';

/**
 * The objects of the /hsds read API, in the two forms the HSDS API reference names:
 * "full" (related objects nested: compiled/service.json, organization.json,
 * service_at_location.json) and "light" (one-to-one fields only: the *_list.json schemas).
 * Each form loads what it shows for the whole page in a few queries, never per record
 * (one after another: the handle may be a transaction, whose client runs one at a time).
 */

/** Fully nested organizations by id (identifiers and attributes), for nesting in services. */
async function nestedOrganizationsById(tx: Tx, ids: string[]): Promise<Map<string, Json>> {
  const rows = await organizationsById(tx, ids);
  const attrs = await attributesOf(tx, 'organization', [...rows.keys()]);
  return new Map([...rows].map(([id, o]) => [id, hsdsOrganization(o, attrs.get(id) ?? [])]));
}

/** Services with everything nested, their organization included. */
export async function fullServices(tx: Tx, rows: ServiceRow[]): Promise<Json[]> {
  const nested = await nestedServices(tx, rows);
  const orgs = await nestedOrganizationsById(tx, rows.map((r) => r.organizationId));
  return nested.map((s, i) => withOrganization(s, orgs.get(rows[i]!.organizationId)));
}

/** One-to-one fields of services, with the one-to-one fields of their organization. */
export async function lightServices(tx: Tx, rows: ServiceRow[]): Promise<Json[]> {
  const orgs = await organizationsById(tx, rows.map((r) => r.organizationId));
  return rows.map((r) => {
    const org = orgs.get(r.organizationId);
    return withOrganization(oneToOne(hsdsService(r, [])), org && oneToOne(hsdsOrganization(org, [])));
  });
}

const withOrganization = (service: Json, organization: Json | undefined): Json =>
  organization ? { ...service, organization } : service;

export const lightOrganizations = (rows: OrganizationRow[]): Json[] => rows.map((o) => oneToOne(hsdsOrganization(o, [])));

/**
 * Organizations with identifiers, attributes and their services nested: the services'
 * one-to-one fields, or with `fullServices` every service fully nested (without the
 * organization again).
 */
export async function fullOrganizations(tx: Tx, rows: OrganizationRow[], withFullServices: boolean): Promise<Json[]> {
  const ids = rows.map((o) => o.id);
  const attrs = await attributesOf(tx, 'organization', ids);
  const servicesByOrg = await servicesOfOrganizations(tx, ids);
  const serviceRows = [...servicesByOrg.values()].flat();
  const serviceObjects = withFullServices ? await nestedServices(tx, serviceRows) : serviceRows.map((s) => oneToOne(hsdsService(s, [])));
  const serviceById = new Map(serviceRows.map((s, i) => [s.id, serviceObjects[i]!]));
  return rows.map((o) => ({
    ...hsdsOrganization(o, attrs.get(o.id) ?? []),
    services: (servicesByOrg.get(o.id) ?? []).map((s) => serviceById.get(s.id)!),
  }));
}

/**
 * A service at a location: the location nested in the service, with the service (and
 * its organization) nested in turn. The light form keeps one-to-one fields of each.
 */
export function serviceAtLocation(fullService: Json, salId: string, full: boolean): Json | undefined {
  const sals = Array.isArray(fullService.service_at_locations) ? (fullService.service_at_locations as unknown[]) : [];
  const sal = sals.find((x): x is Json => isObject(x) && x.id === salId);
  if (!sal) return undefined;
  const location = isObject(sal.location) ? sal.location : undefined;
  const { service_at_locations: _own, ...service } = fullService;
  const organization = isObject(service.organization) ? oneToOne(service.organization) : undefined;
  return {
    ...sal,
    service_id: fullService.id,
    ...(location && { location_id: location.id, location: full ? location : oneToOne(location) }),
    service: full ? service : withOrganization(oneToOne(service), organization),
  };
}
