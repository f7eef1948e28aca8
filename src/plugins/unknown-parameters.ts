import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { unknownNameMessage } from '../schemas/names.ts';
import { validationProblem, type FieldError } from '../problems.ts';

/**
 * A misspelled query parameter would otherwise be ignored and the answer look filtered
 * when it is not (`municipalty=297` returning the whole country): every route that
 * declares its query string refuses parameters it does not know, naming each one and
 * the known parameter closest to it.
 */

function unknownParameters(query: unknown, known: string[]): FieldError[] {
  if (!query || typeof query !== 'object') return [];
  return Object.keys(query)
    .filter((name) => !known.includes(name))
    .slice(0, 20)
    .map((name) => ({ field: `querystring/${name}`, message: unknownNameMessage('parameter', name, known) }));
}

export default fp(
  async function unknownParametersPlugin(app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      const routeSchema = request.routeOptions.schema as { hide?: boolean; querystring?: { properties?: Record<string, unknown> } } | undefined;
      // Pages embedded elsewhere (the widget) may be given a host page's tracking parameters.
      const schema = routeSchema?.querystring;
      if (routeSchema?.hide || !schema?.properties) return;
      const errors = unknownParameters(request.query, Object.keys(schema.properties));
      if (errors.length > 0) throw validationProblem(errors);
    });
  },
  { name: 'unknown-parameters', dependencies: ['problem'] },
);
