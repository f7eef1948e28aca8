import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { issueKey, revokeApiKey } from '../../catalog/key-commands.ts';
import { listKeys } from '../../db/keys.ts';
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

  app.get('/keys', {
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

  app.post('/keys', {
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
    const key = await db().transaction((tx) => issueKey(tx, request.principal, { role, organizationId: organization_id, label }));
    return reply.code(201).send({ id: key.id, secret: key.secret, role: key.role, organization_id: key.organizationId });
  });

  app.delete('/keys/:id', {
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
    await db().transaction((tx) => revokeApiKey(tx, request.principal, request.params.id));
    return reply.code(204).send(null);
  });
};

export default keys;
