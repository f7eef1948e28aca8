import { Type, type TSchema } from 'typebox';
import type { PageRequest } from '../../hsds/queries.ts';

/**
 * Request and response schemas of the /hsds read API, after the HSDS 3.0 API reference.
 * Response objects are open (`additionalProperties: true`): the official HSDS schemas
 * define them, the tests validate against those, and a closed schema here would make
 * Fastify's serializer drop HSDS fields.
 */

export const tags = ['hsds'];

const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

/** An HSDS object, described by the official schema it follows. */
export const HsdsObject = (schema: string, what: string) =>
  Type.Object({}, { additionalProperties: true, description: `${what}: see the HSDS 3.0 schema ${SCHEMA_BASE}/${schema}` });

/** The page format of the HSDS API reference (`components.schemas.Page`). */
export const HsdsPage = (item: TSchema, what: string) =>
  Type.Object(
    {
      total_items: Type.Integer({ description: 'The total number of entities (e.g. services, organizations) returned' }),
      total_pages: Type.Integer({ description: 'Count of total pages.' }),
      page_number: Type.Integer({ description: 'The number of the current page' }),
      size: Type.Integer({ description: 'The number of entities in the current page.' }),
      first_page: Type.Boolean({ description: 'A Boolean value indicating if this is the first page' }),
      last_page: Type.Boolean({ description: 'A Boolean value indicating if this is the last page' }),
      empty: Type.Boolean({ description: 'A Boolean value indicating if there is an empty result set' }),
      contents: Type.Array(item),
    },
    { description: `A page of ${what}` },
  );

export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function pageOf<T>(contents: T[], total: number, { page }: PageRequest, perPage: number): Page<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export const Paging = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'Page number of paginated result.' }),
  per_page: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Number of results requested in a single page.' }),
};

export const pageRequest = (q: { page: number; per_page: number }): PageRequest => ({ page: q.page, perPage: q.per_page });

export const Search = Type.Optional(Type.String({ maxLength: 200, description: 'Full text search.' }));

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

export const ServiceFilters = {
  search: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Full text search in the name, alternate name and description (Finnish stemming; every word must match, also as a word beginning).',
    }),
  ),
  taxonomy_term_id: Type.Optional(Uuid('Search for services with particular taxonomy_term.')),
  taxonomy_id: Type.Optional(Uuid('Search for services which contain any term with this taxonomy.')),
  organization_id: Type.Optional(Uuid('Services that this organization provides.')),
  modified_after: Type.Optional(
    Type.Union([Type.String({ format: 'date-time' }), Type.String({ format: 'date' })], {
      description: 'Return all results modified on or after this datetime (RFC 3339; a date alone means its midnight UTC).',
    }),
  ),
};

export const Full = (what: string) =>
  Type.Optional(Type.Boolean({ default: false, description: `true returns fully nested ${what}; false (the default) their one-to-one fields.` }));

export const FullService = Type.Optional(
  Type.Boolean({ default: false, description: 'Nest every service of the organization fully, not only its one-to-one fields.' }),
);

export const IdParam = (what: string) =>
  Type.Object({ id: Type.String({ format: 'uuid', description: `The id of the ${what} that the request is intended to retrieve.` }) });
