import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isReachable } from '../db/client.ts';
import { PROBLEM_GUIDE, type GuideLang } from '../plugins/problem-guide.ts';
import { PROBLEM_TYPES, Problem, problemTypeUri, type ProblemType } from '../problems.ts';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('down')], { description: '`down` while the store does not answer' });

const system: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['system'],
      operationId: 'health',
      summary: 'The process is alive',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) },
    },
  }, async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    schema: {
      tags: ['system'],
      operationId: 'ready',
      summary: 'PostgreSQL and the search engine are reachable',
      description:
        '503 when either is not, naming the one that is `down`. While only the search engine is down, search still answers from PostgreSQL; ' +
        'while PostgreSQL is down, catalog reads and writes answer 503. Embedded stores are started again by the service.',
      response: {
        200: Type.Object({ status: Type.Literal('ready'), postgres: Check, search: Check }),
        503: Type.Object({ status: Type.Literal('unavailable'), postgres: Check, search: Check }),
      },
    },
  }, async (_request, reply) => {
    const postgres = (await isReachable(app.database.db)) ? ('ok' as const) : ('down' as const);
    const search = (await app.searchService.engine.isHealthy()) ? ('ok' as const) : ('down' as const);
    const ready = postgres === 'ok' && search === 'ok';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', postgres, search });
  });

  app.get('/metrics', {
    schema: {
      tags: ['system'],
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      produces: ['text/plain'],
      response: { 200: Type.String({ description: 'Prometheus text exposition format' }) },
    },
  }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });

  app.get('/problems/:type', {
    schema: {
      tags: ['system'],
      operationId: 'problemType',
      summary: 'What a problem type means and how to fix it',
      description:
        'The `type` of every problem answer points here. JSON by default; an HTML page for clients that accept text/html (a browser). ' +
        'The explanation and the fix are given in Finnish, Swedish and English.',
      params: Type.Object({ type: Type.String({ maxLength: 60 }) }),
      response: {
        200: Type.Object({
          type: Type.String(),
          title: Type.String(),
          status: Type.Integer(),
          guide: Type.Record(Type.String(), Type.Object({ meaning: Type.String(), fix: Type.String() }), {
            description: 'By language (fi, sv, en): what the problem means and what the client can do',
          }),
        }),
        404: Type.Unsafe({ $ref: 'Problem#' }),
      },
    },
  }, async (request, reply) => {
    const type = request.params.type as ProblemType;
    if (!Object.hasOwn(PROBLEM_TYPES, type)) throw new Problem('not-found', `no problem type '${type}'; the types are ${Object.keys(PROBLEM_TYPES).join(', ')}`);
    const known = PROBLEM_TYPES[type];
    const page = { type: problemTypeUri(type), title: known.title, status: known.status, guide: PROBLEM_GUIDE[type] };
    if (prefersHtml(request.headers.accept)) return reply.type('text/html; charset=utf-8').send(problemPage(page));
    return page;
  });
};

/** True when the client asks for HTML before JSON (a browser following a problem's `type`). */
function prefersHtml(accept: string | undefined): boolean {
  const html = accept?.indexOf('text/html') ?? -1;
  const json = accept?.search(/application\/(problem\+)?json/) ?? -1;
  return html >= 0 && (json < 0 || html < json);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const HEADINGS: Record<GuideLang, { language: string; meaning: string; fix: string }> = {
  fi: { language: 'Suomeksi', meaning: 'Mitä tapahtui', fix: 'Miten korjaat' },
  sv: { language: 'På svenska', meaning: 'Vad hände', fix: 'Så rättar du' },
  en: { language: 'In English', meaning: 'What happened', fix: 'How to fix it' },
};

function problemPage(page: { type: string; title: string; status: number; guide: Record<GuideLang, { meaning: string; fix: string }> }): string {
  const sections = (Object.keys(HEADINGS) as GuideLang[]).map((lang) => {
    const h = HEADINGS[lang];
    const g = page.guide[lang];
    return `<section lang="${lang}"><h2>${h.language}</h2><h3>${h.meaning}</h3><p>${escapeHtml(g.meaning)}</p><h3>${h.fix}</h3><p>${escapeHtml(g.fix)}</p></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} (${page.status})</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}code{background:#f2f2f2;padding:0 .2em}</style></head>
<body><h1>${escapeHtml(page.title)}</h1><p>HTTP ${page.status} · <code>${escapeHtml(page.type)}</code> · <a href="/docs">API</a></p>
${sections.join('\n')}
</body></html>
`;
}

export default system;
