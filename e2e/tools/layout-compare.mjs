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
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const [dist, n, ...paths] = process.argv.slice(2);
if (!dist || !Number(n) || paths.length === 0) {
  console.error('usage: node tools/layout-compare.mjs <dist> <runs> <path> [<path> ...]');
  process.exit(2);
}
const roots = [...new Set([dist, ...paths.filter((p) => p.includes('::')).map((p) => p.split('::')[0])])];
const servers = [];
const portOf = new Map();
for (const [i, root] of roots.entries()) {
  const port = 4171 + i;
  const server = spawn(process.execPath, ['../serve.mjs', resolve(root), String(port)], { cwd: new URL('.', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => server.stdout.once('data', r));
  servers.push(server);
  portOf.set(root, port);
}
const urlOf = (p) => (p.includes('::') ? `http://127.0.0.1:${portOf.get(p.split('::')[0])}${p.split('::')[1]}` : `http://127.0.0.1:${portOf.get(dist)}${p}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(paths.map((p) => [p, { figures: {}, elements: {} }]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let i = 0; i < Number(n); i++) {
  for (const p of paths) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
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
for (const server of servers) server.kill();
