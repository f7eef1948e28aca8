import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { loadConfig } from '../../src/config.ts';
import { buildTestApp } from '../helpers/app.ts';

/**
 * The overload policy sheds load only after the event loop has been overloaded for
 * several consecutive seconds; /health and /ready always answer.
 */

t.test('an instance overloaded for the configured time answers 503, /health and /ready still 200', async (t) => {
  // Thresholds of zero: every one-second sample counts as overloaded.
  const { app } = await buildTestApp(t, {
    env: { TARJOTIN_OVERLOAD_DELAY_MS: '0', TARJOTIN_OVERLOAD_UTILIZATION: '0', TARJOTIN_OVERLOAD_SECONDS: '2' },
  });
  const deadline = Date.now() + 30_000;
  let refused = await app.inject('/v1/areas');
  while (refused.statusCode !== 503 && Date.now() < deadline) {
    await sleep(250);
    refused = await app.inject('/v1/areas');
  }
  t.equal(refused.statusCode, 503);
  t.equal(refused.headers['retry-after'], '5');
  t.match(refused.json(), { type: '/problems/unavailable', detail: /overloaded/ });
  t.equal((await app.inject('/health')).statusCode, 200, '/health is exempt');
  t.equal((await app.inject('/ready')).statusCode, 200, '/ready is exempt');
});

t.test('one long pause does not trip the default policy', async (t) => {
  const { app } = await buildTestApp(t);
  const until = Date.now() + 2_500;
  while (Date.now() < until) {
    // A blocking stretch (like a long synchronous parse) of 2.5 s.
  }
  for (let i = 0; i < 6; i++) {
    t.equal((await app.inject('/v1/areas')).statusCode, 200, `request ${i + 1} after the pause`);
    await sleep(500);
  }
});

t.test('the policy is configured by the environment and validated', async (t) => {
  t.match(loadConfig({}).overload, { maxDelayMs: 2000, maxUtilization: 0.95, sustainSeconds: 10 });
  t.match(loadConfig({ TARJOTIN_OVERLOAD_SECONDS: '0' }).overload, { sustainSeconds: 0 }, '0 turns shedding off');
  t.throws(() => loadConfig({ TARJOTIN_OVERLOAD_UTILIZATION: '1.5' }), { message: /TARJOTIN_OVERLOAD_UTILIZATION/ });
  t.throws(() => loadConfig({ TARJOTIN_OVERLOAD_DELAY_MS: '-1' }), { message: /TARJOTIN_OVERLOAD_DELAY_MS/ });
});
