import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Lang } from './common.ts';

const SOURCE = new URL('../widget/tarjotin-search.js', import.meta.url);

/** A page to try the widget on, and the snippet a portal copies. */
const demoPage = (lang: string) => `<!doctype html>
<html lang="${lang}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tarjotin-search</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }</style>
<script type="module" src="/widget/tarjotin-search.js"></script>
<tarjotin-search></tarjotin-search>
</html>
`;

/**
 * The embeddable search (`src/widget/`): one ES module, loaded by portals from their own
 * pages, so it may be fetched from any origin and is cached by browsers for an hour.
 */
const widget: FastifyPluginAsyncTypebox = async (app) => {
  const source = await fs.readFile(SOURCE, 'utf8');
  const etag = `"${createHash('sha256').update(source).digest('base64url').slice(0, 27)}"`;

  app.get('/widget/tarjotin-search.js', { schema: { hide: true } }, async (request, reply) => {
    reply
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=3600')
      .header('etag', etag)
      .type('text/javascript; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return source;
  });

  app.get('/widget/', { schema: { hide: true, querystring: Type.Object({ lang: Lang }) } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    return demoPage(request.query.lang);
  });
};

export default widget;
