// Account journeys shared by the embedded backend's tests (tests/accounts.spec.ts) and the real
// backends' (tests/backends/accounts.spec.ts): the same steps, on whichever backend the project
// serves.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { msg } from './messages';
import { type Market, US, addToCart, escapeRegExp, fillCheckout, openProduct, payAndPlace } from './store';

export const PASSWORD = 'correct horse 42';
const t = (id: string) => msg('en-US', id);

/** An email no earlier run used (the real backends keep their accounts). */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** The backend of the running project: `local`, `medusa` or `vendure`. */
export function backendName(): string {
  return (test.info().project.metadata as { backend?: string }).backend ?? 'local';
}

/** The header's account link: "Sign in" or "Account". */
export function accountLink(page: Page, signedIn: boolean): Locator {
  return page.locator('header').getByRole('link', { name: t(signedIn ? 'account-title' : 'account-sign-in'), exact: true });
}

/** Creates an account from the register page and waits until the storefront shows it signed in. */
export async function register(page: Page, email: string, first = 'Ada', last = 'Lovelace') {
  await page.goto('/account/register');
  await expect(page.getByRole('heading', { level: 1, name: t('account-register') })).toBeVisible();
  await page.getByLabel(t('account-first-name')).fill(first);
  await page.getByLabel(t('account-last-name')).fill(last);
  await page.getByLabel(t('account-email')).fill(email);
  await page.getByLabel(t('account-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('account-register'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('account-title') })).toBeVisible();
  await expect(accountLink(page, true)).toBeVisible();
}

/** Signs in from the sign-in page (or the page it was sent to) with the mouse. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  const form = page.locator('main form');
  await form.getByLabel(t('account-email')).fill(email);
  await form.getByLabel(t('account-password')).fill(password);
  await form.getByRole('button', { name: t('account-sign-in'), exact: true }).click();
}

export async function signOut(page: Page) {
  await page.goto('/account');
  await page.getByRole('button', { name: t('account-sign-out'), exact: true }).click();
  await expect(accountLink(page, false)).toBeVisible();
}

/**
 * A new browser for the same shopper. On a real backend, a context that shares nothing. The
 * embedded engine's accounts live in the browser's storage (it is the "server"): the new context
 * gets that storage without who was signed in and without the cart.
 */
export async function freshContext(browser: Browser, from: BrowserContext): Promise<BrowserContext> {
  if (backendName() !== 'local') return browser.newContext();
  const state = await from.storageState();
  for (const origin of state.origins) {
    origin.localStorage = origin.localStorage.filter(
      (item) => item.name !== 'dhow.local.session' && !item.name.startsWith('dhow.cart') && !item.name.startsWith('dhow.account'),
    );
  }
  return browser.newContext({ storageState: state });
}

/** Places an order for one product in `market` as the signed-in customer; returns number and total. */
export async function orderAsCustomer(page: Page, market: Market, handle: string, email: string) {
  await openProduct(page, market, handle);
  const drawer = await addToCart(page, market);
  await drawer.getByRole('button', { name: t('cart-checkout'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('checkout-title') })).toBeVisible();
  // The signed-in customer's email is filled in.
  await expect(page.getByLabel(t('checkout-email'))).toHaveValue(email);
  await fillCheckout(page, market, email);
  const total = await page.locator('[data-total="totals-total"] .dhow-totals__amount').last().innerText();
  await payAndPlace(page, market);
  await expect(page.getByRole('heading', { level: 1, name: t('order-thanks') })).toBeVisible();
  const number = (await page.locator('[data-order-number]').innerText()).trim();
  // The confirmation links to the order in the account.
  await expect(page.getByRole('link', { name: t('account-view-order') })).toBeVisible();
  return { number, total };
}

/** Serious or critical axe violations on the page. */
export async function audit(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Register, order, sign out, sign in from a fresh browser, and find the order in the history with
 * the total that was paid; the order's own page shows the same.
 */
export async function orderFoundFromAnotherBrowser(page: Page, browser: Browser, market: Market, handle: string) {
  const email = uniqueEmail('history');
  await register(page, email);
  const { number, total } = await orderAsCustomer(page, market, handle, email);
  await signOut(page);
  // Signed out: the history sends to sign-in.
  await page.goto('/account/orders');
  await expect(page).toHaveURL(/\/account\/sign-in\?next=\/account\/orders$/);

  const other = await freshContext(browser, page.context());
  try {
    const fresh = await other.newPage();
    await fresh.goto('/account/orders');
    await expect(fresh.getByRole('heading', { level: 1, name: t('account-sign-in') })).toBeVisible();
    await signIn(fresh, email);
    // Back where the shopper was headed.
    await expect(fresh.getByRole('heading', { level: 1, name: t('account-orders') })).toBeVisible();
    await expect(fresh).toHaveURL(/\/account\/orders$/);
    const row = fresh.locator(`.dhow-order-history__item[data-order-number="${number}"]`);
    await expect(row).toBeVisible();
    await expect(row.locator('.dhow-order-history__total')).toHaveText(total);
    // The date as the shopper's browser writes it, in their time zone.
    const placed = row.locator('time');
    const expected = await placed.evaluate((el) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(el.getAttribute('datetime')!)));
    await expect(placed).toHaveText(msg('en-US', 'account-order-date', { date: expected }));
    expect(expected).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await row.getByRole('link').click();
    await expect(fresh.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(number)) })).toBeVisible();
    await expect(fresh.locator('.dhow-order-summary [data-total="totals-total"] .dhow-totals__amount')).toHaveText(total);
  } finally {
    await other.close();
  }
}

/** Fills the address book's form for `country` (labels by message id → value). */
async function fillAddress(page: Page, country: string, fields: Array<[string, string, 'select'?]>) {
  const form = page.locator('.dhow-address-book__form');
  await form.getByLabel(t('account-address-country')).selectOption(country);
  for (const [label, value, kind] of fields) {
    const field = form.locator('.dhow-address-form').getByLabel(new RegExp(`^${escapeRegExp(t(label))}`));
    if (kind === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** The address book keeps addresses of two countries, each in its own form. */
export async function addressBookInTwoCountries(page: Page) {
  await register(page, uniqueEmail('book'));
  await page.getByRole('link', { name: t('account-addresses'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('account-addresses') })).toBeVisible();
  await expect(page.getByText(t('account-addresses-empty'))).toBeVisible();

  await page.getByRole('button', { name: t('account-address-add'), exact: true }).click();
  const form = page.locator('.dhow-address-book__form');
  // The United States' form: a state list and a ZIP code.
  await form.getByLabel(t('account-address-country')).selectOption('US');
  await expect(form.getByLabel(new RegExp(`^${escapeRegExp(t('address-postal-zip_code'))}`))).toBeVisible();
  await fillAddress(page, 'US', US.address);
  await form.getByLabel(t('account-address-default-shipping')).check();
  await form.getByRole('button', { name: t('account-address-save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('account-address-saved') })).toBeVisible();
  await expect(page.locator('.dhow-address-book__item[data-country="US"]')).toContainText('350 Fifth Avenue');

  // Japan's: prefectures and a postal code, and a refused postal code says what is expected.
  await page.getByRole('button', { name: t('account-address-add'), exact: true }).click();
  await form.getByLabel(t('account-address-country')).selectOption('JP');
  await expect(form.getByLabel(t('address-region-prefecture'))).toBeVisible();
  await fillAddress(page, 'JP', [
    ['address-last_name', 'Yamada'], ['address-first_name', 'Hanako'], ['address-postal-postal_code', '1000'],
    ['address-region-prefecture', '13', 'select'], ['address-city-city', 'Chiyoda'], ['address-line1', '1-1 Chiyoda'],
  ]);
  await form.getByRole('button', { name: t('account-address-save') }).click();
  await expect(form.locator('[data-field="postal_code"] .dhow-field-error')).not.toBeEmpty();
  await form.locator('.dhow-address-form').getByLabel(new RegExp(`^${escapeRegExp(t('address-postal-postal_code'))}`)).fill('100-0001');
  await form.getByRole('button', { name: t('account-address-save') }).click();
  await expect(page.locator('.dhow-address-book__item[data-country="JP"]')).toContainText('1-1 Chiyoda');
  await expect(page.locator('.dhow-address-book__item')).toHaveCount(2);

  // Kept: after a reload both are there, the US one the default shipping address.
  await page.reload();
  await expect(page.locator('.dhow-address-book__item')).toHaveCount(2);
  await expect(page.locator('.dhow-address-book__item[data-country="US"]')).toContainText(t('account-address-default-shipping'));

  // Edit the Japanese one, then remove it.
  await page.getByRole('button', { name: /^Edit Hanako Yamada/ }).click();
  await form.locator('.dhow-address-form').getByLabel(new RegExp(`^${escapeRegExp(t('address-line1'))}`)).fill('2-2 Chiyoda');
  await form.getByRole('button', { name: t('account-address-save') }).click();
  await expect(page.locator('.dhow-address-book__item[data-country="JP"]')).toContainText('2-2 Chiyoda');
  await page.getByRole('button', { name: /^Remove Hanako Yamada/ }).click();
  await expect(page.locator('.dhow-address-book__item')).toHaveCount(1);
}

/** Signs in with the keyboard alone: Tab to each field, type, Enter. */
export async function keyboardSignIn(page: Page) {
  const email = uniqueEmail('keys');
  await register(page, email);
  await signOut(page);
  await page.goto('/account/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t('account-sign-in') })).toBeVisible();
  const emailField = page.locator('main').getByLabel(t('account-email'));
  // From the top of the page, Tab until the email field has focus (the header comes first).
  for (let i = 0; i < 40 && !(await emailField.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(emailField).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.locator('main').getByLabel(t('account-password'))).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: t('account-title') })).toBeVisible();
  await expect(accountLink(page, true)).toBeVisible();
}

/** axe finds nothing serious on the sign-in, register and reset pages, nor on the account's. */
export async function accountPagesAreAccessible(page: Page) {
  for (const path of ['/account/sign-in', '/account/register', '/account/reset']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await audit(page);
  }
  await register(page, uniqueEmail('axe'));
  await audit(page);
  for (const [path, heading] of [['/account/orders', 'account-orders'], ['/account/addresses', 'account-addresses']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: t(heading) })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await audit(page);
  }
  await page.getByRole('button', { name: t('account-address-add'), exact: true }).click();
  await audit(page);
}
