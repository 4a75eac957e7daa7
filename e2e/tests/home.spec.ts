// The first page: the shell paints, the app takes over, products and exact prices show.
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { waitForApp } from '../support/store';

test('home lists products with prices formatted by Intl', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Featured products' })).toBeVisible();
  const cards = page.locator('.dhow-product-card');
  await expect(cards).toHaveCount(12);
  // US market: USD, en-US formatting, exact cents.
  const firstPrice = cards.first().locator('.dhow-price__amount');
  await expect(firstPrice).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(page.getByRole('link', { name: 'Dhow Goods' })).toBeVisible();
});

test('the prerendered page paints before the wasm runs', async ({ page }) => {
  // Hold the wasm back: the prerendered HTML must already show the store and its products.
  await page.route('**/*.wasm', () => {});
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Dhow Goods' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Featured products' })).toBeVisible();
  await expect(page.locator('.dhow-product-card')).toHaveCount(12);
});

test('a page that was not prerendered paints the shell before the wasm runs', async ({ page }) => {
  await page.route('**/*.wasm', () => {});
  await page.goto('/no/such/page');
  await expect(page.getByRole('link', { name: 'Dhow Goods' })).toBeVisible();
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
});

test('a deep link to an unknown page shows the not-found page', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the shop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Featured products' })).toBeVisible();
});

test('runs under a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.locator('.dhow-product-card').first()).toBeVisible();
  // No inline script anywhere in the document: the prerendered page's answers and JSON-LD are
  // data blocks, which a browser never executes.
  const inline = await page.locator('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])').count();
  expect(inline).toBe(0);
});

test('the language changes on its own, the market stays', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.dhow-product-card').first()).toBeVisible();
  // The select changes the language once the app has taken the prerendered page over.
  await waitForApp(page);
  await page.getByLabel(msg('en-US', 'market-language')).selectOption('fr-FR');
  await expect(page.getByRole('heading', { level: 1, name: msg('fr-FR', 'home-featured') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  // Still the US market: dollars, formatted the French way.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.dhow-product-card .dhow-price__amount').first()).toHaveText(/^\d[\d\u202f ]*,\d{2}\s\$US$/);
  // The choice is remembered on the next visit.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: msg('fr-FR', 'home-featured') })).toBeVisible();
});

test.describe('a configuration naming a backend this build lacks', () => {
  // The developer's explanation goes to the console; the shopper gets a plain message.
  test.use({ allowedConsoleErrors: [/names the `vendure` backend, which this build does not include/] });

  test('says so in the console and shows the shopper an error, not a blank page', async ({ page }) => {
    const lacking = page.waitForEvent('console', (m) => m.type() === 'error' && /build with `--features vendure`/.test(m.text()));
    await page.route('**/dhow.json', async (route) => {
      const config = await (await route.fetch()).json();
      config.backend = { kind: 'vendure', url: 'http://127.0.0.1:3000/shop-api' };
      await route.fulfill({ json: config });
    });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText(msg('en-US', 'error-generic'));
    await lacking;
  });
});
