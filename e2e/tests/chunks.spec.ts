// The storefront's code in chunks: a product page takes over with only the first page's module;
// every other page's code is in a chunk (the catalog's lists, cart, checkout, orders, account). A
// prerendered page preloads its chunk and takes over once it is in; the cart drawer's chunk
// follows when idle; other pages' chunks are fetched when first opened (or ahead of it, when a
// link to them is pointed at); a chunk that cannot be fetched is explained, and retrying loads
// the page.
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

/** The preload links of a page's HTML for its chunk's files. */
const preloads = (files: string[]) => files.map((file) => `<link rel="preload" href="/${file}" as="fetch" type="application/wasm" crossorigin="anonymous">`);

const signInLink = (page: Page) => page.locator('header').getByRole('link', { name: t('account-sign-in'), exact: true });
const signInHeading = (page: Page) => page.getByRole('heading', { level: 1, name: t('account-sign-in'), exact: true });

test('a product page takes over with no chunk; the drawer\'s chunk follows when idle; the account link fetches the rest of its own', async ({ page }) => {
  const { chunks } = await manifest(page);
  expect(Object.keys(chunks).sort()).toEqual(['account', 'cart', 'checkout', 'listing', 'orders']);
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
  const shown = new Set(chunks.cart);
  await expect.poll(() => new Set(fetched)).toEqual(shown);
  const early = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/(split|chunk)_[^/]+\.wasm$/.test(e.name) && e.startTime < (window as any).__takeover)
    .map((e) => e.name));
  expect(early).toEqual([]);

  await signInLink(page).click();
  await expect(signInHeading(page)).toBeVisible();
  const all = new Set([...shown, ...chunks.account]);
  expect(new Set(fetched)).toEqual(all);
  // Each file once: the files the account shares with the others are not fetched again, and the
  // prefetch on pointing at the link and the visit share one fetch.
  expect(fetched.length).toBe(all.size);
});

test('every prerendered page preloads its own chunk beside the first module', async ({ page }) => {
  const { chunks } = await manifest(page);
  const pages: [string, string][] = [
    ['/checkout', 'checkout'],
    ['/cart', 'cart'],
    ['/', 'listing'],
    ['/jp/collections/outerwear', 'listing'],
    ['/search', 'listing'],
  ];
  for (const [path, chunk] of pages) {
    const html = await (await page.request.get(path)).text();
    for (const link of preloads(chunks[chunk])) expect(html, path).toContain(link);
    // And no other chunk's files.
    const others = Object.values(chunks).flat().filter((file) => !chunks[chunk].includes(file));
    for (const file of others) expect(html, path).not.toContain(file);
  }
  // A product page names none: all it needs is in the first module.
  for (const path of ['/products/canvas-bucket-hat', '/de/products/canvas-bucket-hat']) {
    expect(await (await page.request.get(path)).text(), path).not.toMatch(/(split|chunk)_[^"]+\.wasm/);
  }

  const fetched = chunkRequests(page);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: t('checkout-title'), exact: true })).toBeVisible();
  // The checkout's files, and none but the drawer's chunk fetched when idle.
  expect(fetched).toEqual(expect.arrayContaining(chunks.checkout));
  expect(fetched.filter((file) => !chunks.checkout.includes(file) && !chunks.cart.includes(file))).toEqual([]);
});

test('moving from a product page to a list fetches the lists\' chunk when the link is pointed at, once', async ({ page }) => {
  const { chunks } = await manifest(page);
  const fetched = chunkRequests(page);
  await page.goto('/products/canvas-bucket-hat');
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
  const listOnly = chunks.listing.filter((file) => !chunks.cart.includes(file));
  expect(listOnly.length).toBeGreaterThan(0);
  expect(fetched.filter((file) => listOnly.includes(file))).toEqual([]);
  const home = page.locator('header a.dhow-header__brand');
  await home.hover();
  await expect.poll(() => listOnly.filter((file) => fetched.includes(file)).length).toBe(listOnly.length);
  await home.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('main .dhow-product-card').first()).toBeVisible();
  // Pointing and clicking share one fetch per file.
  for (const file of listOnly) expect(fetched.filter((f) => f === file)).toHaveLength(1);
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
    const checkoutOnly = new Set(chunks.checkout.filter((file) => !chunks.cart.includes(file) && !chunks.listing.includes(file)));
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
    const { chunks } = await manifest(page);
    const accountOnly = new Set(chunks.account.filter((file) => !chunks.listing.includes(file)));
    let offline = true;
    await page.route(CHUNK, (route) => (offline && accountOnly.has(CHUNK.exec(new URL(route.request().url()).pathname)![1])
      ? route.abort('internetdisconnected')
      : route.continue()));
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

  test('a catalog page whose chunk cannot be fetched is rendered afresh with the notice, the cart answers, and retrying takes it over', async ({ page }) => {
    const { chunks } = await manifest(page);
    let offline = true;
    await page.route(CHUNK, (route) => (offline && chunks.listing.includes(CHUNK.exec(new URL(route.request().url()).pathname)![1])
      ? route.abort('internetdisconnected')
      : route.continue()));
    await page.goto('/collections/outerwear');
    // The app runs (header, cart) and says what is missing instead of a page it cannot build.
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'rendered');
    await expect(page.locator('main').getByRole('alert')).toContainText(t('error-unreachable'));
    await page.locator('header button.dhow-cart-button').click();
    await expect(page.locator('dialog.dhow-drawer')).toBeVisible();
    await page.keyboard.press('Escape');

    offline = false;
    await page.locator('main').getByRole('button', { name: t('error-retry'), exact: true }).click();
    await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', 'hydrated');
    await expect(page.locator('main .dhow-product-card').first()).toBeVisible();
  });
});
