// The first page: the shell paints, the app takes over, products and exact prices show.
import { expect, test } from '../support/fixtures';

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

test('the shell paints before the wasm runs', async ({ page }) => {
  // Hold the wasm back: the static shell must already show the store.
  await page.route('**/*.wasm', () => {});
  await page.goto('/');
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
  // No inline script anywhere in the document.
  const inline = await page.locator('script:not([src])').count();
  expect(inline).toBe(0);
});
