// A chaos proxy for one commerce backend, on 127.0.0.1: a seeded share of requests (30 % by
// default) is delayed, dropped before it reaches the backend, or let through with its answer
// dropped (the backend acted; the browser never hears it). The browser tests run a shopper's
// checkout through it (tests/backends/chaos.spec.ts).
//
// Runs: the proxy serves many independent runs at once, one per test, each under a path prefix of
// its own (`http://127.0.0.1:<port>/<run>/store/carts` → `<target>/store/carts`), so tests in
// parallel workers never share a fault sequence. A run is created with its seed through the
// control API, which the tests call from Node (never the browser):
//   PUT    /__chaos/runs/<run>   {"seed": 7, "rate": 0.3}  → the run's proxy URL
//   GET    /__chaos/runs/<run>                           → seed, counts and every request's fate
//   DELETE /__chaos/runs/<run>
//   GET    /__chaos/health
//
// Determinism: a request's fate is a pure function of (seed, the request's key, how many requests
// with that key the run saw before). The key is the method and path with ids blanked, plus the
// GraphQL operation for a GraphQL POST (every Vendure call is `POST /shop-api`). So the n-th
// "complete cart" of seed 7 always meets the same fate, whatever the timing of unrelated requests.
// Only CORS preflights are counted by timing as much as by the app: Chromium caches a preflight
// for 5 s when the server sets no max-age, so how many there are depends on how long the run took.
// Preflights are faulted like any request (a browser does send them, and they can be lost too);
// their loss only ever fails the request before it is sent.
//
// Usage: node tools/chaos-proxy.mjs --target http://127.0.0.1:9000 --port 9900
//        (or import { startChaosProxy } from './chaos-proxy.mjs')
// No dependencies: Node's http module, and a small hash-seeded PRNG written here because the
// tests need the same numbers in every Node version (Math.random cannot be seeded).
import { createServer, request as httpRequest, Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** Default share of faulted requests. */
export const DEFAULT_RATE = 0.3;

/**
 * How the faulted requests are split (weights; they need not add up to 1). `hang` holds the
 * request without an answer until the browser gives up (the storefront waits 20 s): off by default
 * because it costs 20 s a time and proves nothing a dropped request does not.
 */
export const DEFAULT_FAULTS = { delay: 0.34, 'drop-request': 0.22, 'drop-answer': 0.22, 'cut-answer': 0.22, hang: 0 };

/** How long a delay lasts: uniformly in this range (ms). */
export const DEFAULT_DELAY = [500, 2500];

/** cyrb53: a 53-bit string hash (public domain, bryc), the seed of each decision. */
function hash53(text, seed = 0) {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: a small seeded PRNG giving numbers in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The fate of one request: `{ kind: 'pass' | 'delay' | 'drop-request' | 'drop-answer' |
 * 'cut-answer' | 'hang', delayMs }`, from the run's seed, the request's key and its occurrence.
 */
export function decide({ seed, rate = DEFAULT_RATE, faults = DEFAULT_FAULTS, delay = DEFAULT_DELAY }, key, occurrence) {
  const random = mulberry32(hash53(`${key}#${occurrence}`, Number(seed) >>> 0));
  const faulted = random() < rate;
  const pick = random();
  const delayMs = Math.round(delay[0] + random() * (delay[1] - delay[0]));
  if (!faulted) return { kind: 'pass', delayMs: 0 };
  const entries = Object.entries(faults).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let at = pick * total;
  for (const [kind, weight] of entries) {
    if (at < weight) return { kind, delayMs: kind === 'delay' ? delayMs : 0 };
    at -= weight;
  }
  return { kind: entries[entries.length - 1][0], delayMs: 0 };
}

/** Ids in paths (Medusa's `cart_01J…`, numbers, uuids) are blanked so keys repeat across runs. */
function pathKey(path) {
  return path
    .split('/')
    .map((s) => (/^[a-z]+_[0-9A-Za-z]{10,}$/.test(s) || /^\d+$/.test(s) || /^[0-9a-f-]{32,36}$/i.test(s) ? ':id' : s))
    .join('/');
}

/** The GraphQL operation a body asks for: its `operationName`, else the first name in the query. */
function graphqlOperation(body) {
  try {
    const json = JSON.parse(body.toString('utf8'));
    if (json.operationName) return json.operationName;
    const m = /^\s*(?:(?:query|mutation)\s*(\w+)?[^{]*)?\{\s*(\w+)/.exec(json.query || '');
    return m ? m[1] || m[2] : '';
  } catch {
    return '';
  }
}

/** The key a request's fate is drawn for (see the top of this file). */
export function requestKey(method, path, body) {
  const [pathname] = path.split('?');
  let key = `${method} ${pathKey(pathname)}`;
  if (method === 'POST' && body?.length && /graphql|shop-api|admin-api/.test(pathname)) key += ` ${graphqlOperation(body)}`;
  return key;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the proxy. `target` is the backend's origin (`http://127.0.0.1:9000`); `port` 0 picks a
 * free one. Returns `{ port, url(run), createRun(run, options), run(run), deleteRun(run), close() }`.
 */
export async function startChaosProxy({ target, port = 0, host = '127.0.0.1', quiet = true } = {}) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  /** @type {Map<string, {seed:number, rate:number, faults:object, delay:number[], seen:Map<string,number>, events:object[], counts:object}>} */
  const runs = new Map();
  const sockets = new Set();

  function createRun(name, { seed, rate = DEFAULT_RATE, faults = DEFAULT_FAULTS, delay = DEFAULT_DELAY } = {}) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`bad run name ${name}`);
    if (!Number.isFinite(Number(seed))) throw new Error('a run needs a numeric seed');
    runs.set(name, { seed: Number(seed), rate, faults: { ...DEFAULT_FAULTS, ...faults }, delay, seen: new Map(), events: [], counts: {} });
    return `http://${host}:${server.address().port}/${name}`;
  }

  function summary(name) {
    const run = runs.get(name);
    if (!run) return null;
    return { seed: run.seed, rate: run.rate, total: run.events.length, counts: run.counts, events: run.events };
  }

  async function control(req, res, path) {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/__chaos/health') return send(200, { ok: true, target: upstream.origin, runs: runs.size });
    const m = /^\/__chaos\/runs\/([A-Za-z0-9_-]+)$/.exec(path);
    if (!m) return send(404, { error: 'unknown control path' });
    const name = m[1];
    if (req.method === 'PUT' || req.method === 'POST') {
      try {
        const options = JSON.parse((await readBody(req)).toString('utf8') || '{}');
        return send(200, { url: createRun(name, options) });
      } catch (e) {
        return send(400, { error: String(e.message || e) });
      }
    }
    if (req.method === 'DELETE') {
      const had = runs.delete(name);
      return send(had ? 200 : 404, { deleted: had });
    }
    const s = summary(name);
    return s ? send(200, s) : send(404, { error: `no run ${name}` });
  }

  async function proxy(req, res) {
    const url = req.url || '/';
    if (url.startsWith('/__chaos/')) return control(req, res, url.split('?')[0]);
    const m = /^\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(url);
    const run = m && runs.get(m[1]);
    if (!run) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`chaos proxy: no run named by ${url.split('?')[0]}`);
      return;
    }
    const rest = m[2] || '/';
    const body = await readBody(req);
    const key = requestKey(req.method, rest, body);
    const occurrence = run.seen.get(key) || 0;
    run.seen.set(key, occurrence + 1);
    const fate = decide(run, key, occurrence);
    const event = { at: Date.now(), key, occurrence, fate: fate.kind, ...(fate.delayMs ? { delayMs: fate.delayMs } : {}) };
    run.events.push(event);
    run.counts[fate.kind] = (run.counts[fate.kind] || 0) + 1;
    if (!quiet) console.log(`[chaos ${m[1]} seed ${run.seed}] ${key} #${occurrence}: ${fate.kind}`);

    if (fate.kind === 'drop-request') {
      // Never forwarded: the connection closes without a byte of answer.
      req.socket.destroy();
      return;
    }
    if (fate.kind === 'hang') return; // until the browser gives up and closes it
    if (fate.kind === 'delay') await sleep(fate.delayMs);

    const headers = { ...req.headers, host: upstream.host };
    for (const h of HOP_BY_HOP) delete headers[h];
    headers['content-length'] = String(body.length);
    if (!body.length && (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS')) delete headers['content-length'];
    const basePath = upstream.pathname.replace(/\/$/, '');
    const forwarded = httpRequest({
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: `${basePath}${rest}`,
      headers,
      agent,
    });
    forwarded.on('error', (e) => {
      event.upstreamError = String(e.message || e);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`chaos proxy: backend unreachable: ${e.message}`);
    });
    forwarded.on('response', async (answer) => {
      // The backend's answer is read whole: it has acted on the request whatever happens next.
      const payload = await readBody(answer);
      event.status = answer.statusCode;
      event.ms = Date.now() - event.at;
      // An empty answer (a preflight's 204) cannot be cut short: it is dropped instead.
      if (fate.kind === 'drop-answer' || (fate.kind === 'cut-answer' && payload.length < 2)) {
        req.socket.destroy();
        return;
      }
      const out = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
      out['content-length'] = String(payload.length);
      if (fate.kind === 'cut-answer') {
        // The status and headers arrive, the body never does completely.
        res.writeHead(answer.statusCode, out);
        res.write(payload.subarray(0, Math.floor(payload.length / 2)));
        setImmediate(() => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode, out);
      res.end(payload);
    });
    forwarded.end(body);
  }

  const server = createServer((req, res) => {
    proxy(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`chaos proxy: ${e.message}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: server.address().port,
    url: (name) => `http://${host}:${server.address().port}/${name}`,
    createRun,
    run: summary,
    deleteRun: (name) => runs.delete(name),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

// As a program: one proxy in front of --target on --port, until stopped.
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const { values } = parseArgs({
    options: {
      target: { type: 'string' },
      port: { type: 'string', default: '0' },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.target) {
    console.error('usage: node tools/chaos-proxy.mjs --target http://127.0.0.1:9000 [--port 9900] [--verbose]');
    process.exit(2);
  }
  const proxy = await startChaosProxy({ target: values.target, port: Number(values.port), quiet: !values.verbose });
  console.log(`chaos proxy for ${values.target} on http://127.0.0.1:${proxy.port}/<run>/ (control: /__chaos/)`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
