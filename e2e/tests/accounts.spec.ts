// Customer accounts on the embedded backend: the journeys every backend runs
// (support/account.ts), and what only the embedded engine shows: its stored password hash,
// its sign-in lock, its development outbox for password resets; plus the guest cart carried into
// the account, the checkout filled from it, and the embedded <dhow-account> element.
import { pbkdf2Sync } from 'node:crypto';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import {
  PASSWORD,
  accountLink,
  accountPagesAreAccessible,
  addressBookInTwoCountries,
  freshContext,
  keyboardSignIn,
  orderFoundFromAnotherBrowser,
  register,
  signIn,
  signOut,
  uniqueEmail,
} from '../support/account';
import { US, addToCart, escapeRegExp, openProduct } from '../support/store';

const t = (id: string) => msg('en-US', id);

test('register, order, sign out, and find the order from another browser', async ({ page, browser }) => {
  await orderFoundFromAnotherBrowser(page, browser, US, 'enamel-camp-mug');
});

test('the address book keeps addresses of two countries in their own forms', async ({ page }) => {
  await addressBookInTwoCountries(page);
});

test('signing in works by keyboard alone', async ({ page }) => {
  await keyboardSignIn(page);
});

test('account pages have no serious accessibility violations', async ({ page }) => {
  await accountPagesAreAccessible(page);
});

test('the password is kept only as a salted PBKDF2-SHA-256 hash made by WebCrypto', async ({ page }) => {
  const email = uniqueEmail('hash');
  await register(page, email);
  const stored = await page.evaluate((key) => localStorage.getItem(key), `dhow.local.account.${email}`);
  expect(stored).not.toBeNull();
  const everything = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(everything).not.toContain(PASSWORD);
  const { salt, iterations, hash } = JSON.parse(stored!).data.password;
  expect(iterations).toBe(600000);
  // The same derivation recomputed here gives the stored hash: it is PBKDF2-HMAC-SHA-256.
  expect(pbkdf2Sync(PASSWORD, Buffer.from(salt, 'hex'), iterations, 32, 'sha256').toString('hex')).toBe(hash);
});

test('a wrong password and an unknown email get the same answer; a taken email is refused', async ({ page }) => {
  const email = uniqueEmail('wrong');
  await register(page, email);
  await signOut(page);
  await page.goto('/account/sign-in');
  await signIn(page, email, 'not the password');
  const alert = page.locator('main form [role="alert"]');
  await expect(alert).toHaveText(t('account-wrong-credentials'));
  await signIn(page, uniqueEmail('nobody'), PASSWORD);
  await expect(alert).toHaveText(t('account-wrong-credentials'));
  await expect(accountLink(page, false)).toBeVisible();

  // The same email in other letters is taken.
  await page.goto('/account/register');
  await page.getByLabel(t('account-first-name')).fill('Eve');
  await page.getByLabel(t('account-last-name')).fill('Else');
  await page.getByLabel(t('account-email')).fill(email.toUpperCase());
  await page.getByLabel(t('account-password')).fill('short');
  await page.getByRole('button', { name: t('account-register'), exact: true }).click();
  // The rule is said before anything is sent.
  await expect(page.locator('main form [role="alert"]')).toHaveText(msg('en-US', 'account-password-rule', { min: 8, max: 72 }));
  await page.getByLabel(t('account-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('account-register'), exact: true }).click();
  await expect(page.locator('main form [role="alert"]')).toHaveText(t('account-email-taken'));
});

test('five failed sign-ins lock the email for a while', async ({ page }) => {
  const email = uniqueEmail('lock');
  await register(page, email);
  await signOut(page);
  await page.goto('/account/sign-in');
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong ${i}`);
    await expect(page.locator('main form [role="alert"]')).toHaveText(t('account-wrong-credentials'));
    // Wait for the answer before the next try (the button is enabled again).
    await expect(page.getByRole('button', { name: t('account-sign-in'), exact: true })).toBeEnabled();
  }
  await signIn(page, email, PASSWORD);
  await expect(page.locator('main form [role="alert"]')).toHaveText(/^Too many attempts\. Try again in 15 minutes\.$/);
});

test('signing in carries the guest cart into the account cart', async ({ page, browser }) => {
  const email = uniqueEmail('merge');
  await register(page, email);
  // The account's cart: one mug.
  await openProduct(page, US, 'enamel-camp-mug');
  await addToCart(page, US);
  await signOut(page);
  // Signing out started a fresh guest cart.
  await expect(page.locator('.dhow-cart-button__count')).toHaveAttribute('data-count', '0');

  const other = await freshContext(browser, page.context());
  try {
    const guest = await other.newPage();
    await openProduct(guest, US, 'enamel-camp-mug');
    await addToCart(guest, US);
    await guest.keyboard.press('Escape');
    await openProduct(guest, US, 'leather-luggage-tag');
    await addToCart(guest, US);
    await guest.keyboard.press('Escape');
    await guest.goto('/account/sign-in');
    await signIn(guest, email);
    await expect(guest.getByRole('heading', { level: 1, name: t('account-title') })).toBeVisible();
    await guest.goto('/cart');
    // The mugs added up (1 + 1), the tag came along.
    const mug = guest.locator('main .dhow-cart-line', { hasText: /mug/i });
    await expect(mug.getByRole('spinbutton')).toHaveValue('2');
    await expect(guest.locator('main .dhow-cart-line')).toHaveCount(2);
  } finally {
    await other.close();
  }
});

test('the checkout fills in the account and can save a new address', async ({ page }) => {
  const email = uniqueEmail('fill');
  await register(page, email);
  await openProduct(page, US, 'enamel-camp-mug');
  const drawer = await addToCart(page, US);
  await drawer.getByRole('button', { name: t('cart-checkout'), exact: true }).click();
  await expect(page.getByLabel(t('checkout-email'))).toHaveValue(email);
  const shipping = page.locator('.dhow-address-form').first();
  for (const [label, value, kind] of US.address) {
    const field = shipping.getByLabel(new RegExp(`^${escapeRegExp(t(label))}`));
    if (kind === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByLabel(t('account-save-address')).check();
  await page.getByRole('button', { name: t('checkout-continue-shipping') }).click();
  await expect(page.getByRole('radio').first()).toBeChecked();
  await page.goto('/account/addresses');
  const saved = page.locator('.dhow-address-book__item');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('350 Fifth Avenue');
  // The next checkout is filled with it (the book's address in the market's country).
  await page.goto('/checkout');
  await expect(page.locator('#shipping-line1')).toHaveValue('350 Fifth Avenue');
});

test('a password reset goes through the development outbox', async ({ page }) => {
  const email = uniqueEmail('reset');
  await register(page, email);
  await signOut(page);
  await page.goto('/account/sign-in');
  await page.getByRole('link', { name: t('account-forgot') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('account-reset-title') })).toBeVisible();
  await page.getByLabel(t('account-email')).fill(email);
  await page.getByRole('button', { name: t('account-reset-request') }).click();
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible();
  await page.getByRole('link', { name: t('account-outbox-title') }).click();
  const message = page.locator(`.dhow-outbox li[data-to="${email}"]`);
  await message.getByRole('link', { name: t('account-outbox-open') }).click();
  // The token is taken out of the address at once.
  await expect(page.getByLabel(t('account-reset-new'))).toBeVisible();
  await expect(page).toHaveURL(/\/account\/reset$/);
  await page.getByLabel(t('account-reset-new')).fill('a brand new secret');
  await page.getByRole('button', { name: t('account-reset-submit') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('account-reset-done') })).toBeVisible();
  await page.goto('/account/sign-in');
  await signIn(page, email, PASSWORD);
  await expect(page.locator('main form [role="alert"]')).toHaveText(t('account-wrong-credentials'));
  await signIn(page, email, 'a brand new secret');
  await expect(page.getByRole('heading', { level: 1, name: t('account-title') })).toBeVisible();
});

test('signing out in one tab signs out the others', async ({ page }) => {
  await register(page, uniqueEmail('tabs'));
  const second = await page.context().newPage();
  await second.goto('/');
  await expect(accountLink(second, true)).toBeVisible();
  await signOut(page);
  await expect(accountLink(second, false)).toBeVisible();
});
