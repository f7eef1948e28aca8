import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { Type } from 'typebox';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { PROBLEM_TYPES, Problem, problemTypeUri, validationProblem, type FieldError, type ProblemType } from '../problems.ts';
import { unknownNameMessage } from '../schemas/names.ts';

/**
 * Every error leaves as RFC 9457 `application/problem+json` (the problems themselves are
 * in `src/problems.ts`): Fastify's own errors, the router's and Node's HTTP parser's
 * refusals and unexpected faults are mapped to a problem here. Details never include
 * request bodies (client situation text is personal data), stack traces or SQL.
 */

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);

function problemBody(problem: Problem, instance?: string) {
  const { status, title } = PROBLEM_TYPES[problem.type];
  return {
    type: problemTypeUri(problem.type),
    title,
    status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(instance ? { instance } : {}),
    ...problem.extensions,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problemBody(problem, reply.request.url.split('?')[0]));
}

/**
 * Fastify's `frameworkErrors`: addresses its router refuses before any route runs (a
 * malformed percent-encoding, a path segment over the router's length limit) still get
 * a problem+json answer.
 */
export function frameworkErrorHandler(err: FastifyError, _request: unknown, reply: FastifyReply): FastifyReply {
  const problem = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? new Problem('uri-too-long', 'a path segment is longer than any id')
    : new Problem('validation', 'the address is not valid (check its percent-encoding)');
  return sendProblem(reply, problem);
}

/** Problems of requests that Node's HTTP parser refused, by its error code. */
function fromClientError(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new Problem('headers-too-large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new Problem('request-timeout');
    default:
      return new Problem('validation', 'the request is not valid HTTP/1.1');
  }
}

/**
 * Fastify's `clientErrorHandler`: a request that Node's parser refused still gets a
 * problem+json answer. Nothing of the request is logged: its raw bytes may hold an API
 * key or a client's situation.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = fromClientError(err.code);
  const body = JSON.stringify(problemBody(problem));
  socket.end(
    `HTTP/1.1 ${problem.status} ${PROBLEM_TYPES[problem.type].title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}


/** Where a client finds the values a field takes, by the field's name. */
const FIELD_HINTS: Record<string, string> = {
  municipality: 'a municipality code of three digits, e.g. 297 (Kuopio); GET /v1/areas lists them',
  area: 'a wellbeing area slug, e.g. pohjois-savo; GET /v1/areas lists them',
  need: 'need codes, e.g. debt; GET /v1/taxonomies lists them',
  service_type: 'service type codes; GET /v1/taxonomies lists them',
  target_group: 'target group codes; GET /v1/taxonomies lists them',
  access: 'access codes; GET /v1/taxonomies lists them',
  provider_type: 'provider type codes; GET /v1/taxonomies lists them',
  language: 'ISO 639-1 language codes, e.g. fi, sv, en',
};

type AjvError = NonNullable<FastifyError['validation']>[number] & { parentSchema?: { properties?: Record<string, unknown> } };

/** The message for a value that has the wrong form, with where the right ones are listed. */
function formMessage(v: AjvError, path: string): string {
  const name = path.split('/').filter((s) => !/^[0-9]+$/.test(s)).pop() ?? '';
  const hint = FIELD_HINTS[name];
  return hint ? `is not valid here: expected ${hint}` : (v.message ?? 'is invalid');
}

/**
 * Ajv's errors as one entry per field that says what is wrong and what would be right:
 * the allowed values of an enumeration (not one "must be equal to constant" per
 * alternative), the name of an unknown field and the closest known one, and where the
 * valid codes are listed.
 */
export function fieldErrors(validation: AjvError[], context: string): FieldError[] {
  const allowed = new Map<string, unknown[]>();
  for (const v of validation) {
    if (v.keyword === 'const') allowed.set(v.instancePath, [...(allowed.get(v.instancePath) ?? []), v.params.allowedValue]);
    if (v.keyword === 'enum') allowed.set(v.instancePath, [...(allowed.get(v.instancePath) ?? []), ...(v.params.allowedValues as unknown[])]);
  }
  const errors = new Map<string, string>();
  for (const [path, values] of allowed) errors.set(`${context}${path}`, `must be one of: ${values.map(String).join(', ')}`);
  for (const v of validation) {
    if (allowed.has(v.instancePath)) continue;
    if (v.keyword === 'additionalProperties') {
      const name = String(v.params.additionalProperty);
      const known = Object.keys(v.parentSchema?.properties ?? {});
      errors.set(`${context}${v.instancePath}/${name}`, unknownNameMessage('field', name, known));
    } else if (v.keyword === 'required') {
      errors.set(`${context}${v.instancePath}/${String(v.params.missingProperty)}`, 'is required');
    } else if (v.keyword === 'pattern' || v.keyword === 'format') {
      errors.set(`${context}${v.instancePath}`, formMessage(v, v.instancePath || `/${context}`));
    } else {
      errors.set(`${context}${v.instancePath}`, v.message ?? 'is invalid');
    }
  }
  return [...errors].map(([field, message]) => ({ field, message }));
}

/** Maps Fastify's own errors (validation, body parsing, limits) to problem types. */
function fromFastifyError(err: FastifyError): Problem | undefined {
  if (err.validation) return validationProblem(fieldErrors(err.validation as AjvError[], err.validationContext ?? 'body'));
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('malformed-json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem('unsupported-media-type');
  }
  if (err instanceof SyntaxError) return new Problem('malformed-json');
  if (err.statusCode === 429) return new Problem('rate-limited', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const byStatus = (Object.keys(PROBLEM_TYPES) as ProblemType[]).find((k) => PROBLEM_TYPES[k].status === err.statusCode);
    return new Problem(byStatus ?? 'validation');
  }
  return undefined;
}

/**
 * What of an unexpected error may be logged: its kind, the driver's error code and where
 * it happened. Not its message: a failed query's message carries the statement's
 * parameters, which may be request data (client situations are personal data).
 */
export function safeErrorSummary(err: Error & { code?: string; cause?: unknown }) {
  const cause = err.cause as { code?: string; name?: string } | undefined;
  return {
    type: err.name,
    code: cause?.code ?? err.code,
    cause: cause?.name,
    // Stack frames only: a driver's message (the first lines of the stack, as many as
    // it has) may hold the failed statement's parameters.
    at: stackFrames(err).slice(0, 5),
  };
}

/** The frames of an error's stack, without the message that heads it. */
function stackFrames(err: Error): string[] {
  const head = `${err.name}: ${err.message}`;
  const stack = err.stack ?? '';
  const frames = stack.startsWith(head) ? stack.slice(head.length) : '';
  return frames.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('at '));
}

/**
 * The methods the app's routes answer on a path, for 405 answers (RFC 9110 §15.5.6).
 * CORS preflights (OPTIONS on every path) are not counted as a route of the path.
 */
function methodsByPath(app: FastifyInstance): (path: string) => string[] {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat() as HTTPMethod[]) {
      if (method === 'OPTIONS' || router.hasRoute(method, route.url)) continue;
      router.on(method, route.url, () => {});
      methods.add(method);
    }
  });
  return (path) => [...methods].filter((m) => router.find(m, path) !== null);
}

export default fp(
  async function problemPlugin(app: FastifyInstance) {
    app.addSchema(ProblemSchema);
    app.setErrorHandler((err: FastifyError, request, reply) => {
      const problem = err instanceof Problem ? err : fromFastifyError(err);
      if (problem) return sendProblem(reply, problem);
      if (isDatabaseUnavailable(err)) {
        return sendProblem(reply.header('retry-after', '1'), new Problem('unavailable', 'the database is unavailable; retry shortly'));
      }
      request.log.error({ err: safeErrorSummary(err) }, 'unhandled error');
      return sendProblem(reply, new Problem('internal'));
    });
    const allowed = methodsByPath(app);
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!;
      const methods = allowed(path);
      if (methods.length > 0) {
        reply.header('allow', methods.join(', '));
        return sendProblem(reply, new Problem('method-not-allowed', `${request.method} is not allowed here; allowed: ${methods.join(', ')}`));
      }
      return sendProblem(reply, new Problem('not-found', `no route ${request.method} ${path}`));
    });
  },
  { name: 'problem' },
);
