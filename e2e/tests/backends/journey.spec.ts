// The storefront on a real commerce backend, chosen by configuration alone (e2e/config/<name>.json
// served as /dhow.json): browse → cart → discount code → checkout → order, in a tax-exclusive
// dollar market and a tax-inclusive yen market. Runs in the `medusa` and `vendure` projects.
import type { Page } from '@playwright/test';
import { expect, test } from '../../support/fixtures';
import { msg } from '../../support/messages';
import { JP, type Market, US, addToCart, fillCheckout, payAndPlace } from '../../support/store';

const HANDLE = 'merino-crew-sweater';

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
}

test('US: dollars, tax added at checkout, WELCOME10, order placed on the backend', async ({ page }) => {
  await journey(page, US, 2, /^\$\d[\d,]*\.\d{2}$/);
});

test('JP: yen without decimals, tax included, WELCOME10, order placed on the backend', async ({ page }) => {
  await journey(page, JP, 0, /^[￥¥][\d,]+$/);
});
