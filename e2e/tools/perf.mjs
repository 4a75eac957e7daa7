// Storefront benchmark: largest contentful paint and layout shift of prerendered pages against
// the floor (a static page with the same styles and one image), time to interactive (the app has
// taken the page over) and total blocking time, add-to-cart (the first add and later ones) and
// market-switch latency, and rendering 1,000 product cards, in headless Chromium with 4× CPU
// throttling. Prints figures; asserts nothing. Usage: node tools/perf.mjs <dist-with-bench-feature> [port]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] || join(here, '..', '..', 'target', 'dist-bench');
const port = Number(process.argv[3] || 4180);
const base = `http://127.0.0.1:${port}`;
const RUNS = 5;
// Cold loads per page for the paint figures (DHOW_BENCH_PAINT_RUNS to change).
const PAINT_RUNS = Number(process.env.DHOW_BENCH_PAINT_RUNS || 15);

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

// Largest contentful paint and cumulative layout shift of one cold load (a new context), read
// once the app has taken the page over (or, for a static page, once the network is idle).
// Also, for the app's pages: time to interactive, when the app has taken the page over (the
// root's data-dhow-app attribute: from then on Add to cart works), and total blocking time, the
// time over 50 ms of every long main-thread task between the first contentful paint and then.
async function paintOnce(path, app) {
  const { context, page } = await throttledPage();
  await page.addInitScript(() => {
    window.__bench = { longTasks: [], takeover: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    new MutationObserver((_, observer) => {
      if (document.getElementById('dhow-root')?.hasAttribute('data-dhow-app')) {
        window.__bench.takeover = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-dhow-app'] });
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  if (app) {
    await page.waitForSelector('#dhow-root[data-dhow-app]');
    await page.waitForSelector('main:not([aria-busy]) h1');
  }
  const [tti, tbt] = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const end = window.__bench.takeover ?? performance.now();
    const blocking = window.__bench.longTasks
      .filter(([start, duration]) => start + duration > fcp && start < end)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return [window.__bench.takeover ?? -1, blocking];
  });
  const result = await page.evaluate(() => Promise.all([
    new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }),
    new Promise((resolve) => {
      let sum = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // Buffered entries arrive in the observer's first callback, before the next frame ends.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
    }),
  ]));
  await context.close();
  return [...result, tti, tbt];
}

// Medians of PAINT_RUNS cold loads of each page, loaded in turn (floor, home, product, …, then
// again), so a machine whose speed drifts during the run treats every page alike: single loads
// here vary by ±100 ms, and the floor is only meaningful next to pages measured in the same turns.
async function paintAll(pages) {
  const figures = pages.map(() => [[], [], [], []]);
  for (let run = 0; run < PAINT_RUNS; run++) {
    for (const [i, [path, app]] of pages.entries()) {
      for (const [k, value] of (await paintOnce(path, app)).entries()) figures[i][k].push(value);
    }
  }
  return figures.map((lists) => lists.map(median));
}

// The floor: a static page with the storefront's stylesheets and the home page's first image at
// the size it has there (in a product card: Chromium does not count an image drawn much larger
// than its file's detail as contentful), and nothing else. No page with those styles paints
// earlier.
function writeFloorPage() {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const styles = home.match(/<link rel="stylesheet"[^>]*>/g) || [];
  const image = home.match(/<img [^>]*class="dhow-product-card__image"[^>]*>/)?.[0]
    || home.match(/<img [^>]*>/)?.[0] || '';
  writeFileSync(join(dist, 'bench-floor.html'), `<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${styles.join('')}</head>
<body><main class="dhow-main"><section class="dhow-section"><ul class="dhow-product-grid"><li>
<article class="dhow-product-card">${image}</article></li></ul></section></main></body></html>\n`);
  // The same floor with text: the product page's header and title in the storefront's
  // fonts. What it adds over the floor is what finding and shaping the fonts costs.
  const product = readFileSync(join(dist, 'products', 'wool-overcoat.html'), 'utf8');
  const header = product.match(/<header[\s\S]*?<\/header>/)?.[0] || '';
  const title = product.match(/<h1[\s\S]*?<\/h1>/)?.[0] || '';
  writeFileSync(join(dist, 'bench-floor-text.html'), `<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${styles.join('')}</head>
<body>${header}<main class="dhow-main"><section class="dhow-section">${title}<ul class="dhow-product-grid"><li>
<article class="dhow-product-card">${image}</article></li></ul></section></main></body></html>\n`);
  return { styles: styles.length, image: image.match(/src="([^"]*)"/)?.[1] };
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

// The first add of a visit (no cart yet: the backend creates one) in each of RUNS fresh
// contexts, and the later adds of those visits: the time to the frame showing the new cart count,
// and to the frame showing the opened drawer with its lines.
async function addToCartLatency() {
  const first = [[], []];
  const later = [[], []];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await throttledPage();
    await page.goto(`${base}/products/enamel-camp-mug`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#dhow-root[data-dhow-app]');
    await page.waitForSelector('.dhow-add-to-cart__button:not([disabled])');
    for (let i = 1; i <= 3; i++) {
      const [count, drawer] = await page.evaluate((expected) => new Promise((resolve) => {
        const t0 = performance.now();
        const frame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now() - t0)));
        const until = (check) => new Promise((done) => {
          if (check()) { done(); return; }
          const observer = new MutationObserver(() => {
            if (check()) { observer.disconnect(); done(); }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        const counted = until(() => document.querySelector('.dhow-cart-button__count').textContent === expected).then(frame);
        const shown = until(() => document.querySelector('dialog.dhow-drawer[open] .dhow-drawer__body')).then(frame);
        document.querySelector('.dhow-add-to-cart__button').click();
        Promise.all([counted, shown]).then(resolve);
      }), String(i));
      const into = i === 1 ? first : later;
      into[0].push(count);
      into[1].push(drawer);
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.dhow-drawer:not([open])', { state: 'attached' });
    }
    await context.close();
  }
  return [...first, ...later].map(median);
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

const floor = writeFloorPage();
const [[floorLcp], [floorTextLcp], [homeLcp, homeCls, homeTti, homeTbt], [productLcp, productCls, productTti, productTbt], [deLcp, deCls]] = await paintAll([
  ['/bench-floor.html', false],
  ['/bench-floor-text.html', false],
  ['/', true],
  ['/products/wool-overcoat', true],
  ['/de/products/wool-overcoat', true],
]);
const figures = [
  [`LCP, floor: ${floor.styles} stylesheets + 1 image (ms)`, floorLcp],
  ['LCP, floor + header and title text (ms)', floorTextLcp],
  ['LCP, home (ms)', homeLcp],
  ['LCP, product page (ms)', productLcp],
  ['LCP, product page /de (ms)', deLcp],
  ['CLS, home', homeCls],
  ['CLS, product page', productCls],
  ['CLS, product page /de', deCls],
  ['time to interactive (takeover), home (ms)', homeTti],
  ['time to interactive (takeover), product (ms)', productTti],
  ['total blocking time, home (ms)', homeTbt],
  ['total blocking time, product (ms)', productTbt],
  ...(([first, firstDrawer, later, laterDrawer]) => [
    ['add to cart → cart count, first add (ms)', first],
    ['add to cart → cart count, later adds (ms)', later],
    ['add to cart → drawer with its lines, first add (ms)', firstDrawer],
    ['add to cart → drawer with its lines, later adds (ms)', laterDrawer],
  ])(await addToCartLatency()),
  ['market switch → price re-priced (ms)', await marketSwitchLatency()],
  ['render 1,000 product cards (ms)', await renderCards(1000)],
];
console.log(`\nStorefront benchmark (headless Chromium, 4× CPU throttling, medians; paint: ${PAINT_RUNS} cold loads per page, in turns)`);
for (const [name, value] of figures) console.log(`${name.padEnd(52)}${value.toFixed(name.startsWith('CLS') ? 3 : 0).padStart(8)}`);

await browser.close();
server.kill();
