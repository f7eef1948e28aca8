import type { Tx } from '../db/client.ts';
import { getServiceRows } from '../db/services.ts';
import { PROBLEM_TYPES, Problem, problemTypeUri } from '../problems.ts';
import type { Actor } from './actor.ts';
import { createService, updateService } from './service-commands.ts';
import type { ServiceInput } from './types.ts';

/** What happened to one item of a batch, with the status it would have had alone. */
export interface BatchItemResult {
  index: number;
  id?: string;
  status: number;
  result: 'created' | 'updated' | 'failed';
  problem?: { type: string; title: string; detail?: string };
}

/** A batch that did not apply: every item's result, none of them written. */
export class BatchRefused extends Error {
  constructor(readonly items: BatchItemResult[]) {
    super('the batch was not applied');
  }
}

/**
 * An organization's services in one transaction, for synchronising systems: an item
 * with an existing id replaces that service, others are created. Each item runs in a
 * savepoint so that one failure does not hide the others' results; when any fails,
 * `BatchRefused` carries them all and the caller's transaction writes nothing.
 */
export async function upsertServices(tx: Tx, actor: Actor, organizationId: string, items: ServiceInput[]): Promise<BatchItemResult[]> {
  actor.authorize(organizationId);
  const results: BatchItemResult[] = [];
  for (const [index, item] of items.entries()) {
    try {
      await tx.transaction(async (sp) => results.push({ index, ...(await upsertOne(sp, actor, organizationId, item)) }));
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      results.push({ index, id: item.id, status: err.status, result: 'failed', problem: { type: problemTypeUri(err.type), title: PROBLEM_TYPES[err.type].title, detail: err.detail } });
    }
  }
  if (results.some((r) => r.result === 'failed')) throw new BatchRefused(results);
  return results;
}

async function upsertOne(tx: Tx, actor: Actor, organizationId: string, item: ServiceInput): Promise<Omit<BatchItemResult, 'index'>> {
  if (item.organization_id !== organizationId) {
    throw new Problem('validation', 'body/organization_id: must be the organization in the path');
  }
  const exists = item.id ? (await getServiceRows(tx, [item.id])).length > 0 : false;
  if (exists) {
    const updated = await updateService(tx, actor, item.id!, () => item, undefined);
    return { id: updated.record.id, status: 200, result: 'updated' };
  }
  const created = await createService(tx, actor, item);
  return { id: created.record.id, status: 201, result: 'created' };
}
