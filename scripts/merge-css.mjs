// Trunk post-build step: the component stylesheets (app/style/*.css), which Trunk links one by
// one, become one file, so the first page asks for two stylesheets (the theme and this) instead of
// six. Each request a page makes before its first paint costs the main thread time: at 4x CPU the
// six sheets took 40-50 ms of it more than two (e2e/tools/layout-compare.mjs on the home page).
// The theme stays a sheet of its own: a brand swaps it (README, "Theme it").
//
// The sheets are joined in the order index.html links them, into `storefront-<hash>.css` where the
// first of them was linked, with its integrity hash; the separate files leave the build. Run on
// Trunk's staging directory before the prerender, which copies index.html's head into every page.
//   node scripts/merge-css.mjs            (as a Trunk hook: TRUNK_STAGING_DIR)
//   node scripts/merge-css.mjs <dist>
//   node scripts/merge-css.mjs --sources  prints the component sheets in app/index.html's order
//                                         (scripts/build-embed.sh joins the same for the embed)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const styleDir = new URL('../app/style/', import.meta.url);
const stems = new Set(readdirSync(styleDir).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4)));

if (process.argv[2] === '--sources') {
  const source = readFileSync(new URL('../app/index.html', import.meta.url), 'utf8');
  const linked = [...source.matchAll(/<link data-trunk rel="css" href="style\/([^"]+)\.css">/g)].map((m) => m[1]);
  if (linked.length !== stems.size || !linked.every((stem) => stems.has(stem))) {
    console.error(`merge-css: app/index.html links ${linked.join(', ')}; app/style/ has ${[...stems].join(', ')}`);
    process.exit(1);
  }
  console.log(linked.map((stem) => `app/style/${stem}.css`).join(' '));
  process.exit(0);
}

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('merge-css: give the dist directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(2);
}
const base = process.env.TRUNK_PUBLIC_URL || '/';

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const link = /<link rel="stylesheet" href="([^"]+)"[^>]*\/?>\n?[ \t]*/g;
const merged = [];
for (const m of html.matchAll(link)) {
  const file = m[1].slice(m[1].lastIndexOf('/') + 1);
  // Trunk names its copy `<stem>-<16 hex digits>.css`.
  const stem = file.match(/^(.+)-[0-9a-f]{16}\.css$/)?.[1];
  if (stem && stems.has(stem)) merged.push({ tag: m[0], file });
}
if (merged.length !== stems.size) {
  console.error(`merge-css: index.html links ${merged.length} of the ${stems.size} sheets in app/style/ ` +
    `(${[...stems].join(', ')}): link each once, with data-trunk rel="css"`);
  process.exit(1);
}
const css = merged.map(({ file }) => readFileSync(join(dir, file), 'utf8').trimEnd() + '\n').join('\n');
const name = `storefront-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(join(dir, name), css);
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
let out = html.replace(merged[0].tag, `<link rel="stylesheet" href="${base}${name}" integrity="${integrity}"/>\n  `);
for (const { tag } of merged.slice(1)) out = out.replace(tag, '');
writeFileSync(htmlPath, out);
for (const { file } of merged) rmSync(join(dir, file));
console.log(`merge-css: ${merged.length} stylesheets into ${name} (${css.length.toLocaleString('en-US')} bytes)`);
