// Size report: every file in dist/ raw, gzip and brotli, and what a shopper downloads for the
// first page. Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] || 'dist';

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
const files = walk(dist).map((path) => ({ name: relative(dist, path), ...sizes(path) }));
files.sort((a, b) => b.brotli - a.brotli);

const row = (name, s) => `${name.padEnd(48)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`;
const header = `${'file'.padEnd(48)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`;
const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log(header);
for (const f of files.filter((f) => !f.name.startsWith('images/'))) console.log(row(f.name, f));
const images = files.filter((f) => f.name.startsWith('images/'));
console.log(row(`images/ (${images.length} files)`, sum(images)));
console.log(row('all of dist/', sum(files)));

// The first page: index.html, what it links (CSS, loader, glue, wasm), and the data the app
// fetches before it can render (store configuration, and the catalog for the local backend).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const linked = [...html.matchAll(/(?:href|src)="\/?([^"]+)"/g)].map((m) => m[1]);
const boot = linked.filter((n) => n.startsWith('boot-')).flatMap((n) => {
  const js = readFileSync(join(dist, n), 'utf8');
  return [...js.matchAll(/'\/?([^']+\.(?:js|wasm))'/g)].map((m) => m[1]);
});
const firstNames = new Set(['index.html', ...linked, ...boot, 'dhow.json', 'catalog.json']);
const first = files.filter((f) => firstNames.has(f.name));
console.log('\nfirst page (code, styles, configuration and catalog; images excluded):');
for (const f of first) console.log(row(`  ${f.name}`, f));
const code = first.filter((f) => /\.(js|wasm|css|html)$/.test(f.name));
console.log(row('first page, code and styles', sum(code)));
console.log(row('first page, with local catalog', sum(first)));

// The embed: what a brand's page pays to show one buy button — the loader module, the embed's
// glue and wasm, the stylesheet linked in its shadow roots, the default tokens, and the store
// configuration and catalog it fetches for the local backend.
const embedNames = ['embed/dhow-embed.js', 'embed/dhow-embed-core.js', 'embed/dhow-embed-core_bg.wasm',
  'embed/dhow-embed.css', 'embed/theme.css', 'dhow.json', 'catalog.json'];
const embed = files.filter((f) => embedNames.includes(f.name));
if (embed.length === embedNames.length) {
  console.log('\nembed, one buy button on a brand page (code, styles, configuration and catalog):');
  for (const f of embed) console.log(row(`  ${f.name}`, f));
  console.log(row('embed, code and styles', sum(embed.filter((f) => f.name.startsWith('embed/')))));
  console.log(row('embed, with local catalog', sum(embed)));
} else {
  console.log('\nembed: not built (scripts/build-embed.sh)');
}
