import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Tx } from '../db/client.ts';
import { keepResponse, keptResponse, lockIdempotencyKey } from '../db/idempotency.ts';
import type { Actor } from '../catalog/actor.ts';
import { Problem } from '../problems.ts';
import { findMunicipality, findTerm } from '../vocabulary/index.ts';

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Resource id (UUID)' }) });

export const Pagination = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')], {
  default: 'fi',
  description: 'Language of labels and texts',
});

export const problemRef = Type.Unsafe<unknown>({ $ref: 'Problem#' });

/** Problem responses of a route, by status. */
export function problems(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemRef]));
}

export const WRITE_SECURITY = [{ apiKey: [] }];

/** Validation errors for the codes that are not terms of the taxonomy. */
export function unknownCodes(field: string, taxonomy: string, codes: string[] | undefined): Array<{ field: string; message: string }> {
  return (codes ?? []).filter((c) => !findTerm(taxonomy, c)).map((c) => ({ field, message: `unknown ${taxonomy} code '${c}'` }));
}

/** A validation error when a municipality code names no municipality. */
export function unknownMunicipality(field: string, code: string | undefined): Array<{ field: string; message: string }> {
  return code !== undefined && !findMunicipality(code) ? [{ field, message: `unknown municipality code '${code}'` }] : [];
}

export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header names: `undefined` when absent or `*`. A write by an
 * editor must name a version (428 otherwise, `*` included); admins and sync jobs may
 * overwrite blindly.
 * Routes evaluate it only once the caller is known to be allowed to write the record
 * (they pass `() => expectedVersion(request)`), so a caller without that right gets 403,
 * not 428 or 412 (RFC 9110 §13.2.1: preconditions come after the other checks).
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') {
    // `*` ("any version") would let an editor overwrite blindly, like no header at all.
    if (request.principal?.role === 'editor') {
      throw new Problem('precondition-required', 'send If-Match with the ETag of the resource you read (not *)');
    }
    return undefined;
  }
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  const version = Number(m?.[1]);
  // A version past PostgreSQL's integer (2^31 - 1) names no record's version either.
  if (!m || version > MAX_VERSION) throw new Problem('precondition-failed', 'If-Match does not name a current ETag');
  return version;
}

const MAX_VERSION = 2 ** 31 - 1;

const ifMatch = Type.Optional(Type.String({ description: 'ETag from a GET; required for editor keys' }));
const idempotencyKey = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Makes a retried POST safe' }));

export const IfMatchHeader = Type.Object({ 'if-match': ifMatch });
export const IfMatchAndIdempotencyHeaders = Type.Object({ 'if-match': ifMatch, 'idempotency-key': idempotencyKey });

export const IdempotencyHeader = Type.Object({ 'idempotency-key': idempotencyKey });

export interface StoredResponse {
  statusCode: number;
  body: unknown;
  headers?: Record<string, string>;
}

const requestHash = (request: FastifyRequest) =>
  createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');

export interface IdempotentResult extends StoredResponse {
  /** True when this is the stored response of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs a POST at most once per `Idempotency-Key` and API key: a repeat gets the first
 * response again; the same key with a different request is a 422. The result is stored
 * in the transaction of the write itself, so a crash cannot separate the two.
 *
 * It returns the response instead of sending it: the caller sends it with
 * `sendStored` once the transaction has committed, so that a client never holds a 201
 * for a write that a following read cannot see yet (or that failed to commit).
 */
export async function idempotent(
  request: FastifyRequest,
  tx: Tx,
  run: () => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  const key = request.headers['idempotency-key'];
  const keyId = request.principal?.keyId;
  if (typeof key !== 'string' || !keyId) return { ...(await run()), replayed: false };
  const hash = requestHash(request);
  await lockIdempotencyKey(tx, keyId, key);
  const kept = await keptResponse(tx, keyId, key);
  if (kept) {
    if (kept.requestHash !== hash) throw new Problem('idempotency-key-reused');
    return { ...(kept.body as StoredResponse), replayed: true };
  }
  const res = await run();
  await keepResponse(tx, keyId, key, hash, res.statusCode, res);
  return { ...res, replayed: false };
}

/** Sends what `idempotent` returned; call it after the transaction has committed. */
export function sendStored(reply: FastifyReply, res: IdempotentResult): FastifyReply {
  if (res.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(res.statusCode).headers(res.headers ?? {}).send(res.body);
}

/** The caller of a write command: the request's key, authorized through the auth plugin. */
export const actorOf = (request: FastifyRequest): Actor => ({
  principal: request.principal,
  authorize: (organizationId) => request.authorizeOrganization(organizationId),
});
