// Recommendations from the published lists (public/recommendations/v1/, written by
// dhow-recommend from the demo store's orders): only products the market can buy, priced there;
// "Frequently bought together" adds its set at the total it shows.
import { readFileSync } from 'node:fs';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { JP, US, openProduct } from '../support/store';

const catalog = JSON.parse(readFileSync(new URL('../../public/catalog.json', import.meta.url), 'utf8'));
const product = (handle: string) => catalog.products.find((p: { handle: string }) => p.handle === handle);
const inStock = (handle: string) => product(handle).variants.some((v: { stock: number }) => v.stock > 0);
const lists = (handle: string) =>
  JSON.parse(readFileSync(new URL(`../../public/recommendations/v1/products/${handle}.json`, import.meta.url), 'utf8'));
/** The first `count` products of a list that are in stock: what the storefront must show. */
const expected = (entries: Array<{ product: string }>, count: number) =>
  entries.map((e) => e.product).filter(inStock).slice(0, count);
/** A whole-yen amount as shown (`￥12,900`) as a number. */
const yen = (text: string) => {
  expect(text).toMatch(/^[￥¥][\d,]+$/);
  return Number(text.replace(/[^\d]/g, ''));
};

test('a product page in Japan offers what is bought with it in yen, and adds the set at the shown total', async ({ page }) => {
  const handle = 'long-down-parka';
  const together = expected(lists(handle).bought_together, 2);
  expect(together).toHaveLength(2);
  await openProduct(page, JP, handle);
  const section = page.getByRole('region', { name: msg('ja-JP', 'recs-bought-together') });
  await expect(section).toBeVisible();
  const items = section.locator('.dhow-recs__item');
  await expect(items).toHaveCount(3);
  // This product first, then the others in the list's order, each linking to its page.
  const links = await section.locator('.dhow-recs__name a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(together.map((h) => `/jp/products/${h}`));
  const prices = (await items.locator('.dhow-price__amount').allInnerTexts()).map(yen);
  const total = yen(await section.locator('.dhow-recs__total .dhow-price__amount').innerText());
  expect(total).toBe(prices.reduce((a, b) => a + b, 0));

  await section.getByRole('button', { name: msg('ja-JP', 'recs-add-all', { count: 3 }) }).click();
  const drawer = page.getByRole('dialog', { name: msg('ja-JP', 'cart-title') });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.dhow-cart-line')).toHaveCount(3);
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  await expect(page.locator('.dhow-cart-button__count')).toHaveText('3');
  // The store's own subtotal for the set is the total the section showed.
  const subtotal = drawer.locator('[data-total="totals-subtotal"] .dhow-totals__amount');
  await expect(subtotal).toHaveText(/^[￥¥][\d,]+$/);
  expect(yen(await subtotal.innerText())).toBe(total);
});

test('recommendations leave out sold-out products and are in the prerendered page', async ({ page }) => {
  // The first product like this tee is sold out: the storefront shows the next ones instead.
  const handle = 'organic-cotton-tee';
  const similar = lists(handle).similar.map((e: { product: string }) => e.product);
  expect(inStock(similar[0])).toBe(false);
  const titles = expected(lists(handle).similar, 4).map((h) => product(h).title);
  expect(titles).toHaveLength(4);

  // Without the app, as a crawler reads it.
  const html = await (await page.request.get(`/products/${handle}`)).text();
  expect(html).toContain(msg('en-US', 'recs-similar'));
  for (const title of titles) expect(html).toContain(title);
  expect(html).not.toContain(`href="/products/${similar[0]}"`);

  await openProduct(page, US, handle);
  const section = page.getByRole('region', { name: 'You may also like' });
  await expect(section.locator('.dhow-product-card__title')).toHaveText(titles);
});

test('the cart offers what completes the order and adds it', async ({ page }) => {
  const handle = 'stoneware-pour-over-set';
  const [first] = expected(lists(handle).bought_together, 1);
  await openProduct(page, US, handle);
  await expect(page.getByRole('region', { name: 'Frequently bought together' })).toBeVisible();
  await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
  const drawer = page.getByRole('dialog', { name: msg('en-US', 'cart-title') });
  const offers = drawer.getByRole('region', { name: 'Complete your order' });
  await expect(offers.locator('.dhow-recs__item').first()).toContainText(product(first).title);
  await offers.getByRole('button', { name: msg('en-US', 'recs-add-named', { title: product(first).title }) }).click();
  await expect(drawer.locator('.dhow-cart-line')).toHaveCount(2);
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  // What is in the cart is no longer offered.
  await expect(offers.locator('.dhow-recs__item').filter({ hasText: product(first).title })).toHaveCount(0);
});

test.describe('when a list cannot be read', () => {
  // The browser logs the refused request itself.
  test.use({ allowedConsoleErrors: [/ERR_FAILED/] });

  for (const broken of ['lost', 'garbage'] as const) {
    test(`a ${broken} list file shows no list, and the cart works on`, async ({ page }) => {
      const handle = 'stoneware-pour-over-set';
      const [first] = expected(lists(handle).bought_together, 1);
      let good = false;
      await page.route(`**/recommendations/v1/products/${handle}.json`, (route) =>
        good ? route.continue()
          : broken === 'lost' ? route.abort('failed')
            : route.fulfill({ status: 200, contentType: 'application/json', body: '{"bought_together": [tru' }));
      await openProduct(page, US, handle);
      await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
      const drawer = page.getByRole('dialog', { name: msg('en-US', 'cart-title') });
      await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
      await expect(drawer.locator('.dhow-cart-line')).toHaveCount(1);
      const offers = drawer.getByRole('region', { name: 'Complete your order' });
      await expect(offers).toHaveCount(0);
      await expect(drawer.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);

      // Once the file reads again, the next change of what is in the cart asks again.
      good = true;
      await page.keyboard.press('Escape');
      await openProduct(page, US, first);
      await page.getByRole('button', { name: msg('en-US', 'add-to-cart') }).click();
      await expect(drawer.locator('.dhow-cart-line')).toHaveCount(2);
      await expect(offers.locator('.dhow-recs__item').first()).toBeVisible();
      await expect(drawer.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
    });
  }
});
