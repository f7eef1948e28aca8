import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Backends, Config } from './config.ts';
import { hashSecret } from './db/keys.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import metricsPlugin from './plugins/metrics.ts';
import overload from './plugins/overload.ts';
import inputGuard from './plugins/input-guard.ts';
import unknownParameters from './plugins/unknown-parameters.ts';
import problemPlugin, { clientErrorHandler, frameworkErrorHandler } from './plugins/problem.ts';
import { Problem } from './problems.ts';
import searchPlugin from './plugins/search.ts';
import { openapiInfo } from './openapi.ts';
import { storableFormats } from './schemas/formats.ts';
import hsdsRoutes from './routes/hsds/index.ts';
import systemRoutes from './routes/system.ts';
import keyRoutes from './routes/v1/keys.ts';
import organizationRoutes from './routes/v1/organizations.ts';
import recommendRoutes from './routes/v1/recommend.ts';
import reportRoutes from './routes/v1/reports.ts';
import searchRoutes from './routes/v1/search.ts';
import serviceRoutes from './routes/v1/services.ts';
import { SearchHitSchema } from './routes/v1/schemas.ts';
import vocabularyRoutes from './routes/v1/vocabulary.ts';
import widgetRoutes from './routes/widget.ts';
import reportPageRoutes from './routes/report-page.ts';
import { demandCounterPlugin } from './reports/demand.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The configuration the app was built with. */
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  backends: Backends;
  /** Run the outbox worker (default true); commands that only read may skip it. */
  worker?: boolean;
  /**
   * `migrate` (the default): apply pending migrations at start, under an advisory lock;
   * `use`: use the database as it is (commands that only read); `none`: connect to
   * nothing, for the OpenAPI document.
   */
  stores?: 'migrate' | 'use' | 'none';
  /** A pino destination, for tests that inspect the logs. */
  logStream?: NodeJS.WritableStream;
  /** The clock for opening hours: a fixed moment makes an evaluation reproducible. */
  clock?: () => Date;
}

/** Headers whose values are secrets or personal data, never logged. */
const REDACT = ['req.headers.authorization', 'req.headers["idempotency-key"]', 'req.body', 'res.body'];

/** Builds the whole application; used by the server, the command line and every test. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, backends } = opts;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: 1024 * 1024,
    // A client that sends its request slowly holds a connection and memory: the whole
    // request must arrive within this time, and an idle connection is closed.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: 2 * config.requestTimeoutMs,
    // Node checks those limits only this often (30 s by default, so a 30 s limit could
    // hold a connection for a minute); the headers have the same limit as the request.
    http: { headersTimeout: config.requestTimeoutMs, connectionsCheckingInterval: Math.max(250, config.requestTimeoutMs / 10) },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // Request logs carry the route and status only (see onResponse below): URLs hold
    // search words and bodies hold client situations.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: {
      customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false, verbose: true },
      onCreate: storableFormats,
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Requests that arrive while the server closes are refused by `serve` as problem+json, not by Fastify's plain 503.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  // An operation without a declared requirement needs no key: the document says so
  // (`security: []`), and /docs shows a padlock only on the operations that need one.
  app.addHook('onRoute', (route) => {
    if (route.schema && !route.schema.hide && route.schema.security === undefined) route.schema.security = [];
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  // RFC 7396 merge patches are JSON: the same parser, with its prototype-poisoning guard.
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  await app.register(problemPlugin);
  await app.register(metricsPlugin);
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  await app.register(cors, {
    origin: config.corsOrigins === '*' ? '*' : config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'If-Match', 'Idempotency-Key'],
    // An OPTIONS request that is not a complete preflight is answered like one (204)
    // rather than with the plugin's plain-text 400.
    strictPreflight: false,
    exposedHeaders: ['ETag', 'Location', 'X-Search-Degraded', 'Retry-After'],
  });
  await app.register(overload, config.overload);
  await app.register(rateLimit, {
    global: false,
    max: config.rateLimit,
    timeWindow: '1 minute',
    // Per presented API key (its hash), else per client address. Failed authentications
    // are limited per address as well (see the auth plugin), so rotating made-up keys
    // does not escape the limit.
    keyGenerator: (request) => {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      return token ? `key:${hashSecret(token).slice(0, 24)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new Problem('rate-limited', `at most ${context.max} requests a minute; retry after ${context.after}`),
  });
  // Counted first, before authentication and routing: every request counts, a refused
  // key and an unknown path included.
  app.addHook('onRequest', app.rateLimit());
  const stores = opts.stores ?? 'migrate';
  await app.register(dbPlugin, { databaseUrl: backends.databaseUrl, migrate: stores === 'migrate' });
  await app.register(authPlugin, { adminKey: stores === 'none' ? undefined : config.adminKey });
  await app.register(unknownParameters);
  await app.register(inputGuard);
  await app.register(demandCounterPlugin);
  await app.register(searchPlugin, {
    meiliUrl: backends.meiliUrl,
    meiliKey: backends.meiliKey,
    indexName: config.indexName,
    databaseUrl: backends.databaseUrl,
    worker: stores === 'none' ? false : opts.worker,
    connect: stores !== 'none',
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await app.register(swagger, { openapi: openapiInfo(config.publicUrl) });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addSchema(SearchHitSchema);
  await app.register(systemRoutes);
  await app.register(
    async (v1) => {
      await v1.register(vocabularyRoutes);
      await v1.register(organizationRoutes);
      await v1.register(serviceRoutes);
      await v1.register(searchRoutes);
      await v1.register(recommendRoutes);
      await v1.register(keyRoutes);
      await v1.register(reportRoutes, { minCount: config.reportMinCount });
    },
    { prefix: '/v1' },
  );
  await app.register(hsdsRoutes, { prefix: '/hsds' });
  await app.register(widgetRoutes);
  await app.register(reportPageRoutes);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
