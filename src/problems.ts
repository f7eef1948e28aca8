/**
 * The problems the API answers with (RFC 9457): each has a stable `type`
 * (`/problems/<name>`, explained at that path) and its HTTP status. Commands throw them;
 * the problem plugin (`src/plugins/problem.ts`) sends them as `application/problem+json`.
 * Bad input is always a 4xx.
 */

export const PROBLEM_TYPES = {
  'validation': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unauthorized': { status: 401, title: 'An API key is required' },
  'forbidden': { status: 403, title: 'This API key may not do that' },
  'not-found': { status: 404, title: 'No such resource' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'conflict': { status: 409, title: 'The request conflicts with the current state' },
  'request-timeout': { status: 408, title: 'The request did not arrive in time' },
  'ptv-managed': { status: 409, title: 'This field comes from PTV and is changed there' },
  'precondition-failed': { status: 412, title: 'The resource has changed since it was read' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'uri-too-long': { status: 414, title: 'A part of the address is too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'unprocessable': { status: 422, title: 'The request cannot be applied' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used with a different request' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'internal': { status: 500, title: 'Internal error' },
  'unavailable': { status: 503, title: 'A backing service is unavailable' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType) => `/problems/${type}`;

export interface FieldError {
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEM_TYPES[type].title);
  }

  get status(): number {
    return PROBLEM_TYPES[this.type].status;
  }
}

/** A 400 listing every field that is wrong; `detail` repeats them for a human reader. */
export function validationProblem(errors: FieldError[]): Problem {
  return new Problem('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
