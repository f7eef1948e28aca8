import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { Identifier, ServiceInput, Translations, WebUrl } from '../catalog/types.ts';
import '../schemas/formats.ts';

/**
 * What a catalog file's records must satisfy beyond the /v1 input schemas: the HSDS 3.0
 * properties the catalog does not model itself but keeps verbatim (`extra`), typed as
 * the HSDS schemas type them, so that a file accepted on import also exports as valid
 * HSDS. Any other property passes through untouched (HSDS allows additional properties).
 */

const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);
const Uuid = Type.String({ format: 'uuid' });
const Str = Type.String();
const Text = Type.String({ minLength: 1 });
const Uri = Type.String({ format: 'uri' });
const Email = Type.String({ format: 'email' });
/** A related HSDS row kept verbatim: every row has a UUID id. */
const Rows = Type.Array(Type.Object({ id: Uuid }));

export const TaxonomyFile = Type.Object({
  id: Uuid,
  name: Text,
  description: Text,
  uri: Opt(Uri),
  version: Opt(Str),
});

export const TermFile = Type.Object({
  id: Uuid,
  code: Type.String({ minLength: 1, maxLength: 100 }),
  name: Text,
  description: Text,
  taxonomy_id: Uuid,
  language: Opt(Type.String({ pattern: '^[a-z]{2,3}$' })),
  parent_id: Opt(Uuid),
  term_uri: Opt(Uri),
});

export const OrganizationFile = Type.Object({
  id: Uuid,
  name: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.String({ minLength: 1, maxLength: 5000 }),
  website: Opt(WebUrl),
  email: Opt(Type.String({ format: 'email', maxLength: 200 })),
  legal_status: Opt(Str),
  translations: Opt(Translations),
  organization_identifiers: Opt(Type.Array(Identifier)),
  attributes: Opt(Type.Array(Type.Object({}))),
  // HSDS properties kept verbatim
  alternate_name: Opt(Str),
  tax_status: Opt(Str),
  tax_id: Opt(Str),
  year_incorporated: Opt(Type.Number()),
  logo: Opt(Str),
  uri: Opt(Uri),
  parent_organization_id: Opt(Uuid),
  funding: Opt(Rows),
  contacts: Opt(Rows),
  phones: Opt(Rows),
  locations: Opt(Rows),
  programs: Opt(Rows),
  metadata: Opt(Rows),
});

/** HSDS service properties outside the catalog's model, kept verbatim. */
export const ServiceExtras = Type.Object({
  program_id: Opt(Uuid),
  wait_time: Opt(Str),
  fees: Opt(Str),
  accreditations: Opt(Str),
  licenses: Opt(Str),
  alert: Opt(Str),
  assurer_email: Opt(Email),
  program: Opt(Type.Object({ id: Uuid, name: Str, description: Str })),
  funding: Opt(Rows),
  cost_options: Opt(Rows),
  required_documents: Opt(Rows),
  contacts: Opt(Rows),
  metadata: Opt(Rows),
});

export const checkTaxonomy = Compile(TaxonomyFile);
export const checkTerm = Compile(TermFile);
export const checkOrganization = Compile(OrganizationFile);
export const checkServiceInput = Compile(ServiceInput);
export const checkServiceExtras = Compile(ServiceExtras);
