import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Problem } from '../problems.ts';

/**
 * Load shedding that protects a production instance without tripping on a busy machine:
 * the instance refuses requests (503 with Retry-After) only when its event loop has been
 * both almost fully used and badly delayed for several consecutive seconds. One long
 * pause (a garbage collection, a large import) or other processes taking the CPU do not
 * count. `/health` and `/ready` always answer, so that an orchestrator can tell an
 * overloaded instance from a dead one.
 */
export interface OverloadPolicy {
  /** Mean event-loop delay of a one-second sample at or above which the sample counts as overloaded. */
  maxDelayMs: number;
  /** Event-loop utilisation (0..1) of a sample at or above which it counts as overloaded. */
  maxUtilization: number;
  /** Consecutive overloaded seconds before requests are refused; 0 turns shedding off. */
  sustainSeconds: number;
}

const SAMPLE_MS = 1000;
const EXEMPT_ROUTES = new Set(['/health', '/ready']);

export default fp<OverloadPolicy>(
  async function overloadPlugin(app: FastifyInstance, policy: OverloadPolicy) {
    if (policy.sustainSeconds === 0) return;
    await app.register(underPressure, { sampleInterval: SAMPLE_MS, exposeStatusRoute: false });
    let overloadedSamples = 0;
    const sampler = setInterval(() => {
      const { eventLoopDelay, eventLoopUtilized } = app.memoryUsage();
      const overloaded = eventLoopDelay >= policy.maxDelayMs && eventLoopUtilized >= policy.maxUtilization;
      overloadedSamples = overloaded ? overloadedSamples + 1 : 0;
    }, SAMPLE_MS);
    sampler.unref();
    app.addHook('onClose', async () => clearInterval(sampler));
    app.addHook('onRequest', async (request, reply) => {
      if (overloadedSamples < policy.sustainSeconds || EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return;
      reply.header('retry-after', '5');
      throw new Problem('unavailable', 'the service is overloaded; retry shortly');
    });
  },
  { name: 'overload', dependencies: ['problem'] },
);
