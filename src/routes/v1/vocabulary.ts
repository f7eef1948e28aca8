import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MUNICIPALITIES, TAXONOMIES, WELLBEING_AREAS } from '../../vocabulary/index.ts';
import { Lang, problems } from '../common.ts';

const Term = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String({ description: 'Label in the requested language' }),
  labels: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
});
const Taxonomy = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  uri: Type.String(),
  terms: Type.Array(Term),
});

const Municipality = Type.Object({
  code: Type.String({ description: 'Statistics Finland municipality code' }),
  name: Type.String(),
  labels: Type.Object({ fi: Type.String(), sv: Type.String() }),
  lat: Type.Number(),
  lon: Type.Number(),
});
const WellbeingArea = Type.Object({
  slug: Type.String({ description: 'Used in service areas as hva:<slug>' }),
  name: Type.String(),
  labels: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
  municipalities: Type.Array(Municipality),
});

const vocabulary: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/taxonomies', {
    schema: {
      tags: ['vocabulary'],
      operationId: 'listTaxonomies',
      summary: 'The vocabulary: needs, service types, target groups, access conditions, provider types',
      querystring: Type.Object({ lang: Lang }),
      response: { 200: Type.Object({ items: Type.Array(Taxonomy) }), ...problems(400) },
    },
  }, async (request) => ({
    items: TAXONOMIES.map((t) => ({
      id: t.id,
      code: t.code,
      name: t.name,
      uri: t.uri,
      terms: t.terms.map((term) => ({ id: term.id, code: term.code, name: term.labels[request.query.lang], labels: term.labels })),
    })),
  }));

  app.get('/areas', {
    schema: {
      tags: ['vocabulary'],
      operationId: 'listAreas',
      summary: 'Wellbeing areas and their municipalities',
      description: 'Every municipality of Finland with its wellbeing area (hyvinvointialue); Åland as its own area.',
      querystring: Type.Object({ lang: Lang }),
      response: { 200: Type.Object({ items: Type.Array(WellbeingArea) }), ...problems(400) },
    },
  }, async (request) => ({
    items: WELLBEING_AREAS.map((a) => ({
      slug: a.slug,
      name: a.labels[request.query.lang],
      labels: a.labels,
      municipalities: MUNICIPALITIES.filter((m) => m.area === a.slug).map((m) => ({
        code: m.code,
        name: request.query.lang === 'sv' ? m.sv : m.fi,
        labels: { fi: m.fi, sv: m.sv },
        lat: m.lat,
        lon: m.lon,
      })),
    })),
  }));
};

export default vocabulary;
