import { randomUUID } from 'node:crypto';
import { audit } from '../db/audit.ts';
import type { Tx } from '../db/client.ts';
import { revokeOrganizationKeys } from '../db/keys.ts';
import {
  fieldsTakenByOthers,
  getOrganization,
  hasLiveServices,
  insertOrganization,
  replaceOrganization,
  softDeleteOrganization,
  type OrganizationWithVersion,
} from '../db/organizations.ts';
import { isUniqueViolation } from '../db/services.ts';
import { Problem, validationProblem } from '../problems.ts';
import { PTV_ORGANIZATION_FIELDS, assertNotFromRegister, assertRegisterFieldsKept } from '../ptv/owned.ts';
import { assertCurrentVersion, versionOf, type Actor, type Precondition } from './actor.ts';
import { assertIdFree } from './id-ownership.ts';
import { mergePatcher } from './merge-patch.ts';
import { OrganizationInput } from './types.ts';
import { inBody, organizationViolations } from './validate.ts';

/**
 * The write side of organizations: validation, no impersonation of another organization,
 * ownership, optimistic concurrency and the audit trail, in the caller's transaction.
 */

const patchOrganization = mergePatcher<OrganizationInput>(OrganizationInput);

/** RFC 7396 JSON Merge Patch onto the organization's input form, validated like a PUT. */
export const mergePatchOrganization = (patch: unknown) => (current: OrganizationInput) => patchOrganization(current, patch);

function assertValid(input: OrganizationInput): void {
  const violations = organizationViolations(input);
  if (violations.length > 0) throw validationProblem(inBody(violations));
}

/**
 * An editor cannot give its organization the name or the business id of another live
 * organization: it would pass itself off as that one. Curators (admin keys), imports and
 * the PTV sync may: sub-organizations in PTV share their parent's business id.
 */
async function assertNotImpersonating(tx: Tx, actor: Actor, id: string, current: OrganizationInput, next: OrganizationInput): Promise<void> {
  if (actor.principal?.role === 'admin') return;
  const nameChanged = next.name.toLowerCase() !== current.name.toLowerCase();
  const businessIdChanged = next.business_id !== current.business_id;
  if (!nameChanged && !businessIdChanged) return;
  const taken = (await fieldsTakenByOthers(tx, id, next)).filter((f) => (f === 'name' ? nameChanged : businessIdChanged));
  if (taken.length > 0) {
    throw new Problem('conflict', `another organization has this ${taken.join(' and ')}`, {
      errors: taken.map((field) => ({ field: `body/${field}`, message: 'another organization already has it' })),
    });
  }
}

const conflictOnUnique = (id: string) => (err: unknown) => {
  // A concurrent write of the same id that the checks above could not see yet.
  throw isUniqueViolation(err) ? new Problem('conflict', `the id ${id} is taken`) : err;
};

async function mustGet(tx: Tx, id: string): Promise<OrganizationWithVersion> {
  const found = await getOrganization(tx, id);
  if (!found) throw new Problem('not-found', `no organization ${id}`);
  return found;
}

export async function createOrganization(tx: Tx, actor: Actor, input: OrganizationInput): Promise<OrganizationWithVersion> {
  const id = input.id ?? randomUUID();
  if (await getOrganization(tx, id)) throw new Problem('conflict', `organization ${id} already exists`);
  await assertIdFree(tx, id, 'a new organization');
  assertValid(input);
  await insertOrganization(tx, id, input).catch(conflictOnUnique(id));
  const created = await mustGet(tx, id);
  await audit(tx, { keyId: actor.principal?.keyId ?? null, action: 'create', entity: 'organization', entityId: id, organizationId: id, before: null, after: created.record });
  return created;
}

export async function updateOrganization(
  tx: Tx,
  actor: Actor,
  id: string,
  change: (current: OrganizationInput) => OrganizationInput,
  precondition: Precondition,
): Promise<OrganizationWithVersion> {
  const current = await mustGet(tx, id);
  actor.authorize(id);
  assertCurrentVersion(precondition, current.version);
  const { source, ...editable } = current.record;
  const next = change(editable);
  if (next.id !== undefined && next.id !== id) throw new Problem('validation', 'body/id: must be the id in the path');
  assertRegisterFieldsKept(source, PTV_ORGANIZATION_FIELDS, editable, next);
  assertValid(next);
  await assertNotImpersonating(tx, actor, id, editable, next);
  if (!(await replaceOrganization(tx, id, next, current.version).catch(conflictOnUnique(id)))) throw new Problem('precondition-failed');
  const updated = await mustGet(tx, id);
  await audit(tx, { keyId: actor.principal?.keyId ?? null, action: 'update', entity: 'organization', entityId: id, organizationId: id, before: current.record, after: updated.record });
  return updated;
}

/** Soft delete, once the organization has no live services; its editor keys are revoked. */
export async function deleteOrganization(tx: Tx, actor: Actor, id: string, precondition: Precondition): Promise<void> {
  const current = await mustGet(tx, id);
  actor.authorize(id);
  assertNotFromRegister(current.record.source, 'organization');
  if (await hasLiveServices(tx, id)) throw new Problem('conflict', 'delete or move its services first');
  if (!(await softDeleteOrganization(tx, id, versionOf(precondition) ?? current.version))) throw new Problem('precondition-failed');
  const keyId = actor.principal?.keyId ?? null;
  await audit(tx, { keyId, action: 'delete', entity: 'organization', entityId: id, organizationId: id, before: current.record, after: null });
  // Its editor keys have nothing left to write. Revoked, they stay dead even if an
  // import brings the organization back.
  for (const revoked of await revokeOrganizationKeys(tx, id)) {
    await audit(tx, { keyId, action: 'delete', entity: 'api_key', entityId: revoked, organizationId: id, before: { revoked: false }, after: { revoked: true } });
  }
}
