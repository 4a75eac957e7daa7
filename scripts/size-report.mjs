// Size report: every file in dist/ raw, gzip and brotli, and what a shopper downloads for the
// first page, for each chunk of the storefront loaded when first needed (checkout, orders,
// account), and for one embedded buy button.
//   node scripts/size-report.mjs [dist]                       the report
//   node scripts/size-report.mjs dist --check                 …and fail when an entry of
//                                                             scripts/size-budgets.json grew over 1 %
//   node scripts/size-report.mjs target/dist-backends --check --adapters-over dist
//                                                             the same for a build with the
//                                                             network adapters, against the default
//   --write  rewrites the checked entries of the budget file with this build's figures (lowering a
//            budget belongs to the change that earns it).
//   --breakdown  adds where the storefront's and the embed's wasm bytes go, per crate and module
//                (scripts/wasm-breakdown.mjs, on the binaries rustc wrote for this dist)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dist = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
const BUDGETS = new URL('./size-budgets.json', import.meta.url);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function sizes(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const measure = (dir) => walk(dir).map((path) => ({ name: relative(dir, path), ...sizes(path) }));
const files = measure(dist);
files.sort((a, b) => b.brotli - a.brotli);

const row = (name, s) => `${name.padEnd(48)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`;
const header = `${'file'.padEnd(48)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`;
const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log(header);
for (const f of files.filter((f) => !f.name.startsWith('images/'))) console.log(row(f.name, f));
const images = files.filter((f) => f.name.startsWith('images/'));
console.log(row(`images/ (${images.length} files)`, sum(images)));
console.log(row('all of dist/', sum(files)));

// A first page: its HTML, what it links (CSS, loader, glue, wasm, the chunk of its page's code it
// preloads), and the data the app fetches before it can render (store configuration, and the
// catalog for the local backend). Images excluded.
function firstPage(dir, list, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const linked = [...html.matchAll(/(?:href|src)="\/?([^"]+)"/g)].map((m) => m[1]);
  const boot = linked.filter((n) => n.startsWith('boot-')).flatMap((n) => {
    const js = readFileSync(join(dir, n), 'utf8');
    return [...js.matchAll(/'\/?([^']+\.(?:js|wasm))'/g)].map((m) => m[1]);
  });
  // Modules the glue imports statically load with it: the loader of the wasm's chunks.
  const imported = [...linked, ...boot].filter((n) => n.endsWith('.js') && existsSync(join(dir, n))).flatMap((n) => {
    const js = readFileSync(join(dir, n), 'utf8');
    return [...js.matchAll(/from "\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  });
  const names = new Set([page, ...linked, ...boot, ...imported, 'dhow.json', 'catalog.json']);
  return list.filter((f) => names.has(f.name) && !f.name.startsWith('images/'));
}

// The first page the budgets hold: a prerendered product page (the first of the default market,
// by name); and the home page, reported beside it.
function productPage(dir) {
  const products = existsSync(join(dir, 'products'))
    ? readdirSync(join(dir, 'products')).filter((f) => f.endsWith('.html')).sort() : [];
  if (products.length === 0) throw new Error(`${dir} has no prerendered product page (products/*.html)`);
  return `products/${products[0]}`;
}

// The chunks of the storefront's wasm, fetched when a page that needs them first opens
// (scripts/split-wasm.mjs writes which files each needs, shared ones included).
function chunks(dir, list) {
  const path = join(dir, 'wasm-chunks.json');
  if (!existsSync(path)) return {};
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  return Object.fromEntries(Object.entries(manifest.chunks).map(([name, needed]) => [name, list.filter((f) => needed.includes(f.name))]));
}
const isCode = (f) => /\.(js|wasm|css|html)$/.test(f.name);
const product = productPage(dist);
const first = firstPage(dist, files, product);
console.log(`\nfirst page, a product page: ${product} (code, styles, configuration and catalog; images excluded):`);
for (const f of first) console.log(row(`  ${f.name}`, f));
const code = first.filter(isCode);
console.log(row('first page, code and styles', sum(code)));
console.log(row('first page, with local catalog', sum(first)));
const home = firstPage(dist, files, 'index.html');
console.log('\nhome page: index.html (the same, for the home page):');
for (const f of home) console.log(row(`  ${f.name}`, f));
const homeCode = home.filter(isCode);
console.log(row('home page, code and styles', sum(homeCode)));

const split = chunks(dist, files);
if (Object.keys(split).length > 0) {
  console.log('\nloaded when first needed (each with the shared chunks it needs):');
  for (const [name, list] of Object.entries(split)) {
    for (const f of list) console.log(row(`  ${name}: ${f.name}`, f));
    console.log(row(`${name}, all it loads`, sum(list)));
  }
}

// The embed: what a brand's page pays to show one buy button — the loader module, the embed's
// glue and wasm, the stylesheet linked in its shadow roots, the default tokens, and the store
// configuration and catalog it fetches for the local backend.
// Its wasm is split too (scripts/build-embed.sh): the chunk loader the glue imports loads with
// it; the checkout and the account element are chunks, reported on their own.
const embedNames = ['embed/dhow-embed.js', 'embed/dhow-embed-core.js', 'embed/dhow-embed-core_bg.wasm',
  'embed/dhow-embed.css', 'embed/theme.css', 'dhow.json', 'catalog.json'];
const embedSplit = existsSync(join(dist, 'embed')) ? chunks(join(dist, 'embed'),
  files.filter((f) => f.name.startsWith('embed/')).map((f) => ({ ...f, name: f.name.slice('embed/'.length) }))) : {};
const embedLoader = existsSync(join(dist, 'embed', 'wasm-chunks.json'))
  ? `embed/${JSON.parse(readFileSync(join(dist, 'embed', 'wasm-chunks.json'), 'utf8')).loader}` : null;
const embed = files.filter((f) => embedNames.includes(f.name) || f.name === embedLoader);
if (embed.length >= embedNames.length) {
  console.log('\nembed, one buy button on a brand page (code, styles, configuration and catalog):');
  for (const f of embed) console.log(row(`  ${f.name}`, f));
  console.log(row('embed, code and styles', sum(embed.filter((f) => f.name.startsWith('embed/')))));
  console.log(row('embed, with local catalog', sum(embed)));
  if (Object.keys(embedSplit).length > 0) {
    console.log('\nembed, loaded when first shown (each with the shared chunks it needs):');
    for (const [name, list] of Object.entries(embedSplit)) {
      for (const f of list) console.log(row(`  ${name}: embed/${f.name}`, f));
      console.log(row(`embed ${name}, all it loads`, sum(list)));
    }
  }
} else {
  console.log('\nembed: not built (scripts/build-embed.sh)');
}

// Budgets: each entry is brotli bytes of code and styles, split by kind so that a failure says
// what grew.
const kind = (f) => (f.name.endsWith('.wasm') ? 'wasm' : f.name.split('.').pop());
function parts(list) {
  const out = {};
  for (const f of list) out[kind(f)] = (out[kind(f)] || 0) + f.brotli;
  return out;
}
const total = (p) => Object.values(p).reduce((a, b) => a + b, 0);
const measured = {};
const adaptersOver = option('--adapters-over');
if (adaptersOver) {
  // What the network adapters add to the first page: this build's less the default build's.
  const base = parts(firstPage(adaptersOver, measure(adaptersOver), productPage(adaptersOver)).filter(isCode));
  const withAdapters = parts(code);
  const added = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(withAdapters)])) {
    added[k] = (withAdapters[k] || 0) - (base[k] || 0);
  }
  measured.network_adapters = added;
} else {
  measured.first_page = parts(code);
  measured.home_page = parts(homeCode);
  for (const [name, list] of Object.entries(split)) measured[`chunk_${name}`] = parts(list);
  if (embed.length >= embedNames.length) {
    measured.embed = parts(embed.filter((f) => f.name.startsWith('embed/')));
  }
  for (const [name, list] of Object.entries(embedSplit)) measured[`embed_chunk_${name}`] = parts(list);
}

// Where the wasm's bytes go, per crate and module, read from the function names in the binaries
// rustc wrote before wasm-bindgen and wasm-opt (scaled to this dist's brotli bytes at the end).
if (flag('--breakdown')) {
  const { findPreOpt, report } = await import('./wasm-breakdown.mjs');
  const release = new URL('../target/wasm32-unknown-unknown/release', import.meta.url).pathname;
  const shippedApp = first.find((f) => /^dhow-app-.*_bg\.wasm$/.test(f.name));
  const shippedEmbed = files.find((f) => f.name === 'embed/dhow-embed-core_bg.wasm');
  for (const [bin, shipped] of [['dhow-app', shippedApp], ['dhow-embed', shippedEmbed]]) {
    const shippedPath = shipped && join(dist, shipped.name);
    const found = findPreOpt(release, bin, shippedPath);
    if (found) console.log(`\n${report(relative(process.cwd(), found.file), { shipped: shippedPath, note: found.note })}`);
    else console.log(`\nwasm breakdown: no ${bin}.wasm in ${relative(process.cwd(), release)} (a release build writes it)`);
  }
}

if (flag('--check') || flag('--write')) {
  const file = JSON.parse(readFileSync(BUDGETS, 'utf8'));
  const tolerance = file.tolerance;
  let failed = false;
  console.log(`\nsize budgets (scripts/size-budgets.json, brotli, ${tolerance * 100} % allowed over):`);
  for (const [name, now] of Object.entries(measured)) {
    if (!file.budgets[name] && flag('--write') && name.startsWith('chunk_')) {
      const chunk = name.slice('chunk_'.length);
      file.budgets[name] = {
        what: `the ${chunk} chunk of the storefront's wasm with the shared chunks it needs, fetched when one of its pages first opens (or ahead of it)`,
        bytes: 0,
        parts: {},
      };
    }
    if (!file.budgets[name] && flag('--write') && name.startsWith('embed_chunk_')) {
      const chunk = name.slice('embed_chunk_'.length);
      file.budgets[name] = {
        what: `the ${chunk} chunk of the embed's wasm with the shared chunks it needs, fetched when the element that needs it is first shown (or ahead of it)`,
        bytes: 0,
        parts: {},
      };
    }
    const entry = file.budgets[name];
    if (!entry) throw new Error(`size-budgets.json has no entry ${name} (--write adds a new chunk's)`);
    const limit = entry.bytes * (1 + tolerance);
    const over = total(now) > limit;
    console.log(`${`  ${name}`.padEnd(48)}${kb(total(now))} KB of ${kb(entry.bytes).trim()} KB${over ? '  OVER' : ''}`);
    if (over) {
      failed = true;
      console.log(`    what grew (budgeted → now, brotli KB):`);
      for (const k of new Set([...Object.keys(entry.parts), ...Object.keys(now)])) {
        const before = entry.parts[k] || 0;
        const after = now[k] || 0;
        if (after !== before) console.log(`      ${k.padEnd(8)}${kb(before)} →${kb(after)}  (${after > before ? '+' : ''}${((after - before) / 1024).toFixed(1)})`);
      }
    }
    if (flag('--write')) file.budgets[name] = { ...entry, bytes: total(now), parts: now };
  }
  if (flag('--write')) {
    writeFileSync(BUDGETS, `${JSON.stringify(file, null, 2)}\n`);
    console.log('size budgets written');
  } else if (failed) {
    console.error('\na size budget is exceeded: cut what grew, or raise the budget in scripts/size-budgets.json with the reason in the commit');
    process.exit(1);
  }
}
