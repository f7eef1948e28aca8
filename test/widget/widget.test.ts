import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import t from 'tap';
import { buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization, createService } from '../routes/v1/fixtures/write-side.ts';
import { pageErrorsOf, testBrowser } from '../helpers/browser.ts';

/**
 * The embeddable search in a real headless Chromium, on a portal page of another origin
 * than the API: the script and the searches cross origins as they do in production.
 */

interface ResultsEvent {
  total: number;
  page: number;
  ids: string[];
}

declare global {
  interface Window {
    results: ResultsEvent[];
    errors: number;
    xss?: number;
  }
}

const portalPage = (scriptUrl: string) => `<!doctype html>
<html lang="fi"><meta charset="utf-8"><title>Portaali</title>
<script type="module" src="${scriptUrl}"></script>
<tarjotin-search municipality="297"></tarjotin-search>
<script>
  window.results = [];
  window.errors = 0;
  const el = document.querySelector('tarjotin-search');
  el.addEventListener('tarjotin-results', (e) => window.results.push(e.detail));
  el.addEventListener('tarjotin-error', () => window.errors++);
</script>
</html>`;

/** Runs `fn` in the page on the widget's shadow root. */
const inWidget = <T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A) =>
  page.evaluate(
    (src, a) => (0, eval)(src)(document.querySelector('tarjotin-search')!.shadowRoot, a),
    fn.toString(),
    arg as unknown,
  ) as Promise<T>;

async function nextResults(page: Page, act: () => Promise<unknown>): Promise<ResultsEvent> {
  const before = await page.evaluate(() => window.results?.length ?? 0);
  await act();
  await page.waitForFunction((n) => (window.results?.length ?? 0) > n, { timeout: 10_000 }, before);
  return page.evaluate(() => window.results.at(-1)!);
}

t.test('the search widget on a portal page', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET } });
  const { app } = ta;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const org = await createOrganization(app, { name: 'Talousapu ry' });
  const debt = await createService(app, org.id, {
    name: 'Velkaneuvonta',
    description: 'Maksutonta velkaneuvontaa ja apua talouden suunnitteluun.',
    url: 'https://example.fi/velkaneuvonta',
    languages: [{ code: 'fi', name: 'suomi' }, { code: 'sv', name: 'ruotsi' }],
  });
  // The API refuses non-web addresses; the widget must not depend on that alone.
  const hostile = await createService(app, org.id, {
    name: '<img src=x onerror="window.xss=1">Velka-apu',
    description: '<script>window.xss=2</script> Neuvontaa velkaantuneille.',
  });
  await app.database.pool.query("update services set url = 'javascript:window.xss=3' where id = $1", [hostile.id]);
  await app.database.pool.query('insert into search_outbox (service_id) values ($1)', [hostile.id]);
  const lonely = await createService(app, org.id, {
    name: 'Ystäväpiiri',
    description: 'Vertaistukiryhmä yksinäisille.',
    needs: ['loneliness'],
    service_types: ['peer_support'],
  });
  await ta.indexed();

  const portal = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(portalPage(`${api}/widget/tarjotin-search.js`));
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => portal.close(() => resolve())));

  const browser = await testBrowser(t);
  const page = await browser.newPage();
  const pageErrors = pageErrorsOf(page);

  const first = await nextResults(page, () => page.goto(`http://127.0.0.1:${(portal.address() as AddressInfo).port}/`));

  t.test('loads from the API origin and lists the area\'s services before anything is typed', async (t) => {
    t.equal(first.total, 3);
    t.same(new Set(first.ids), new Set([debt.id, hostile.id, lonely.id]));
    t.equal(await inWidget(page, (r) => r.querySelector('[role=status]')!.textContent), '3 palvelua');
    t.equal(await inWidget(page, (r) => (r.querySelector('input') as HTMLInputElement).labels!.length), 1, 'the input has its label');
  });

  t.test('a query in an inflected form finds the service, with the matched word marked', async (t) => {
    const input = (await page.evaluateHandle(() => document.querySelector('tarjotin-search')!.shadowRoot!.querySelector('input')!))!;
    const results = await nextResults(page, async () => {
      await input.type('velkaneuvontaa');
      await input.press('Enter');
    });
    t.equal(results.ids[0], debt.id, 'the debt advice service first');
    t.notOk(results.ids.includes(lonely.id), 'the loneliness group is not a match');
    const marked = await inWidget(page, (r) => [...r.querySelectorAll('li:first-child mark')].map((m) => m.textContent));
    t.ok(marked.includes('velkaneuvontaa'), `marked: ${marked.join(', ')}`);
    t.equal(await inWidget(page, (r) => r.querySelector('li:first-child h3 a')!.getAttribute('href')), 'https://example.fi/velkaneuvonta');
    t.equal(await inWidget(page, (r) => r.querySelector('li:first-child a[href^="tel:"]')!.getAttribute('href')), 'tel:0171234567');
  });

  t.test("the API's texts are shown as text, never run", async (t) => {
    const shown = await inWidget(
      page,
      (r, id) => {
        const li = r.querySelector(`li[data-id="${id}"]`)!;
        return { name: li.querySelector('h3')!.textContent, link: li.querySelector('h3 a'), img: li.querySelector('img'), script: li.querySelector('script') };
      },
      hostile.id,
    );
    t.equal(shown.name, '<img src=x onerror="window.xss=1">Velka-apu', 'the name as typed');
    t.equal(shown.link, null, 'a javascript: URL is not made a link');
    t.equal(shown.img, null);
    t.equal(shown.script, null);
    t.equal(await page.evaluate(() => window.xss), undefined, 'nothing ran');
  });

  t.test('a need facet filters, and pressed again removes the filter', async (t) => {
    const input = (await page.evaluateHandle(() => document.querySelector('tarjotin-search')!.shadowRoot!.querySelector('input')!))!;
    await input.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await input.press('Enter');
    await page.waitForFunction(() => window.results.at(-1)!.total === 3, { timeout: 10_000 });
    const filtered = await nextResults(page, () => inWidget(page, (r) => (r.querySelector('button[data-code=loneliness]') as HTMLButtonElement).click()));
    t.same(filtered.ids, [lonely.id]);
    t.equal(await inWidget(page, (r) => r.querySelector('button[data-code=loneliness]')!.getAttribute('aria-pressed')), 'true');
    const all = await nextResults(page, () => inWidget(page, (r) => (r.querySelector('button[data-code=loneliness]') as HTMLButtonElement).click()));
    t.equal(all.total, 3);
  });

  t.test('each card names the languages of its service', async (t) => {
    const shown = await inWidget(page, (r, id) => r.querySelector(`li[data-id="${id}"] .langs`)?.textContent, debt.id);
    t.equal(shown, 'Kielet: suomi, ruotsi');
  });

  t.test('the need chips keep their order when one is pressed', async (t) => {
    const order = () => inWidget(page, (r) => [...r.querySelectorAll('button[data-code]')].map((b) => b.getAttribute('data-code')!));
    const before = await order();
    t.ok(before.length >= 2, `chips: ${before.join(', ')}`);
    const last = before.at(-1)!;
    await nextResults(page, () => inWidget(page, (r, code) => (r.querySelector(`button[data-code=${code}]`) as HTMLButtonElement).click(), last));
    const after = await order();
    t.same(after, before.filter((code) => after.includes(code)), `after pressing ${last}: ${after.join(', ')}`);
    t.ok(after.includes(last), 'the pressed chip is still there');
    await nextResults(page, () => inWidget(page, (r, code) => (r.querySelector(`button[data-code=${code}]`) as HTMLButtonElement).click(), last));
  });

  t.test('an empty result: the message only, with no filter advice when no filter is set', async (t) => {
    const input = (await page.evaluateHandle(() => document.querySelector('tarjotin-search')!.shadowRoot!.querySelector('input')!))!;
    const empty = await nextResults(page, async () => {
      await input.type('qqxxzzvvyy');
      await input.press('Enter');
    });
    t.equal(empty.total, 0);
    const shown = await inWidget(page, (r) => ({
      status: r.querySelector('[role=status]')!.textContent,
      needsHidden: (r.querySelector('details') as HTMLElement).hidden,
      pagerHidden: (r.querySelector('nav') as HTMLElement).hidden,
      items: r.querySelectorAll('li').length,
    }));
    t.same(shown, { status: 'Ei palveluita tällä haulla. Kokeile toista sanaa.', needsHidden: true, pagerHidden: true, items: 0 });
    await input.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await nextResults(page, () => input.press('Enter'));
  });

  t.test('on a phone the need chips start folded and the first result is in view', async (t) => {
    const phone = await browser.newPage();
    t.teardown(() => phone.close());
    await phone.setViewport({ width: 390, height: 844 });
    await phone.evaluateOnNewDocument(() => {
      window.results = [];
    });
    await phone.goto(`http://127.0.0.1:${(portal.address() as AddressInfo).port}/`);
    await phone.waitForFunction(() => (window.results?.length ?? 0) > 0, { timeout: 10_000 });
    const layout = await phone.evaluate(() => {
      const root = document.querySelector('tarjotin-search')!.shadowRoot!;
      return { open: (root.querySelector('details') as HTMLDetailsElement).open, firstBottom: root.querySelector('li')!.getBoundingClientRect().bottom };
    });
    t.equal(layout.open, false, 'folded');
    t.ok(layout.firstBottom <= 844, `the first result ends at ${Math.round(layout.firstBottom)} px of 844`);
  });

  t.test('lang switches the texts and labels', async (t) => {
    await nextResults(page, () => page.evaluate(() => document.querySelector('tarjotin-search')!.setAttribute('lang', 'sv')));
    t.equal(await inWidget(page, (r) => r.querySelector('label')!.textContent), 'Sök tjänster');
    t.equal(await inWidget(page, (r) => r.querySelector('[role=status]')!.textContent), '3 tjänster');
    const facet = await inWidget(page, (r) => r.querySelector('button[data-code=debt]')!.textContent);
    t.match(facet, /^Skulder och ekonomiska svårigheter \(2\)$/);
  });

  t.test('nothing went wrong in the page', async (t) => {
    t.same(pageErrors, []);
    t.equal(await page.evaluate(() => window.errors), 0);
  });

  t.test('an unreachable API: a message in the page language, no results', async (t) => {
    await page.evaluate(() => document.querySelector('tarjotin-search')!.setAttribute('api', 'http://127.0.0.1:9'));
    await page.waitForFunction(() => window.errors > 0, { timeout: 10_000 });
    t.equal(await inWidget(page, (r) => r.querySelector('[role=status]')!.textContent), 'Sökningen misslyckades. Försök igen om en stund.');
    t.equal(await inWidget(page, (r) => r.querySelectorAll('li').length), 0);
  });

  t.test('the script is served for any origin and cached', async (t) => {
    const res = await app.inject({ url: '/widget/tarjotin-search.js', headers: { origin: 'https://portaali.example.fi' } });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/javascript/);
    t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    t.equal(res.headers['access-control-allow-origin'], '*');
    t.match(res.headers['cache-control'], /max-age=3600/);
    const again = await app.inject({ url: '/widget/tarjotin-search.js', headers: { 'if-none-match': res.headers.etag as string } });
    t.equal(again.statusCode, 304);
    const demo = await app.inject({ url: '/widget/?lang=sv' });
    t.equal(demo.statusCode, 200);
    t.match(demo.body, /<html lang="sv">/);
    t.equal((await app.inject({ url: '/widget/?lang=de' })).statusCode, 400);
  });
});
