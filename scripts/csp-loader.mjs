// Trunk post-build hook: moves Trunk's inline wasm loader into its own file, so the storefront
// runs under a Content-Security-Policy without 'unsafe-inline' for scripts.
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

const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
const out = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs)) return whole;
  count += 1;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  return `<script type="module" src="${base}${name}"></script>`;
});
if (count === 0) {
  console.error('csp-loader: no inline loader found in index.html');
  process.exit(1);
}
writeFileSync(htmlPath, out);
