// The storefront's code in chunks: a catalog page takes over with only the first page's module
// and fetches the cart drawer's chunk when idle; the cart, checkout, order and account pages
// fetch their own chunk when first opened (or ahead of it);
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

test('a product page takes over with no chunk; the drawer\'s chunk follows when idle; the account link fetches the rest of its own', async ({ page }) => {
  const { chunks } = await manifest(page);
  expect(Object.keys(chunks).sort()).toEqual(['account', 'cart', 'checkout', 'orders']);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.getElementById('dhow-root')?.hasAttribute('data-dhow-app')) {
        (window as any).__takeover = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-dhow-app'] });
  });
  const fetched = chunkRequests(page);
  await page.goto('/products/canvas-bucket-hat');
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
  // The cart drawer's body (and the cart page) are fetched once the browser is idle, never
  // before the app has taken the page over.
  await expect.poll(() => new Set(fetched)).toEqual(new Set(chunks.cart));
  const early = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/(split|chunk)_[^/]+\.wasm$/.test(e.name) && e.startTime < (window as any).__takeover)
    .map((e) => e.name));
  expect(early).toEqual([]);

  await signInLink(page).click();
  await expect(signInHeading(page)).toBeVisible();
  const both = new Set([...chunks.cart, ...chunks.account]);
  expect(new Set(fetched)).toEqual(both);
  // Each file once: the files the account shares with the cart are not fetched again, and the
  // prefetch on pointing at the link and the visit share one fetch.
  expect(fetched.length).toBe(both.size);
});

test('a deep link to the checkout preloads its chunk beside the first module', async ({ page }) => {
  const { chunks } = await manifest(page);
  const html = await (await page.request.get('/checkout')).text();
  for (const file of chunks.checkout) {
    expect(html).toContain(`<link rel="preload" href="/${file}" as="fetch" type="application/wasm" crossorigin="anonymous">`);
  }
  // The cart page's deep link preloads its own.
  const cart = await (await page.request.get('/cart')).text();
  for (const file of chunks.cart) {
    expect(cart).toContain(`<link rel="preload" href="/${file}" as="fetch" type="application/wasm" crossorigin="anonymous">`);
  }
  // A catalog page names none.
  const product = await (await page.request.get('/products/canvas-bucket-hat')).text();
  expect(product).not.toMatch(/(split|chunk)_[^"]+\.wasm/);

  const fetched = chunkRequests(page);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: t('checkout-title'), exact: true })).toBeVisible();
  // The checkout's files, and none but the drawer's chunk fetched when idle.
  expect(fetched).toEqual(expect.arrayContaining(chunks.checkout));
  expect(fetched.filter((file) => !chunks.checkout.includes(file) && !chunks.cart.includes(file))).toEqual([]);
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

    // As if another tab had placed it; this visit cannot fetch the checkout's chunk (the
    // drawer's own is in).
    await page.evaluate((id) => localStorage.setItem('dhow.cart', id as string), id);
    const { chunks } = await manifest(page);
    const checkoutOnly = new Set(chunks.checkout.filter((file) => !chunks.cart.includes(file)));
    let offline = true;
    await page.route(CHUNK, (route) => (offline && checkoutOnly.has(CHUNK.exec(new URL(route.request().url()).pathname)![1])
      ? route.abort('internetdisconnected')
      : route.continue()));
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

  test('the drawer says so when its chunk cannot be fetched; adding still counts, and a reload shows the line', async ({ page }) => {
    let offline = true;
    await page.route(CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await openProduct(page, US, 'enamel-camp-mug');
    await page.getByRole('button', { name: t('add-to-cart') }).click();
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
    const drawer = page.getByRole('dialog', { name: t('cart-title') });
    await expect(drawer.getByRole('alert')).toContainText(t('error-unreachable'));
    await expect(drawer.locator('.dhow-cart-line')).toHaveCount(0);

    offline = false;
    await drawer.getByRole('button', { name: t('error-retry'), exact: true }).click();
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    await expect(page.locator('.dhow-cart-button__count')).toHaveText('1');
    await page.locator('header button.dhow-cart-button').click();
    await expect(page.getByRole('dialog', { name: t('cart-title') }).locator('.dhow-cart-line')).toHaveCount(1);
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
