import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * The OpenAPI document's header; paths come from the routes' schemas. Its server is the
 * configured public address, or else relative (`/`): the document's own origin, so that
 * `/docs` "Try it out" calls the instance that served it on whatever host and port.
 * Only the operations that need a key declare `security`.
 */
export function openapiInfo(publicUrl: string | undefined): Partial<OpenAPIV3_1.Document> {
  return {
    ...OPENAPI_HEADER,
    servers: [publicUrl ? { url: publicUrl, description: 'This instance' } : { url: '/', description: 'The instance serving this document' }],
  };
}

const OPENAPI_HEADER: Partial<OpenAPIV3_1.Document> = {
  openapi: '3.1.0',
  info: {
    title: 'tarjotin',
    version: '0.1.0',
    summary: 'Service catalog of Finnish wellbeing areas, municipalities and NGOs',
    description:
      'Public, NGO and parish services (peer support, support persons, debt advice, help with violence, ' +
      'substance use, gambling, mental health, loneliness, housing, legal matters): search, explained ' +
      'recommendations for a client situation, a catalog API for providers and the Open Referral HSDS 3.0 read API. ' +
      'Reads need no key; writes need `Authorization: Bearer <key>`. Errors are RFC 9457 problem details.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  tags: [
    { name: 'search', description: 'Find services' },
    { name: 'recommend', description: 'Services for a client situation' },
    { name: 'services', description: 'Service listings' },
    { name: 'organizations', description: 'Service providers' },
    { name: 'vocabulary', description: 'Taxonomies and areas' },
    { name: 'reports', description: 'Coverage, closures, demand and referrals for structural social work' },
    { name: 'keys', description: 'API keys (admin)' },
    { name: 'hsds', description: 'Open Referral HSDS 3.0 read API' },
    { name: 'system', description: 'Health, readiness and metrics' },
  ],
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `tarjotin keys create` or POST /v1/keys' },
    },
  },
};
