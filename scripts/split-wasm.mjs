// Splits the storefront's wasm into the module every page loads and chunks fetched when first
// needed (the pages in app/src/routes/lazy.rs: checkout, orders, account). Run by
// scripts/post-build.sh after every Trunk build, before anything reads the page or its hashes.
// scripts/build-embed.sh splits the embed the same way (`splitModule`, with the parts in
// app/src/embed/parts.rs: its checkout and account element).
//
// Trunk cannot do it: the splitter needs the wasm as the linker wrote it, with its relocations
// (app/build.rs), and wasm-bindgen must then run on the split module with --keep-lld-exports.
// So this re-does Trunk's last steps from the binary Trunk's cargo step left in the target
// directory, and swaps the result in under Trunk's file names:
//   1. wasm-split-cli: the main module, `split_<chunk>.wasm` per chunk, `chunk_<n>.wasm` for code
//      two chunks share, and `__wasm_split.js`, the loader the main module imports;
//   2. every module's never-called async hydration emptied (scripts/wasm-stub.mjs; release), then
//      wasm-bindgen on the main module; 3. wasm-opt on every module (release);
//   4. content-hashed names for the chunks and the loader (a chunk fits one main module only, so
//      a page must never mix builds), the integrity hashes in index.html, and
//      `wasm-chunks.json`: which files each chunk needs, for the size report and for preloads.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { addressesTaken, stub } from './wasm-stub.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const short = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

// Steps 1 to 4 for the binary `raw` (linked with --emit-relocs): writes into `out` the glue
// `<base>.js`, the main module `<base>_bg.wasm`, the chunks, the loader and `wasm-chunks.json`.
// `scratch` is a directory for intermediate files. Returns the manifest and the chunk count.
export function splitModule({ raw, out, base, release, scratch, what }) {
  const tmp = mkdtempSync(join(scratch, 'split-'));
  try {
    // 1. The loader imports the main module's glue as `./<base>.js`.
    run('wasm-split-cli', [raw, tmp, '--target', 'web', '--out-name', base]);
    const chunks = readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== `${base}.wasm`);
    if (chunks.length === 0) throw new Error(`the splitter found no split point in ${raw}`);
    // 2. Neither the storefront (it hydrates synchronously: app/src/lib.rs) nor the embed (it
    // mounts client-side) starts async hydration. Release only: it saves bytes, and a debug
    // build's DWARF would no longer match its code.
    // Which code takes which function's address, from the linker's relocations in `raw`.
    const taken = release ? addressesTaken(readFileSync(raw)) : null;
    for (const file of release ? [`${base}.wasm`, ...chunks] : []) {
      const result = stub(readFileSync(join(tmp, file)), 'hydrate-async', { taken });
      writeFileSync(join(tmp, file), result.bytes);
      if (file === `${base}.wasm`) {
        console.log(`split-wasm: ${what}: emptied ${result.stubbed} async hydration functions ` +
          `(${result.saved.toLocaleString('en-US')} bytes before wasm-opt)`);
      }
    }
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', join(tmp, 'bindgen'), '--out-name', base, join(tmp, `${base}.wasm`)]);
    const main = join(tmp, 'bindgen', `${base}_bg.wasm`);
    // 3. The same passes Trunk gives the unsplit module (app/index.html), for each module.
    // DHOW_PROFILE_NAMES=1 keeps the function names instead, for a profiler's call tree.
    if (release) {
      for (const file of [main, ...chunks.map((c) => join(tmp, c))]) {
        run('wasm-opt', ['-Oz', ...(process.env.DHOW_PROFILE_NAMES ? ['-g'] : ['--strip-debug']), '--strip-producers', '--enable-bulk-memory',
          '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
          file, '-o', file]);
      }
    }
    // 4. Hashed chunk names, then the loader that names them, then the glue that imports it.
    let loader = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    const renamed = {};
    for (const chunk of chunks) {
      const data = readFileSync(join(tmp, chunk));
      renamed[chunk] = chunk.replace(/\.wasm$/, `-${short(data)}.wasm`);
      writeFileSync(join(out, renamed[chunk]), data);
      const reference = `"./${chunk}"`;
      if (!loader.includes(reference)) throw new Error(`the loader does not name ${chunk}`);
      loader = loader.split(reference).join(`"./${renamed[chunk]}"`);
    }
    const loaderName = `dhow-chunks-${short(loader)}.js`;
    writeFileSync(join(out, loaderName), loader);
    let glue = readFileSync(join(tmp, 'bindgen', `${base}.js`), 'utf8');
    const specifier = 'from "./__wasm_split.js"';
    if (!glue.includes(specifier)) throw new Error('the glue does not import the chunk loader');
    // One import statement per module name the wasm imports from; the imports object keeps the
    // wasm's own module names as keys.
    glue = glue.split(specifier).join(`from "./${loaderName}"`);
    writeFileSync(join(out, `${base}.js`), glue);
    cpSync(main, join(out, `${base}_bg.wasm`));
    if (existsSync(join(tmp, 'bindgen', 'snippets'))) {
      cpSync(join(tmp, 'bindgen', 'snippets'), join(out, 'snippets'), { recursive: true });
    }

    // Which files each chunk needs, shared ones first, from the loader's own table.
    const shared = {};
    for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
      shared[m[1]] = m[2];
    }
    const manifest = { loader: loaderName, chunks: {} };
    for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\);/g)) {
      const own = /new URL\("\.\/([^"]+)"/.exec(m[2]);
      const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => shared[d]);
      manifest.chunks[m[1]] = [...deps, ...(own ? [own[1]] : [])];
    }
    if (Object.keys(manifest.chunks).length === 0) throw new Error('no chunk found in the loader');
    writeFileSync(join(out, 'wasm-chunks.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const names = Object.entries(manifest.chunks).map(([name, files]) => `${name} (${files.length} file${files.length > 1 ? 's' : ''})`);
    console.log(`split-wasm: ${what}: the first module and ${chunks.length} chunk file(s): ${names.join(', ')}`);
    return manifest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const root = resolve(new URL('..', import.meta.url).pathname);
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR || 'target');

// The storefront, after Trunk's build: swapped in under Trunk's names, with the integrity hashes
// of index.html refreshed.
function trunkBuild() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error('split-wasm: TRUNK_STAGING_DIR is not set (run me from scripts/post-build.sh)');
    process.exit(1);
  }
  const release = process.env.TRUNK_PROFILE === 'release';
  const raw = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'dhow-app.wasm');
  const bg = readdirSync(staging).find((f) => /^dhow-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!bg || !existsSync(raw)) {
    console.error(`split-wasm: expected Trunk's dhow-app-*_bg.wasm in ${staging} and ${raw}`);
    process.exit(1);
  }
  const base = bg.slice(0, -'_bg.wasm'.length);
  splitModule({ raw, out: staging, base, release, scratch: targetDir, what: base });
  // Trunk's preload links carry integrity hashes of the files just replaced.
  const htmlPath = join(staging, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  for (const file of [`${base}.js`, bg]) {
    const link = new RegExp(`(href="[^"]*/${file}"[^>]*integrity=")[^"]*(")`);
    html = html.replace(link, `$1${sri(readFileSync(join(staging, file)))}$2`);
  }
  writeFileSync(htmlPath, html);
}

// node scripts/split-wasm.mjs                         the storefront, from Trunk's hook
// node scripts/split-wasm.mjs <raw.wasm> <out> <base> [--release]   any split binary (the embed)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [raw, out, base] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (raw) {
    splitModule({ raw, out, base, release: process.argv.includes('--release'), scratch: targetDir, what: base });
  } else {
    trunkBuild();
  }
}
