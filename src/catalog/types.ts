import { Type, type Static } from 'typebox';

/**
 * The catalog's records as the /v1 API reads and writes them: HSDS 3.0 field names for
 * what HSDS has, Finnish as the base text, other languages under `translations`, and
 * the taxonomy terms as code lists per taxonomy.
 */

export const SERVICE_STATUSES = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;
export const ServiceStatus = Type.Union([
  Type.Literal('active'), Type.Literal('temporarily closed'), Type.Literal('inactive'), Type.Literal('defunct'),
]);
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const TEXT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

const Uuid = Type.String({ format: 'uuid' });
/** Nested objects may be sent without an id; the catalog assigns one. */
const NestedId = Type.Optional(Type.String({ format: 'uuid' }));
const Text = (max = 500) => Type.String({ minLength: 1, maxLength: max });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);
const DateString = Type.String({ format: 'date' });
/** Only web addresses: listings are shown as links, and a `javascript:` one would run. */
export const WebUrl = Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', maxLength: 500, description: 'An http(s) address' });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$' });

export const TranslatedText = Type.Object(
  {
    name: Opt(Text(300)),
    alternate_name: Opt(Text(300)),
    description: Opt(Text(5000)),
    application_process: Opt(Text(2000)),
    fees_description: Opt(Text(2000)),
    eligibility_description: Opt(Text(2000)),
  },
  { additionalProperties: false },
);
export const Translations = Type.Object(
  { sv: Opt(TranslatedText), en: Opt(TranslatedText) },
  { additionalProperties: false, description: 'Swedish and English texts; Finnish is the base text.' },
);
export type Translations = Static<typeof Translations>;

export const Identifier = Type.Object({
  id: Uuid,
  identifier_scope: Opt(Type.String()),
  identifier_type: Type.String({ minLength: 1 }),
  identifier: Type.String({ minLength: 1 }),
});
export type Identifier = Static<typeof Identifier>;

export const Phone = Type.Object({
  id: NestedId,
  number: Type.String({ minLength: 3, maxLength: 40 }),
  type: Opt(Type.String({ maxLength: 20 })),
  description: Opt(Type.String({ maxLength: 500 })),
});
export type Phone = Static<typeof Phone>;

export const Schedule = Type.Object({
  id: NestedId,
  service_id: Opt(Uuid),
  freq: Opt(Type.Union([Type.Literal('WEEKLY'), Type.Literal('MONTHLY')])),
  byday: Opt(Type.String({ pattern: '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$' })),
  opens_at: Opt(Time),
  closes_at: Opt(Time),
  valid_from: Opt(DateString),
  valid_to: Opt(DateString),
  description: Opt(Type.String({ maxLength: 1000 })),
});
export type Schedule = Static<typeof Schedule>;

export const Language = Type.Object({
  id: NestedId,
  name: Opt(Type.String({ maxLength: 100 })),
  code: Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 code' }),
});
export type Language = Static<typeof Language>;

export const EXTENT_PATTERN = '^(FI|kunta:[0-9]{3}|hva:[a-z-]+)$';
export const ServiceArea = Type.Object({
  id: NestedId,
  name: Opt(Type.String({ maxLength: 200 })),
  extent_type: Opt(Type.Literal('text')),
  extent: Type.String({
    pattern: EXTENT_PATTERN,
    description: '`kunta:<code>` (municipality), `hva:<slug>` (wellbeing area) or `FI` (whole country)',
  }),
});
export type ServiceArea = Static<typeof ServiceArea>;

export const Address = Type.Object({
  id: NestedId,
  address_1: Type.String({ minLength: 1, maxLength: 200 }),
  city: Type.String({ minLength: 1, maxLength: 100 }),
  postal_code: Type.String({ pattern: '^[0-9]{5}$' }),
  state_province: Type.String({ maxLength: 200 }),
  country: Type.String({ pattern: '^[A-Z]{2}$' }),
  address_type: Type.String(),
});
export const Accessibility = Type.Object({ id: NestedId, description: Opt(Type.String({ maxLength: 1000 })) });
export const Location = Type.Object({
  id: NestedId,
  location_type: Type.Union([Type.Literal('physical'), Type.Literal('virtual'), Type.Literal('postal')]),
  name: Opt(Type.String({ maxLength: 200 })),
  latitude: Opt(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Opt(Type.Number({ minimum: -180, maximum: 180 })),
  url: Opt(WebUrl),
  addresses: Type.Array(Address, { maxItems: 10 }),
  accessibility: Type.Array(Accessibility, { maxItems: 20 }),
});
export const ServiceAtLocation = Type.Object({ id: NestedId, location: Location });
export type ServiceAtLocation = Static<typeof ServiceAtLocation>;

/** Term codes per taxonomy, e.g. `{"need": ["debt"], "access": ["free"]}`. */
export const TERM_TAXONOMIES = ['need', 'service_type', 'target_group', 'access'] as const;
export type TermTaxonomy = (typeof TERM_TAXONOMIES)[number];
const CodeList = Type.Array(Type.String({ pattern: '^[a-z_]+$' }), { maxItems: 30, uniqueItems: true });

const serviceFields = {
  organization_id: Uuid,
  name: Text(300),
  alternate_name: Opt(Text(300)),
  description: Text(5000),
  url: Opt(WebUrl),
  email: Opt(Type.String({ format: 'email', maxLength: 200 })),
  status: ServiceStatus,
  status_note: Opt(Text(1000)),
  status_until: Opt(DateString),
  application_process: Opt(Text(2000)),
  fees_description: Opt(Text(2000)),
  eligibility_description: Opt(Text(2000)),
  interpretation_services: Opt(
    Type.String({
      minLength: 1,
      maxLength: 1000,
      description:
        'HSDS: how the service arranges interpretation. Set when it serves clients in any language through an interpreter ' +
        '(public authorities must); recommend then offers it to clients who speak none of its `languages`.',
    }),
  ),
  minimum_age: Opt(Type.Integer({ minimum: 0, maximum: 130 })),
  maximum_age: Opt(Type.Integer({ minimum: 0, maximum: 130 })),
  assured_date: Opt(DateString),
  translations: Opt(Translations),
  phones: Opt(Type.Array(Phone, { maxItems: 20 })),
  schedules: Opt(Type.Array(Schedule, { maxItems: 50 })),
  languages: Opt(Type.Array(Language, { maxItems: 30 })),
  service_areas: Opt(Type.Array(ServiceArea, { maxItems: 400 })),
  service_at_locations: Opt(Type.Array(ServiceAtLocation, { maxItems: 50 })),
  needs: Opt(CodeList),
  service_types: Opt(CodeList),
  target_groups: Opt(CodeList),
  access: Opt(CodeList),
};

/** What a client sends to create or replace a service; nested ids may be omitted. */
export const ServiceInput = Type.Object(
  { id: Opt(Uuid), ...serviceFields },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

/** Where a record comes from, when an outside register (PTV) keeps it; read-only. */
export const RecordSource = Type.Object(
  {
    system: Type.Literal('ptv', { description: 'Suomi.fi Palvelutietovaranto, the national service register' }),
    id: Uuid,
    modified: Type.String({ format: 'date-time', description: "The register's last change of the record" }),
    synced_at: Type.String({ format: 'date-time', description: 'When the catalog last took the content from the register' }),
  },
  { description: "Set when the record comes from PTV: the register's fields are then read-only here (409 ptv-managed)." },
);

export const ServiceRecord = Type.Object({
  id: Uuid,
  ...serviceFields,
  last_modified: Type.String({ format: 'date-time' }),
  stale: Type.Boolean({ description: 'Not verified (assured_date) in the last 12 months.' }),
  source: Opt(RecordSource),
});
export type ServiceRecord = Static<typeof ServiceRecord>;

const organizationFields = {
  name: Text(300),
  description: Text(5000),
  website: Opt(WebUrl),
  email: Opt(Type.String({ format: 'email', maxLength: 200 })),
  legal_status: Opt(Text(200)),
  business_id: Opt(
    Type.String({ pattern: '^[0-9]{7}-[0-9]$', description: 'Finnish business id (Y-tunnus), checksum validated' }),
  ),
  provider_type: Opt(Type.String({ pattern: '^[a-z_]+$', description: 'provider_type term code' })),
  translations: Opt(Translations),
};

export const OrganizationInput = Type.Object(
  { id: Opt(Uuid), ...organizationFields },
  { additionalProperties: false },
);
export type OrganizationInput = Static<typeof OrganizationInput>;

export const OrganizationRecord = Type.Object({ id: Uuid, ...organizationFields, source: Opt(RecordSource) });
export type OrganizationRecord = Static<typeof OrganizationRecord>;
