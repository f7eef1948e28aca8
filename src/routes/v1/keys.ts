import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { createKey, listKeys, revokeKey } from '../../db/keys.ts';
import { getOrganization } from '../../db/organizations.ts';
import { Problem } from '../../plugins/problem.ts';
import { IdParams, WRITE_SECURITY, problems } from '../common.ts';

const tags = ['keys'];
const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('reader')]);

const KeyInfo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: Role,
  organization_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const keys: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get('/v1/keys', {
    config: { access: 'admin' },
    schema: {
      tags,
      operationId: 'listKeys',
      summary: 'List API keys (never their secrets)',
      security: WRITE_SECURITY,
      response: { 200: Type.Object({ items: Type.Array(KeyInfo) }), ...problems(401, 403) },
    },
  }, async () => ({
    items: (await listKeys(db())).map((k) => ({
      id: k.id,
      role: k.role,
      organization_id: k.organizationId,
      label: k.label,
      created_at: k.createdAt.toISOString(),
      last_used_at: k.lastUsedAt?.toISOString() ?? null,
      revoked_at: k.revokedAt?.toISOString() ?? null,
    })),
  }));

  app.post('/v1/keys', {
    config: { access: 'admin' },
    schema: {
      tags,
      operationId: 'createKey',
      summary: 'Create an API key',
      description: 'The secret is in this response only; the catalog stores its hash. An editor key needs organization_id.',
      security: WRITE_SECURITY,
      body: Type.Object(
        {
          role: Role,
          organization_id: Type.Optional(Type.String({ format: 'uuid' })),
          label: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      response: {
        201: Type.Object({ id: Type.String({ format: 'uuid' }), secret: Type.String(), role: Role, organization_id: Type.Union([Type.String(), Type.Null()]) }),
        ...problems(400, 401, 403, 422),
      },
    },
  }, async (request, reply) => {
    const { role, organization_id, label } = request.body;
    if (label?.includes('\u0000')) throw new Problem('validation', 'body/label: must not contain the NUL character (U+0000)');
    if (role === 'editor' && !organization_id) throw new Problem('validation', 'body/organization_id: an editor key belongs to one organization');
    if (role !== 'editor' && organization_id) throw new Problem('validation', 'body/organization_id: only editor keys belong to an organization');
    const created = await db().transaction(async (tx) => {
      if (organization_id && !(await getOrganization(tx, organization_id))) {
        throw new Problem('unprocessable', `organization ${organization_id} does not exist`);
      }
      const key = await createKey(tx, { role, organizationId: organization_id, label });
      await audit(tx, {
        keyId: request.principal?.keyId ?? null,
        action: 'create',
        entity: 'api_key',
        entityId: key.id,
        organizationId: organization_id ?? null,
        before: null,
        after: { role, organization_id: organization_id ?? null, label: label ?? null },
      });
      return key;
    });
    return reply.code(201).send({ id: created.id, secret: created.secret, role, organization_id: organization_id ?? null });
  });

  app.delete('/v1/keys/:id', {
    config: { access: 'admin' },
    schema: {
      tags,
      operationId: 'revokeKey',
      summary: 'Revoke an API key',
      security: WRITE_SECURITY,
      params: IdParams,
      response: { 204: Type.Null({ description: 'Revoked' }), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const revoked = await db().transaction(async (tx) => {
      const key = await revokeKey(tx, request.params.id);
      if (key) {
        // In the organization's log too, like the key's creation: its editors see it go.
        await audit(tx, { keyId: request.principal?.keyId ?? null, action: 'delete', entity: 'api_key', entityId: request.params.id, organizationId: key.organizationId, before: { revoked: false }, after: { revoked: true } });
      }
      return key !== undefined;
    });
    if (!revoked) throw new Problem('not-found', `no active key ${request.params.id}`);
    return reply.code(204).send(null);
  });
};

export default keys;
