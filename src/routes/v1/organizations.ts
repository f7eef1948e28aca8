import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BatchRefused, upsertServices } from '../../catalog/batch-upsert.ts';
import { createOrganization, deleteOrganization, mergePatchOrganization, updateOrganization } from '../../catalog/organization-commands.ts';
import { OrganizationInput, OrganizationRecord, ServiceInput, ServiceRecord } from '../../catalog/types.ts';
import { readAudit } from '../../db/audit.ts';
import { getOrganization, listOrganizations, organizationExists } from '../../db/organizations.ts';
import { getServices, staleServiceIds } from '../../db/services.ts';
import { Problem } from '../../problems.ts';
import {
  actorOf,
  IdParams,
  IdempotencyHeader,
  IfMatchHeader as IfMatch,
  Pagination,
  WRITE_SECURITY,
  etagOf,
  expectedVersion,
  idempotent,
  problems,
  sendStored,
} from '../common.ts';
import { AuditPage } from './schemas.ts';

const tags = ['organizations'];


const BatchItemResult = Type.Object({
  index: Type.Integer(),
  id: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Integer({ description: 'HTTP status the item would have had alone' }),
  result: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('failed')]),
  problem: Type.Optional(Type.Object({ type: Type.String(), title: Type.String(), detail: Type.Optional(Type.String()) })),
});

const organizations: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  const mustGet = async (id: string) => {
    const found = await getOrganization(db(), id);
    if (!found) throw new Problem('not-found', `no organization ${id}`);
    return found;
  };

  app.get('/organizations', {
    schema: {
      tags,
      operationId: 'listOrganizations',
      summary: 'List organizations',
      description: 'In name order; `q` finds organizations whose name contains it (case-insensitive), e.g. to find the id for `keys create --org`.',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the name, case-insensitive' })),
        ...Pagination,
      }),
      response: {
        200: Type.Object({ items: Type.Array(OrganizationRecord), total: Type.Integer(), page: Type.Integer(), limit: Type.Integer() }),
        ...problems(400),
      },
    },
  }, async (request) => {
    const { q, page, limit } = request.query;
    return { ...(await listOrganizations(db(), { page, limit, name: q })), page, limit };
  });

  app.get('/organizations/:id', {
    schema: {
      tags,
      operationId: 'getOrganization',
      summary: 'Get one organization',
      params: IdParams,
      response: { 200: OrganizationRecord, ...problems(400, 404) },
    },
  }, async (request, reply) => {
    const found = await mustGet(request.params.id);
    return reply.header('etag', etagOf(found.version)).send(found.record);
  });

  app.post('/organizations', {
    config: { access: 'admin' },
    schema: {
      tags,
      operationId: 'createOrganization',
      summary: 'Create an organization',
      description: 'Admin only: organizations are registered by the catalog curator.',
      security: WRITE_SECURITY,
      headers: IdempotencyHeader,
      body: OrganizationInput,
      response: { 201: OrganizationRecord, ...problems(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const res = await db().transaction((tx) =>
      idempotent(request, tx, async () => {
        const created = await createOrganization(tx, actorOf(request), request.body);
        const id = created.record.id;
        return {
          statusCode: 201,
          body: created.record,
          headers: { etag: etagOf(created.version), location: `/v1/organizations/${id}` },
        };
      }),
    );
    return sendStored(reply, res);
  });

  const update = (request: FastifyRequest, id: string, change: (o: OrganizationInput) => OrganizationInput) =>
    db().transaction((tx) => updateOrganization(tx, actorOf(request), id, change, () => expectedVersion(request)));

  app.put('/organizations/:id', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'replaceOrganization',
      summary: 'Replace an organization',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      body: OrganizationInput,
      response: { 200: OrganizationRecord, ...problems(400, 401, 403, 404, 409, 412, 428) },
    },
  }, async (request, reply) => {
    const updated = await update(request, request.params.id, () => request.body);
    return reply.header('etag', etagOf(updated.version)).send(updated.record);
  });

  app.patch('/organizations/:id', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'patchOrganization',
      summary: 'Change part of an organization (JSON Merge Patch)',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      body: Type.Object({}, { additionalProperties: true, description: 'Merge patch of an organization' }),
      response: { 200: OrganizationRecord, ...problems(400, 401, 403, 404, 409, 412, 415, 428) },
    },
  }, async (request, reply) => {
    const updated = await update(request, request.params.id, mergePatchOrganization(request.body));
    return reply.header('etag', etagOf(updated.version)).send(updated.record);
  });

  app.delete('/organizations/:id', {
    config: { access: 'admin' },
    schema: {
      tags,
      operationId: 'deleteOrganization',
      summary: 'Delete an organization',
      description: 'Admin only, and only once its services are deleted. History is kept; the editor keys of the organization are revoked.',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404, 409, 412) },
    },
  }, async (request, reply) => {
    const version = expectedVersion(request);
    await db().transaction((tx) => deleteOrganization(tx, actorOf(request), request.params.id, version));
    return reply.code(204).send(null);
  });

  app.get('/organizations/:id/stale', {
    schema: {
      tags,
      operationId: 'listStaleServices',
      summary: "An organization's listings not verified in 12 months",
      description: 'Services whose assured_date is missing or over 12 months old: the reminder list for the provider.',
      params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(ServiceRecord) }), ...problems(400, 404) },
    },
  }, async (request) => {
    await mustGet(request.params.id);
    return { items: await getServices(db(), await staleServiceIds(db(), request.params.id)) };
  });

  app.get('/organizations/:id/audit', {
    schema: {
      tags,
      operationId: 'getOrganizationAudit',
      summary: "An organization's audit log",
      description: 'Every write to the organization and its services: who (API key id), when, what changed. Admin keys, and editor keys of the organization.',
      security: WRITE_SECURITY,
      params: IdParams,
      querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Pagination.limit }),
      response: { 200: AuditPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    if (!request.principal) throw new Problem('unauthorized', 'the audit log needs an admin key or an editor key of the organization');
    request.authorizeOrganization(request.params.id);
    // A deleted organization keeps its audit log.
    if (!(await organizationExists(db(), request.params.id, { withDeleted: true }))) {
      throw new Problem('not-found', `no organization ${request.params.id}`);
    }
    return { items: await readAudit(db(), { organizationId: request.params.id, before: request.query.before, limit: request.query.limit }) };
  });

  app.post('/organizations/:id/services/batch', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'upsertServicesBatch',
      summary: "Create or update an organization's services in one transaction",
      description:
        'For synchronising systems: each item with an existing id replaces that service, others are created. All items are applied in one transaction; when any item fails nothing is written and each item reports its own result.',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IdempotencyHeader,
      body: Type.Object({ items: Type.Array(ServiceInput, { minItems: 1, maxItems: 500 }) }),
      response: {
        200: Type.Object({ applied: Type.Boolean(), items: Type.Array(BatchItemResult) }),
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request, reply) => {
    request.authorizeOrganization(request.params.id);
    await mustGet(request.params.id);
    try {
      // With an Idempotency-Key, a retried batch gets the first answer instead of
      // creating its id-less items again. A refused batch stores nothing.
      const res = await db().transaction((tx) =>
        idempotent(request, tx, async () => {
          const items = await upsertServices(tx, actorOf(request), request.params.id, request.body.items);
          return { statusCode: 200, body: { applied: true, items } };
        }),
      );
      return sendStored(reply, res);
    } catch (err) {
      if (!(err instanceof BatchRefused)) throw err;
      return { applied: false, items: err.items };
    }
  });
};

export default organizations;
