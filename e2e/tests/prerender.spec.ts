// Prerendered pages: what a crawler, a link preview or a shopper without script sees (content,
// metadata, structured data, sitemap), and the app taking the page over without re-creating it.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';

const config = JSON.parse(readFileSync(new URL('../../public/dhow.json', import.meta.url), 'utf8'));
const catalog = JSON.parse(readFileSync(new URL('../../public/catalog.json', import.meta.url), 'utf8'));
const SITE: string = config.url.replace(/\/$/, '');
const markets: { id: string; country: string; locale: string; currency: string }[] = config.markets;

function marketPath(id: string, rest: string): string {
  if (id === config.default_market) return rest;
  return rest === '/' ? `/${id}/` : `/${id}${rest}`;
}

const HAT = 'canvas-bucket-hat';
const ACCESSORIES = 'accessories';

/** The page's JSON-LD blocks, parsed. */
async function structuredData(page: Page): Promise<any[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b));
}

/** Formats exact decimal strings with the browser's Intl, as the app does. */
async function intl(browser: Browser, locale: string, currency: string, amounts: string[]): Promise<string[]> {
  const page = await browser.newPage();
  const texts = await page.evaluate(
    ([locale, currency, amounts]) => {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
      const iso: Record<string, number> = { JPY: 0, KWD: 3, CLP: 0, KRW: 0 };
      const d = iso[currency as string] ?? digits;
      const f = new Intl.NumberFormat([locale as string], { style: 'currency', currency: currency as string, minimumFractionDigits: d, maximumFractionDigits: d });
      return (amounts as string[]).map((a) => f.format(a as unknown as number));
    },
    [locale, currency, amounts] as const,
  );
  await page.close();
  return texts;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page is real HTML with its products, title and structured data', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: msg('en-US', 'home-featured') })).toBeVisible();
    await expect(page.locator('.dhow-product-card')).toHaveCount(12);
    await expect(page.locator('.dhow-product-card .dhow-price__amount').first()).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(page).toHaveTitle(config.name);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', config.description);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}/`);
    const data = await structuredData(page);
    const org = data.find((d) => d['@type'] === 'Organization');
    expect(org).toMatchObject({ name: config.name, url: `${SITE}/` });
    const site = data.find((d) => d['@type'] === 'WebSite');
    expect(site.potentialAction['@type']).toBe('SearchAction');
    expect(site.potentialAction.target.urlTemplate).toBe(`${SITE}/search?q={search_term_string}`);
    // Header, footer and a link to the same page in every market.
    await expect(page.getByRole('link', { name: config.name }).first()).toBeVisible();
    const marketLinks = page.getByRole('navigation', { name: msg('en-US', 'market-links-label') }).getByRole('link');
    await expect(marketLinks).toHaveCount(markets.length);
    await expect(page.getByRole('contentinfo')).toBeVisible();
    // Images reserve their space.
    for (const img of await page.locator('.dhow-product-card img').all()) {
      await expect(img).toHaveAttribute('width', /^\d+$/);
      await expect(img).toHaveAttribute('height', /^\d+$/);
    }
  });

  test('a German product page: German title, euros with VAT included, exact offers', async ({ page, browser }) => {
    await page.goto(`/de/products/${HAT}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    const heading = page.getByRole('heading', { level: 1 });
    const title = (await heading.textContent())!.trim();
    const english = catalog.products.find((p: any) => p.handle === HAT).title;
    expect(title).not.toBe(english);
    await expect(page).toHaveTitle(`${title} · ${config.name}`);
    await expect(page.locator('.dhow-product .dhow-market-terms')).toContainText(msg('de-DE', 'terms-tax-included'));
    const shown = (await page.locator('.dhow-product__price .dhow-price__amount').textContent())!;
    expect(shown).toMatch(/€$/);

    const data = await structuredData(page);
    const product = data.find((d) => d['@type'] === 'Product');
    expect(product.name).toBe(title);
    expect(product.url).toBe(`${SITE}/de/products/${HAT}`);
    expect(product.offers.length).toBeGreaterThan(1);
    for (const offer of product.offers) {
      expect(offer.price).toMatch(/^\d+\.\d{2}$/);
      expect(typeof offer.price).toBe('string');
      expect(offer.priceCurrency).toBe('EUR');
      expect(offer.availability).toMatch(/^https:\/\/schema\.org\/(InStock|OutOfStock)$/);
      expect(offer.sku).toBeTruthy();
      expect(offer.priceSpecification.valueAddedTaxIncluded).toBe(true);
    }
    // The price shown is one of the offers, formatted exactly as the browser's Intl would.
    const formatted = await intl(browser, 'de-DE', 'EUR', product.offers.map((o: any) => o.price));
    expect(formatted).toContain(shown);

    const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: any) => i.name)).toEqual([config.name, title]);
    expect(crumbs.itemListElement[0].item).toBe(`${SITE}/de/`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'product');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${SITE}/images/`));
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  });

  test('a Japanese collection in whole yen, with its breadcrumb', async ({ page }) => {
    await page.goto(`/jp/collections/${ACCESSORIES}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja-JP');
    const prices = await page.locator('.dhow-product-card .dhow-price__amount').allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price).toMatch(/^(≈ )?￥\d{1,3}(,\d{3})*$/);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await expect(page).toHaveTitle(`${heading} · ${config.name}`);
    const crumbs = (await structuredData(page)).find((d) => d['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: any) => i.item)).toEqual([`${SITE}/jp/`, `${SITE}/jp/collections/${ACCESSORIES}`]);
  });

  // Languages in other scripts would make the browser load their fonts before the first paint;
  // the app names each in its own language once it runs (below).
  test('the language menu names every language in the page\'s language', async ({ page }) => {
    await page.goto('/');
    const options = page.getByLabel(msg('en-US', 'market-language')).locator('option');
    await expect(options.filter({ hasText: 'Japanese (Japan)' })).toHaveAttribute('value', 'ja-JP');
    await expect(options.filter({ hasText: 'Arabic' })).toHaveAttribute('value', 'ar');
    expect(await options.evaluateAll((os) => [...new Set(os.map((o) => o.lang))])).toEqual(['en-US']);
    await page.goto(`/jp/products/${HAT}`);
    await expect(page.getByLabel(msg('ja-JP', 'market-language')).locator('option[value="ja-JP"]')).toHaveText('日本語 (日本)');
  });

  test('pages of a store on the local engine preload its catalog beside the wasm', async ({ request }) => {
    for (const path of ['/', `/de/products/${HAT}`, '/checkout']) {
      const html = await (await request.get(path)).text();
      expect(html, path).toContain(`<link rel="preload" href="${config.backend.catalog}" as="fetch" crossorigin="anonymous">`);
    }
  });

  // Each stylesheet is a request before the first paint: the theme, and one sheet holding the
  // component styles (scripts/merge-css.mjs), in the order app/index.html links them.
  test('pages link two stylesheets: the theme, then every component sheet in one', async ({ request }) => {
    const appHtml = readFileSync(new URL('../../app/index.html', import.meta.url), 'utf8');
    const sources = [...appHtml.matchAll(/<link data-trunk rel="css" href="style\/([^"]+)">/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(1);
    const expected = sources
      .map((f) => readFileSync(new URL(`../../app/style/${f}`, import.meta.url), 'utf8').trimEnd() + '\n')
      .join('\n');
    for (const path of ['/', `/de/products/${HAT}`, '/checkout']) {
      const html = await (await request.get(path)).text();
      const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
      expect(sheets, path).toHaveLength(2);
      expect(sheets[0], path).toMatch(/^\/default-[0-9a-f]{16}\.css$/);
      expect(sheets[1], path).toMatch(/^\/storefront-[0-9a-f]{16}\.css$/);
      expect(await (await request.get(sheets[1])).text(), path).toBe(expected);
    }
  });

  test('an Arabic page is right to left', async ({ page }) => {
    await page.goto(`/ae/products/${HAT}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: msg('ar', 'add-to-cart') })).toBeVisible();
  });

  test('prices in every market are the text the browser Intl gives', async ({ page, browser }) => {
    for (const market of markets) {
      await page.goto(marketPath(market.id, `/products/${HAT}`));
      const shown = (await page.locator('.dhow-product__price .dhow-price__amount').textContent())!;
      const product = (await structuredData(page)).find((d) => d['@type'] === 'Product');
      const formatted = await intl(browser, market.locale, market.currency, product.offers.map((o: any) => o.price));
      // A converted price is marked approximate around the same formatted amount.
      expect(formatted.some((f) => shown === f || shown.includes(f)), `${market.id}: ${shown} not in ${formatted}`).toBe(true);
    }
  });

  test('hreflang alternates are reciprocal across every market', async ({ request }) => {
    // The HTML as served, as a crawler reads it.
    const read = async (html: string) =>
      [...html.matchAll(/<link data-dhow-head rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    const here = await read(await (await request.get(`/products/${HAT}`)).text());
    expect(here.length).toBe(markets.length + 1);
    expect(new Set(here.map(([lang]) => lang)).size).toBe(here.length);
    expect(here.find(([lang]) => lang === 'x-default')![1]).toBe(`${SITE}/products/${HAT}`);
    for (const [, href] of here) {
      const response = await request.get(href.replace(SITE, ''));
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(await read(html)).toEqual(here);
      expect(html).toContain(`<link data-dhow-head rel="canonical" href="${href}">`);
    }
  });

  test('the sitemap lists every catalog page of every market, and robots.txt names it', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    const xml = await (await request.get('/sitemap.xml')).text();
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const rests = ['/', ...catalog.collections.map((c: any) => `/collections/${c.handle}`), ...catalog.products.map((p: any) => `/products/${p.handle}`)];
    for (const market of markets) {
      for (const rest of rests) expect(locs.has(`${SITE}${marketPath(market.id, rest)}`), `${market.id} ${rest}`).toBe(true);
    }
    expect(locs.size).toBe(rests.length * markets.length);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/products/${HAT}"/>`);
  });

  test('the search page and per-shopper pages are shells kept out of the index', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await page.goto('/de/cart');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.locator('main [aria-busy="true"]')).toBeVisible();
    await expect(page).toHaveTitle(`${msg('de-DE', 'cart-title')} · ${config.name}`);
  });
});

/** Opens the prerendered page with its wasm held back; the function returned lets it load. */
async function openHeld(page: Page, url: string): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return release;
}

/** Holds the wasm until the prerendered DOM is marked, then lets the app start. */
async function openMarked(page: Page, url: string) {
  const release = await openHeld(page, url);
  await page.evaluate(() => {
    (window as any).__prerendered = [...document.querySelectorAll('#dhow-root *')];
  });
  release();
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
}

async function recreated(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).__prerendered.filter((n: Element) => !n.isConnected).length);
}

test.describe('taking the page over', () => {
  const hydrationWarnings: string[] = [];
  test.beforeEach(async ({ page }) => {
    hydrationWarnings.length = 0;
    page.on('console', (m) => {
      if (/hydrat/i.test(m.text())) hydrationWarnings.push(m.text());
    });
  });
  test.afterEach(() => {
    expect(hydrationWarnings, 'hydration warnings').toEqual([]);
  });

  for (const url of ['/', `/de/products/${HAT}`, `/jp/collections/${ACCESSORIES}`, '/ae/', `/ch/products/${HAT}`]) {
    test(`${url}: no element re-created, nothing moves`, async ({ page }) => {
      await page.addInitScript(() => {
        (window as any).__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await openMarked(page, url);
      // After the takeover the app asks the backend again; wait for the answers to settle.
      await page.waitForLoadState('networkidle');
      expect(await recreated(page)).toBe(0);
      const shift = await page.evaluate(() => (window as any).__shift);
      expect(shift).toBeLessThanOrEqual(0.01);
    });
  }

  // The first Intl object a page makes sets up the browser's locale data (100-150 ms of a main
  // thread at 4x CPU throttling): the takeover formats with the text the page was written with
  // and makes none, and the app sets Intl up once the browser is idle.
  for (const url of ['/', `/de/products/${HAT}`, '/ae/']) {
    test(`${url}: the takeover asks Intl nothing, and sets it up in idle time`, async ({ page }) => {
      await page.addInitScript(() => {
        const made: string[] = [];
        (window as any).__intl = made;
        for (const name of ['NumberFormat', 'DisplayNames', 'PluralRules', 'DateTimeFormat']) {
          const original = (Intl as any)[name];
          (Intl as any)[name] = new Proxy(original, {
            construct(target, args, newTarget) {
              const state = document.getElementById('dhow-root')?.getAttribute('data-dhow-app') ?? 'before';
              made.push(`${name} ${state}`);
              return Reflect.construct(target, args, newTarget);
            },
          });
        }
      });
      await openMarked(page, url);
      await expect.poll(() => page.evaluate(() => (window as any).__intl as string[])).toContain('NumberFormat hydrated');
      const made: string[] = await page.evaluate(() => (window as any).__intl);
      expect(made.filter((m) => !m.endsWith(' hydrated'))).toEqual([]);
      expect(await recreated(page)).toBe(0);
    });
  }

  test('a page whose takeover data is garbage is rendered by the app instead, with nothing lost', async ({ page }) => {
    // A proxy or an edit that broke the JSON block: the app must not trust it, nor fail.
    await page.route(`**/products/${HAT}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/(<script type="application\/json" id="dhow-page">)[^<]*/, '$1{"version":');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`/products/${HAT}`);
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'rendered');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog.products.find((p: any) => p.handle === HAT).title);
    await expect(page.getByRole('button', { name: msg('en-US', 'add-to-cart') })).toBeEnabled();
  });

  test('the search page shell is taken over and its results load', async ({ page }) => {
    await openMarked(page, '/search');
    await expect(page.locator('.dhow-product-card').first()).toBeVisible();
  });

  test('add to cart works right after the takeover, and the count shows at once after a reload', async ({ page }) => {
    await openMarked(page, `/products/${HAT}`);
    await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
    await page.getByRole('dialog').getByRole('button', { name: msg('en-US', 'cart-close') }).click();
    await page.reload();
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
  });

  test('a price changed since the build replaces the prerendered one after the takeover', async ({ page }) => {
    // The catalog as the store has it now: the hat costs more in dollars than when its page was built.
    const now = structuredClone(catalog);
    for (const variant of now.products.find((p: { handle: string }) => p.handle === HAT).variants) {
      variant.prices = variant.prices.map((m: { currency: string }) => (m.currency === 'USD' ? { ...m, amount: '41.00' } : m));
    }
    await page.route('**/catalog.json', (route) => route.fulfill({ json: now }));
    const price = page.locator('.dhow-product__price .dhow-price__amount');
    const release = await openHeld(page, `/products/${HAT}`);
    await expect(price).toHaveText('$38.00');
    const header = await page.locator('.dhow-header').elementHandle();
    release();
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    await expect(price).toHaveText('$41.00');
    // Re-priced within the page the app took over, not rendered afresh.
    expect(await header!.evaluate((node) => node.isConnected)).toBe(true);
  });

  test('a refresh waiting for idle time after the shopper has left its page does nothing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // Idle callbacks wait until the test runs them.
    await page.addInitScript(() => {
      const held: IdleRequestCallback[] = [];
      (window as any).__idle = held;
      window.requestIdleCallback = (callback) => held.push(callback);
    });
    await openMarked(page, `/products/${HAT}`);
    // The product page's refresh is waiting; the shopper goes home within the app.
    await page.locator('.dhow-header__brand').click();
    await expect(page.getByRole('heading', { level: 1, name: msg('en-US', 'home-featured') })).toBeVisible();
    const ran = await page.evaluate(() => {
      const held = (window as any).__idle.splice(0);
      for (const callback of held) callback({ didTimeout: false, timeRemaining: () => 50 });
      return held.length;
    });
    expect(ran).toBeGreaterThan(0);
    // The app still works, and nothing failed.
    await page.goBack();
    await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
    expect(errors).toEqual([]);
  });

  test('a market switch re-prices the taken-over page in place', async ({ page }) => {
    await openMarked(page, `/products/${HAT}`);
    const price = page.locator('.dhow-product__price .dhow-price__amount');
    await expect(price).toHaveText(/^\$/);
    await page.getByLabel(msg('en-US', 'market-country')).selectOption('jp');
    await expect(page).toHaveURL(new RegExp(`/jp/products/${HAT}$`));
    await expect(price).toHaveText(/￥/);
    // The page was re-priced, not reloaded: the header is the prerendered one.
    expect(await page.evaluate(() => (window as any).__prerendered[0].isConnected)).toBe(true);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}/jp/products/${HAT}`);
  });

  // The menus of a prerendered page can be used before the wasm arrives; the choice made then
  // is applied once the app runs.
  test('a market chosen before the takeover is applied once the app runs', async ({ page }) => {
    const release = await openHeld(page, `/products/${HAT}`);
    await page.getByLabel(msg('en-US', 'market-country')).selectOption('jp');
    release();
    await expect(page).toHaveURL(new RegExp(`/jp/products/${HAT}$`));
    await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/￥/);
    await expect(page.getByLabel(msg('ja-JP', 'market-country'))).toHaveValue('jp');
  });

  test('a language chosen before the takeover is applied once the app runs', async ({ page }) => {
    const release = await openHeld(page, `/products/${HAT}`);
    await page.getByLabel(msg('en-US', 'market-language')).selectOption('fr-FR');
    release();
    await expect(page.getByRole('button', { name: msg('fr-FR', 'add-to-cart') })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/products/${HAT}$`));
    await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/\$/);
  });

  test('once taken over, the language menu names each language in its own language', async ({ page }) => {
    await openMarked(page, '/');
    const menu = page.getByLabel(msg('en-US', 'market-language'));
    await expect(menu.locator('option[value="ja-JP"]')).toHaveText('日本語 (日本)');
    await expect(menu.locator('option[value="ja-JP"]')).toHaveAttribute('lang', 'ja-JP');
    await expect(menu.locator('option[value="de-DE"]')).toHaveText('Deutsch (Deutschland)');
    await expect(menu.locator('option[value="ar"]')).toHaveAttribute('lang', 'ar');
    await expect(menu).toHaveValue('en-US');
    expect(await recreated(page)).toBe(0);
  });

  test('a page taken over without a choice stays in its market and language', async ({ page }) => {
    await openMarked(page, `/de/products/${HAT}`);
    await expect(page.getByRole('button', { name: msg('de-DE', 'add-to-cart') })).toBeEnabled();
    await expect(page).toHaveURL(new RegExp(`/de/products/${HAT}$`));
    await expect(page.getByLabel(msg('de-DE', 'market-country'))).toHaveValue('de');
    await expect(page.getByLabel(msg('de-DE', 'market-language'))).toHaveValue('de-DE');
  });

  test('navigating keeps title, description, canonical, alternates and JSON-LD true', async ({ page }) => {
    await openMarked(page, '/');
    await page.locator('.dhow-product-card__link').first().click();
    await expect(page).toHaveURL(/\/products\//);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await expect(page).toHaveTitle(`${heading} · ${config.name}`);
    const path = new URL(page.url()).pathname;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${path}`);
    await expect(page.locator('link[rel="alternate"]')).toHaveCount(markets.length + 1);
    const data = await structuredData(page);
    expect(data.map((d) => d['@type']).sort()).toEqual(['BreadcrumbList', 'Product']);
    expect(data.find((d) => d['@type'] === 'Product').name).toBe(heading);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length).toBeGreaterThan(10);
  });

  test('a tap on Add to cart before the app runs is answered once it does, once', async ({ page }) => {
    const release = await openHeld(page, `/products/${HAT}`);
    const add = page.getByRole('button', { name: msg('en-US', 'add-to-cart') });
    // Nothing seems to happen, so the shopper taps again.
    await add.click();
    await add.click();
    await expect(page.getByRole('dialog')).toBeHidden();
    release();
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    const drawer = page.getByRole('dialog', { name: msg('en-US', 'cart-title') });
    await expect(drawer.locator('.dhow-drawer__body')).toHaveAttribute('aria-busy', 'false');
    await expect(drawer.locator('.dhow-cart-line')).toHaveCount(1);
    await expect(drawer.getByRole('spinbutton', { name: msg('en-US', 'quantity') })).toHaveValue('1');
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
  });

  test('a tap on the cart button before the app runs opens the cart once it does', async ({ page }) => {
    const release = await openHeld(page, `/products/${HAT}`);
    await page.locator('header .dhow-cart-button').click();
    release();
    await expect(page.getByRole('dialog', { name: msg('en-US', 'cart-title') })).toBeVisible();
  });

  test('links work before the wasm arrives', async ({ page }) => {
    await page.route(/\.wasm$/, () => {});
    await page.goto('/');
    await page.locator('.dhow-product-card__link').first().click();
    await expect(page).toHaveURL(/\/products\//);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('script[type="application/ld+json"]').first()).toBeAttached();
  });
});
