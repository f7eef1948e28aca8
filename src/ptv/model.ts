import type { OrganizationInput, ServiceInput, TermTaxonomy } from '../catalog/types.ts';

/**
 * What a PTV adapter (v11 today, v12 later) hands to the sync: the catalog's records
 * as PTV describes them, whatever the API version. The sync never sees PTV's JSON.
 */

/** Where a record comes from; shown in /v1 records and as HSDS metadata. */
export interface RecordSource {
  system: 'ptv';
  /** The record's id in PTV (the same as the catalog's id). */
  id: string;
  /** PTV's `modified` of the record, UTC. */
  modified: string;
  /** When the catalog last took the record's content from PTV. */
  synced_at: string;
}

export type DerivedTerms = Record<TermTaxonomy, string[]>;

export interface MappedOrganization {
  id: string;
  input: OrganizationInput;
  modified: string;
}

export interface MappedService {
  id: string;
  /** The PTV-owned fields, and the taxonomy terms derived from PTV's classifications. */
  input: ServiceInput;
  /** The term codes the mapping derived (as opposed to those added in the catalog). */
  derived: DerivedTerms;
  /** Set for services of public authorities (see `interpretation.ts`). */
  publicAuthority: boolean;
  modified: string;
}

/** What the sync asks an adapter to read. */
export interface SnapshotRequest {
  municipalities: string[];
  /** Read what changed since then (UTC); everything when undefined. */
  since?: Date;
  /** PTV ids of the services and organizations the catalog already holds. */
  knownServices: Set<string>;
  knownOrganizations: Set<string>;
  /** A line per page read, for a terminal. */
  progress?: (line: string) => void;
}

/** Everything one sync read from PTV, before anything is written. */
export interface PtvSnapshot {
  organizations: MappedOrganization[];
  services: MappedService[];
  /** Services PTV says are archived or withdrawn (known ids only). */
  gone: string[];
  /** Services read from PTV whose area no longer covers the chosen municipalities. */
  outOfScope: string[];
  /** PTV services the mapping could not represent, with why. */
  skipped: Array<{ id: string; reason: string }>;
  /** Requests made, retries included. */
  requests: number;
}
