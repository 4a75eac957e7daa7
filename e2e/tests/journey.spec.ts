// Whole shopper journeys, browse → cart → checkout → order, in markets that differ in
// language, script direction, currency digits, tax display and rounding.
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { AE, CH, DE, JP, type Market, US, addToCart, fillCheckout, openProduct, payAndPlace } from '../support/store';

async function placeOrder(page: import('@playwright/test').Page, market: Market, handle: string) {
  await openProduct(page, market, handle);
  const drawer = await addToCart(page, market);
  await drawer.getByRole('button', { name: msg(market.locale, 'cart-checkout'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(market.locale, 'checkout-title') })).toBeVisible();
  await fillCheckout(page, market);
  const total = await page.locator('[data-total="totals-total"] .dhow-totals__amount').last().innerText();
  await payAndPlace(page, market);
  await expect(page.getByRole('heading', { level: 1, name: msg(market.locale, 'order-thanks') })).toBeVisible();
  const number = await page.locator('[data-order-number]').innerText();
  expect(number).toMatch(/^DHW-\d{5}$/);
  // The confirmation shows the same total that was paid.
  await expect(page.locator('.dhow-order-summary [data-total="totals-total"] .dhow-totals__amount')).toHaveText(total);
  return { number, total };
}

test('US: English, dollars, sales tax added at checkout', async ({ page }) => {
  await openProduct(page, US, 'merino-crew-sweater');
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText('$95.00');
  await expect(page.locator('.dhow-product__price').getByText(msg('en-US', 'terms-tax-excluded'))).toBeVisible();
  const { total } = await placeOrder(page, US, 'merino-crew-sweater');
  // 95.00 + 9.90 shipping + New York state tax 4% on the goods (shipping not taxed in the US) = 108.70
  expect(total).toBe('$108.70');
});

test('DE: German, euros, VAT included in prices', async ({ page }) => {
  await openProduct(page, DE, 'merino-crew-sweater');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^89,00\s€$/);
  const { total } = await placeOrder(page, DE, 'merino-crew-sweater');
  // 89.00 incl. VAT; standard shipping is free from 75.00.
  expect(total).toMatch(/^89,00\s€$/);
});

test('JP: Japanese, yen without decimals', async ({ page }) => {
  await openProduct(page, JP, 'enamel-camp-mug');
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^[￥¥]2,700$/);
  const { total } = await placeOrder(page, JP, 'enamel-camp-mug');
  expect(total).toMatch(/^[￥¥][\d,]+$/);
});

test('AE: Arabic, right to left, dirhams', async ({ page }) => {
  await openProduct(page, AE, 'enamel-camp-mug');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // The header's brand sits at the inline start: on the right in right-to-left layout.
  const brand = await page.locator('.dhow-header__brand').boundingBox();
  const viewport = page.viewportSize();
  expect(brand && viewport && brand.x > viewport.width / 2).toBeTruthy();
  await placeOrder(page, AE, 'enamel-camp-mug');
});

test('CH: francs converted from euros with cash rounding to 0.05', async ({ page }) => {
  await openProduct(page, CH, 'leather-luggage-tag');
  const price = await page.locator('.dhow-product__price .dhow-price__amount').innerText();
  // Converted from the euro price: marked as approximate, and a multiple of 0.05.
  expect(price).toMatch(/CHF/);
  const { total } = await placeOrder(page, CH, 'leather-luggage-tag');
  const cents = Math.round(Number(total.replace(/[^\d.,]/g, '').replace(/[’']/g, '').replace(',', '.')) * 100);
  expect(cents % 5).toBe(0);
});

test('DE: billing address in another country than the shipping address', async ({ page }) => {
  const l = DE.locale;
  await openProduct(page, DE, 'leather-luggage-tag');
  const drawer = await addToCart(page, DE);
  await drawer.getByRole('button', { name: msg(l, 'cart-checkout'), exact: true }).click();
  await page.getByLabel(msg(l, 'checkout-bill-to-shipping')).uncheck();
  await page.getByLabel(msg(l, 'checkout-billing-country')).selectOption('GB');
  // The billing form follows the United Kingdom's format.
  await page.locator('#billing-first_name').fill('Tom');
  await page.locator('#billing-last_name').fill('Baker');
  await page.locator('#billing-line1').fill('10 Downing Street');
  await page.locator('#billing-city').fill('London');
  await page.locator('#billing-postal_code').fill('sw1a2aa');
  await fillCheckout(page, DE);
  await payAndPlace(page, DE);
  await expect(page.getByRole('heading', { level: 1, name: msg(l, 'order-thanks') })).toBeVisible();
  const billed = page.locator('address').last();
  await expect(billed).toContainText('Vereinigtes Königreich');
  // As the UK writes addresses: the town, then the postcode on a line of its own.
  const lines = await billed.locator('span').allTextContents();
  expect(lines.indexOf('SW1A 2AA')).toBe(lines.indexOf('London') + 1);
  expect(lines.indexOf('London')).toBeGreaterThan(0);
});
