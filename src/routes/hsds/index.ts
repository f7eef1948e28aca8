import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../common.ts';
import hsdsOrganizations from './organizations.ts';
import hsdsServices from './services.ts';
import { tags } from './schemas.ts';
import hsdsTaxonomies from './taxonomies.ts';

/**
 * The Open Referral HSDS 3.0 read API, after the HSDS 3.0 API reference: services (and
 * services at locations), organizations, taxonomies and taxonomy terms, as objects valid
 * against the official compiled schemas. Finnish extensions are described in docs/hsds.md.
 */
const hsds: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: {
      tags,
      operationId: 'hsdsGetApiInfo',
      summary: 'HSDS: information about this API',
      description: 'The HSDS version this API follows and where its OpenAPI document is.',
      response: {
        200: Type.Object({
          version: Type.String({ description: 'HSDS version of this API.' }),
          openapi_url: Type.String({
            format: 'uri-reference',
            description: 'URL of the openapi JSON file which defines this API: absolute when TARJOTIN_PUBLIC_URL is set, else relative to this API.',
          }),
        }),
        ...problems(429),
      },
    },
  }, async () => ({
    version: '3.0',
    // Never from the request's Host header, which any client sets (and a cache would keep).
    openapi_url: `${app.config.publicUrl ?? ''}/openapi.json`,
  }));

  await app.register(hsdsServices);
  await app.register(hsdsOrganizations);
  await app.register(hsdsTaxonomies);
};

export default hsds;
