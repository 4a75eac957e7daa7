// Main-thread comparison: for several paths of one built site, loaded in turn (a new context
// each, 4x CPU), the median of the renderer's own counters when the load event has fired
// (Chrome's Performance.getMetrics: LayoutDuration, RecalcStyleDuration, TaskDuration), with
// the largest contentful paint and which element it was. Paint times on this kind of machine
// vary by ±100 ms from one load to the next; these counters vary far less, so a change to the
// page's HTML or styles shows in them when it cannot yet be told apart in paint times. They count
// everything until the load event: for a page the app takes over, part of the takeover too
// (compare variants without scripts for the first paint alone). Prints figures; asserts nothing.
// Variants of a page sit in the same dist under other names, or in a copy of it (`<dir>::<path>`,
// served on a port of its own), as with paint-compare.mjs.
//   node tools/layout-compare.mjs <dist> <runs> <path> [<path> ...]
import { launchBrowser, median, serveVariants, throttledPage } from './variants.mjs';

const [dist, n, ...paths] = process.argv.slice(2);
if (!dist || !Number(n) || paths.length === 0) {
  console.error('usage: node tools/layout-compare.mjs <dist> <runs> <path> [<path> ...]');
  process.exit(2);
}
const { urlOf, stop } = await serveVariants(dist, paths, 4171);
const browser = await launchBrowser();
const res = Object.fromEntries(paths.map((p) => [p, { figures: {}, elements: {} }]));
for (let i = 0; i < Number(n); i++) {
  for (const p of paths) {
    const { context, page, cdp } = await throttledPage(browser);
    await cdp.send('Performance.enable');
    await page.goto(urlOf(p), { waitUntil: 'load' });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const [lcp, element] = await page.evaluate(() => new Promise((r) => new PerformanceObserver((l) => {
      const e = l.getEntries().at(-1);
      r([e.startTime, e.element?.getAttribute('src') || e.element?.tagName.toLowerCase() || '?']);
    }).observe({ type: 'largest-contentful-paint', buffered: true })));
    const row = { LCP: lcp, layout: m.LayoutDuration * 1000, style: m.RecalcStyleDuration * 1000, tasks: m.TaskDuration * 1000 };
    for (const [k, v] of Object.entries(row)) (res[p].figures[k] ??= []).push(v);
    res[p].elements[element] = (res[p].elements[element] ?? 0) + 1;
    await context.close();
  }
}
for (const p of paths) {
  const figures = Object.entries(res[p].figures).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join('  ');
  const elements = Object.entries(res[p].elements).map(([e, c]) => `${e} ×${c}`).join(', ');
  console.log(`${p.padEnd(40)} ${figures}   LCP element: ${elements}`);
}
await browser.close();
stop();
