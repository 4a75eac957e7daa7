// Storefront benchmark: largest contentful paint, add-to-cart and market-switch latency, and
// rendering 1,000 product cards, in headless Chromium with 4× CPU throttling. Prints figures;
// asserts nothing. Usage: node tools/perf.mjs <dist-with-bench-feature> [port]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] || join(here, '..', '..', 'target', 'dist-bench');
const port = Number(process.argv[3] || 4180);
const base = `http://127.0.0.1:${port}`;
const RUNS = 5;

const server = spawn(process.execPath, [join(here, '..', 'serve.mjs'), dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function throttledPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

async function lcp(path) {
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttledPage();
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForSelector('main:not([aria-busy]) h1');
    const value = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }));
    values.push(value);
    await context.close();
  }
  return median(values);
}

// Time from an action to a DOM condition becoming true, up to the next frame after it.
async function timed(page, act, until) {
  return page.evaluate(([act, until]) => new Promise((resolve) => {
    const check = new Function(`return (${until})()`);
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    new Function(`(${act})()`)();
  }), [act.toString(), until.toString()]);
}

async function addToCartLatency() {
  const { context, page } = await throttledPage();
  await page.goto(`${base}/products/enamel-camp-mug`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.dhow-add-to-cart__button:not([disabled])');
  const values = [];
  for (let i = 1; i <= RUNS; i++) {
    const expected = String(i);
    values.push(await timed(page,
      () => document.querySelector('.dhow-add-to-cart__button').click(),
      `() => document.querySelector('.dhow-cart-button__count').textContent === '${expected}'`));
    await page.keyboard.press('Escape');
  }
  await context.close();
  return median(values);
}

async function marketSwitchLatency() {
  const { context, page } = await throttledPage();
  await page.goto(`${base}/products/wool-overcoat`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.dhow-product__price .dhow-price__amount');
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [market, sign] of [['de', '€'], ['us', '$']]) {
      values.push(await timed(page,
        `() => { const s = document.querySelector('.dhow-market-selector select'); s.value = '${market}'; s.dispatchEvent(new Event('change', { bubbles: true })); }`,
        `() => (document.querySelector('.dhow-product__price .dhow-price__amount')?.textContent || '').includes('${sign}')`));
    }
  }
  await context.close();
  return median(values);
}

async function renderCards(n) {
  const values = [];
  for (let i = 0; i < 3; i++) {
    const { context, page } = await throttledPage();
    await page.goto(`${base}/bench/cards?n=${n}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#render:not([disabled])');
    values.push(await timed(page,
      () => document.querySelector('#render').click(),
      `() => document.querySelectorAll('.dhow-product-card').length === ${n}`));
    await context.close();
  }
  return median(values);
}

const figures = [
  ['LCP, home (ms)', await lcp('/')],
  ['LCP, product page (ms)', await lcp('/products/wool-overcoat')],
  ['add to cart → cart count (ms)', await addToCartLatency()],
  ['market switch → price re-priced (ms)', await marketSwitchLatency()],
  ['render 1,000 product cards (ms)', await renderCards(1000)],
];
console.log('\nStorefront benchmark (headless Chromium, 4× CPU throttling, medians)');
for (const [name, value] of figures) console.log(`${name.padEnd(40)}${value.toFixed(0).padStart(8)}`);

await browser.close();
server.kill();
