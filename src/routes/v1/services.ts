import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  createService,
  deleteService,
  mergePatch,
  updateService,
} from '../../catalog/service-commands.ts';
import { today } from '../../catalog/freshness.ts';
import { ServiceInput, ServiceRecord, ServiceStatus } from '../../catalog/types.ts';
import { readAudit } from '../../db/audit.ts';
import { getService, getServiceRows, listServices, type ServiceWithVersion } from '../../db/services.ts';
import { Problem } from '../../problems.ts';
import {
  actorOf,
  IdParams,
  IdempotencyHeader,
  IfMatchAndIdempotencyHeaders,
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

const tags = ['services'];


function sendService(reply: FastifyReply, s: ServiceWithVersion, status = 200) {
  return reply.code(status).header('etag', etagOf(s.version)).send(s.record);
}

const services: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get('/services', {
    schema: {
      tags,
      operationId: 'listServices',
      summary: 'List services',
      description: 'Every listing, including inactive ones, for catalog maintenance. Use /v1/search to find services.',
      querystring: Type.Object({
        organization_id: Type.Optional(Type.String({ format: 'uuid' })),
        status: Type.Optional(ServiceStatus),
        ...Pagination,
      }),
      response: {
        200: Type.Object({ items: Type.Array(ServiceRecord), total: Type.Integer(), page: Type.Integer(), limit: Type.Integer() }),
        ...problems(400),
      },
    },
  }, async (request) => {
    const { organization_id, status, page, limit } = request.query;
    const { items, total } = await listServices(db(), { organizationId: organization_id, status, page, limit });
    return { items, total, page, limit };
  });

  app.get('/services/:id', {
    schema: {
      tags,
      operationId: 'getService',
      summary: 'Get one service',
      description: 'The service with its areas, phones, schedules, languages, locations and taxonomy terms. The ETag header is the version to send in If-Match.',
      params: IdParams,
      response: { 200: ServiceRecord, ...problems(400, 404) },
    },
  }, async (request, reply) => {
    const found = await getService(db(), request.params.id);
    if (!found) throw new Problem('not-found', `no service ${request.params.id}`);
    return sendService(reply, found);
  });

  app.post('/services', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'createService',
      summary: 'Create a service',
      description: 'An editor key creates services of its own organization only. Send Idempotency-Key to make retries safe.',
      security: WRITE_SECURITY,
      headers: IdempotencyHeader,
      body: ServiceInput,
      response: { 201: ServiceRecord, ...problems(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const res = await db().transaction((tx) =>
      idempotent(request, tx, async () => {
        const created = await createService(tx, actorOf(request), request.body);
        return {
          statusCode: 201,
          body: created.record,
          headers: { etag: etagOf(created.version), location: `/v1/services/${created.record.id}` },
        };
      }),
    );
    return sendStored(reply, res);
  });

  app.put('/services/:id', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'replaceService',
      summary: 'Replace a service',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      body: ServiceInput,
      response: { 200: ServiceRecord, ...problems(400, 401, 403, 404, 409, 412, 422, 428) },
    },
  }, async (request, reply) => {
    const updated = await db().transaction((tx) =>
      updateService(tx, actorOf(request), request.params.id, () => request.body, () => expectedVersion(request)),
    );
    return sendService(reply, updated);
  });

  app.patch('/services/:id', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'patchService',
      summary: 'Change part of a service (JSON Merge Patch)',
      description: 'RFC 7396 JSON Merge Patch, sent as application/merge-patch+json (application/json is accepted too). `null` removes a field.',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      body: Type.Object({}, { additionalProperties: true, description: 'Merge patch of a service' }),
      response: { 200: ServiceRecord, ...problems(400, 401, 403, 404, 409, 412, 415, 422, 428) },
    },
  }, async (request, reply) => {
    const updated = await db().transaction((tx) =>
      updateService(tx, actorOf(request), request.params.id, mergePatch(request.body), () => expectedVersion(request)),
    );
    return sendService(reply, updated);
  });

  app.delete('/services/:id', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'deleteService',
      summary: 'Delete a service',
      description: 'The listing disappears from reads and search; its history and audit trail are kept.',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatch,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404, 409, 412, 428) },
    },
  }, async (request, reply) => {
    await db().transaction((tx) => deleteService(tx, actorOf(request), request.params.id, () => expectedVersion(request)));
    return reply.code(204).send(null);
  });

  app.post('/services/:id/verify', {
    config: { access: 'organization' },
    schema: {
      tags,
      operationId: 'verifyService',
      summary: 'Mark a service as verified today',
      description:
        'Sets assured_date to today: the provider has checked that the listing is current. Like every write, it takes `If-Match` with the ' +
        'ETag of the service as read (GET /v1/services/{id}): an editor key must send it (428 otherwise), and a stale one is 412.',
      security: WRITE_SECURITY,
      params: IdParams,
      headers: IfMatchAndIdempotencyHeaders,
      response: { 200: ServiceRecord, ...problems(400, 401, 403, 404, 412, 428) },
    },
  }, async (request, reply) => {
    // A retried verify would otherwise meet its own version bump (412); with an
    // Idempotency-Key it gets the first answer again.
    const res = await db().transaction((tx) =>
      idempotent(request, tx, async () => {
        const updated = await updateService(
          tx,
          actorOf(request),
          request.params.id,
          (s) => ({ ...s, assured_date: today() }),
          () => expectedVersion(request),
          'verify',
        );
        return { statusCode: 200, body: updated.record, headers: { etag: etagOf(updated.version) } };
      }),
    );
    return sendStored(reply, res);
  });

  app.get('/services/:id/history', {
    schema: {
      tags,
      operationId: 'getServiceHistory',
      summary: "A service's audit trail",
      description: 'Who changed what and when. Admin keys, and editor keys of the owning organization.',
      security: WRITE_SECURITY,
      params: IdParams,
      querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Pagination.limit }),
      response: { 200: AuditPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    if (!request.principal) throw new Problem('unauthorized', 'the audit trail needs an admin key or an editor key of the organization');
    // A deleted listing keeps its history: look the owner up among deleted rows too.
    const [found] = await getServiceRows(db(), [request.params.id], true);
    if (!found) throw new Problem('not-found', `no service ${request.params.id}`);
    request.authorizeOrganization(found.organizationId);
    // An editor sees the entries written while the listing was its organization's.
    const ownEntriesOnly = request.principal.role === 'editor' ? request.principal.organizationId ?? undefined : undefined;
    const items = await readAudit(db(), {
      entity: { kind: 'service', id: request.params.id },
      organizationId: ownEntriesOnly,
      before: request.query.before,
      limit: request.query.limit,
    });
    return { items };
  });
};

export default services;
