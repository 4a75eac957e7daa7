// Records how Chromium's `Intl` formats money and names regions and languages in every locale the
// storefront ships, into app/src/format/intl.json. The prerender (native Rust, no `Intl`) formats
// with this data, so a prerendered page shows the very text the browser would, and hydration
// keeps it. The file also holds samples formatted by Chromium, which the native unit tests must
// reproduce exactly.
// Usage: node tools/intl-data.mjs           (rewrite the file)
//        node tools/intl-data.mjs --check   (exit 1 if this Chromium formats differently)
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'app', 'src', 'format', 'intl.json');

// The storefront's locales (app/src/i18n.rs LOCALES); a native test fails if they drift apart.
const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'zh-CN', 'ar', 'pt-BR'];

// ISO 4217 codes and their minor digits, from the SDK's table (sdk/src/money/currency.rs).
const table = readFileSync(join(root, 'sdk', 'src', 'money', 'currency.rs'), 'utf8')
  .split('const TABLE')[1];
const CURRENCIES = [...table.matchAll(/\(\*b"([A-Z]{3})", (\d)\)/g)].map(([, code, digits]) => [code, Number(digits)]);
if (CURRENCIES.length < 150) throw new Error(`read only ${CURRENCIES.length} currencies from currency.rs`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();
const data = await page.evaluate(({ locales, currencies }) => {
  const affixes = (parts) => {
    const first = parts.findIndex((p) => p.type === 'integer');
    let last = -1;
    parts.forEach((p, i) => { if (['integer', 'group', 'decimal', 'fraction'].includes(p.type)) last = i; });
    const join = (ps) => ps.map((p) => p.value).join('');
    return [join(parts.slice(0, first)), join(parts.slice(last + 1))];
  };
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const regionCodes = [];
  for (const a of letters) for (const b of letters) regionCodes.push(a + b);
  const result = { chromium: navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '', locales: {} };
  for (const locale of locales) {
    const number = (options) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', ...options });
    const parts = number({ minimumFractionDigits: 2 }).formatToParts(1234567890.12);
    const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value);
    const digits = [...'0123456789'].map((d) => new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(d))).join('');
    const small = number({}).formatToParts(1234);
    const entry = {
      group: parts.find((p) => p.type === 'group')?.value ?? '',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      digits,
      // Sizes of the integer's groups, last group first: [3, 3] for 1,234,567; [3, 2] for 12,34,567.
      grouping: [integers[integers.length - 1].length, integers.length > 2 ? integers[integers.length - 2].length : 3],
      // A 4-digit integer is grouped only if this is 1 (es-ES writes 1234 but 12.345).
      min_grouping: small.some((p) => p.type === 'group') ? 1 : 2,
      currencies: {},
      regions: {},
      languages: {},
      samples: [],
    };
    for (const [code, fraction] of currencies) {
      let format;
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, minimumFractionDigits: fraction, maximumFractionDigits: fraction });
      } catch { continue; }
      const [prefix, suffix] = affixes(format.formatToParts(1234.5));
      const [negPrefix, negSuffix] = affixes(format.formatToParts(-1234.5));
      entry.currencies[code] = [prefix, suffix, negPrefix, negSuffix];
      for (const amount of ['7', '1234.5', '-42.25', '1234567890.5']) {
        // Amounts go in as strings, exactly as the storefront hands them to Intl.
        const [whole, frac = ''] = amount.split('.');
        const decimal = fraction ? `${whole}.${(frac + '0'.repeat(fraction)).slice(0, fraction)}` : whole;
        entry.samples.push([code, decimal, format.format(decimal)]);
      }
    }
    const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    for (const code of regionCodes) {
      let name;
      try { name = regions.of(code); } catch { continue; }
      if (name && name !== code) entry.regions[code] = name;
    }
    const languages = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' });
    for (const tag of locales) {
      const name = languages.of(tag);
      if (name) entry.languages[tag] = name;
    }
    result.locales[locale] = entry;
  }
  return result;
}, { locales: LOCALES, currencies: CURRENCIES });
await browser.close();

const text = `${JSON.stringify(data, null, 0).replace(/\],\[/g, '],\n[')}\n`;
if (process.argv.includes('--check')) {
  const recorded = JSON.parse(readFileSync(out, 'utf8'));
  const fresh = JSON.parse(text);
  delete recorded.chromium;
  delete fresh.chromium;
  if (JSON.stringify(recorded) !== JSON.stringify(fresh)) {
    console.error(`Chromium ${data.chromium} formats differently from ${out}; run node tools/intl-data.mjs`);
    process.exit(1);
  }
  console.log(`Chromium ${data.chromium} formats as recorded in ${out}`);
} else {
  writeFileSync(out, text);
  const count = (key) => Object.values(data.locales).reduce((n, l) => n + Object.keys(l[key]).length, 0);
  console.log(`recorded Chromium ${data.chromium}: ${count('currencies')} currency formats, ${count('regions')} region names, ${count('languages')} language names in ${LOCALES.length} locales`);
}
