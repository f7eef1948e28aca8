import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Lang } from './common.ts';

const SOURCE = new URL('../report-page/report.js', import.meta.url);

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 72rem; margin: 0 auto; padding: 1rem; }
  a { color: #0b4f8a; }
  .languages { display: flex; gap: 1rem; justify-content: flex-end; }
  .languages [aria-current] { font-weight: bold; }
  button, select, input { font: inherit; padding: .3rem .6rem; }
  button { background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  :focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
  .scroll { overflow-x: auto; }
  figure { margin: 1rem 0; }
  svg { max-width: 100%; height: auto; font-size: 12px; }
  svg .axis { fill: #1a1a1a; }
  .heatmap { min-width: 48rem; }
  .legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
  .swatch { display: inline-block; width: 1.2rem; height: 1rem; border: 2px solid; margin-right: .3rem; vertical-align: middle; }
  table { border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: bold; }
  th, td { border-bottom: 1px solid #767676; padding: .2rem .6rem; text-align: left; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  @media print {
    body { max-width: none; font-size: 10pt; }
    .no-print { display: none; }
    .heatmap { min-width: 0; }
    section, figure, table { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

const page = (lang: string) => `<!doctype html>
<html lang="${lang}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tarjotin</title>
<style>${STYLE}</style>
<script type="module" src="report.js"></script>
<main id="report" aria-busy="true"></main>
</html>
`;

/**
 * The report page of structural social work (`src/report-page/`): plain HTML and one ES
 * module, no build step. It reads the public reports, and demand with a key typed in.
 */
const reportPage: FastifyPluginAsyncTypebox = async (app) => {
  const source = await fs.readFile(SOURCE, 'utf8');
  const etag = `"${createHash('sha256').update(source).digest('base64url').slice(0, 27)}"`;

  app.get('/reports/report.js', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=3600').header('etag', etag).type('text/javascript; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return source;
  });

  app.get('/reports/', {
    schema: {
      hide: true,
      querystring: Type.Object({ lang: Lang, area: Type.Optional(Type.String({ pattern: '^[a-z-]+$', maxLength: 60 })) }),
    },
  }, async (request, reply) => {
    // The page loads its script and the API relative to itself (so it works behind a
    // path prefix): `/reports` must become `/reports/`.
    const [path = '', query] = request.url.split('?');
    if (!path.endsWith('/')) return reply.redirect(`reports/${query ? `?${query}` : ''}`);
    reply.type('text/html; charset=utf-8');
    return page(request.query.lang);
  });
};

export default reportPage;
