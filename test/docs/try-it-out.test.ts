import type { AddressInfo } from 'node:net';
import t from 'tap';
import { freePort } from '../../src/embedded/process.ts';
import { buildTestApp } from '../helpers/app.ts';
import { testBrowser } from '../helpers/browser.ts';

/**
 * /docs in a real headless Chromium, served on a port other than 3000: "Try it out"
 * on a read calls the instance that served the page and gets its 200; the padlock
 * appears on the operations that need a key and on no read.
 */

t.test('/docs "Try it out" works on any port', async (t) => {
  const { app } = await buildTestApp(t);
  let port = await freePort();
  while (port === 3000) port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const browser = await testBrowser(t);
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${base}/docs`, { waitUntil: 'networkidle0', timeout: 60_000 });

  const read = '#operations-vocabulary-listAreas';
  await page.waitForSelector(read, { timeout: 30_000 });
  t.equal(await page.$(`${read} .authorization__btn`), null, 'a read shows no padlock');
  t.not(await page.$('#operations-services-createService .authorization__btn'), null, 'a write shows one');

  await page.click(`${read} .opblock-summary`);
  await page.waitForSelector(`${read} .try-out__btn`, { timeout: 10_000 });
  await page.click(`${read} .try-out__btn`);
  await page.waitForSelector(`${read} .execute`, { timeout: 10_000 });
  await page.click(`${read} .execute`);
  const liveStatus = `${read} .live-responses-table tbody .response-col_status`;
  await page.waitForSelector(liveStatus, { timeout: 30_000 });
  const status = await page.$eval(liveStatus, (el) => el.textContent?.trim());
  t.equal(status, '200', 'the live response is a 200');
  const call = requested.find((u) => u.includes('/v1/areas'));
  t.ok(call?.startsWith(`${base}/v1/areas`), `the call went to the serving instance (${call})`);
});

t.test('the document names TARJOTIN_PUBLIC_URL as its server when it is set, else a relative one', async (t) => {
  const configured = await buildTestApp(t, { env: { TARJOTIN_PUBLIC_URL: 'https://palvelut.example.fi/api' } });
  t.same((configured.app.swagger() as { servers: unknown }).servers, [{ url: 'https://palvelut.example.fi/api', description: 'This instance' }]);
  const relative = await buildTestApp(t);
  t.match((relative.app.swagger() as { servers: unknown }).servers, [{ url: '/' }]);
});
