import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { hsdsTaxonomy, hsdsTerm } from '../../hsds/objects.ts';
import { findTaxonomy, findTerm, selectTaxonomies, selectTerms } from '../../hsds/queries.ts';
import { Problem } from '../../problems.ts';
import { problems } from '../common.ts';
import { HsdsObject, HsdsPage, IdParam, Paging, Search, pageOf, pageRequest, tags } from './schemas.ts';

const Taxonomy = HsdsObject('taxonomy.json', 'A taxonomy');
const Term = HsdsObject('taxonomy_term.json', 'A taxonomy term');

/** HSDS taxonomies and taxonomy terms: the catalog's vocabulary (needs, service types, target groups, access, provider types). */
const hsdsTaxonomies: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get('/taxonomies', {
    schema: {
      tags,
      operationId: 'hsdsListTaxonomies',
      summary: 'HSDS: paginated list of taxonomies',
      querystring: Type.Object({ search: Search, ...Paging }),
      response: { 200: HsdsPage(Taxonomy, 'taxonomies'), ...problems(400, 429) },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    const { rows, total } = await selectTaxonomies(db(), request.query.search, page);
    return pageOf(rows.map(hsdsTaxonomy), total, page, request.query.per_page);
  });

  app.get('/taxonomies/:id', {
    schema: {
      tags,
      operationId: 'hsdsGetTaxonomy',
      summary: 'HSDS: a taxonomy',
      params: IdParam('taxonomy'),
      response: { 200: Taxonomy, ...problems(400, 404, 429) },
    },
  }, async (request) => {
    const row = await findTaxonomy(db(), request.params.id);
    if (!row) throw new Problem('not-found', `no taxonomy ${request.params.id}`);
    return hsdsTaxonomy(row);
  });

  app.get('/taxonomy_terms', {
    schema: {
      tags,
      operationId: 'hsdsListTaxonomyTerms',
      summary: 'HSDS: paginated list of taxonomy terms',
      description: "The catalog's taxonomies are flat: no term has a parent, so `top_only` changes nothing and `parent_id` finds none.",
      querystring: Type.Object({
        search: Search,
        taxonomy_id: Type.Optional(Type.String({ format: 'uuid', description: 'Terms of this taxonomy.' })),
        top_only: Type.Optional(Type.Boolean({ description: 'Only terms without a parent.' })),
        parent_id: Type.Optional(Type.String({ format: 'uuid', description: 'Terms that have a parent with this id.' })),
        ...Paging,
      }),
      response: { 200: HsdsPage(Term, 'taxonomy terms'), ...problems(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    const page = pageRequest(q);
    const { rows, total } = await selectTerms(db(), { search: q.search, taxonomyId: q.taxonomy_id, parentId: q.parent_id }, page);
    return pageOf(rows.map((t) => hsdsTerm(t, true)), total, page, q.per_page);
  });

  app.get('/taxonomy_terms/:id', {
    schema: {
      tags,
      operationId: 'hsdsGetTaxonomyTerm',
      summary: 'HSDS: a taxonomy term',
      params: IdParam('taxonomy term'),
      response: { 200: Term, ...problems(400, 404, 429) },
    },
  }, async (request) => {
    const row = await findTerm(db(), request.params.id);
    if (!row) throw new Problem('not-found', `no taxonomy term ${request.params.id}`);
    return hsdsTerm(row, true);
  });
};

export default hsdsTaxonomies;
