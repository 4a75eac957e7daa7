// The storefront on a real commerce backend, chosen by configuration alone (e2e/config/<name>.json
// served as /dhow.json): browse → cart → discount code → checkout → order, in a tax-exclusive
// dollar market and a tax-inclusive yen market. Runs in the `medusa` and `vendure` projects.
import type { Page } from '@playwright/test';
import { expect, test } from '../../support/fixtures';
import { msg } from '../../support/messages';
import { JP, type Market, US, addToCart, fillCheckout, payAndPlace, waitForApp } from '../../support/store';

const HANDLE = 'merino-crew-sweater';

// A shopper who has not chosen: these markets (US, JP) do not ask first, so events are sent.
test.use({ storedConsent: null });

/** Opens the product from a search, the way a shopper finds it, and waits until it can be bought. */
async function findProduct(page: Page, market: Market) {
  const l = market.locale;
  await page.goto(`${market.prefix}/search?q=merino`);
  const card = page.locator(`.dhow-product-card a[href$="/products/${HANDLE}"]`).first();
  await expect(card).toBeVisible();
  await card.click();
  await expect(page.getByRole('button', { name: msg(l, 'add-to-cart') })).toBeEnabled();
}

/** Reads an amount shown by Intl as exact minor units (no float): "$1,234.50" → 123450. */
function minor(text: string, digits: number): bigint {
  const numeral = text.replace(/[^\d.,]/g, '');
  const [whole, fraction = ''] = digits === 0 ? [numeral.replace(/[.,]/g, '')] : [numeral.slice(0, -digits - 1).replace(/[.,]/g, ''), numeral.slice(-digits)];
  return BigInt(whole + fraction.padEnd(digits, '0'));
}

async function journey(page: Page, market: Market, digits: number, pricePattern: RegExp) {
  const l = market.locale;
  await page.addInitScript(() => {
    const w = window as unknown as { e2eEvents: unknown[] };
    w.e2eEvents = [];
    document.addEventListener('dhow:analytics', (e) => w.e2eEvents.push((e as CustomEvent).detail));
  });
  await findProduct(page, market);
  const price = page.locator('.dhow-product__price .dhow-price__amount');
  await expect(price).toHaveText(pricePattern);
  const unit = minor(await price.innerText(), digits);

  const drawer = await addToCart(page, market);
  const line = drawer.locator('.dhow-cart-line').first();
  await expect(line).toContainText(await page.locator('h1').innerText());

  // The discount code is the backend's: 10 % off the order.
  await drawer.getByLabel(msg(l, 'promo-label')).fill('welcome10');
  await drawer.getByRole('button', { name: msg(l, 'promo-apply') }).click();
  await expect(drawer.locator('.dhow-promo__code')).toHaveText(/^WELCOME10$/i);
  const discount = drawer.locator('[data-total="totals-discount"] .dhow-totals__amount');
  await expect(discount).toBeVisible();
  // 10 % of one unit, rounded to the currency by the backend's rules (within one minor unit).
  const off = minor(await discount.innerText(), digits);
  const tenth = unit / 10n;
  expect(off >= tenth - 1n && off <= tenth + 1n, `discount ${off} ≈ ${tenth}`).toBeTruthy();

  await drawer.getByRole('button', { name: msg(l, 'cart-checkout'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(l, 'checkout-title') })).toBeVisible();
  await fillCheckout(page, market, 'backend.shopper@example.com');
  const total = await page.locator('[data-total="totals-total"] .dhow-totals__amount').last().innerText();
  await payAndPlace(page, market);
  await expect(page.getByRole('heading', { level: 1, name: msg(l, 'order-thanks') })).toBeVisible();
  await expect(page.locator('[data-order-number]')).toHaveText(/\S+/);
  // The confirmation shows what was paid, and the cart is empty for the next order.
  await expect(page.locator('.dhow-order-summary [data-total="totals-total"] .dhow-totals__amount')).toHaveText(total);
  await expect(page.locator('.dhow-cart-button__count')).toHaveAttribute('data-count', '0');

  // Analytics: the purchase event is the backend's order, its number and its subtotal after the
  // discount, exact; the dataLayer has the same value as a number.
  const number = await page.locator('[data-order-number]').innerText();
  const order = JSON.parse((await page.evaluate(() => sessionStorage.getItem('dhow.order.last')))!);
  const events = await page.evaluate(() => (window as unknown as { e2eEvents: any[] }).e2eEvents);
  const purchases = events.filter((e) => e.name === 'purchase');
  expect(purchases).toHaveLength(1);
  const purchase = purchases[0].params;
  expect(purchase.transaction_id).toBe(number);
  expect(purchase.currency).toBe(order.totals.total.amount.currency);
  const exact = (text: string) => {
    const [whole, fraction = ''] = text.split('.');
    return BigInt(whole + fraction.padEnd(digits, '0'));
  };
  expect(exact(purchase.value)).toBe(exact(order.totals.subtotal.amount.amount) - exact(order.totals.discount.amount.amount));
  expect(purchase.coupon).toMatch(/^WELCOME10$/i);
  const layer = await page.evaluate(() => JSON.parse(JSON.stringify(((window as any).dataLayer || []).filter((e: any) => e?.event === 'purchase'))));
  expect(layer).toHaveLength(1);
  expect(layer[0].ecommerce.value).toBe(Number(purchase.value));
  expect(layer[0].ecommerce.transaction_id).toBe(number);
}

test('US: dollars, tax added at checkout, WELCOME10, order placed on the backend', async ({ page }) => {
  await journey(page, US, 2, /^\$\d[\d,]*\.\d{2}$/);
});

test('JP: yen without decimals, tax included, WELCOME10, order placed on the backend', async ({ page }) => {
  await journey(page, JP, 0, /^[￥¥][\d,]+$/);
});

/** The backend's origin in this project, as e2e/config/<backend>.json names it. */
function backendOrigin(): string {
  const backend = test.info().project.metadata.backend as string;
  return backend === 'medusa' ? 'http://127.0.0.1:9000' : 'http://127.0.0.1:3000';
}

test('two quick adds make one cart with both items', async ({ page }) => {
  await findProduct(page, US);
  const add = page.getByRole('button', { name: msg(US.locale, 'add-to-cart') });
  // Both clicks land before the backend has created the cart (the second before the drawer the
  // first opens could cover the button).
  await add.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  const drawer = page.getByRole('dialog', { name: msg(US.locale, 'cart-title') });
  // Both writes answered by the backend (the drawer is busy while any is in flight).
  await expect(drawer.locator('.dhow-drawer__body')).toHaveAttribute('aria-busy', 'false');
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  await expect(drawer.locator('.dhow-cart-line')).toHaveCount(1);
  await expect(drawer.getByRole('spinbutton', { name: msg(US.locale, 'quantity') })).toHaveValue('2');
  // The backend holds the same: a reload reads the cart back from it.
  await page.reload();
  // The prerendered cart button does nothing until the app has taken the page over.
  await waitForApp(page);
  await page.locator('.dhow-cart-button').click();
  await expect(drawer.getByRole('spinbutton', { name: msg(US.locale, 'quantity') })).toHaveValue('2');
});

test.describe('when the backend is down', () => {
  // The browser logs the refused requests itself.
  test.use({ allowedConsoleErrors: [/ERR_CONNECTION_REFUSED|Failed to load resource/] });

  test('a change is rolled back with a clear message, retrying sends it, nothing is lost', async ({ page }) => {
    const l = US.locale;
    await findProduct(page, US);
    const drawer = await addToCart(page, US);
    const quantity = drawer.getByRole('spinbutton', { name: msg(l, 'quantity') });
    await expect(quantity).toHaveValue('1');

    let down = true;
    await page.route(`${backendOrigin()}/**`, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    await drawer.getByRole('button', { name: msg(l, 'cart-increase') }).click();
    const failure = drawer.getByRole('alert').filter({ hasText: msg(l, 'error-unreachable') });
    await expect(failure).toBeVisible();
    // What the backend last confirmed is shown again, not a guess.
    await expect(quantity).toHaveValue('1');
    await expect(page.locator('.dhow-cart-button__count')).toHaveAttribute('data-count', '1');

    down = false;
    await failure.getByRole('button', { name: msg(l, 'error-retry') }).click();
    await expect(quantity).toHaveValue('2');
    // The 2 first shows optimistically; wait until the backend has answered the retried write.
    await expect(drawer.locator('.dhow-drawer__body')).toHaveAttribute('aria-busy', 'false');
    await expect(failure).toHaveCount(0);
    await page.reload();
    await waitForApp(page);
    await page.locator('.dhow-cart-button').click();
    await expect(drawer.getByRole('spinbutton', { name: msg(l, 'quantity') })).toHaveValue('2');
  });

  test('a page that cannot load explains why and recovers on retry', async ({ page }) => {
    let down = true;
    await page.route(`${backendOrigin()}/**`, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    // Search results are asked in the browser (the prerendered search page is a shell).
    await page.goto('/search?q=merino');
    const failure = page.getByRole('alert').filter({ hasText: msg(US.locale, 'error-unreachable') });
    await expect(failure).toBeVisible();
    down = false;
    await failure.getByRole('button', { name: msg(US.locale, 'error-retry') }).click();
    await expect(page.locator(`.dhow-product-card a[href$="/products/${HANDLE}"]`).first()).toBeVisible();
  });

  test('a prerendered page stays readable when the refresh after takeover fails', async ({ page }) => {
    let asked = 0;
    await page.route(`${backendOrigin()}/**`, (route) => {
      asked += 1;
      return route.abort('connectionrefused');
    });
    await page.goto(`/products/${HANDLE}`);
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    // The app did ask the backend again, and kept the prerendered product when that failed.
    await expect.poll(() => asked).toBeGreaterThan(0);
    await expect(page.locator('h1')).toHaveText(/Merino/);
    await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^\$\d/);
    await expect(page.getByRole('alert').filter({ hasText: msg(US.locale, 'error-unreachable') })).toHaveCount(0);
  });
});
