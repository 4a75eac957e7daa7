// The storefront's code in chunks: a catalog page loads only the first page's module; the
// checkout, order and account pages fetch their own chunk when first opened (or ahead of it);
// a chunk that cannot be fetched is explained, and retrying loads the page.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { US, addToCart, fillCheckout, openProduct, payAndPlace } from '../support/store';

const t = (id: string) => msg('en-US', id);
const CHUNK = /\/((?:split|chunk)_[^/]+\.wasm)$/;

type Manifest = { loader: string; chunks: Record<string, string[]> };

/** The chunks of the served build (scripts/split-wasm.mjs writes the manifest). */
async function manifest(page: Page): Promise<Manifest> {
  const response = await page.request.get('/wasm-chunks.json');
  expect(response.ok()).toBe(true);
  return response.json();
}

/** Records every chunk file the page requests. */
function chunkRequests(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const match = CHUNK.exec(new URL(request.url()).pathname);
    if (match) fetched.push(match[1]);
  });
  return fetched;
}

const signInLink = (page: Page) => page.locator('header').getByRole('link', { name: t('account-sign-in'), exact: true });
const signInHeading = (page: Page) => page.getByRole('heading', { level: 1, name: t('account-sign-in'), exact: true });

test('a product page loads no chunk; the account link fetches the account chunk and no other', async ({ page }) => {
  const { chunks } = await manifest(page);
  expect(Object.keys(chunks).sort()).toEqual(['account', 'checkout', 'orders']);
  const fetched = chunkRequests(page);
  await page.goto('/products/canvas-bucket-hat');
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);

  await signInLink(page).click();
  await expect(signInHeading(page)).toBeVisible();
  expect(new Set(fetched)).toEqual(new Set(chunks.account));
  // Each file once: the prefetch on pointing at the link and the visit share one fetch.
  expect(fetched.length).toBe(chunks.account.length);
});

test('a deep link to the checkout preloads its chunk beside the first module', async ({ page }) => {
  const { chunks } = await manifest(page);
  const html = await (await page.request.get('/checkout')).text();
  for (const file of chunks.checkout) {
    expect(html).toContain(`<link rel="preload" href="/${file}" as="fetch" type="application/wasm" crossorigin="anonymous">`);
  }
  // A catalog page names none.
  const product = await (await page.request.get('/products/canvas-bucket-hat')).text();
  expect(product).not.toMatch(/(split|chunk)_[^"]+\.wasm/);

  const fetched = chunkRequests(page);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: t('checkout-title'), exact: true })).toBeVisible();
  expect(new Set(fetched)).toEqual(new Set(chunks.checkout));
});

test.describe('when a chunk cannot be fetched', () => {
  test.use({ allowedConsoleErrors: [/Failed to fetch|Failed to load resource|net::ERR_/] });

  // Completing an order is checkout code (the checkout chunk): a cart found completed when a page
  // loads (another tab placed it, or the answer was lost) needs it to show its order.
  test('a completed cart found on load is kept until the checkout chunk can show its order, and trying again shows it', async ({ page }) => {
    test.slow(); // A whole checkout first.
    await openProduct(page, US, 'enamel-camp-mug');
    const drawer = await addToCart(page, US);
    const id = await page.evaluate(() => localStorage.getItem('dhow.cart'));
    await drawer.getByRole('button', { name: t('cart-checkout'), exact: true }).click();
    await fillCheckout(page, US);
    await payAndPlace(page, US);
    await expect(page.getByRole('heading', { level: 1, name: t('order-thanks') })).toBeVisible();
    const number = await page.locator('[data-order-number]').innerText();

    // As if another tab had placed it; this visit cannot fetch chunks.
    await page.evaluate((id) => localStorage.setItem('dhow.cart', id as string), id);
    let offline = true;
    await page.route(CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    const fetched = chunkRequests(page);
    await page.goto('/');
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    await page.locator('header button.dhow-cart-button').click();
    await expect(page.locator('dialog.dhow-drawer').getByRole('alert')).toContainText(t('error-unreachable'));
    expect(fetched.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => localStorage.getItem('dhow.cart'))).toBe(id);

    // Trying again reads the cart again and, with the chunk now fetched, shows its order.
    offline = false;
    await page.locator('dialog.dhow-drawer').getByRole('button', { name: t('error-retry'), exact: true }).click();
    const placed = page.getByRole('status').filter({ hasText: msg('en-US', 'notice-order-placed', { number }) });
    await expect(placed).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('dhow.cart'))).toBeNull();
  });

  test('the page says the store cannot be reached, keeps the cart, and retrying loads it', async ({ page }) => {
    let offline = true;
    await page.route(CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/');
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');

    await signInLink(page).click();
    await expect(page.getByRole('alert')).toContainText(t('error-unreachable'));
    await expect(page).toHaveURL(/\/account\/sign-in$/);
    // The app still runs: the header's cart button answers.
    await page.locator('header button.dhow-cart-button').click();
    await expect(page.locator('dialog.dhow-drawer')).toBeVisible();
    await page.keyboard.press('Escape');

    offline = false;
    await page.getByRole('button', { name: t('error-retry'), exact: true }).click();
    await expect(signInHeading(page)).toBeVisible();
  });
});
