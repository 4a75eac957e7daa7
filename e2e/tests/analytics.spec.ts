// Analytics with consent first: the events a whole journey records in window.dataLayer and in
// the `dhow:analytics` DOM event (exact amounts, checked against the order the backend placed);
// nothing leaving the page before consent where the market asks first; the beacon collector.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { DE, US, type Market, fillCheckout, payAndPlace, waitForApp } from '../support/store';

// These tests meet the banner as a first-time shopper does.
test.use({ storedConsent: null });

type Exact = { name: string; params: Record<string, any>; sequence: number };

/** Records every `dhow:analytics` event from the page's first script on. */
async function recordDomEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { e2eEvents: unknown[] };
    w.e2eEvents = [];
    document.addEventListener('dhow:analytics', (e) => w.e2eEvents.push((e as CustomEvent).detail));
  });
}

const domEvents = (page: Page): Promise<Exact[]> => page.evaluate(() => (window as unknown as { e2eEvents: Exact[] }).e2eEvents);

/** The dataLayer's entries: events as plain objects, gtag commands (arguments objects) as arrays. */
const dataLayer = (page: Page): Promise<any[]> =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer || []).map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? { command: Array.from(entry as ArrayLike<unknown>) }
        : JSON.parse(JSON.stringify(entry)),
    ),
  );

const layerEventNames = async (page: Page) => (await dataLayer(page)).filter((e) => 'event' in e).map((e) => e.event);

/** Exact decimal text → minor units, as integers (never a float). */
function minor(text: string, digits: number): bigint {
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 10n ** BigInt(digits) + BigInt((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  return text.startsWith('-') ? -value : value;
}

/** Opens the market's home page and follows its first product card (a client-side navigation). */
async function homeToProduct(page: Page, market: Market) {
  await page.goto(`${market.prefix}/`);
  await waitForApp(page);
  const card = page.locator('.dhow-product-grid .dhow-product-card__link').first();
  const handle = (await card.getAttribute('href'))!.split('/products/')[1];
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/products/${handle}$`));
  await expect(page.getByRole('button', { name: msg(market.locale, 'add-to-cart') })).toBeEnabled();
  return handle;
}

/** The built dist/ served on a free loopback port with its dhow.json's `analytics` section
 * changed by `edit` (the CSP follows the served configuration). */
async function serveWithAnalytics(edit: (analytics: Record<string, unknown>) => Record<string, unknown>) {
  const e2e = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = join(e2e, '..', 'dist');
  const config = JSON.parse(readFileSync(join(dist, 'dhow.json'), 'utf8'));
  config.analytics = edit(config.analytics);
  const configDir = mkdtempSync(join(tmpdir(), 'dhow-e2e-'));
  writeFileSync(join(configDir, 'dhow.json'), JSON.stringify(config));
  const probe = createServer();
  const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => {
    const p = (probe.address() as AddressInfo).port;
    probe.close(() => resolve(p));
  }));
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['serve.mjs', dist, String(port), join(configDir, 'dhow.json')], { cwd: e2e, stdio: 'ignore' });
  await expect.poll(async () => (await fetch(`${origin}/index.html`).catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
  return {
    origin,
    stop() {
      server.kill();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

test('US (no consent asked): a whole journey records the expected events in order, with the order\'s exact amounts', async ({ page }) => {
  await recordDomEvents(page);
  await homeToProduct(page, US);
  await expect(page.getByRole('region', { name: msg('en-US', 'consent-title') })).toHaveCount(0);
  await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
  const drawer = page.getByRole('dialog', { name: msg('en-US', 'cart-title') });
  await expect(drawer.locator('.dhow-cart-line')).toHaveCount(1);
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  await drawer.getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
  await fillCheckout(page, US);
  await payAndPlace(page, US);
  await expect(page.getByRole('heading', { level: 1, name: msg('en-US', 'order-thanks') })).toBeVisible();
  const number = await page.locator('[data-order-number]').innerText();

  const expected = ['page_view', 'view_item_list', 'select_item', 'page_view', 'view_item', 'view_cart', 'add_to_cart',
    'page_view', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase', 'page_view'];
  await expect.poll(() => layerEventNames(page)).toEqual(expected);
  const exact = await domEvents(page);
  expect(exact.map((e) => e.name)).toEqual(expected);
  expect(exact.map((e) => e.sequence)).toEqual(expected.map((_, i) => i + 1));

  // Consent Mode's default comes before any event, as a gtag command; granted here (opt-out).
  const layer = await dataLayer(page);
  expect(layer[0].command.slice(0, 2)).toEqual(['consent', 'default']);
  expect(layer[0].command[2]).toEqual({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' });

  // The purchase is the order the backend placed: its number, its subtotal after discounts.
  const order = JSON.parse((await page.evaluate(() => sessionStorage.getItem('dhow.order.last')))!);
  const purchase = exact.find((e) => e.name === 'purchase')!;
  expect(purchase.params.transaction_id).toBe(number);
  expect(purchase.params.currency).toBe('USD');
  const totals = order.totals;
  expect(minor(purchase.params.value, 2)).toBe(minor(totals.subtotal.amount.amount, 2) - minor(totals.discount.amount.amount, 2));
  expect(purchase.params.tax).toBe(totals.tax.amount.amount);
  expect(purchase.params.shipping).toBe(totals.shipping.amount.amount);
  expect(purchase.params.items.map((i: any) => [i.item_name, i.quantity, i.price])).toEqual(
    order.lines.map((l: any) => [l.title, l.quantity, l.unit_price.amount]),
  );
  // The dataLayer carries the same amounts as numbers; items name the brand.
  const layerPurchase = layer.find((e) => e.event === 'purchase');
  expect(layerPurchase.ecommerce.value).toBe(Number(purchase.params.value));
  expect(layerPurchase.ecommerce.transaction_id).toBe(number);
  expect(layerPurchase.ecommerce.items[0].item_brand).toBe('Dhow Goods');
  // Each ecommerce push is preceded by one clearing the previous ecommerce object (GTM merges pushes).
  const index = layer.indexOf(layerPurchase);
  expect(layer[index - 1]).toEqual({ ecommerce: null });

  // The list and the selection name the same product at the same position.
  const list = exact.find((e) => e.name === 'view_item_list')!;
  const selected = exact.find((e) => e.name === 'select_item')!;
  expect(list.params.items[0]).toMatchObject({ item_list_id: 'home', index: 0 });
  expect(selected.params.items[0]).toEqual(list.params.items[0]);
  // Added at the price the cart confirmed.
  const added = exact.find((e) => e.name === 'add_to_cart')!;
  expect(added.params.value).toBe(added.params.items[0].price);
  const pageViews = exact.filter((e) => e.name === 'page_view').map((e) => new URL(e.params.page_location).pathname);
  expect(pageViews[0]).toBe('/');
  expect(pageViews[1]).toMatch(/^\/products\//);
  expect(pageViews[2]).toBe('/checkout');
});

test('DE (asks first): nothing is sent before consent; "Accept all" sends what was kept, the first page view included', async ({ page }) => {
  await recordDomEvents(page);
  const l = DE.locale;
  await homeToProduct(page, DE);
  const banner = page.getByRole('region', { name: msg(l, 'consent-title') });
  await expect(banner).toBeVisible();
  // Consent Mode: denied by default; no event reached any sink, no analytics id stored.
  const before = await dataLayer(page);
  expect(before).toEqual([{ command: ['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' }] }]);
  expect(await domEvents(page)).toEqual([]);
  await banner.getByRole('button', { name: msg(l, 'consent-accept-all') }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(() => layerEventNames(page)).toEqual(['page_view', 'view_item_list', 'select_item', 'page_view', 'view_item']);
  const layer = await dataLayer(page);
  expect(layer[1].command.slice(0, 2)).toEqual(['consent', 'update']);
  expect(layer[1].command[2].analytics_storage).toBe('granted');
  const first = (await domEvents(page))[0];
  expect(new URL(first.params.page_location).pathname).toBe('/de/');
  expect(first.params.page_title).toBeTruthy();
  // From now on, events go at once, in euros.
  await page.getByRole('button', { name: msg(l, 'add-to-cart') }).click();
  await expect.poll(async () => (await domEvents(page)).map((e) => e.name).slice(-1)[0]).toBe('add_to_cart');
  expect((await domEvents(page)).slice(-1)[0].params.currency).toBe('EUR');
});

test('DE: "Reject all" keeps everything in the page across reloads; privacy settings reopen the choice', async ({ page }) => {
  await recordDomEvents(page);
  const l = DE.locale;
  await page.goto('/de/');
  await waitForApp(page);
  const banner = page.getByRole('region', { name: msg(l, 'consent-title') });
  await banner.getByRole('button', { name: msg(l, 'consent-reject-all') }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  // The footer's link is there once the app runs: the choice was kept, so no banner.
  await expect(page.getByRole('button', { name: msg(l, 'privacy-settings') })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.locator('.dhow-product-grid .dhow-product-card__link').first().click();
  await expect(page.getByRole('button', { name: msg(l, 'add-to-cart') })).toBeEnabled();
  expect(await layerEventNames(page)).toEqual([]);
  expect(await domEvents(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('dhow.analytics.id'))).toBeNull();
  expect((await dataLayer(page))[0].command[2].analytics_storage).toBe('denied');

  // Changing one's mind: analytics only.
  await page.getByRole('button', { name: msg(l, 'privacy-settings') }).click();
  await banner.getByRole('button', { name: msg(l, 'consent-manage') }).click();
  await banner.getByRole('checkbox', { name: msg(l, 'consent-analytics') }).check();
  await banner.getByRole('button', { name: msg(l, 'consent-save') }).click();
  await expect(banner).toHaveCount(0);
  const update = (await dataLayer(page)).find((e) => e.command?.[1] === 'update');
  expect(update.command[2]).toEqual({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' });
  // What was refused earlier stays unsent; what happens now is sent.
  await page.getByRole('button', { name: msg(l, 'add-to-cart') }).click();
  await expect.poll(async () => (await domEvents(page)).map((e) => e.name)).toEqual(['view_cart', 'add_to_cart']);
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('dhow.consent')))!)).toEqual({ version: 1, functional: false, analytics: true, marketing: false });
});

test.describe('beacon collector', () => {
  let collector: Server;
  let site: Awaited<ReturnType<typeof serveWithAnalytics>>;
  let origin: string;
  const batches: any[] = [];

  test.beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.method === 'POST') batches.push(JSON.parse(body));
        res.writeHead(204, { 'access-control-allow-origin': '*' });
        res.end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/collect`;
    site = await serveWithAnalytics((analytics) => ({ ...analytics, collector: collectorUrl }));
    origin = site.origin;
  });

  test.afterAll(async () => {
    site?.stop();
    await new Promise((resolve) => collector?.close(resolve));
  });

  test('receives the same events as the page, in batches, with one anonymous id, flushed when the page is hidden', async ({ page }) => {
    await recordDomEvents(page);
    await page.goto(`${origin}/`);
    await waitForApp(page);
    await page.locator('.dhow-product-grid .dhow-product-card__link').first().click();
    await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
    await expect.poll(async () => (await domEvents(page)).map((e) => e.name).slice(-1)[0]).toBe('add_to_cart');
    const sent = await domEvents(page);
    // Leaving the page flushes whatever waits.
    await page.goto('about:blank');
    const received = () => batches.flatMap((b) => b.events);
    await expect.poll(() => received().length).toBe(sent.length);
    expect(received()).toEqual(sent);
    expect(new Set(batches.map((b) => b.client_id)).size).toBe(1);
    expect(batches.every((b) => b.version === 1 && /^[0-9a-f]{24}$/.test(b.client_id))).toBe(true);
  });
});

test.describe('experiments', () => {
  let site: Awaited<ReturnType<typeof serveWithAnalytics>>;
  let origin: string;

  test.beforeAll(async () => {
    site = await serveWithAnalytics((analytics) => ({
      ...analytics,
      experiments: [
        { key: 'card-style', variants: [{ name: 'control', weight: 1 }, { name: 'bold', weight: 1 }] },
        { key: 'jp-only', variants: [{ name: 'control', weight: 0 }, { name: 'b', weight: 1 }], audience: { markets: ['jp'] } },
        { key: 'pdp-only', variants: [{ name: 'control', weight: 0 }, { name: 'b', weight: 1 }], paths: ['/products/'] },
      ],
    }));
    origin = site.origin;
  });

  test.afterAll(() => site?.stop());

  /** The documented assignment, computed here with Node's own SHA-256. */
  function expected(key: string, id: string, weights: Array<[string, number]>): string {
    const digest = createHash('sha256').update(`${key}:${id}`).digest('hex');
    const bucket = BigInt(`0x${digest.slice(0, 16)}`) % 10000n;
    const total = weights.reduce((s, [, w]) => s + w, 0);
    let cumulative = 0;
    for (const [name, weight] of weights) {
      cumulative += weight;
      if (bucket < (10000n * BigInt(cumulative)) / BigInt(total)) return name;
    }
    return weights[0][0];
  }

  const variantOf = (page: Page, key: string) => page.locator('html').getAttribute(`data-dhow-exp-${key}`);

  test('each id sees the variant the documented hash gives, after the takeover, reported once per session', async ({ page }) => {
    await recordDomEvents(page);
    // The prerendered HTML shows the control: it carries no variant.
    expect(await (await fetch(`${origin}/`)).text()).not.toContain('data-dhow-exp-');
    for (const id of ['e2e-a', 'e2e-b', 'e2e-c', 'e2e-d', 'e2e-e', 'e2e-f']) {
      await page.goto(`${origin}/`);
      await waitForApp(page);
      // The page reported its own exposure first; then this id, in a new session.
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('dhow.experiments.exposed'))).toMatch(/^card-style=/);
      await page.evaluate((id) => { localStorage.setItem('dhow.analytics.id', id); sessionStorage.clear(); }, id);
      await page.reload();
      await waitForApp(page);
      const want = expected('card-style', id, [['control', 1], ['bold', 1]]);
      await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-card-style', want);
      // Outside its audience (Japan only), the other experiment shows its control, unreported.
      expect(await variantOf(page, 'jp-only')).toBe('control');
      await expect.poll(async () => (await domEvents(page)).filter((e) => e.name === 'experiment_exposure').map((e) => e.params)).toEqual([
        { experiment_id: 'card-style', variant_id: want },
      ]);
      // Sticky, and reported once per session: a reload shows the same variant and reports nothing new.
      await page.reload();
      await waitForApp(page);
      await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-card-style', want);
      await expect.poll(async () => (await domEvents(page)).filter((e) => e.name === 'page_view').length).toBe(1);
      expect((await domEvents(page)).filter((e) => e.name === 'experiment_exposure')).toEqual([]);
    }
  });

  test('a variant shown by styles on some pages only is reported where it shows, after the page view', async ({ page }) => {
    await recordDomEvents(page);
    await page.goto(`${origin}/de/`);
    await waitForApp(page);
    await page.getByRole('region', { name: msg('de-DE', 'consent-title') }).getByRole('button', { name: msg('de-DE', 'consent-accept-all') }).click();
    await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-pdp-only', 'b');
    const exposures = async () => (await domEvents(page)).filter((e) => e.name === 'experiment_exposure').map((e) => e.params.experiment_id);
    await expect.poll(exposures).toEqual(['card-style']);
    await page.locator('.dhow-product-grid .dhow-product-card__link').first().click();
    await expect.poll(exposures).toEqual(['card-style', 'pdp-only']);
    const names = (await domEvents(page)).map((e) => e.name);
    // The product page's view comes before the exposure on it.
    expect(names.lastIndexOf('page_view')).toBeLessThan(names.lastIndexOf('experiment_exposure'));
  });

  test('a forced variant wins; in its audience the other experiment takes part; without consent the id lives in the session only', async ({ page }) => {
    await recordDomEvents(page);
    await page.goto(`${origin}/?dhow_exp=card-style:bold`);
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-card-style', 'bold');
    await page.goto(`${origin}/jp/`);
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-jp-only', 'b');
    // Germany asks first: before a choice, no stored id, only the session's.
    await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    await page.goto(`${origin}/de/`);
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-card-style', /^(control|bold)$/);
    expect(await page.evaluate(() => localStorage.getItem('dhow.analytics.id'))).toBeNull();
    const session = await page.evaluate(() => sessionStorage.getItem('dhow.session.id'));
    expect(session).toMatch(/^[0-9a-f]{24}$/);
    await expect(page.locator('html')).toHaveAttribute('data-dhow-exp-card-style', expected('card-style', session!, [['control', 1], ['bold', 1]]));
    // Accepting keeps the same id (and so the same variants), now stored.
    await page.getByRole('region', { name: msg('de-DE', 'consent-title') }).getByRole('button', { name: msg('de-DE', 'consent-accept-all') }).click();
    expect(await page.evaluate(() => localStorage.getItem('dhow.analytics.id'))).toBe(session);
  });
});

test('a discount code applied is select_promotion, with the code as the backend spelled it and the cart\'s value after it', async ({ page }) => {
  await recordDomEvents(page);
  await page.goto('/products/merino-crew-sweater');
  await waitForApp(page);
  await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
  const drawer = page.getByRole('dialog', { name: msg('en-US', 'cart-title') });
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  await drawer.getByLabel(msg('en-US', 'promo-label')).fill('welcome10');
  await drawer.getByRole('button', { name: msg('en-US', 'promo-apply') }).click();
  await expect(drawer.locator('.dhow-promo__code')).toHaveText('WELCOME10');
  await expect.poll(async () => (await domEvents(page)).filter((e) => e.name === 'select_promotion').length).toBe(1);
  const promotion = (await domEvents(page)).find((e) => e.name === 'select_promotion')!.params;
  expect(promotion).toMatchObject({ promotion_id: 'WELCOME10', promotion_name: 'WELCOME10', coupon: 'WELCOME10', currency: 'USD' });
  // $95.00 less 10 %.
  expect(promotion.value).toBe('85.50');
});

test('recently viewed: kept in storage where functional storage is allowed, newest first, on product and cart pages', async ({ page }) => {
  const recent = page.getByRole('region', { name: msg('en-US', 'recent-title') });
  await page.goto('/products/enamel-camp-mug');
  await waitForApp(page);
  // Nothing viewed before: no section.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/products/merino-crew-sweater');
  await waitForApp(page);
  await expect(recent.locator('.dhow-product-card__title')).toHaveText(['Enamel Camp Mug']);
  await page.goto('/cart');
  await waitForApp(page);
  await expect(recent.locator('.dhow-product-card__title')).toHaveText(['Merino Crew Sweater', 'Enamel Camp Mug']);
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('dhow.recent')))!)).toEqual(['merino-crew-sweater', 'enamel-camp-mug']);
  // Refusing forgets it.
  await page.getByRole('button', { name: msg('en-US', 'privacy-settings') }).click();
  await page.getByRole('region', { name: msg('en-US', 'consent-title') }).getByRole('button', { name: msg('en-US', 'consent-reject-all') }).click();
  expect(await page.evaluate(() => localStorage.getItem('dhow.recent'))).toBeNull();
});

test('recently viewed in DE before consent: for this page view only, never in storage', async ({ page }) => {
  const l = DE.locale;
  const recent = page.getByRole('region', { name: msg(l, 'recent-title') });
  await page.goto('/de/products/enamel-camp-mug');
  await waitForApp(page);
  // A client-side navigation to another product keeps the page's memory.
  const title = await page.getByRole('heading', { level: 1 }).innerText();
  await page.getByRole('region', { name: msg(l, 'recs-similar') }).locator('.dhow-product-card__link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title);
  await expect(recent.locator('.dhow-product-card__title')).toHaveText([title]);
  expect(await page.evaluate(() => localStorage.getItem('dhow.recent'))).toBeNull();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(recent).toHaveCount(0);
});

test.describe('stored state that cannot be used', () => {
  test('garbage in the stored choice, the viewed list and the id reads as none: the banner asks, the list starts again', async ({ page }) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('e2e.seeded')) return;
      sessionStorage.setItem('e2e.seeded', '1');
      localStorage.setItem('dhow.consent', '{"version":1,"analytics":"yes"');
      localStorage.setItem('dhow.recent', '[1, 2');
      localStorage.setItem('dhow.analytics.id', '');
    });
    await recordDomEvents(page);
    const l = DE.locale;
    await page.goto('/de/products/enamel-camp-mug');
    await waitForApp(page);
    const banner = page.getByRole('region', { name: msg(l, 'consent-title') });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: msg(l, 'consent-accept-all') }).click();
    await expect.poll(async () => (await domEvents(page)).map((e) => e.name)).toEqual(['page_view', 'view_item']);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('dhow.recent')))!)).toEqual(['enamel-camp-mug']);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('dhow.consent')))!)).toEqual({ version: 1, functional: true, analytics: true, marketing: true });
  });

  test('blocked storage: the choice, the events and the viewed list work for the page view', async ({ page }) => {
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(`Access to '${name}' is denied for this document.`, 'SecurityError');
          },
        });
      }
    });
    await recordDomEvents(page);
    const l = DE.locale;
    await page.goto('/de/products/enamel-camp-mug');
    await waitForApp(page);
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    const banner = page.getByRole('region', { name: msg(l, 'consent-title') });
    await banner.getByRole('button', { name: msg(l, 'consent-accept-all') }).click();
    await expect(banner).toHaveCount(0);
    await expect.poll(async () => (await domEvents(page)).map((e) => e.name)).toEqual(['page_view', 'view_item']);
    await page.getByRole('region', { name: msg(l, 'recs-similar') }).locator('.dhow-product-card__link').first().click();
    await expect(page.getByRole('region', { name: msg(l, 'recent-title') }).locator('.dhow-product-card__title')).toHaveText([title]);
  });
});

test('a choice made in one tab holds in the other at once: its banner closes and what it kept is sent', async ({ page, context }) => {
  const l = DE.locale;
  const other = await context.newPage();
  await recordDomEvents(other);
  for (const p of [page, other]) {
    await p.goto('/de/');
    await waitForApp(p);
    await expect(p.getByRole('region', { name: msg(l, 'consent-title') })).toBeVisible();
  }
  await page.getByRole('region', { name: msg(l, 'consent-title') }).getByRole('button', { name: msg(l, 'consent-accept-all') }).click();
  await expect(other.getByRole('region', { name: msg(l, 'consent-title') })).toHaveCount(0);
  await expect.poll(async () => (await domEvents(other)).map((e) => e.name)).toEqual(['page_view', 'view_item_list']);
});
