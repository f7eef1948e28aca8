import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem, validationProblem } from '../../problems.ts';
import { recommend } from '../../recommend/recommend.ts';
import { Lang, problems, unknownCodes, unknownMunicipality } from '../common.ts';

const Code = Type.String({ pattern: '^[a-z_]+$', maxLength: 40 });

const RecommendBody = Type.Object(
  {
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 5000,
        description: "The client's situation in free text (Finnish, Swedish or English). Personal data: never stored, logged or echoed.",
      }),
    ),
    profile: Type.Optional(
      Type.Object(
        {
          needs: Type.Optional(Type.Array(Code, { maxItems: 20, uniqueItems: true, description: 'need codes, the main need first' })),
          urgency: Type.Optional(Type.Union([Type.Literal('acute'), Type.Literal('soon'), Type.Literal('routine')])),
          municipality: Type.Optional(Type.String({ pattern: '^[0-9]{3}$' })),
          age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
          language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 code of a language the client speaks' })),
          speaks_finnish: Type.Optional(
            Type.Boolean({
              description:
                'Whether the client manages in Finnish. A Swedish speaker gets Finnish-language services (after Swedish ones) only when true; otherwise only where they arrange interpretation. Unset: read from the text, else false for a Swedish speaker',
            }),
          ),
          uses_violence: Type.Optional(
            Type.Boolean({ description: 'true when the client has used violence against someone close: services for people who use violence are then eligible, and services for its victims are not' }),
          ),
          own_use: Type.Optional(
            Type.Boolean({ description: "true when the client is the one who drinks, uses drugs or gambles: services only for relatives and families of such a person are then not eligible, unless the client is also someone's relative" }),
          ),
          requires: Type.Optional(Type.Array(Code, { maxItems: 10, uniqueItems: true, description: 'access codes the client needs' })),
        },
        { additionalProperties: false },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);

const Label = Type.Object({ code: Type.String(), label: Type.String() });

const Source = Type.Union([Type.Literal('profile'), Type.Literal('text'), Type.Literal('default')], {
  description: '`profile` as sent, `text` read from the text, `default` assumed (e.g. the language the text is written in)',
});

const RecommendResponse = Type.Object({
  needs: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      weight: Type.Number(),
      source: Source,
      evidence: Type.Array(Type.String(), {
        description: 'Identifiers of the lexicon cues the need was read from (e.g. `debt.ulosotto`); never words of the text',
      }),
    }),
    { description: 'The needs the list answers: from the profile, or read from the text (correct them in profile.needs)' },
  ),
  urgency: Type.Object({ value: Type.String(), source: Source }, { description: 'Correct it in profile.urgency' }),
  age: Type.Optional(Type.Object({ value: Type.Integer(), source: Source }, { description: 'Correct it in profile.age' })),
  language: Type.Optional(
    Type.Object({ value: Type.String(), source: Source }, { description: "The client's language (ISO 639-1); correct it in profile.language" }),
  ),
  speaks_finnish: Type.Object(
    { value: Type.Boolean(), source: Source },
    { description: 'Whether the client manages in Finnish: what the profile or text says, else assumed, except for a Swedish speaker; correct it in profile.speaks_finnish' },
  ),
  uses_violence: Type.Object(
    { value: Type.Boolean(), source: Source },
    { description: 'Whether the client is the one using violence (false unless the text or profile says so); correct it in profile.uses_violence' },
  ),
  own_use: Type.Object(
    { value: Type.Boolean(), source: Source },
    { description: "Whether the client is the one who drinks, uses drugs or gambles (false unless the text or profile says so); correct it in profile.own_use" },
  ),
  requires: Type.Object(
    { value: Type.Array(Label), source: Source },
    { description: 'Access conditions the client needs; correct them in profile.requires' },
  ),
  target_groups: Type.Array(Label, { description: 'Target groups the client was read to belong to (age, language, the text)' }),
  wants: Type.Array(Label, {
    description: 'Kinds of service the text asks for (a group, peer support, a support person, a drop-in): services of that kind rank a little higher',
  }),
  results: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      score: Type.Number({ description: 'What decided the place in the list; it does not rise down the list unless `lifted` says why' }),
      reasons: Type.Array(Type.String(), { description: 'Why this service was suggested, in the language of `lang`' }),
      covers: Type.Array(Type.String(), { description: "The client's need codes the service covers" }),
      lifted: Type.Optional(
        Type.Object(
          { code: Type.Literal('reachable_now'), text: Type.String() },
          { description: 'Why the service stands above results with a higher score' },
        ),
      ),
      service: Type.Unsafe({ $ref: 'SearchHit#' }),
    }),
  ),
  gaps: Type.Array(Label, { description: "Needs for which nothing usable was found in the client's area" }),
});

const recommendRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/recommend', {
    schema: {
      tags: ['recommend'],
      operationId: 'recommendServices',
      summary: "Services for a client's situation, with reasons",
      description:
        'Reads the needs and urgency from the text unless the profile gives them, keeps only services the client can use ' +
        '(area, age, language, active), covers each need, puts services reachable right now first when it is acute, ' +
        'and explains every suggestion. The text is personal data: it is not stored, logged or echoed.',
      security: [],
      body: RecommendBody,
      response: { 200: RecommendResponse, ...problems(400, 415) },
    },
  }, async (request, reply) => {
    const { text, profile, limit = 10, lang = 'fi' } = request.body;
    if (!text && !profile) throw new Problem('validation', 'send text, profile or both');
    const errors = [
      ...unknownCodes('body/profile/needs', 'need', profile?.needs),
      ...unknownCodes('body/profile/requires', 'access', profile?.requires),
      ...unknownMunicipality('body/profile/municipality', profile?.municipality),
    ];
    if (errors.length > 0) throw validationProblem(errors);
    const result = await recommend(app.searchService, { text, profile, limit, lang });
    if (result.degraded) reply.header('x-search-degraded', 'postgres');
    if (profile?.municipality) app.demandCounter.count({ municipality: profile.municipality, urgency: result.urgency.value, found: result.found });
    const { degraded: _d, found: _f, ...body } = result;
    return body;
  });
};

export default recommendRoutes;
