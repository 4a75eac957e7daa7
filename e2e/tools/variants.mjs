// What the comparison tools (paint-compare.mjs, layout-compare.mjs) share: a static server per
// directory their paths name (`<path>` is served from the site given first, `<dir>::<path>` from
// another directory, for a variant that must keep its URL), and the throttled headless Chromium
// they load pages in.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** DHOW_BENCH_NETWORK=slow4g: every page also on an emulated slow mobile network (Lighthouse's
 * "Slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), with the files served
 * brotli-compressed as a real host sends them. Unset: the loopback network, files as they are. */
const NETWORKS = {
  slow4g: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const NETWORK = process.env.DHOW_BENCH_NETWORK ? NETWORKS[process.env.DHOW_BENCH_NETWORK] : null;
if (process.env.DHOW_BENCH_NETWORK && !NETWORK) {
  throw new Error(`DHOW_BENCH_NETWORK: unknown network ${process.env.DHOW_BENCH_NETWORK} (known: ${Object.keys(NETWORKS).join(', ')})`);
}

/** Starts e2e/serve.mjs for `dist` and every other directory `paths` name, on ports from
 * `firstPort`. Returns `urlOf(path)` and `stop()`. */
export async function serveVariants(dist, paths, firstPort) {
  const roots = [...new Set([dist, ...paths.filter((p) => p.includes('::')).map((p) => p.split('::')[0])])];
  const servers = [];
  const portOf = new Map();
  for (const [i, root] of roots.entries()) {
    const port = firstPort + i;
    const env = { ...process.env, ...(NETWORK ? { DHOW_SERVE_BROTLI: '1' } : {}) };
    const server = spawn(process.execPath, ['../serve.mjs', resolve(root), String(port)], { cwd: new URL('.', import.meta.url).pathname, env, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** A new page of its own context at 4x CPU (and on the emulated network, if one is chosen), with
 * its CDP session. */
export async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (NETWORK) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  return { context, page, cdp };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
