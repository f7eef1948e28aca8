import { randomUUID } from 'node:crypto';
import { audit } from '../db/audit.ts';
import type { Tx } from '../db/client.ts';
import { getOrganization } from '../db/organizations.ts';
import {
  getService,
  getServiceRows,
  insertService,
  isUniqueViolation,
  replaceService,
  softDeleteService,
  toInput,
  type ServiceWithVersion,
} from '../db/services.ts';
import { Problem, validationProblem } from '../problems.ts';
import { assertCurrentVersion, versionOf, type Actor, type Precondition } from './actor.ts';
import { assertServiceIdsFree } from './id-ownership.ts';
import { PTV_SERVICE_FIELDS, assertNotFromRegister, assertRegisterFieldsKept } from '../ptv/owned.ts';
import { mergePatcher, PHONES_BY_NUMBER } from './merge-patch.ts';
import { ServiceInput } from './types.ts';
import { inBody, serviceViolations } from './validate.ts';

/**
 * The write side of services: validation beyond the JSON schema, ownership, optimistic
 * concurrency and the audit trail, in the caller's transaction. Routes and the batch
 * upsert share it.
 */

const patchService = mergePatcher<ServiceInput>(ServiceInput, PHONES_BY_NUMBER);

function assertValid(input: ServiceInput): void {
  const violations = serviceViolations(input);
  if (violations.length > 0) throw validationProblem(inBody(violations));
}

async function assertOrganizationExists(tx: Tx, organizationId: string): Promise<void> {
  if (!(await getOrganization(tx, organizationId))) {
    throw new Problem('unprocessable', `organization ${organizationId} does not exist`);
  }
}

async function mustGet(tx: Tx, id: string): Promise<ServiceWithVersion> {
  const found = await getService(tx, id);
  if (!found) throw new Problem('not-found', `no service ${id}`);
  return found;
}

/**
 * `assured_date` says the provider checked the listing: an editor sets it only through
 * `verify`; admin keys (curators, and sync jobs carrying another system's verification
 * dates) and imports may set it. A write may repeat the stored value, so that a record
 * read and sent back as a whole is accepted.
 */
function assertAssuredDateUnchanged(actor: Actor, next: ServiceInput, stored: string | undefined): void {
  if (actor.principal?.role === 'admin') return;
  if (next.assured_date !== stored) {
    throw validationProblem([{ field: 'body/assured_date', message: 'is set by POST /v1/services/{id}/verify, not by a write' }]);
  }
}

const conflictOnReusedId = (id: string) => (err: unknown) => {
  throw isUniqueViolation(err) ? new Problem('conflict', `service ${id} or an id nested in it belongs to another record`) : err;
};

export async function createService(tx: Tx, actor: Actor, input: ServiceInput): Promise<ServiceWithVersion> {
  actor.authorize(input.organization_id);
  const id = input.id ?? randomUUID();
  const withId = { ...input, id };
  assertValid(withId);
  assertAssuredDateUnchanged(actor, withId, undefined);
  await assertOrganizationExists(tx, input.organization_id);
  if ((await getServiceRows(tx, [id], true)).length > 0) throw new Problem('conflict', `service ${id} already exists`);
  await assertServiceIdsFree(tx, withId, undefined);
  // The checks above cannot see a concurrent write of the same ids that has not committed.
  await insertService(tx, id, withId).catch(conflictOnReusedId(id));
  const created = await mustGet(tx, id);
  await audit(tx, {
    keyId: actor.principal?.keyId ?? null,
    action: 'create',
    entity: 'service',
    entityId: id,
    organizationId: input.organization_id,
    before: null,
    after: created.record,
  });
  return created;
}

export async function updateService(
  tx: Tx,
  actor: Actor,
  id: string,
  change: (current: ServiceInput) => ServiceInput,
  precondition: Precondition,
  action: 'update' | 'verify' = 'update',
): Promise<ServiceWithVersion> {
  const current = await mustGet(tx, id);
  actor.authorize(current.organizationId);
  assertCurrentVersion(precondition, current.version);
  const before = toInput(current.record);
  const next = change(before);
  if (next.id !== undefined && next.id !== id) throw new Problem('validation', 'body/id: must be the id in the path');
  assertRegisterFieldsKept(current.record.source, PTV_SERVICE_FIELDS, before, next);
  if (next.organization_id !== current.organizationId) {
    actor.authorize(next.organization_id);
    await assertOrganizationExists(tx, next.organization_id);
  }
  const withId = { ...next, id };
  assertValid(withId);
  if (action !== 'verify') assertAssuredDateUnchanged(actor, withId, current.record.assured_date);
  await assertServiceIdsFree(tx, withId, { ...toInput(current.record), id });
  // The version check repeats in the UPDATE itself: two writers that both read the same
  // version cannot both succeed.
  const ok = await replaceService(tx, id, withId, { expectedVersion: current.version }).catch(conflictOnReusedId(id));
  if (!ok) throw new Problem('precondition-failed');
  const updated = await mustGet(tx, id);
  const keyId = actor.principal?.keyId ?? null;
  const moved = updated.organizationId !== current.organizationId;
  // An audit entry stays with the organization whose record it was when written: after a
  // move the new owner sees the record as it arrived, not the former owner's history.
  await audit(tx, {
    keyId,
    action: moved ? 'move' : action,
    entity: 'service',
    entityId: id,
    organizationId: current.organizationId,
    before: current.record,
    after: updated.record,
  });
  if (moved) {
    await audit(tx, { keyId, action: 'move', entity: 'service', entityId: id, organizationId: updated.organizationId, before: null, after: updated.record });
  }
  return updated;
}

/** RFC 7396 JSON Merge Patch onto the service's input form, validated like a PUT. */
export function mergePatch(patch: unknown): (current: ServiceInput) => ServiceInput {
  return (current) => patchService(current, patch);
}

export async function deleteService(tx: Tx, actor: Actor, id: string, precondition: Precondition): Promise<void> {
  const current = await mustGet(tx, id);
  actor.authorize(current.organizationId);
  assertNotFromRegister(current.record.source, 'service');
  const expectedVersion = versionOf(precondition);
  const ok = await softDeleteService(tx, id, expectedVersion ?? current.version);
  if (!ok) throw new Problem('precondition-failed');
  await audit(tx, {
    keyId: actor.principal?.keyId ?? null,
    action: 'delete',
    entity: 'service',
    entityId: id,
    organizationId: current.organizationId,
    before: current.record,
    after: null,
  });
}
