// Pages prerendered from a live Medusa or Vendure (scripts/test.sh runs the prerender against
// each server with e2e/config/<name>.json): the catalog is in the HTML before any script runs,
// and the app takes the page over instead of rendering it again.
import { expect, test } from '../../support/fixtures';
import { msg } from '../../support/messages';

const HANDLE = 'merino-crew-sweater';

interface Offer { price: string; priceCurrency: string; sku?: string; availability: string }

async function productLd(page: import('@playwright/test').Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const product = blocks.map((b) => JSON.parse(b)).flatMap((b) => (Array.isArray(b) ? b : [b]))
    .find((b) => b['@type'] === 'Product');
  expect(product, 'a Product block').toBeTruthy();
  return product as { name: string; offers: Offer[] };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a product page holds the backend\'s product, priced in each market', async ({ page }) => {
    await page.goto(`/products/${HANDLE}`);
    await expect(page.locator('h1')).toHaveText(/Merino/);
    await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    const us = await productLd(page);
    expect(us.offers.length).toBeGreaterThan(1);
    for (const offer of us.offers) {
      expect(offer.priceCurrency).toBe('USD');
      expect(offer.price).toMatch(/^\d+\.\d{2}$/);
    }
    // A sold-out variant of the seed says so.
    expect(us.offers.some((o) => o.availability.endsWith('OutOfStock'))).toBe(true);

    await page.goto(`/jp/products/${HANDLE}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja-JP');
    await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^￥\d{1,3}(,\d{3})*$/);
    const jp = await productLd(page);
    for (const offer of jp.offers) {
      expect(offer.priceCurrency).toBe('JPY');
      expect(offer.price).toMatch(/^\d+$/);
    }
  });

  test('home lists the backend\'s products', async ({ page }) => {
    await page.goto('/');
    const cards = page.locator('.dhow-product-card');
    await expect(cards.first()).toBeVisible();
    await expect(cards.first().locator('a[href^="/products/"]').first()).toBeVisible();
    await expect(cards.first().locator('.dhow-price__amount')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  });
});

// The local engine's catalog file ships in every build; a store on a network backend never
// reads it, and its pages must not download it.
test('a page from a network backend never asks for the local catalog', async ({ page, request }) => {
  for (const path of ['/', `/products/${HANDLE}`, '/checkout']) {
    expect(await (await request.get(path)).text(), path).not.toContain('catalog.json');
  }
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`/products/${HANDLE}`);
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
  await page.waitForLoadState('networkidle');
  expect(asked).toContain('/dhow.json');
  expect(asked.filter((p) => p.endsWith('catalog.json'))).toEqual([]);
});

test('the app takes a prerendered product page over and keeps its text', async ({ page }) => {
  await page.goto(`/products/${HANDLE}`);
  const root = page.locator('#dhow-root');
  await expect(root).toHaveAttribute('data-dhow-app', 'hydrated');
  await expect(page.getByRole('button', { name: msg('en-US', 'add-to-cart') })).toBeEnabled();
  await expect(page.locator('.dhow-product__price .dhow-price__amount')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
});
