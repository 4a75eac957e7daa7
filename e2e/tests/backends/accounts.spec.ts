// Customer accounts on the real backends (Medusa, Vendure), the same journeys as on the embedded
// one (support/account.ts): the order found again from a fresh browser with its exact totals, an
// address book in two countries, keyboard-only sign-in, and axe on every account page.
import { test } from '../../support/fixtures';
import {
  accountPagesAreAccessible,
  addressBookInTwoCountries,
  keyboardSignIn,
  orderFoundFromAnotherBrowser,
} from '../../support/account';
import { US } from '../../support/store';

test('register, order, sign out, and find the order from another browser', async ({ page, browser }) => {
  await orderFoundFromAnotherBrowser(page, browser, US, 'merino-crew-sweater');
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
