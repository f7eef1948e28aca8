import type { Principal } from '../db/keys.ts';
import { Problem } from '../problems.ts';

/** Who runs a write command, whichever entry point (HTTP, command line) it came through. */
export interface Actor {
  principal: Principal | null;
  /** Throws 403 unless the actor may write this organization's records. */
  authorize(organizationId: string): void;
}

/**
 * The version an `If-Match` names (`undefined`: none). A function is evaluated only after
 * the actor is authorized, so that a caller without the right gets 403 rather than a
 * precondition error.
 */
export type Precondition = number | undefined | (() => number | undefined);

export const versionOf = (p: Precondition) => (typeof p === 'function' ? p() : p);

/** 412 unless the precondition names no version or the current one. */
export function assertCurrentVersion(precondition: Precondition, current: number): void {
  const expected = versionOf(precondition);
  if (expected !== undefined && expected !== current) throw new Problem('precondition-failed');
}
