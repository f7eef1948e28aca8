import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Teardown } from './app.ts';

/**
 * Headless Chromium for page tests (the `@sparticuz/chromium` build, nothing downloaded),
 * without its background traffic: this machine reaches no host but its own.
 */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    args: [...chromium.args, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A browser closed when the test ends. */
export async function testBrowser(t: Teardown): Promise<Browser> {
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  return browser;
}

/** Collects a page's script errors and console errors, for asserting there are none. */
export function pageErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}
