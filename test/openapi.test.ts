import fs from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { buildTestApp } from './helpers/app.ts';

t.test('the committed OpenAPI document is what the server serves', async (t) => {
  const { app } = await buildTestApp(t);
  const served = (await app.inject({ url: '/openapi.json' })).json();
  const committed = JSON.parse(await fs.readFile(path.resolve(import.meta.dirname, '../openapi/openapi.json'), 'utf8'));
  t.same(served, committed, 'openapi/openapi.json is stale: run `npm run openapi`');
  t.equal(served.openapi, '3.1.0');

  const operations = Object.values(served.paths as Record<string, Record<string, { operationId?: string; summary?: string; responses: Record<string, unknown> }>>)
    .flatMap((item) => Object.values(item));
  t.ok(operations.length > 30);
  for (const op of operations) {
    t.ok(op.operationId, `operation has an id`);
    t.ok(op.summary, `${op.operationId} has a summary`);
  }
  const docs = await app.inject({ url: '/docs/' });
  t.equal(docs.statusCode, 200, 'Swagger UI is served');
});
