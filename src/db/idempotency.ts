import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { idempotencyKeys } from './schema.ts';

/** A response kept for an Idempotency-Key, with the hash of the request that got it. */
export interface KeptResponse {
  requestHash: string;
  body: unknown;
}

/** Serialises the requests with one key of one API key for the rest of the transaction. */
export async function lockIdempotencyKey(tx: Tx, keyId: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${keyId}:${key}`}))`);
}

export async function keptResponse(tx: Tx, keyId: string, key: string): Promise<KeptResponse | undefined> {
  const [row] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.key, key)));
  return row;
}

/** Keeps a response for a day, long enough for any client retry, and forgets older ones. */
export async function keepResponse(tx: Tx, keyId: string, key: string, requestHash: string, statusCode: number, body: unknown): Promise<void> {
  await tx.insert(idempotencyKeys).values({ key, keyId, requestHash, statusCode, body });
  await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - interval '1 day'`));
}
