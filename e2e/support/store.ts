// Page helpers for shopper journeys: open a product, add it, go through checkout.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { msg } from './messages';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A market of the demo store as the tests use it. */
export interface Market {
  /** URL prefix: '' for the default market, '/de' for Germany. */
  prefix: string;
  /** Language shown by default. */
  locale: string;
  /** A valid shipping address, by message id of the field label → value. */
  address: Array<[label: string, value: string, kind?: 'select']>;
}

export const US: Market = {
  prefix: '',
  locale: 'en-US',
  address: [
    ['address-first_name', 'Ada'], ['address-last_name', 'Lovelace'], ['address-line1', '350 Fifth Avenue'],
    ['address-city-city', 'New York'], ['address-region-state', 'NY', 'select'], ['address-postal-zip_code', '10118'],
  ],
};
export const DE: Market = {
  prefix: '/de',
  locale: 'de-DE',
  address: [
    ['address-first_name', 'Lena'], ['address-last_name', 'Schmidt'], ['address-line1', 'Torstraße 12'],
    ['address-postal-postal_code', '10119'], ['address-city-city', 'Berlin'],
  ],
};
export const JP: Market = {
  prefix: '/jp',
  locale: 'ja-JP',
  address: [
    ['address-last_name', '山田'], ['address-first_name', '花子'], ['address-postal-postal_code', '100-0001'],
    ['address-region-prefecture', '13', 'select'], ['address-city-city', '千代田区'], ['address-line1', '千代田1-1'],
  ],
};
export const AE: Market = {
  prefix: '/ae',
  locale: 'ar',
  address: [
    ['address-first_name', 'Layla'], ['address-last_name', 'Haddad'], ['address-line1', 'Sheikh Zayed Road 1'],
    ['address-region-emirate', 'DU', 'select'],
  ],
};
export const CH: Market = {
  prefix: '/ch',
  locale: 'de-DE',
  address: [
    ['address-first_name', 'Nina'], ['address-last_name', 'Keller'], ['address-line1', 'Bahnhofstrasse 1'],
    ['address-postal-postal_code', '8001'], ['address-city-city', 'Zürich'],
  ],
};

/** Waits until the app has taken the page over (hydrated a prerendered page, or rendered one):
 * before that, a prerendered page's buttons and choices are HTML only. */
export async function waitForApp(page: Page) {
  await expect(page.locator('#dhow-root')).toHaveAttribute('data-dhow-app', /^(hydrated|rendered)$/);
}

/** Opens a product page and waits for it to be interactive. */
export async function openProduct(page: Page, market: Market, handle: string) {
  await page.goto(`${market.prefix}/products/${handle}`);
  await waitForApp(page);
  await expect(page.getByRole('button', { name: msg(market.locale, 'add-to-cart') })).toBeEnabled();
}

/** Adds the product page's chosen variant and waits until the cart drawer shows the line. */
export async function addToCart(page: Page, market: Market) {
  await page.getByRole('button', { name: msg(market.locale, 'add-to-cart') }).click();
  const drawer = page.getByRole('dialog', { name: msg(market.locale, 'cart-title') });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.dhow-cart-line').first()).toBeVisible();
  // Wait for the backend's answer: no figure is an estimate any more (lines are final).
  await expect(drawer.locator('.dhow-cart-line[data-pending]')).toHaveCount(0);
  return drawer;
}

/**
 * Fills contact and address, picks the first shipping option, and reaches the payment step. `page`
 * may be a part of one (an embedded checkout's dialog).
 */
export async function fillCheckout(page: Page | Locator, market: Market, email = 'shopper@example.com') {
  const l = market.locale;
  await page.getByLabel(msg(l, 'checkout-email')).fill(email);
  for (const [label, value, kind] of market.address) {
    // Labels of optional fields end in "(optional)": match the start of the label.
    const shipping = page.locator('.dhow-address-form').first();
    const field = shipping.getByLabel(new RegExp(`^${escapeRegExp(msg(l, label))}`));
    if (kind === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: msg(l, 'checkout-continue-shipping') }).click();
  await expect(page.getByRole('radio').first()).toBeChecked();
  await page.getByRole('button', { name: msg(l, 'checkout-continue-payment') }).click();
  await expect(page.getByLabel(msg(l, 'payment-card-number'))).toBeVisible();
}

/** Pays with a test card and places the order (`page` may be a part of one). */
export async function payAndPlace(page: Page | Locator, market: Market, card = '4242 4242 4242 4242') {
  const l = market.locale;
  await page.getByLabel(msg(l, 'payment-card-number')).fill(card);
  await page.getByLabel(msg(l, 'payment-card-expiry')).fill('12/34');
  await page.getByLabel(msg(l, 'payment-card-cvc')).fill('123');
  await page.getByRole('button', { name: msg(l, 'checkout-place-order') }).click();
}
