// Trunk post-build hook: moves Trunk's inline wasm loader into its own file, so the storefront
// runs under a Content-Security-Policy without 'unsafe-inline' for scripts, with the code that
// keeps taps made before the app runs (scripts/early-clicks.js) ahead of the wasm's loading.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || '/';
const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');

// Without its comments: they are for this repository, not for every shopper's download.
const early = readFileSync(new URL('./early-clicks.js', import.meta.url), 'utf8')
  .split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
const out = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs)) return whole;
  count += 1;
  // After the loader's imports (a module's imports come first), before it awaits the wasm.
  const lines = body.trim().split('\n');
  const imports = lines.findIndex((line) => !/^\s*import\s/.test(line));
  if (imports <= 0) {
    console.error('csp-loader: the inline loader does not start with its imports');
    process.exit(1);
  }
  const code = [...lines.slice(0, imports), early.trim(), ...lines.slice(imports)].join('\n');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dir, name), code + '\n');
  return `<script type="module" src="${base}${name}"></script>`;
});
if (count === 0) {
  console.error('csp-loader: no inline loader found in index.html');
  process.exit(1);
}
writeFileSync(htmlPath, out);
