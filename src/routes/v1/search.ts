import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { validationProblem } from '../../problems.ts';
import type { SearchFilters } from '../../search/query.ts';
import { findMunicipality, findTerm, findWellbeingArea } from '../../vocabulary/index.ts';
import { Lang, Pagination, problems } from '../common.ts';

const CodeList = (taxonomy: string) =>
  Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$' }), {
      description: `${taxonomy} codes, comma-separated or repeated (any of them matches)`,
      maxItems: 30,
    }),
  );

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'What to look for, as people type it' })),
  municipality: Type.Optional(Type.String({ pattern: '^[0-9]{3}$', description: 'Municipality code: services of the municipality, its wellbeing area and national ones' })),
  area: Type.Optional(Type.String({ pattern: '^[a-z-]+$', description: 'Wellbeing area slug (see /v1/areas)' })),
  need: CodeList('need'),
  service_type: CodeList('service_type'),
  target_group: CodeList('target_group'),
  access: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$' }), { description: 'access codes; every one must hold', maxItems: 10 }),
  ),
  language: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2,3}(,[a-z]{2,3})*$' }), { description: 'ISO 639-1 codes (any matches)', maxItems: 10 }),
  ),
  provider_type: CodeList('provider_type'),
  open_now: Type.Optional(Type.Boolean({ description: 'Open at this moment (Finnish time; public holidays respected)' })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  radius_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 2000 })),
  include_closed: Type.Optional(Type.Boolean({ description: 'Also temporarily closed services', default: false })),
  ...Pagination,
  lang: Lang,
});
type SearchQuery = Static<typeof SearchQuery>;

const FacetValue = Type.Object({ code: Type.String(), label: Type.String(), count: Type.Integer() });

const split = (values?: string[]) => values?.flatMap((v) => v.split(','));

/** Checks codes against the vocabulary and turns the query string into filters. */
export function toFilters(q: SearchQuery): SearchFilters {
  const errors: Array<{ field: string; message: string }> = [];
  const codes = (field: keyof SearchQuery, taxonomy: string) => {
    const list = split(q[field] as string[] | undefined);
    for (const code of list ?? []) {
      if (!findTerm(taxonomy, code)) errors.push({ field: `querystring/${field}`, message: `unknown ${taxonomy} code '${code}'; GET /v1/taxonomies lists them` });
    }
    return list;
  };
  const filters: SearchFilters = {
    municipality: q.municipality,
    area: q.area,
    need: codes('need', 'need'),
    service_type: codes('service_type', 'service_type'),
    target_group: codes('target_group', 'target_group'),
    access: codes('access', 'access'),
    language: split(q.language),
    provider_type: codes('provider_type', 'provider_type'),
    open_now: q.open_now,
    include_closed: q.include_closed,
  };
  if (q.municipality && !findMunicipality(q.municipality)) {
    errors.push({ field: 'querystring/municipality', message: `unknown municipality code '${q.municipality}'; GET /v1/areas lists them` });
  }
  if (q.area && !findWellbeingArea(q.area)) errors.push({ field: 'querystring/area', message: `unknown wellbeing area '${q.area}'; GET /v1/areas lists them` });
  const geo = [q.lat, q.lon, q.radius_km];
  if (geo.every((v) => v !== undefined)) filters.geo = { lat: q.lat!, lon: q.lon!, radiusKm: q.radius_km! };
  else if (geo.some((v) => v !== undefined)) errors.push({ field: 'querystring/lat', message: 'lat, lon and radius_km go together' });
  if (errors.length > 0) throw validationProblem(errors);
  return filters;
}

const search: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/search', {
    schema: {
      tags: ['search'],
      operationId: 'searchServices',
      summary: 'Search services',
      description:
        'Full-text search in Finnish, Swedish and English (inflected forms, compounds and typos match) with filters and facets. ' +
        'Inactive and defunct services are never returned. When the search engine is unreachable the answer comes from PostgreSQL with the header X-Search-Degraded: postgres.',
      querystring: SearchQuery,
      response: {
        200: Type.Object({
          hits: Type.Array(Type.Unsafe({ $ref: 'SearchHit#' })),
          total: Type.Integer(),
          facets: Type.Record(Type.String(), Type.Array(FacetValue)),
          page: Type.Integer(),
          limit: Type.Integer(),
          place: Type.Optional(
            Type.Object(
              { municipality: Type.String(), name: Type.String() },
              { description: 'The municipality the query named ("velkaneuvontaa kuopiossa"), searched in as the municipality filter when no place filter was given' },
            ),
          ),
        }),
        ...problems(400),
      },
    },
  }, async (request, reply) => {
    const filters = toFilters(request.query);
    const { q, page, limit, lang } = request.query;
    // A page that says its language (a portal, the widget) wants services in it first;
    // the default language of labels says nothing about the searcher.
    const pageLanguage = new URL(request.url, 'http://localhost').searchParams.has('lang') ? lang : undefined;
    const result = await app.searchService.search({ ...filters, q, page, limit, lang, ...(pageLanguage ? { pageLanguage } : {}) });
    if (result.degraded) reply.header('x-search-degraded', result.degraded);
    const { degraded: _d, place, ...body } = result;
    const named = place ? findMunicipality(place.municipality) : undefined;
    return named ? { ...body, place: { municipality: named.code, name: lang === 'sv' ? named.sv : named.fi } } : body;
  });
};

export default search;
