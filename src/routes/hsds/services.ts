import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findService, findServiceAtLocation, selectServiceAtLocations, selectServices, type ServiceFilter } from '../../hsds/queries.ts';
import { fullServices, lightServices, serviceAtLocation } from '../../hsds/views.ts';
import { Problem } from '../../problems.ts';
import { problems } from '../common.ts';
import { Full, HsdsObject, HsdsPage, IdParam, Paging, ServiceFilters, pageOf, pageRequest, tags } from './schemas.ts';

const Service = HsdsObject('compiled/service.json', 'A service with all related data nested');
const ServiceListItem = HsdsObject('compiled/service_list.json', 'A service: one-to-one fields and its organization, or with full=true as compiled/service.json');
const ServiceAtLocation = HsdsObject('compiled/service_at_location.json', 'A service at a location, fully nested');
const ServiceAtLocationListItem = HsdsObject(
  'compiled/service_at_location_list.json',
  'A service at a location: one-to-one fields, or with full=true as compiled/service_at_location.json',
);

const ServiceQuery = Type.Object({ ...ServiceFilters, full: Full('services'), ...Paging });

/** A date alone means its midnight UTC, whatever the database session's time zone. */
const instantOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v) : undefined;

const filterOf = (q: Record<string, unknown>): ServiceFilter => ({
  search: q.search as string | undefined,
  taxonomyTermId: q.taxonomy_term_id as string | undefined,
  taxonomyId: q.taxonomy_id as string | undefined,
  organizationId: q.organization_id as string | undefined,
  modifiedAfter: instantOf(q.modified_after),
});

/** HSDS services and services at locations. */
const hsdsServices: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get('/services', {
    schema: {
      tags,
      operationId: 'hsdsListServices',
      summary: 'HSDS: paginated list of services',
      description:
        'Services of every status (active, temporarily closed, inactive, defunct), so that a mirror can retire ended listings. ' +
        'One-to-one fields and the organization by default; `full=true` nests all related data as GET /hsds/services/{id} does.',
      querystring: ServiceQuery,
      response: { 200: HsdsPage(ServiceListItem, 'services'), ...problems(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    const page = pageRequest(q);
    const { rows, total } = await selectServices(db(), filterOf(q), page);
    const contents = q.full ? await fullServices(db(), rows) : await lightServices(db(), rows);
    return pageOf(contents, total, page, q.per_page);
  });

  app.get('/services/:id', {
    schema: {
      tags,
      operationId: 'hsdsGetService',
      summary: 'HSDS: a fully nested service',
      description: 'The service with its organization, phones, schedules, languages, service areas, locations (with addresses) and attributes (with taxonomy terms).',
      params: IdParam('service'),
      response: { 200: Service, ...problems(400, 404, 429) },
    },
  }, async (request) => {
    const row = await findService(db(), request.params.id);
    if (!row) throw new Problem('not-found', `no service ${request.params.id}`);
    const [service] = await fullServices(db(), [row]);
    return service!;
  });

  app.get('/service_at_locations', {
    schema: {
      tags,
      operationId: 'hsdsListServiceAtLocations',
      summary: 'HSDS: paginated list of services at locations',
      description: 'One entry per location of each service, filtered and ordered as GET /hsds/services.',
      querystring: Type.Object({ ...ServiceFilters, full: Full('services at locations'), ...Paging }),
      response: { 200: HsdsPage(ServiceAtLocationListItem, 'services at locations'), ...problems(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    const page = pageRequest(q);
    const { rows, total } = await selectServiceAtLocations(db(), filterOf(q), page);
    const services = await fullServices(db(), [...new Map(rows.map((r) => [r.service.id, r.service])).values()]);
    const byId = new Map(services.map((s) => [s.id, s]));
    const contents = rows.flatMap((r) => serviceAtLocation(byId.get(r.service.id)!, r.salId, q.full ?? false) ?? []);
    return pageOf(contents, total, page, q.per_page);
  });

  app.get('/service_at_locations/:id', {
    schema: {
      tags,
      operationId: 'hsdsGetServiceAtLocation',
      summary: 'HSDS: a fully nested service at a location',
      params: IdParam('service at location'),
      response: { 200: ServiceAtLocation, ...problems(400, 404, 429) },
    },
  }, async (request) => {
    const row = await findServiceAtLocation(db(), request.params.id);
    const [service] = row ? await fullServices(db(), [row]) : [];
    const found = service && serviceAtLocation(service, request.params.id, true);
    if (!found) throw new Problem('not-found', `no service at location ${request.params.id}`);
    return found;
  });
};

export default hsdsServices;
