// Paint comparison: median first and largest contentful paint, when the app took the page over
// (its root's data-dhow-app attribute), and total blocking time until then (as perf.mjs measures
// it: every long task's time over 50 ms from the first contentful paint), of several paths of one built site,
// loaded in turn (round-robin, a new context each) so a host whose speed drifts treats them alike.
// Headless Chromium, 4x CPU. Prints figures; asserts nothing. Hand-made variants of a page (a copy
// with something removed) can sit in the same dist under other names, or in a copy of the dist
// when the page must keep its URL (a prerendered page is taken over only at its own URL): a path
// written `<dir>::<path>` is served from that other directory, on a port of its own.
//   node tools/paint-compare.mjs <dist> <runs> <path> [<path> ...]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
const [dist, n, ...paths] = process.argv.slice(2);
const roots = [...new Set([dist, ...paths.filter((p) => p.includes('::')).map((p) => p.split('::')[0])])];
const servers = [];
const portOf = new Map();
for (const [i, root] of roots.entries()) {
  const port = 4191 + i;
  const server = spawn(process.execPath, ['../serve.mjs', resolve(root), String(port)], { cwd: new URL('.', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => server.stdout.once('data', r));
  servers.push(server);
  portOf.set(root, port);
}
const urlOf = (p) => (p.includes('::') ? `http://127.0.0.1:${portOf.get(p.split('::')[0])}${p.split('::')[1]}` : `http://127.0.0.1:${portOf.get(dist)}${p}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(paths.map((p) => [p, { fcp: [], lcp: [], tti: [], tbt: [] }]));
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let i = 0; i < Number(n); i++) {
  for (const p of paths) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
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
for (const server of servers) server.kill();
