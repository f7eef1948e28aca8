import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { staleCutoff } from '../../catalog/freshness.ts';
import { mergePatcher } from '../../catalog/merge-patch.ts';
import { createService, updateService } from '../../catalog/service-commands.ts';
import { OrganizationInput, OrganizationRecord, ServiceInput, ServiceRecord } from '../../catalog/types.ts';
import { inBody, organizationViolations } from '../../catalog/validate.ts';
import { audit, readAudit } from '../../db/audit.ts';
import { revokeOrganizationKeys } from '../../db/keys.ts';
import {
  getOrganization,
  hasLiveServices,
  insertOrganization,
  listOrganizations,
  organizationExists,
  replaceOrganization,
  softDeleteOrganization,
} from '../../db/organizations.ts';
import { services } from '../../db/schema.ts';
import { getServiceRows, getServices, isUniqueViolation } from '../../db/services.ts';
import { PROBLEM_TYPES, Problem, problemTypeUri, validationProblem } from '../../plugins/problem.ts';
import {
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
import { PTV_ORGANIZATION_FIELDS, assertNotFromRegister, assertRegisterFieldsKept } from '../../ptv/owned.ts';
import { actorOf } from './services.ts';

const tags = ['organizations'];

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  keyId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'RFC 6902 JSON Patch' }),
});
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry) });

const BatchItemResult = Type.Object({
  index: Type.Integer(),
  id: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Integer({ description: 'HTTP status the item would have had alone' }),
  result: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('failed')]),
  problem: Type.Optional(Type.Object({ type: Type.String(), title: Type.String(), detail: Type.Optional(Type.String()) })),
});

function assertValidOrganization(input: OrganizationInput) {
  const violations = organizationViolations(input);
  if (violations.length > 0) throw validationProblem(inBody(violations));
}

const organizations: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  const mustGet = async (id: string) => {
    const found = await getOrganization(db(), id);
    if (!found) throw new Problem('not-found', `no organization ${id}`);
    return found;
  };

  app.get('/v1/organizations', {
    schema: {
      tags,
      operationId: 'listOrganizations',
      summary: 'List organizations',
      querystring: Type.Object(Pagination),
      response: {
        200: Type.Object({ items: Type.Array(OrganizationRecord), total: Type.Integer(), page: Type.Integer(), limit: Type.Integer() }),
        ...problems(400),
      },
    },
  }, async (request) => {
    const { page, limit } = request.query;
    return { ...(await listOrganizations(db(), { page, limit })), page, limit };
  });

  app.get('/v1/organizations/:id', {
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

  app.post('/v1/organizations', {
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
        assertValidOrganization(request.body);
        const id = request.body.id ?? randomUUID();
        if (await getOrganization(tx, id)) throw new Problem('conflict', `organization ${id} already exists`);
        await insertOrganization(tx, id, request.body).catch((err: unknown) => {
          // A concurrent create of the same id, which the check above could not see yet.
          throw isUniqueViolation(err) ? new Problem('conflict', `organization ${id} already exists`) : err;
        });
        const created = (await getOrganization(tx, id))!;
        await audit(tx, {
          keyId: request.principal?.keyId ?? null,
          action: 'create',
          entity: 'organization',
          entityId: id,
          organizationId: id,
          before: null,
          after: created.record,
        });
        return {
          statusCode: 201,
          body: created.record,
          headers: { etag: etagOf(created.version), location: `/v1/organizations/${id}` },
        };
      }),
    );
    return sendStored(reply, res);
  });

  // `precondition` is evaluated after `authorize`: a caller without the right gets 403, not 428.
  const update = (id: string, precondition: () => number | undefined, keyId: string | null, authorize: (org: string) => void, change: (o: OrganizationInput) => OrganizationInput) =>
    db().transaction(async (tx) => {
      const current = await getOrganization(tx, id);
      if (!current) throw new Problem('not-found', `no organization ${id}`);
      authorize(id);
      const version = precondition();
      if (version !== undefined && version !== current.version) throw new Problem('precondition-failed');
      const { source, ...editable } = current.record;
      const next = change(editable);
      if (next.id !== undefined && next.id !== id) throw new Problem('validation', 'body/id: must be the id in the path');
      assertRegisterFieldsKept(source, PTV_ORGANIZATION_FIELDS, editable, next);
      assertValidOrganization(next);
      if (!(await replaceOrganization(tx, id, next, current.version))) throw new Problem('precondition-failed');
      const updated = (await getOrganization(tx, id))!;
      await audit(tx, { keyId, action: 'update', entity: 'organization', entityId: id, organizationId: id, before: current.record, after: updated.record });
      return updated;
    });

  app.put('/v1/organizations/:id', {
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
    const updated = await update(request.params.id, () => expectedVersion(request), request.principal?.keyId ?? null, (o) => request.authorizeOrganization(o), () => request.body);
    return reply.header('etag', etagOf(updated.version)).send(updated.record);
  });

  app.patch('/v1/organizations/:id', {
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
    const updated = await update(request.params.id, () => expectedVersion(request), request.principal?.keyId ?? null, (o) => request.authorizeOrganization(o), (current) =>
      patchOrganization(current, request.body),
    );
    return reply.header('etag', etagOf(updated.version)).send(updated.record);
  });

  app.delete('/v1/organizations/:id', {
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
    await db().transaction(async (tx) => {
      const current = await getOrganization(tx, request.params.id);
      if (!current) throw new Problem('not-found', `no organization ${request.params.id}`);
      assertNotFromRegister(current.record.source, 'organization');
      if (await hasLiveServices(tx, request.params.id)) throw new Problem('conflict', 'delete or move its services first');
      if (!(await softDeleteOrganization(tx, request.params.id, version ?? current.version))) throw new Problem('precondition-failed');
      const keyId = request.principal?.keyId ?? null;
      await audit(tx, { keyId, action: 'delete', entity: 'organization', entityId: request.params.id, organizationId: request.params.id, before: current.record, after: null });
      // Its editor keys have nothing left to write. Revoked, they stay dead even if an
      // import brings the organization back.
      for (const revoked of await revokeOrganizationKeys(tx, request.params.id)) {
        await audit(tx, { keyId, action: 'delete', entity: 'api_key', entityId: revoked, organizationId: request.params.id, before: { revoked: false }, after: { revoked: true } });
      }
    });
    return reply.code(204).send(null);
  });

  app.get('/v1/organizations/:id/stale', {
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
    const rows = await db()
      .select({ id: services.id })
      .from(services)
      .where(
        and(
          eq(services.organizationId, request.params.id),
          isNull(services.deletedAt),
          or(isNull(services.assuredDate), lt(services.assuredDate, staleCutoff())),
        ),
      )
      .orderBy(asc(services.assuredDate));
    return { items: await getServices(db(), rows.map((r) => r.id)) };
  });

  app.get('/v1/organizations/:id/audit', {
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

  app.post('/v1/organizations/:id/services/batch', {
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
    const actor = actorOf(request);
    const results: Array<Static<typeof BatchItemResult>> = [];
    class Rollback extends Error {}
    try {
      // With an Idempotency-Key, a retried batch gets the first answer instead of
      // creating its id-less items again. A rolled-back batch stores nothing.
      const res = await db().transaction((tx) =>
        idempotent(request, tx, async () => {
          for (const [index, item] of request.body.items.entries()) {
            // Each item runs in a savepoint so one failure does not hide the others' results.
            try {
              await tx.transaction(async (sp) => {
                if (item.organization_id !== request.params.id) {
                  throw new Problem('validation', 'body/organization_id: must be the organization in the path');
                }
                const exists = item.id ? (await getServiceRows(sp, [item.id])).length > 0 : false;
                if (exists) {
                  const updated = await updateService(sp, actor, item.id!, () => item, undefined);
                  results.push({ index, id: updated.record.id, status: 200, result: 'updated' });
                } else {
                  const created = await createService(sp, actor, item);
                  results.push({ index, id: created.record.id, status: 201, result: 'created' });
                }
              });
            } catch (err) {
              if (!(err instanceof Problem)) throw err;
              results.push({ index, id: item.id, status: err.status, result: 'failed', problem: { type: problemTypeUri(err.type), title: PROBLEM_TYPES[err.type].title, detail: err.detail } });
            }
          }
          if (results.some((r) => r.result === 'failed')) throw new Rollback();
          return { statusCode: 200, body: { applied: true, items: results } };
        }),
      );
      return sendStored(reply, res);
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      return { applied: false, items: results };
    }
  });
};

const patchOrganization = mergePatcher<OrganizationInput>(OrganizationInput);

export default organizations;
