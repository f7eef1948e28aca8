import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from '../plugins/problem.ts';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('down')], { description: '`down` while the store does not answer' });

const system: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['system'],
      operationId: 'health',
      summary: 'The process is alive',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) },
    },
  }, async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    schema: {
      tags: ['system'],
      operationId: 'ready',
      summary: 'PostgreSQL and the search engine are reachable',
      description:
        '503 when either is not, naming the one that is `down`. While only the search engine is down, search still answers from PostgreSQL; ' +
        'while PostgreSQL is down, catalog reads and writes answer 503. Embedded stores are started again by the service.',
      response: {
        200: Type.Object({ status: Type.Literal('ready'), postgres: Check, search: Check }),
        503: Type.Object({ status: Type.Literal('unavailable'), postgres: Check, search: Check }),
      },
    },
  }, async (_request, reply) => {
    const postgres = await app.database.db
      .execute(sql`select 1`)
      .then(() => 'ok' as const)
      .catch(() => 'down' as const);
    const search = (await app.searchService.engine.isHealthy()) ? ('ok' as const) : ('down' as const);
    const ready = postgres === 'ok' && search === 'ok';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', postgres, search });
  });

  app.get('/metrics', {
    schema: {
      tags: ['system'],
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      produces: ['text/plain'],
      response: { 200: Type.String({ description: 'Prometheus text exposition format' }) },
    },
  }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });

  app.get('/problems/:type', {
    schema: {
      tags: ['system'],
      operationId: 'problemType',
      summary: 'What a problem type means',
      params: Type.Object({ type: Type.String() }),
      response: {
        200: Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer() }),
        404: Type.Unsafe({ $ref: 'Problem#' }),
      },
    },
  }, async (request, reply) => {
    const type = request.params.type as ProblemType;
    if (!Object.hasOwn(PROBLEM_TYPES, type)) return reply.callNotFound();
    const known = PROBLEM_TYPES[type];
    return { type: problemTypeUri(type), title: known.title, status: known.status };
  });
};

export default system;
