import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface AppMetrics {
  registry: Registry;
  searchDegraded: Counter;
  outboxApplied: Counter;
  outboxFailures: Counter;
}

/**
 * Prometheus metrics on a registry of this app's own (tests build many apps in one
 * process). Labels carry the route pattern, never the URL or a body.
 */
export default fp(
  async function metricsPlugin(app: FastifyInstance) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const metrics: AppMetrics = {
      registry,
      searchDegraded: new Counter({ name: 'search_degraded_total', help: 'Searches answered by the PostgreSQL fallback', registers: [registry] }),
      outboxApplied: new Counter({ name: 'search_outbox_applied_total', help: 'Outbox entries applied to the index', registers: [registry] }),
      outboxFailures: new Counter({ name: 'search_outbox_failures_total', help: 'Failed outbox batches (retried)', registers: [registry] }),
    };
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      duration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  },
  { name: 'metrics' },
);
