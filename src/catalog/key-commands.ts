import { audit } from '../db/audit.ts';
import type { Tx } from '../db/client.ts';
import { createKey, revokeKey, type Principal, type Role } from '../db/keys.ts';
import { getOrganization } from '../db/organizations.ts';
import { Problem, validationProblem } from '../problems.ts';

/**
 * API keys: who may hold which key, and the audit entry of every change, the same for
 * `POST /v1/keys` and `tarjotin keys create`.
 */

export interface NewKeyRequest {
  role: Role;
  organizationId?: string;
  label?: string;
}

export interface IssuedKey {
  id: string;
  /** Shown once; only its hash is stored. */
  secret: string;
  role: Role;
  organizationId: string | null;
}

/** Who issues or revokes a key: an admin key over HTTP, or nobody (`null`) on the command line. */
export type KeyIssuer = Principal | null;

function assertOwnershipFits(req: NewKeyRequest): void {
  if (req.role === 'editor' && !req.organizationId) {
    throw validationProblem([{ field: 'body/organization_id', message: 'an editor key belongs to one organization' }]);
  }
  if (req.role !== 'editor' && req.organizationId) {
    throw validationProblem([{ field: 'body/organization_id', message: 'only editor keys belong to an organization' }]);
  }
}

export async function issueKey(tx: Tx, issuer: KeyIssuer, req: NewKeyRequest): Promise<IssuedKey> {
  assertOwnershipFits(req);
  if (req.organizationId && !(await getOrganization(tx, req.organizationId))) {
    throw new Problem('unprocessable', `organization ${req.organizationId} does not exist`);
  }
  const key = await createKey(tx, { role: req.role, organizationId: req.organizationId, label: req.label });
  const organizationId = req.organizationId ?? null;
  await audit(tx, {
    keyId: issuer?.keyId ?? null,
    action: 'create',
    entity: 'api_key',
    entityId: key.id,
    organizationId,
    before: null,
    after: { role: req.role, organization_id: organizationId, label: req.label ?? null },
  });
  return { id: key.id, secret: key.secret, role: req.role, organizationId };
}

/** Revokes an active key; 404 when there is none with this id. */
export async function revokeApiKey(tx: Tx, issuer: KeyIssuer, id: string): Promise<void> {
  const key = await revokeKey(tx, id);
  if (!key) throw new Problem('not-found', `no active key ${id}`);
  // In the organization's log too, like the key's creation: its editors see it go.
  await audit(tx, {
    keyId: issuer?.keyId ?? null,
    action: 'delete',
    entity: 'api_key',
    entityId: id,
    organizationId: key.organizationId,
    before: { revoked: false },
    after: { revoked: true },
  });
}
