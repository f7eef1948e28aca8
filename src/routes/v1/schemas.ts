import { Type } from 'typebox';

/** Schemas shared by several /v1 routes; `SearchHit` is registered once with `app.addSchema`. */

const TermLabel = Type.Object({ code: Type.String(), label: Type.String() });
export const SearchHitSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    alternate_name: Type.Optional(Type.String()),
    description: Type.String(),
    organization: Type.Object({ id: Type.String(), name: Type.String(), provider_type: Type.Optional(Type.String()) }),
    status: Type.String(),
    needs: Type.Array(TermLabel),
    service_types: Type.Array(TermLabel),
    target_groups: Type.Array(TermLabel),
    access: Type.Array(TermLabel),
    languages: Type.Array(Type.String()),
    interpretation: Type.Boolean({ description: 'The service arranges interpretation for clients who speak none of its languages' }),
    areas: Type.Array(Type.String()),
    phones: Type.Array(Type.Object({}, { additionalProperties: true })),
    url: Type.Optional(Type.String()),
    always_open: Type.Boolean(),
    open_now: Type.Optional(Type.Boolean()),
    stale: Type.Boolean({ description: 'Not verified in the last 12 months' }),
    assured_date: Type.Optional(Type.String()),
    distance_km: Type.Optional(Type.Number()),
    highlight: Type.Optional(
      Type.Object({ name: Type.String(), description: Type.String() }, { description: 'HTML-escaped text with <mark> around matched words' }),
    ),
  },
  { $id: 'SearchHit' },
);

/** A page of an audit trail, newest first. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  key_id: Type.Union([Type.String(), Type.Null()], { description: 'The API key that made the change; null for imports and the PTV sync' }),
  key_label: Type.Union([Type.String(), Type.Null()], { description: "The key's label, when it has one" }),
  action: Type.String(),
  entity: Type.String(),
  entity_id: Type.String(),
  organization_id: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Array(Type.Object({}, { additionalProperties: true }), {
    description: 'RFC 6902 JSON Patch from the previous state to the new one; a replace or remove also carries the value it replaced as `previous`',
  }),
});
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry) });
