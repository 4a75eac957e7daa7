// Renders the demo catalog's SVG drawings (public/images/{products,collections}/*.svg) into WebP
// files at the widths the storefront asks for (`name-<width>.webp` beside each drawing), with
// Debian's Chromium: its canvas encodes WebP, so no image tool is needed. A browser draws an SVG
// <img> on the main thread, and a grid of them delays the page's first paint and its largest
// image; a WebP decodes off the main thread. Run it after changing a drawing:
//   node tools/raster-images.mjs            (from e2e/)
// It rewrites only files whose drawing is newer, and prints what it wrote.
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const images = join(here, '..', '..', 'public', 'images');
/** The widths written per folder: product cards and galleries; collection banners. */
const WIDTHS = { products: [400, 800], collections: [600, 1200] };
/** WebP quality (0–1): flat drawings stay sharp at this setting and weigh a few KB. */
const QUALITY = 0.82;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage();
await page.setContent('<!DOCTYPE html><title>raster</title>');

let written = 0;
let bytes = 0;
for (const [folder, widths] of Object.entries(WIDTHS)) {
  const dir = join(images, folder);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()) {
    const source = join(dir, file);
    const svg = readFileSync(source, 'utf8');
    for (const width of widths) {
      const target = join(dir, file.replace(/\.svg$/, `-${width}.webp`));
      if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) continue;
      const base64 = await page.evaluate(async ([svg, width, quality]) => {
        const img = new Image();
        img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
        await img.decode();
        const height = Math.round((img.naturalHeight * width) / img.naturalWidth);
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d');
        context.imageSmoothingQuality = 'high';
        context.drawImage(img, 0, 0, width, height);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/webp', quality));
        const buffer = new Uint8Array(await blob.arrayBuffer());
        let text = '';
        for (const byte of buffer) text += String.fromCharCode(byte);
        return btoa(text);
      }, [svg, width, QUALITY]);
      const data = Buffer.from(base64, 'base64');
      if (data.subarray(8, 12).toString('latin1') !== 'WEBP') throw new Error(`${target}: not WebP`);
      writeFileSync(target, data);
      written += 1;
      bytes += data.length;
    }
  }
}
await browser.close();
console.log(`raster-images: wrote ${written} WebP files, ${(bytes / 1024).toFixed(0)} KB`);
