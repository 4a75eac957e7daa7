// Screenshots of the storefront's pages in several markets and widths, for looking at the design.
// Usage (with dist/ served, e.g. `node serve.mjs ../dist 4173`):
//   node tools/screenshots.mjs [base-url] [out-dir] [path ...]
// THEME=/theme/boutique.css swaps the default theme's stylesheet for another one.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] || 'http://127.0.0.1:4173';
const out = process.argv[3] || 'screenshots';
const paths = process.argv.slice(4);
const pages = paths.length ? paths : ['/', '/de/products/wool-overcoat', '/jp/search?q=tee', '/ae/collections/bags', '/cart', '/orders'];
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 812 } });
  for (const path of pages) {
    await page.goto(base + path);
    if (process.env.THEME) {
      await page.evaluate((href) => {
        document.querySelector('link[href*="default-"]')?.remove();
        const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
        document.head.append(link);
      }, process.env.THEME);
    }
    await page.waitForSelector('main:not([aria-busy])');
    await page.waitForLoadState('networkidle');
    const theme = process.env.THEME ? process.env.THEME.replace(/\W+/g, '_') : '';
    const name = `${width}${theme}${path.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: `${out}/${name}`, fullPage: true });
    console.log(`${out}/${name}`);
  }
  await page.close();
}
await browser.close();
