// What the comparison tools (paint-compare.mjs, layout-compare.mjs) share: a static server per
// directory their paths name (`<path>` is served from the site given first, `<dir>::<path>` from
// another directory, for a variant that must keep its URL), and the throttled headless Chromium
// they load pages in.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Starts e2e/serve.mjs for `dist` and every other directory `paths` name, on ports from
 * `firstPort`. Returns `urlOf(path)` and `stop()`. */
export async function serveVariants(dist, paths, firstPort) {
  const roots = [...new Set([dist, ...paths.filter((p) => p.includes('::')).map((p) => p.split('::')[0])])];
  const servers = [];
  const portOf = new Map();
  for (const [i, root] of roots.entries()) {
    const port = firstPort + i;
    const server = spawn(process.execPath, ['../serve.mjs', resolve(root), String(port)], { cwd: new URL('.', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => server.stdout.once('data', r));
    servers.push(server);
    portOf.set(root, port);
  }
  const urlOf = (p) => (p.includes('::')
    ? `http://127.0.0.1:${portOf.get(p.split('::')[0])}${p.split('::')[1]}`
    : `http://127.0.0.1:${portOf.get(dist)}${p}`);
  return { urlOf, stop: () => servers.forEach((s) => s.kill()) };
}

/** Headless Chromium as the benchmarks run it. */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** A new page of its own context at 4x CPU, with its CDP session. */
export async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
