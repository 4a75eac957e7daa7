// Embedding: Dhow's custom elements on a brand's own page (examples/brand/, served at /brand/ on
// the storefront's origin under the same strict CSP): add from a card, the drawer, re-pricing on a
// market change, checkout in place, events with exact decimals, the storefront's own cart,
// elements added and removed later, and a hostile brand stylesheet.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { DE, US, fillCheckout, payAndPlace, waitForApp } from '../support/store';

interface DhowEvent { type: string; detail: Record<string, any> }

/**
 * Opens the brand page and waits for Dhow to be ready. Records every dhow:* event and every CSP
 * violation from the first script on (an init script runs outside the page's CSP).
 */
async function openBrand(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__dhowEvents = [];
    w.__cspViolations = [];
    for (const type of ['dhow:cart-changed', 'dhow:checkout-started', 'dhow:order-placed']) {
      document.addEventListener(type, (e) => w.__dhowEvents.push({ type, detail: (e as CustomEvent).detail }));
    }
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  await page.goto('/brand/');
  await page.evaluate(() => (window as any).Dhow.ready);
  await expect(card(page, 'merino-crew-sweater').getByRole('button', { name: msg('en-US', 'add-to-cart') })).toBeEnabled();
}

async function events(page: Page, type: string): Promise<DhowEvent['detail'][]> {
  return page.evaluate((t) => (window as any).__dhowEvents.filter((e: DhowEvent) => e.type === t).map((e: DhowEvent) => e.detail), type);
}

async function expectNoCspViolations(page: Page) {
  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
}

/** The product card of `handle` (titles may be translated in other markets). */
function card(page: Page, handle: string) {
  return page.locator(`dhow-product-card[handle="${handle}"]`);
}

function drawer(page: Page, locale = 'en-US') {
  return page.getByRole('dialog', { name: msg(locale, 'cart-title') });
}

/** Adds the first size and colour of the merino sweater from its card; waits for the backend. */
async function addSweater(page: Page, locale = 'en-US') {
  await card(page, 'merino-crew-sweater').getByRole('button', { name: msg(locale, 'add-to-cart') }).click();
  await expect(drawer(page, locale)).toBeVisible();
  await expect(drawer(page, locale).locator('.dhow-cart-line')).toHaveCount(1);
  await expect(drawer(page, locale).locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
}

test('the brand page needs no inline script and loads Dhow with one module script', async ({ page }) => {
  await openBrand(page);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(page.locator('head script[src$="/embed/dhow-embed.js"]')).toHaveCount(1);
  // Default tokens come first in <head>, so the brand's own tokens win.
  await expect(page.locator('head link[rel=stylesheet]').first()).toHaveAttribute('data-dhow-theme', '');
  await expectNoCspViolations(page);
});

test('add from an embedded card, check out in place, end on an order number; events carry exact decimals', async ({ page }) => {
  await openBrand(page);
  await expect(card(page, 'merino-crew-sweater').locator('.dhow-price__amount')).toHaveText('$95.00');
  await addSweater(page);

  const changed = await events(page, 'dhow:cart-changed');
  const last = changed.at(-1)!;
  expect(last).toMatchObject({
    market: 'us', currency: 'USD', itemCount: 1,
    subtotal: { amount: '95.00', currency: 'USD' },
    lines: [{ handle: 'merino-crew-sweater', title: 'Merino Crew Sweater', quantity: 1, unitPrice: { amount: '95.00', currency: 'USD' } }],
  });
  expect(typeof last.total.amount).toBe('string');
  // The brand's own script heard it.
  await expect(page.locator('#cart-status')).toContainText('1 item');
  await expect(page.getByRole('button', { name: msg('en-US', 'cart-button'), exact: true })).toContainText('1');

  await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
  const checkout = page.getByRole('dialog', { name: msg('en-US', 'checkout-title') });
  await expect(checkout).toBeVisible();
  await expect(drawer(page)).toBeHidden();
  const started = await events(page, 'dhow:checkout-started');
  expect(started).toHaveLength(1);
  expect(started[0]).toMatchObject({ itemCount: 1, subtotal: { amount: '95.00', currency: 'USD' } });

  await fillCheckout(checkout, US);
  await payAndPlace(checkout, US);
  await expect(checkout.getByRole('heading', { name: msg('en-US', 'order-thanks') })).toBeVisible();
  const number = await checkout.locator('[data-order-number]').innerText();
  expect(number).toMatch(/^DHW-\d{5}$/);

  const placed = await events(page, 'dhow:order-placed');
  expect(placed).toHaveLength(1);
  // 95.00 + 9.90 shipping + New York state tax 4% on the goods = 108.70, as the storefront.
  expect(placed[0]).toMatchObject({
    orderNumber: number, market: 'us', currency: 'USD', itemCount: 1,
    subtotal: { amount: '95.00', currency: 'USD' }, total: { amount: '108.70', currency: 'USD' },
  });
  await expect(page.locator('#cart-status')).toContainText(number);
  // The cart is done: emptied, and the page heard it.
  expect((await events(page, 'dhow:cart-changed')).at(-1)).toMatchObject({ itemCount: 0, cartId: null });
  expect(await page.evaluate(() => (window as any).Dhow.cart())).toMatchObject({ itemCount: 0 });

  await checkout.getByRole('button', { name: msg('en-US', 'checkout-close') }).click();
  await expect(checkout).toBeHidden();
  await expectNoCspViolations(page);
});

test('changing market re-prices every element and the cart', async ({ page }) => {
  await openBrand(page);
  await addSweater(page);
  await page.keyboard.press('Escape');
  await expect(drawer(page)).toBeHidden();

  await page.getByLabel(msg('en-US', 'market-country')).selectOption('de');
  // German, euros with VAT: card, price element and cart all follow.
  await expect(card(page, 'merino-crew-sweater').locator('.dhow-price__amount')).toHaveText(/^89,00\s€$/);
  await expect(page.locator('dhow-price .dhow-price__amount')).toHaveText(/€/);
  await expect(page.locator('dhow-product-card').first().locator('[lang]').first()).toHaveAttribute('lang', 'de-DE');
  // The brand's page keeps its own language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await events(page, 'dhow:cart-changed')).at(-1)).toMatchObject({
    market: 'de', currency: 'EUR', itemCount: 1, subtotal: { amount: '89.00', currency: 'EUR' },
  });
  await page.getByRole('button', { name: msg('de-DE', 'cart-button'), exact: true }).click();
  await expect(drawer(page, 'de-DE').locator('.dhow-cart-line .dhow-price__amount')).toHaveText(/^89,00\s€$/);
  expect(await page.evaluate(() => (window as any).Dhow.market())).toBe('de');

  // The JavaScript API switches too, and refuses a market the store does not sell to.
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as any).Dhow.setMarket('jp'));
  await expect(card(page, 'merino-crew-sweater').locator('.dhow-price__amount')).toHaveText(/^[￥¥][\d,]+$/);
  const refused = await page.evaluate(() => (window as any).Dhow.setMarket('zz').then(() => 'ok',
    (e: any) => ({ kind: e.kind, what: e.what, code: e.code, isError: e instanceof Error, message: e.message })));
  expect(refused).toEqual({ kind: 'not_sold', what: 'market', code: 'zz', isError: true, message: expect.stringContaining('zz') });
  await expectNoCspViolations(page);
});

test('a checkout in another market than the storefront default works in place (Germany)', async ({ page }) => {
  await openBrand(page);
  await page.evaluate(() => (window as any).Dhow.setMarket('de'));
  await expect(card(page, 'merino-crew-sweater').locator('.dhow-price__amount')).toHaveText(/^89,00\s€$/);
  await addSweater(page, 'de-DE');
  await drawer(page, 'de-DE').getByRole('button', { name: msg('de-DE', 'cart-checkout'), exact: true }).click();
  const checkout = page.getByRole('dialog', { name: msg('de-DE', 'checkout-title') });
  await fillCheckout(checkout, DE);
  await payAndPlace(checkout, DE);
  await expect(checkout.locator('[data-order-number]')).toHaveText(/^DHW-\d{5}$/);
  // 89.00 incl. VAT; standard shipping is free from 75.00.
  expect((await events(page, 'dhow:order-placed'))[0]).toMatchObject({ currency: 'EUR', total: { amount: '89.00', currency: 'EUR' } });
});

test('the cart is the storefront\'s own: same origin, same storage, in step across tabs', async ({ page, context }) => {
  const storefront = await context.newPage();
  await storefront.goto('/');
  const storefrontCart = storefront.getByRole('button', { name: msg('en-US', 'cart-button'), exact: true });
  await expect(storefrontCart).toBeVisible();

  await openBrand(page);
  await addSweater(page);
  // The storefront tab follows at once (cross-tab sync) …
  await expect(storefrontCart.locator('[data-count]')).toHaveAttribute('data-count', '1');
  // … and a fresh visit shows the same cart.
  await storefront.reload();
  await waitForApp(storefront);
  await storefront.getByRole('button', { name: msg('en-US', 'cart-button'), exact: true }).click();
  await expect(drawer(storefront).getByRole('link', { name: 'Merino Crew Sweater' })).toBeVisible();

  // A change in the storefront reaches the brand page.
  await drawer(storefront).getByRole('button', { name: msg('en-US', 'cart-increase') }).click();
  await expect(page.locator('dhow-cart-button [data-count]')).toHaveAttribute('data-count', '2');
  await expect.poll(async () => (await events(page, 'dhow:cart-changed')).at(-1)?.itemCount).toBe(2);
  await storefront.close();
});

test.describe(() => {
  // The page's console names a handle that does not exist (the test below asks for one).
  test.use({ allowedConsoleErrors: [/no-such-thing/] });

  test('elements added later work, attribute changes update them, removed ones are freed', async ({ page }) => {
    await openBrand(page);
    // Remove every product card and add them back several times: nothing they held may remain.
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => {
        const grid = document.getElementById('product-grid')!;
        const cards = [...grid.children];
        cards.forEach((c) => c.remove());
        grid.append(...cards);
      });
    }
    await page.evaluate(() => {
      const button = document.createElement('dhow-buy-button');
      button.setAttribute('handle', 'cashmere-beanie');
      button.id = 'late';
      const price = document.createElement('dhow-price');
      price.setAttribute('handle', 'cashmere-beanie');
      price.id = 'late-price';
      document.querySelector('main')!.append(price, button);
    });
    const late = page.locator('#late');
    await expect(late.getByRole('button', { name: msg('en-US', 'add-to-cart') })).toBeEnabled();
    await expect(page.locator('#late-price .dhow-price__amount')).toHaveText('$65.00');
    const before = (await events(page, 'dhow:cart-changed')).length;
    await late.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
    await expect(drawer(page).locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
    await expect(drawer(page).locator('.dhow-cart-line')).toHaveCount(1);
    // One add, one event: removed elements left no listener or effect behind.
    await expect.poll(async () => (await events(page, 'dhow:cart-changed')).length).toBe(before + 1);
    expect((await events(page, 'dhow:cart-changed')).at(-1)).toMatchObject({ itemCount: 1, lines: [{ handle: 'cashmere-beanie' }] });
    await page.keyboard.press('Escape');

    // A buy button for one variant (by SKU) asks for no options.
    await page.evaluate(() => {
      const pinned = document.createElement('dhow-buy-button');
      pinned.setAttribute('handle', 'travel-backpack-28l');
      pinned.setAttribute('variant', 'DG-TBP-OLI');
      pinned.id = 'pinned';
      document.querySelector('main')!.append(pinned);
    });
    await expect(page.locator('#pinned').getByRole('button', { name: msg('en-US', 'add-to-cart') })).toBeEnabled();
    await expect(page.locator('#pinned').getByRole('radio')).toHaveCount(0);

    // An attribute change updates the element in place.
    await page.evaluate(() => document.getElementById('late-price')!.setAttribute('handle', 'merino-crew-sweater'));
    await expect(page.locator('#late-price .dhow-price__amount')).toHaveText('$95.00');

    // A removed element is gone with what it held.
    await page.evaluate(() => document.getElementById('late')!.remove());
    await expect(page.locator('#late')).toHaveCount(0);
    // The mounting API: mount into any element, unmount frees it.
    await page.evaluate(async () => {
      const host = document.createElement('div');
      host.id = 'api-host';
      document.querySelector('main')!.append(host);
      (window as any).__mounted = await (window as any).Dhow.mount(host, 'price', { handle: 'cashmere-beanie' });
    });
    await expect(page.locator('#api-host .dhow-price__amount')).toHaveText('$65.00');
    await page.evaluate(() => (window as any).__mounted.unmount());
    await expect(page.locator('#api-host')).toBeEmpty();

    // A handle that does not exist says so in the element and in the console, without a panic.
    await page.evaluate(() => {
      const bad = document.createElement('dhow-product-card');
      bad.setAttribute('handle', 'no-such-thing');
      bad.id = 'bad';
      document.querySelector('main')!.append(bad);
    });
    await expect(page.locator('#bad').getByRole('alert')).toBeVisible();
    await expectNoCspViolations(page);
  });
});

test.describe(() => {
  // axe-core itself injects a <style> while it scans, which the page's CSP blocks (and says so);
  // Dhow's own CSP cleanliness is asserted before the scans and in every other test.
  test.use({ allowedConsoleErrors: [/^Applying inline style violates/] });

  test('a hostile brand stylesheet leaves the components usable and accessible', async ({ page }) => {
    await openBrand(page);
    await page.addStyleTag({ url: '/brand/hostile.css' });
    // The brand's own buttons would be gone; Dhow's are untouched.
    const add = card(page, 'merino-crew-sweater').getByRole('button', { name: msg('en-US', 'add-to-cart') });
    await expect(add).toBeVisible();
    const font = await add.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).not.toBe('serif');
    await addSweater(page);
    await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
    const checkout = page.getByRole('dialog', { name: msg('en-US', 'checkout-title') });
    await expect(checkout.getByLabel(msg('en-US', 'checkout-email'))).toBeVisible();
    await expectNoCspViolations(page);
    await checkout.getByRole('button', { name: msg('en-US', 'checkout-close') }).click();
    await page.locator('dhow-cart-button').getByRole('button').click();
    await expect(drawer(page)).toBeVisible();

    const results = await new AxeBuilder({ page })
      .include('dhow-product-card').include('dhow-buy-button').include('dhow-price')
      .include('dhow-market-selector').include('dhow-cart-button').include('dhow-cart-drawer')
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
    await expect(checkout.getByLabel(msg('en-US', 'checkout-email'))).toBeVisible();
    const checkoutResults = await new AxeBuilder({ page }).include('dhow-cart-drawer').analyze();
    const badCheckout = checkoutResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(badCheckout.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test('embedded recommendations offer the set bought together, priced in the market, and add it', async ({ page }) => {
  await openBrand(page);
  const element = page.locator('dhow-recommendations[handle="travel-backpack-28l"]');
  const section = element.getByRole('region', { name: 'Frequently bought together' });
  await expect(section.locator('.dhow-recs__item')).toHaveCount(3);
  const amounts = async () => (await section.locator('.dhow-recs__item .dhow-price__amount').allInnerTexts())
    .map((t) => Math.round(Number(t.replace(/[^\d.]/g, '')) * 100));
  const total = async () => Math.round(Number((await section.locator('.dhow-recs__total .dhow-price__amount').innerText()).replace(/[^\d.]/g, '')) * 100);
  expect(await total()).toBe((await amounts()).reduce((a, b) => a + b, 0));
  await expect(section.locator('.dhow-recs__total .dhow-price__amount')).toHaveText(/^\$[\d,]+\.\d\d$/);

  // A market change re-prices the set in place.
  await page.evaluate(() => (window as any).Dhow.setMarket('gb'));
  await expect(section.locator('.dhow-recs__total .dhow-price__amount')).toHaveText(/^£[\d,]+\.\d\d$/);
  expect(await total()).toBe((await amounts()).reduce((a, b) => a + b, 0));

  await section.getByRole('button', { name: 'Add all 3 to cart' }).click();
  await expect(drawer(page).locator('.dhow-cart-line')).toHaveCount(3);
  await expect(drawer(page).locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  await expect.poll(async () => (await events(page, 'dhow:cart-changed')).at(-1)?.itemCount).toBe(3);
  const subtotal = (await events(page, 'dhow:cart-changed')).at(-1)!.subtotal;
  expect(subtotal.currency).toBe('GBP');
  expect(Math.round(Number(subtotal.amount) * 100)).toBe(await total());
  await expectNoCspViolations(page);
});

test.describe('analytics', () => {
  // A first visit in the United States, which does not ask first: events are sent.
  test.use({ storedConsent: null });

  test('embedded elements emit the same events as the storefront, with exact amounts, and no page view of their own', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as any;
      w.__analytics = [];
      document.addEventListener('dhow:analytics', (e) => w.__analytics.push((e as CustomEvent).detail));
    });
    await openBrand(page);
    await addSweater(page);
    const analytics = () => page.evaluate(() => (window as any).__analytics as Array<{ name: string; params: any }>);
    await expect.poll(async () => (await analytics()).map((e) => e.name)).toContain('add_to_cart');
    const add = (await analytics()).find((e) => e.name === 'add_to_cart')!;
    expect(add.params).toMatchObject({
      currency: 'USD', value: '95.00',
      items: [{ item_name: 'Merino Crew Sweater', item_brand: 'Dhow Goods', price: '95.00', quantity: 1 }],
    });
    // The brand's page owns its page views.
    expect((await analytics()).map((e) => e.name)).not.toContain('page_view');
    const layer = await page.evaluate(() => JSON.parse(JSON.stringify(((window as any).dataLayer || []).filter((e: any) => e?.event === 'add_to_cart'))));
    expect(layer).toHaveLength(1);
    expect(layer[0].ecommerce.value).toBe(95);
  });
});

test('<dhow-account> signs in and out with the storefront\'s own session', async ({ page, context }) => {
  const email = `embed-${Date.now()}@example.com`;
  const storefront = await context.newPage();
  await storefront.goto('/account/register');
  await storefront.getByLabel(msg('en-US', 'account-first-name')).fill('Ada');
  await storefront.getByLabel(msg('en-US', 'account-last-name')).fill('Lovelace');
  await storefront.getByLabel(msg('en-US', 'account-email')).fill(email);
  await storefront.getByLabel(msg('en-US', 'account-password')).fill('correct horse 42');
  await storefront.getByRole('button', { name: msg('en-US', 'account-register'), exact: true }).click();
  await expect(storefront.getByRole('heading', { level: 1, name: msg('en-US', 'account-title') })).toBeVisible();

  await openBrand(page);
  await page.evaluate(() => document.querySelector('.site-tools')!.append(document.createElement('dhow-account')));
  const account = page.locator('dhow-account');
  // Signed in already: the storefront's session.
  await expect(account.getByText('Signed in as Ada Lovelace')).toBeVisible();
  await account.getByRole('button', { name: msg('en-US', 'account-sign-out'), exact: true }).click();
  // Signed out everywhere.
  await expect(storefront.locator('header').getByRole('link', { name: msg('en-US', 'account-sign-in'), exact: true })).toBeVisible();
  // And in again from the brand's page.
  await account.getByLabel(msg('en-US', 'account-email')).fill(email);
  await account.getByLabel(msg('en-US', 'account-password')).fill('correct horse 42');
  await account.getByRole('button', { name: msg('en-US', 'account-sign-in'), exact: true }).click();
  await expect(account.getByText('Signed in as Ada Lovelace')).toBeVisible();
  await expect(storefront.locator('header').getByRole('link', { name: msg('en-US', 'account-title'), exact: true })).toBeVisible();
  await expectNoCspViolations(page);
  await storefront.close();
});

// The embed's wasm is split like the storefront's (scripts/build-embed.sh): a page of buy buttons
// loads the first module only; the checkout and the account element are chunks fetched when
// first shown, the checkout's as soon as the cart opens.
test.describe('chunks of the embed', () => {
  const EMBED_CHUNK = /\/embed\/((?:split|chunk)_[^/]+\.wasm)$/;

  async function embedManifest(page: Page): Promise<{ chunks: Record<string, string[]> }> {
    const response = await page.request.get('/embed/wasm-chunks.json');
    expect(response.ok()).toBe(true);
    return response.json();
  }

  function embedChunkRequests(page: Page): string[] {
    const fetched: string[] = [];
    page.on('request', (request) => {
      const match = EMBED_CHUNK.exec(new URL(request.url()).pathname);
      if (match) fetched.push(match[1]);
    });
    return fetched;
  }

  test('buy buttons fetch only the drawer\'s chunk, when idle; opening the cart fetches the checkout\'s, the account element its own', async ({ page }) => {
    const { chunks } = await embedManifest(page);
    expect(Object.keys(chunks).sort()).toEqual(['account', 'cart', 'checkout']);
    const fetched = embedChunkRequests(page);
    await openBrand(page);
    await expect.poll(() => new Set(fetched)).toEqual(new Set(chunks.cart));

    await addSweater(page);
    const cartAndCheckout = new Set([...chunks.cart, ...chunks.checkout]);
    await expect.poll(() => new Set(fetched)).toEqual(cartAndCheckout);
    await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
    await expect(page.getByRole('dialog', { name: msg('en-US', 'checkout-title') })
      .getByLabel(msg('en-US', 'checkout-email'))).toBeVisible();
    // Each file once: shared files are not fetched again, and the prefetch and the checkout
    // share one fetch.
    expect(fetched.length).toBe(cartAndCheckout.size);
    await page.keyboard.press('Escape');

    await page.evaluate(() => document.querySelector('.site-tools')!.append(document.createElement('dhow-account')));
    await expect(page.locator('dhow-account').getByLabel(msg('en-US', 'account-email'))).toBeVisible();
    expect(new Set(fetched)).toEqual(new Set([...chunks.cart, ...chunks.checkout, ...chunks.account]));
    await expectNoCspViolations(page);
  });

  test.describe('when a chunk cannot be fetched', () => {
    test.use({ allowedConsoleErrors: [/Failed to fetch|Failed to load resource|net::ERR_/] });

    test('the checkout says the store cannot be reached, the cart is kept, and a reload brings it', async ({ page }) => {
      // The checkout's own files cannot be fetched; the drawer's chunk can.
      const { chunks } = await embedManifest(page);
      const checkoutOnly = new Set(chunks.checkout.filter((file) => !chunks.cart.includes(file)));
      let offline = true;
      await page.route(EMBED_CHUNK, (route) => (offline && checkoutOnly.has(EMBED_CHUNK.exec(new URL(route.request().url()).pathname)![1])
        ? route.abort('internetdisconnected')
        : route.continue()));
      await openBrand(page);
      await addSweater(page);
      await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
      const checkout = page.getByRole('dialog', { name: msg('en-US', 'checkout-title') });
      await expect(checkout.getByRole('alert')).toContainText(msg('en-US', 'error-unreachable'));
      // The rest still runs: the buy buttons add, the cart keeps its line.
      await page.keyboard.press('Escape');
      await card(page, 'cashmere-beanie').getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
      await expect(drawer(page).locator('.dhow-cart-line')).toHaveCount(2);
      await expect(drawer(page).locator('.dhow-cart-line[data-pending]')).toHaveCount(0);

      offline = false;
      await page.reload();
      await page.evaluate(() => (window as any).Dhow.ready);
      await page.locator('dhow-cart-button').getByRole('button').click();
      await expect(drawer(page).locator('.dhow-cart-line')).toHaveCount(2);
      await drawer(page).getByRole('button', { name: msg('en-US', 'cart-checkout'), exact: true }).click();
      await expect(checkout.getByLabel(msg('en-US', 'checkout-email'))).toBeVisible();
    });
  });
});
