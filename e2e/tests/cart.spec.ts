// Cart behaviour: re-pricing on market switch, persistence across reloads and tabs, discount
// codes, stock, declined payments, and shareable deep links.
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { DE, US, addToCart, fillCheckout, openProduct, payAndPlace, waitForApp } from '../support/store';

const en = (id: string, args?: Record<string, string | number>) => msg('en-US', id, args);

test('switching market re-prices the cart in one step', async ({ page }) => {
  await openProduct(page, US, 'merino-crew-sweater');
  const drawer = await addToCart(page, US);
  await expect(drawer.locator('.dhow-cart-line__total .dhow-price__amount')).toHaveText('$95.00');
  await drawer.getByRole('button', { name: en('cart-close') }).click();

  await page.getByLabel(en('market-country')).selectOption('de');
  await expect(page).toHaveURL(/\/de\/products\/merino-crew-sweater$/);
  // Page, header and cart all in euros now, in German.
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^89,00\s€$/);
  await page.getByRole('button', { name: msg('de-DE', 'cart-button'), exact: true }).click();
  const deDrawer = page.getByRole('dialog', { name: msg('de-DE', 'cart-title') });
  await expect(deDrawer.locator('.dhow-cart-line__total .dhow-price__amount')).toHaveText(/^89,00\s€$/);
  await expect(deDrawer.locator('[data-total="totals-subtotal"] .dhow-totals__amount')).toHaveText(/^89,00\s€$/);
});

test('the cart survives a reload and follows in a second tab', async ({ page, context }) => {
  await openProduct(page, US, 'enamel-camp-mug');
  await addToCart(page, US);
  const second = await context.newPage();
  await second.goto('/');
  const badge = (p: typeof page) => p.locator('.dhow-cart-button__count');
  await expect(badge(second)).toHaveText('1');

  await page.reload();
  await expect(badge(page)).toHaveText('1');

  // A change in the first tab shows in the second without reloading it.
  await page.getByRole('button', { name: en('cart-button'), exact: true }).click();
  await page.getByRole('button', { name: en('cart-increase') }).click();
  await expect(badge(page)).toHaveText('2');
  await expect(badge(second)).toHaveText('2');
});

test('adding paints the new count first, then opens the drawer with the line', async ({ page }) => {
  await openProduct(page, US, 'enamel-camp-mug');
  // In the first frame after the click the count already says 1 and the modal drawer is not open
  // yet: opening it restyles the whole page, so it waits for the frame that shows the count.
  const firstFrame = await page.evaluate(() => new Promise<[string | null, boolean]>((resolve) => {
    document.querySelector<HTMLButtonElement>('.dhow-add-to-cart__button')!.click();
    requestAnimationFrame(() => resolve([
      document.querySelector('.dhow-cart-button__count')!.textContent,
      document.querySelector<HTMLDialogElement>('dialog.dhow-drawer')!.open,
    ]));
  }));
  expect(firstFrame).toEqual(['1', false]);
  const drawer = page.getByRole('dialog', { name: en('cart-title') });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.dhow-cart-line')).toHaveCount(1);
  await expect(drawer.getByRole('button', { name: en('cart-close') })).toBeFocused();
});

test('discount codes: a valid one applies, a rejected one says why', async ({ page }) => {
  await openProduct(page, US, 'merino-crew-sweater');
  const drawer = await addToCart(page, US);
  const code = drawer.getByLabel(en('promo-label'));
  await code.fill('bogus');
  await drawer.getByRole('button', { name: en('promo-apply') }).click();
  await expect(drawer.getByRole('alert')).toHaveText(en('promo-unknown', { code: 'bogus' }).replace(/“|”/g, (q) => q));
  await code.fill('summer2025');
  await drawer.getByRole('button', { name: en('promo-apply') }).click();
  await expect(drawer.getByRole('alert')).toContainText('summer2025');
  await code.fill('welcome10');
  await drawer.getByRole('button', { name: en('promo-apply') }).click();
  await expect(drawer.locator('[data-total="totals-discount"] .dhow-totals__amount')).toHaveText('−$9.50');
  await expect(drawer.locator('.dhow-promo__code')).toHaveText('WELCOME10');
});

test('sold-out products and variants cannot be added', async ({ page }) => {
  await page.goto('/products/garment-dyed-tee');
  await expect(page.getByRole('button', { name: en('product-sold-out') })).toBeDisabled();
  // The wool overcoat is sold out in XS / Camel only.
  await page.goto('/products/wool-overcoat');
  await waitForApp(page);
  await page.getByRole('radio', { name: /^XS\b/ }).check();
  await page.getByRole('radio', { name: /^Camel\b/ }).check();
  await expect(page.getByRole('button', { name: en('product-sold-out') })).toBeDisabled();
  // The shopper hears that XS is sold out in Camel.
  await expect(page.getByRole('radio', { name: /^XS\b/ })).toHaveAccessibleName(new RegExp(`^XS\\s*, ${en('variant-sold-out')}$`));
  await page.getByRole('radio', { name: /^S\b/ }).check();
  await expect(page.getByRole('button', { name: en('add-to-cart') })).toBeEnabled();
});

test('a declined card is explained and a second card places the order', async ({ page }) => {
  await openProduct(page, DE, 'enamel-camp-mug');
  const drawer = await addToCart(page, DE);
  await drawer.getByRole('button', { name: msg('de-DE', 'cart-checkout'), exact: true }).click();
  await fillCheckout(page, DE);
  await payAndPlace(page, DE, '4000 0000 0000 0002');
  await expect(page.getByRole('alert').filter({ hasText: msg('de-DE', 'payment-declined') })).toBeVisible();
  await payAndPlace(page, DE, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { level: 1, name: msg('de-DE', 'order-thanks') })).toBeVisible();
  const number = await page.locator('[data-order-number]').innerText();

  // The order can be found again by number and email.
  await page.goto('/de/orders');
  await page.getByLabel(msg('de-DE', 'order-lookup-number')).fill(number);
  await page.getByLabel(msg('de-DE', 'checkout-email')).fill('SHOPPER@example.com');
  await page.getByRole('button', { name: msg('de-DE', 'order-lookup-submit') }).click();
  await expect(page.locator('[data-order-number]')).toHaveText(number);
});

test('deep links open a product and a filtered search as shared', async ({ page }) => {
  await page.goto('/jp/products/wool-overcoat');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^[￥¥]64,900$/);

  await page.goto('/search?q=tee&opt=Size%3AM&sort=price_asc');
  await expect(page.getByRole('heading', { level: 1, name: en('search-results-for', { query: 'tee' }) })).toBeVisible();
  await expect(page.getByLabel(en('sort-label'))).toHaveValue('price_asc');
  await expect(page.getByRole('checkbox', { name: /^M\b/ })).toBeChecked();
  const prices = await page.locator('.dhow-product-card .dhow-price__amount').allInnerTexts();
  expect(prices.length).toBeGreaterThan(1);
  const values = prices.map((p) => Number(p.replace(/[^\d.]/g, '')));
  expect([...values].sort((a, b) => a - b)).toEqual(values);
});

test('unknown products and markets get the not-found page', async ({ page }) => {
  await page.goto('/products/no-such-thing');
  await expect(page.getByRole('heading', { level: 1, name: en('not-found-title') })).toBeVisible();
  await page.goto('/zz/products/wool-overcoat');
  await expect(page.getByRole('heading', { level: 1, name: en('not-found-title') })).toBeVisible();
});

test('an update the store refuses is rolled back with the reason', async ({ page }) => {
  // Two candles are left in stock: asking for a third shows at once, then rolls back.
  await openProduct(page, US, 'cedar-fig-soy-candle');
  const drawer = await addToCart(page, US);
  await drawer.getByRole('button', { name: en('cart-increase') }).click();
  await expect(page.locator('.dhow-cart-button__count')).toHaveText('2');
  await drawer.getByRole('button', { name: en('cart-increase') }).click();
  await expect(drawer.getByRole('alert').filter({ hasText: 'Sorry, only 2 are left in stock.' })).toBeVisible();
  await expect(page.locator('.dhow-cart-button__count')).toHaveText('2');
  await expect(drawer.getByRole('spinbutton', { name: en('quantity') })).toHaveValue('2');
});

test.describe('when the store is down', () => {
  // The browser logs the refused request itself.
  test.use({ allowedConsoleErrors: [/ERR_CONNECTION_REFUSED/] });

test('a store that cannot be reached is explained, and retrying recovers', async ({ page }) => {
  let offline = true;
  await page.route('**/catalog.json', (route) => (offline ? route.abort('connectionrefused') : route.continue()));
  await page.goto('/');
  const failure = page.getByRole('alert');
  await expect(failure).toContainText(en('error-unreachable'));
  offline = false;
  await failure.getByRole('button', { name: en('error-retry') }).click();
  await expect(page.getByRole('heading', { level: 1, name: en('home-featured') })).toBeVisible();
});
});
