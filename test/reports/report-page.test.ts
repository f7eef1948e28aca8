import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';
import t from 'tap';
import { currentMonth } from '../../src/reports/month.ts';
import { MUNICIPALITIES, WELLBEING_AREAS, termsOf } from '../../src/vocabulary/index.ts';
import { buildTestApp, withDevCatalog } from '../helpers/app.ts';
import { ADMIN_SECRET, admin, ok } from '../routes/v1/fixtures/write-side.ts';
import { pageErrorsOf, testBrowser } from '../helpers/browser.ts';

/**
 * The report page in a real headless Chromium: the heatmap of needs × municipalities,
 * the closures, demand with a key typed in, three languages, print, and axe finding no
 * serious or critical accessibility violation.
 */

const AXE_SOURCE = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PLACES = MUNICIPALITIES.filter((m) => m.area === 'pohjois-savo');
const NEEDS = termsOf('need');

declare global {
  interface Window {
    axe: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

t.test('the report page of a wellbeing area', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  await withDevCatalog(ta);
  // A listing that ends now: the closures list shows it.
  const [ended] = (await app.database.pool.query("select id, name from services where status = 'active' and service_areas @> '[{\"extent\": \"kunta:297\"}]' order by name limit 1")).rows;
  const etag = ok(await app.inject({ url: `/v1/services/${ended.id}` })).headers.etag as string;
  ok(await app.inject({ method: 'PATCH', url: `/v1/services/${ended.id}`, headers: { ...admin, 'if-match': etag }, payload: { status: 'defunct' } }));
  await ta.indexed();
  interface Row { municipality: string; need: string; local: number; regional: number; national: number }
  const area = ok(await app.inject({ url: '/v1/reports/coverage?area=pohjois-savo' })).json().rows as Row[];
  const kuopioDebt = area.find((r) => r.municipality === '297' && r.need === 'debt')!;
  // A need a municipality has national services only for: asked for six times, a gap nearby each time.
  const gap = area.find((r) => r.local + r.regional === 0 && r.national > 0)!;
  for (let i = 0; i < 6; i++) {
    ok(await app.inject({ method: 'POST', url: '/v1/recommend', payload: { profile: { municipality: gap.municipality, needs: [gap.need] } } }));
  }
  await app.demandCounter.settled();
  const key = await ta.key('reader');

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await testBrowser(t);
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const pageErrors = pageErrorsOf(page);

  await page.goto(`${base}/reports/?area=pohjois-savo`);
  await page.waitForSelector('svg.heatmap', { timeout: 20_000 });

  t.test('the heatmap: needs × municipalities with the local and regional counts', async (t) => {
    t.equal(await page.$eval('h1', (h) => h.textContent), 'Palvelujen kattavuus: Pohjois-Savon hyvinvointialue');
    t.equal(await page.$$eval('svg.heatmap g.cell', (cells) => cells.length), PLACES.length * NEEDS.length);
    const shown = await page.$eval('svg.heatmap g[data-municipality="297"][data-need="debt"] text', (x) => x.textContent);
    t.equal(shown, String(kuopioDebt.local + kuopioDebt.regional), 'Kuopio × debt');
    const empty = await page.$$eval('svg.heatmap g.cell.empty', (cells) => cells.map((c) => ({ text: c.querySelector('text')!.textContent, fill: c.querySelector('rect')!.getAttribute('fill') })));
    t.ok(empty.length > 0, `${empty.length} empty cells`);
    t.ok(empty.every((c) => c.text === '0' && c.fill === 'url(#empty-hatch)'), 'empty cells are hatched and say 0');
    const name = await page.$eval('svg.heatmap', (svg) =>
      (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)!.textContent).join(' '));
    t.match(name, /Lämpökartta: 22 tarvetta ja 19 kuntaa/, 'the picture has a text alternative');
    t.match(name, new RegExp(`${empty.length} solua on tyhjiä`));
    t.equal(await page.$$eval('details table tbody tr', (rows) => rows.length), PLACES.length * NEEDS.length, 'the same figures as a table');
  });

  t.test('the closures of the last 12 months', async (t) => {
    const rows = await page.$$eval('#closures-h ~ table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    t.ok(rows.some((r) => r[0] === ended.name && r[2] === 'Päättynyt'), `${ended.name} is listed as ended`);
    t.ok(rows.some((r) => r[2] === 'Keskeytetty'), 'paused listings of the catalog are listed');
  });

  t.test('axe finds no serious or critical violation', async (t) => {
    t.same(await seriousViolations(page), []);
  });

  t.test('a key typed into the page draws demand and gaps by month', async (t) => {
    await page.focus('#api-key');
    await page.keyboard.type('not-a-key');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('demand-status')!.textContent === 'Avain ei kelpaa.', { timeout: 10_000 });
    await page.$eval('#api-key', (i) => ((i as HTMLInputElement).value = ''));
    await page.focus('#api-key');
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.waitForSelector('svg.chart', { timeout: 10_000 });
    const bars = await page.$$eval('svg.chart rect', (rects) => rects.map((r) => `${r.getAttribute('data-series')}:${Number(r.getAttribute('height')) > 0}`));
    t.same(bars, ['requests:true', 'without_local:true', 'without_any:false'], 'one month: requests, none found nearby, some found nationally');
    const row = await page.$$eval('#demand-output table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    t.same(row, [[currentMonth(), '6', '6', '0', '0']]);
    t.match(await page.$eval('svg.chart', (svg) => svg.querySelector('desc')!.textContent), /6 pyyntöä/);
    t.same(await seriousViolations(page), [], 'no serious violation with the chart either');
  });

  t.test('printable: the forms are left out, the tables opened', async (t) => {
    await page.emulateMediaType('print');
    t.equal(await page.$eval('#demand-form', (f) => getComputedStyle(f).display), 'none');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    t.equal(await page.$eval('details.print-open', (d) => (d as HTMLDetailsElement).open), true);
    await page.emulateMediaType('screen');
  });

  t.test('in Swedish and English', async (t) => {
    await page.goto(`${base}/reports/?area=pohjois-savo&lang=sv`);
    await page.waitForSelector('svg.heatmap', { timeout: 20_000 });
    t.match(await page.$eval('h1', (h) => h.textContent), /^Tjänsternas täckning: Norra Savolax/);
    t.equal(await page.$eval('html', (h) => h.lang), 'sv');
    t.same(await seriousViolations(page), []);
    await page.goto(`${base}/reports/?area=pohjois-savo&lang=en`);
    await page.waitForSelector('svg.heatmap', { timeout: 20_000 });
    t.match(await page.$eval('h1', (h) => h.textContent), /^Service coverage: .*North Savo/);
  });

  t.test('without an area: a choice of areas', async (t) => {
    await page.goto(`${base}/reports/`);
    await page.waitForSelector('select#area', { timeout: 20_000 });
    t.equal(await page.$$eval('select#area option', (o) => o.length), WELLBEING_AREAS.length);
    t.same(await seriousViolations(page), []);
  });

  t.test('nothing went wrong in the page', async (t) => {
    t.same(pageErrors.filter((e) => !/401/.test(e)), [], 'only the refused key was an error');
  });

  t.test('bad input to the page route is a 400', async (t) => {
    t.equal((await app.inject({ url: '/reports/?lang=de' })).statusCode, 400);
    t.equal((await app.inject({ url: '/reports/?area=%3Cscript%3E' })).statusCode, 400);
    const bare = await app.inject({ url: '/reports?area=pohjois-savo&lang=sv' });
    t.equal(bare.statusCode, 302);
    t.equal(bare.headers.location, 'reports/?area=pohjois-savo&lang=sv', 'relative, so that it works behind a path prefix');
    const script = await app.inject({ url: '/reports/report.js' });
    t.match(script.headers['content-type'], /^text\/javascript/);
    t.equal((await app.inject({ url: '/reports/report.js', headers: { 'if-none-match': script.headers.etag as string } })).statusCode, 304);
  });
});

