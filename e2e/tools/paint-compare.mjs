// Paint comparison: median first and largest contentful paint, when the app took the page over
// (its root's data-dhow-app attribute), and total blocking time until then (as perf.mjs measures
// it: every long task's time over 50 ms from the first contentful paint), of several paths of one built site,
// loaded in turn (round-robin, a new context each) so a host whose speed drifts treats them alike.
// Headless Chromium, 4x CPU. Prints figures; asserts nothing. Hand-made variants of a page (a copy
// with something removed) can sit in the same dist under other names, or in a copy of the dist
// when the page must keep its URL (a prerendered page is taken over only at its own URL): a path
// written `<dir>::<path>` is served from that other directory, on a port of its own.
//   node tools/paint-compare.mjs <dist> <runs> <path> [<path> ...]
import { launchBrowser, median as med, serveVariants, throttledPage } from './variants.mjs';

const [dist, n, ...paths] = process.argv.slice(2);
const { urlOf, stop } = await serveVariants(dist, paths, 4191);
const browser = await launchBrowser();
const res = Object.fromEntries(paths.map((p) => [p, { fcp: [], lcp: [], tti: [], tbt: [] }]));
for (let i = 0; i < Number(n); i++) {
  for (const p of paths) {
    const { context, page } = await throttledPage(browser);
    await page.addInitScript(() => {
      window.__takeover = -1;
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      new MutationObserver((_, observer) => {
        if (document.getElementById('dhow-root')?.hasAttribute('data-dhow-app')) {
          window.__takeover = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-dhow-app'] });
    });
    await page.goto(urlOf(p), { waitUntil: 'networkidle' });
    // A page with the app's root and a script to run waits for the takeover (a variant without
    // scripts is measured as it is).
    if (await page.locator('#dhow-root').count() && await page.locator('script[type=module]').count()) {
      await page.waitForSelector('#dhow-root[data-dhow-app]');
    }
    const [tti, tbt] = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const end = window.__takeover >= 0 ? window.__takeover : performance.now();
      const blocking = window.__longTasks
        .filter(([start, duration]) => start + duration > fcp && start < end)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
      return [window.__takeover, blocking];
    });
    res[p].tti.push(tti); res[p].tbt.push(tbt);
    const [fcp, lcp] = await page.evaluate(() => Promise.all([
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      new Promise((resolve) => new PerformanceObserver((l) => { const e = l.getEntries(); resolve(e[e.length - 1].startTime); }).observe({ type: 'largest-contentful-paint', buffered: true })),
    ]));
    res[p].fcp.push(fcp); res[p].lcp.push(lcp);
    await context.close();
  }
}
for (const p of paths) console.log(p.padEnd(50), 'FCP', med(res[p].fcp).toFixed(0), 'LCP', med(res[p].lcp).toFixed(0), 'takeover', med(res[p].tti).toFixed(0), 'TBT', med(res[p].tbt).toFixed(0), ' all LCP', res[p].lcp.map((x) => x.toFixed(0)).join(' '));
await browser.close();
stop();
