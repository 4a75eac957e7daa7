// A static file server for dist/, the way a CDN serves Dhow: files as they are, index.html for
// deep links, and the strict Content-Security-Policy the README recommends, opened only to the
// origins the store's configuration names: its backend (calls and images) and its `image_hosts`.
// Usage: node serve.mjs <dir> <port> [config.json]
// With a configuration file, `/dhow.json` is that file (its `${NAME}` placeholders filled from the
// environment, e.g. a backend's publishable key); without one, the CSP follows <dir>/dhow.json.
// DHOW_EXTRA_CONNECT_SRC adds origins the page may call besides (space-separated): the tests'
// chaos proxy in front of the backend (tools/chaos-proxy.mjs).
// DHOW_SERVE_BROTLI=1 sends text and wasm brotli-compressed (quality 11, as a host that
// precompresses does) to a client that accepts it: for benchmarks on an emulated slow network,
// where the bytes on the wire are what matter.
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] || '../dist');
const port = Number(process.argv[3] || 4173);
const configPath = process.argv[4];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ftl': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

async function loadConfig(path) {
  const text = (await readFile(path, 'utf8')).replace(/\$\{([A-Z0-9_]+)\}/g, (_, name) => {
    if (process.env[name] === undefined) throw new Error(`${path} needs ${name} in the environment`);
    return process.env[name];
  });
  const config = JSON.parse(text);
  return {
    text,
    // A network backend is called from the page and serves its products' images (Medusa's file
    // module, Vendure's asset server) from its own origin.
    origin: config.backend?.url ? new URL(config.backend.url).origin : null,
    imageHosts: (config.image_hosts || []).map((host) => new URL(host).origin),
    // An analytics collector on another origin receives beacons from the page.
    collector: /^https?:\/\//.test(config.analytics?.collector || '') ? new URL(config.analytics.collector).origin : null,
  };
}

const config = configPath ? await loadConfig(configPath) : null;
// The configuration the site serves decides the CSP, also when it is dist/'s own dhow.json.
const served = config || (await loadConfig(join(root, 'dhow.json')).catch(() => null));
const extraConnect = (process.env.DHOW_EXTRA_CONNECT_SRC || '').split(/\s+/).filter(Boolean).map((o) => new URL(o).origin);

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  ["img-src 'self' data:", ...new Set([served?.origin, ...(served?.imageHosts || [])])].filter(Boolean).join(' '),
  ["connect-src 'self'", served?.origin, served?.collector, ...extraConnect].filter(Boolean).join(' '),
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// The example brand site (examples/brand/), a page that embeds Dhow's custom elements, is served
// at /brand/ on the storefront's origin, so it shares the storefront's cart.
const mounts = [['/brand/', resolve(fileURLToPath(new URL('../examples/brand/', import.meta.url)))]];

// Prerendered pages are files the way static hosts map clean URLs: `/de/products/x` is
// `de/products/x.html`, `/de/` is `de/index.html`.
async function fileFor(urlPath) {
  const [prefix, dir] = mounts.find(([p]) => urlPath.startsWith(p)) || ['/', root];
  const rest = urlPath.slice(prefix.length - 1);
  const candidates = rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}.html`, `${rest}/index.html`];
  for (const candidate of candidates) {
    let clean;
    try {
      clean = normalize(decodeURIComponent(candidate)).replace(/^(\.\.[/\\])+/, '');
    } catch {
      return null;
    }
    const path = join(dir, clean);
    if (!path.startsWith(dir)) return null;
    try {
      const info = await stat(path);
      if (info.isFile()) return path;
    } catch {
      // not this one
    }
  }
  return null;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ftl', '.txt', '.xml']);
const compressed = new Map();
async function brotli(path) {
  const key = `${path}:${(await stat(path)).mtimeMs}`;
  if (!compressed.has(key)) {
    compressed.set(key, brotliCompressSync(await readFile(path), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(key);
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (config && url.pathname === '/dhow.json') {
    res.writeHead(200, {
      'content-type': TYPES['.json'],
      'content-security-policy': CSP,
      'cache-control': 'no-cache',
    });
    res.end(config.text);
    return;
  }
  let path = await fileFor(url.pathname);
  // Other deep links (an order page, an unknown path) get the app in its page skeleton
  // (`shell.html`, which the prerender keeps; `index.html` in a build without it); a missing file
  // with an extension is a real 404.
  if (!path && !extname(url.pathname)) path = (await fileFor('/shell.html')) || join(root, 'index.html');
  if (!path) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const compress = process.env.DHOW_SERVE_BROTLI === '1' && COMPRESSIBLE.has(extname(path))
    && /\bbr\b/.test(req.headers['accept-encoding'] || '');
  const body = compress ? await brotli(path) : await readFile(path);
  res.writeHead(200, {
    ...(compress ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
    'content-type': TYPES[extname(path)] || 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
  });
  res.end(body);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
