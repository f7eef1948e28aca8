import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { unstorableTextViolations } from '../catalog/validate.ts';
import { validationProblem } from '../problems.ts';

/**
 * Input that JSON and the schemas allow but PostgreSQL cannot take (NUL, lone
 * surrogates, infinite numbers) or recursive code cannot walk (deep nesting), refused as
 * a 400 for every route at once, before any route code sees it: see
 * `unstorableTextViolations`. It runs after validation, on the values as coerced (a
 * query's `1e400` is a number then), and before every handler.
 */
export default fp(
  async function inputGuard(app: FastifyInstance) {
    app.addHook('preHandler', async (request) => {
      const parts = { params: request.params, querystring: request.query, body: request.body };
      const errors = Object.entries(parts).flatMap(([part, value]) =>
        unstorableTextViolations(value).map((v) => ({ field: `${part}${v.field === '/' ? '' : v.field}`, message: v.message })),
      );
      if (errors.length > 0) throw validationProblem(errors.slice(0, 20));
    });
  },
  { name: 'input-guard', dependencies: ['problem'] },
);
