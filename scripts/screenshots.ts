// Screenshots of the search widget for the README (docs/widget-390.png, docs/widget-1280.png):
// a fresh instance of its own with the development catalog, the widget's demo page in a
// headless Chromium at a phone's and a desktop's width. `npm run screenshots`.
import fs from 'node:fs/promises';
import path from 'node:path';
import { importCatalog } from '../src/hsds/catalog-file.ts';
import { withIsolatedInstance } from '../src/runtime.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

await withIsolatedInstance(async (app, baseUrl) => {
  const catalog = JSON.parse(await fs.readFile(path.join(ROOT, 'data/eval/catalog.json'), 'utf8')) as unknown;
  await importCatalog(app.database.db, catalog);
  await app.outbox.drain();
  const browser = await launchBrowser();
  try {
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await page.goto(`${baseUrl}/widget/?lang=fi`, { waitUntil: 'networkidle0' });
      // Kuopio's services, as a municipality's portal would show them.
      await page.evaluate(() => document.querySelector('tarjotin-search')!.setAttribute('municipality', '297'));
      await page.waitForNetworkIdle();
      await page.waitForFunction(() => (document.querySelector('tarjotin-search')?.shadowRoot?.querySelectorAll('li').length ?? 0) > 0);
      const file = path.join(ROOT, 'docs', `widget-${viewport.width}.png`);
      await page.screenshot({ path: file as `${string}.png` });
      console.log(`wrote ${path.relative(ROOT, file)}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
