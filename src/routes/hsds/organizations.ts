import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findOrganization, selectOrganizations } from '../../hsds/queries.ts';
import { fullOrganizations, lightOrganizations } from '../../hsds/views.ts';
import { Problem } from '../../problems.ts';
import { problems } from '../common.ts';
import { Full, FullService, HsdsObject, HsdsPage, IdParam, Paging, Search, pageOf, pageRequest, tags } from './schemas.ts';

const Organization = HsdsObject('compiled/organization.json', 'An organization with identifiers, attributes and services nested');
const OrganizationListItem = HsdsObject(
  'compiled/organization_list.json',
  'An organization: one-to-one fields, or with full=true as compiled/organization.json',
);

/** HSDS organizations. */
const hsdsOrganizations: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get('/organizations', {
    schema: {
      tags,
      operationId: 'hsdsListOrganizations',
      summary: 'HSDS: paginated list of organizations',
      description: 'One-to-one fields by default; `full=true` nests identifiers, attributes and services (their one-to-one fields, or everything with `full_service=true`).',
      querystring: Type.Object({ search: Search, full: Full('organizations'), full_service: FullService, ...Paging }),
      response: { 200: HsdsPage(OrganizationListItem, 'organizations'), ...problems(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    const page = pageRequest(q);
    const { rows, total } = await selectOrganizations(db(), q.search, page);
    const contents = q.full ? await fullOrganizations(db(), rows, q.full_service ?? false) : lightOrganizations(rows);
    return pageOf(contents, total, page, q.per_page);
  });

  app.get('/organizations/:id', {
    schema: {
      tags,
      operationId: 'hsdsGetOrganization',
      summary: 'HSDS: a fully nested organization',
      description: 'With identifiers (Y-tunnus), attributes and its services: their one-to-one fields, or fully nested with `full_service=true`.',
      params: IdParam('organization'),
      querystring: Type.Object({ full_service: FullService }),
      response: { 200: Organization, ...problems(400, 404, 429) },
    },
  }, async (request) => {
    const row = await findOrganization(db(), request.params.id);
    if (!row) throw new Problem('not-found', `no organization ${request.params.id}`);
    const [organization] = await fullOrganizations(db(), [row], request.query.full_service ?? false);
    return organization!;
  });
};

export default hsdsOrganizations;
