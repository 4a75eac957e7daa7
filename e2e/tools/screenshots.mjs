// Screenshots of the storefront's pages in every theme, at a wide and a narrow width, for looking
// at the design; not a test. Writes <out>/<width>-<page>-<theme>.png and <out>/index.html, which
// shows the themes of each page side by side. <out> defaults to e2e/screenshots/ (git-ignored).
// Usage (with dist/ served, e.g. `node serve.mjs ../dist 4173`):
//   node tools/screenshots.mjs [base-url] [out-dir] [path ...]
// THEME=/theme/boutique.css takes that theme only.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEMES, setTheme } from '../support/theme.mjs';

const base = process.argv[2] || 'http://127.0.0.1:4173';
const out = process.argv[3] || join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const paths = process.argv.slice(4);
const pages = paths.length ? paths : ['/', '/de/products/wool-overcoat', '/jp/search?q=tee', '/ae/collections/bags', '/cart', '/orders'];
const themes = process.env.THEME
  ? { [process.env.THEME.replace(/^.*\/|\.css$/g, '')]: process.env.THEME }
  : THEMES;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 812 } });
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForSelector('main:not([aria-busy])');
    await page.waitForLoadState('networkidle');
    const shots = [];
    for (const [theme, href] of Object.entries(themes)) {
      await setTheme(page, href);
      const name = `${width}${path.replace(/[^a-z0-9]+/gi, '_')}-${theme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      console.log(join(out, name));
      shots.push({ theme, name });
    }
    rows.push({ title: `${path} at ${width} px`, shots });
  }
  await page.close();
}
await browser.close();

const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
writeFileSync(join(out, 'index.html'), `<!doctype html>
<meta charset="utf-8"><title>Dhow themes</title>
<style>body{font-family:system-ui;margin:1rem}section{display:grid;grid-template-columns:repeat(${Object.keys(themes).length},1fr);gap:1rem;align-items:start;margin-block-end:2rem}h2{grid-column:1/-1;margin:0}figure{margin:0}img{max-inline-size:100%;border:1px solid #ccc}</style>
${rows.map((r) => `<section><h2>${escape(r.title)}</h2>${r.shots.map((s) => `<figure><figcaption>${escape(s.theme)}</figcaption><a href="${s.name}"><img src="${s.name}" alt="${escape(`${r.title}, ${s.theme} theme`)}" loading="lazy"></a></figure>`).join('')}</section>`).join('\n')}
`);
console.log(join(out, 'index.html'));
