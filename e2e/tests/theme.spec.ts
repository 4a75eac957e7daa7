// Theming: a theme is one stylesheet of --dhow-* tokens, and every component follows it. The
// second theme (boutique) must set every token of the default one; the component styles may not
// carry literal colours, type or spacing of their own; and on the main pages every listed piece
// of every component looks different under the boutique theme than under the default one, so a
// component that ignores the tokens fails here. Also: reduced motion stops every transition.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { msg } from '../support/messages';
import { US, addToCart, fillCheckout, openProduct } from '../support/store';
import { THEMES, setTheme } from '../support/theme.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The custom properties a stylesheet sets, with their values. */
function tokens(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of withoutComments(css).matchAll(/(--dhow-[a-z0-9-]+)\s*:\s*([^;]+);/g)) found.set(m[1], m[2].trim());
  return found;
}

test('the boutique theme sets every token of the default theme', () => {
  const defaults = tokens(read('public/theme/default.css'));
  const boutique = tokens(read('public/theme/boutique.css'));
  expect(defaults.size).toBeGreaterThan(40);
  expect([...defaults.keys()].filter((t) => !boutique.has(t)), 'tokens boutique.css does not set').toEqual([]);
  expect([...boutique.keys()].filter((t) => !defaults.has(t)), 'tokens only boutique.css sets').toEqual([]);
});

test('component styles take their look from tokens, never from literal values', () => {
  const defined = tokens(read('public/theme/default.css'));
  // Properties that carry a visual decision: their values must come from tokens. Structural
  // values (0, auto, none, inherit, transparent, currentColor, keywords) are fine.
  const themed = /^(color|background(-color)?|border(-(top|right|bottom|left|block|inline)(-(start|end))?)?(-(color|width|radius))?|border-(top|bottom)-(left|right)-radius|border-(start|end)-(start|end)-radius|outline(-(color|width|offset))?|box-shadow|accent-color|fill|stroke|font(-(family|size|weight))?|line-height|letter-spacing|gap|row-gap|column-gap|(padding|margin)(-(top|right|bottom|left|block|inline)(-(start|end))?)?|transition(-duration|-timing-function)?|animation(-duration|-timing-function)?|z-index|opacity|filter|aspect-ratio)$/;
  // Exact declarations that are structural: a glyph's own line box, a hidden input, a fade's start.
  const allowed = new Set(['line-height: 1', 'opacity: 0']);
  const problems: string[] = [];
  const used = new Set([...defined.values()].flatMap((v) => [...v.matchAll(/var\((--dhow-[a-z0-9-]+)/g)].map((m) => m[1])));
  const styleDir = join(root, 'app', 'style');
  for (const file of readdirSync(styleDir).filter((f) => f.endsWith('.css'))) {
    const css = withoutComments(readFileSync(join(styleDir, file), 'utf8'));
    for (const m of css.matchAll(/var\((--dhow-[a-z0-9-]+)/g)) {
      used.add(m[1]);
      if (!defined.has(m[1])) problems.push(`${file}: ${m[1]} is not a token of default.css`);
    }
    if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i.test(css)) problems.push(`${file}: a literal colour`);
    // Innermost blocks hold the declarations (rules inside @media and @keyframes included).
    for (const block of css.matchAll(/\{([^{}]*)\}/g)) {
      for (const declaration of block[1].split(';')) {
        const m = /^\s*([a-z-]+)\s*:\s*([\s\S]+?)\s*$/.exec(declaration);
        if (!m || !themed.test(m[1]) || allowed.has(`${m[1]}: ${m[2]}`)) continue;
        const value = m[2].replace(/var\(--dhow-[a-z0-9-]+\)/g, '').replace(/!important/, '');
        // Percentages only divide space (structural); any other non-zero number is a decision.
        const literal = [...value.matchAll(/(?<![\w-])-?\d*\.?\d+[a-z%]*/gi)].some((n) => !n[0].endsWith('%') && parseFloat(n[0]) !== 0);
        const family = /^font(-family)?$/.test(m[1]) && !/^(inherit|)$/.test(value.trim());
        const named = /\b(white|black|red|green|blue|gr[ae]y|silver|orange|yellow|purple|pink|brown|navy|teal)\b/i.test(value);
        if (literal || family || named) problems.push(`${file}: ${m[1]}: ${m[2]}`);
      }
    }
  }
  for (const token of defined.keys()) if (!used.has(token)) problems.push(`${token} is set but no component reads it`);
  // Components: no inline styles, and icons draw with currentColor.
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.rs') ? [join(dir, e.name)] : []));
  for (const file of walk(join(root, 'app', 'src'))) {
    const source = readFileSync(file, 'utf8');
    const where = file.slice(root.length + 1);
    if (/\sstyle(:[a-z-]+)?=/.test(source)) problems.push(`${where}: an inline style`);
    for (const m of source.matchAll(/\s(fill|stroke)="([^"]*)"/g)) {
      if (!/^(none|currentColor)$/.test(m[2])) problems.push(`${where}: ${m[1]}="${m[2]}"`);
    }
  }
  expect(problems).toEqual([]);
});

/** A piece of a component, found by its class (or part), that the theme must reach. */
interface Piece {
  name: string;
  selector: string;
  /** A pseudo-element to read instead (`::backdrop`). */
  pseudo?: string;
  /** Sizes set by a token that matter for this piece (width of an icon). */
  extra?: string[];
}

// Properties a theme decides. Inherited ones count only where a rule matching the piece sets
// them, so a piece does not pass just by inheriting the page's font or colour.
const PROPERTIES = [
  'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'accent-color',
  'border-top-color', 'border-bottom-color', 'border-left-color', 'border-top-width', 'border-bottom-width',
  'border-left-width', 'border-top-left-radius', 'box-shadow', 'outline-color', 'padding-top', 'padding-left',
  'row-gap', 'column-gap', 'min-height', 'aspect-ratio', 'opacity',
];
const INHERITED = new Set(['color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'accent-color']);

type Values = { values: Record<string, string>; sets: string[] };
type Reading = Values | 'missing' | 'hidden';

async function read_(page: Page, pieces: Piece[]): Promise<Record<string, Reading>> {
  return page.evaluate(
    ({ pieces, props, inherited }) => {
      // The style rules that apply now (those in @media blocks whose query matches).
      const rules: CSSStyleRule[] = [];
      const collect = (list: CSSRuleList) => {
        for (const rule of list) {
          if (rule instanceof CSSStyleRule) rules.push(rule);
          else if (rule instanceof CSSMediaRule && matchMedia(rule.conditionText).matches) collect(rule.cssRules);
        }
      };
      for (const sheet of document.styleSheets) collect(sheet.cssRules);
      const matches = (el: Element, selector: string) => {
        try {
          return el.matches(selector);
        } catch {
          return false;
        }
      };
      // Inherited properties a rule matching `el` sets to a value of its own.
      const setBy = (el: Element) =>
        inherited.filter((p) =>
          rules.some((r) => {
            const v = r.style.getPropertyValue(p).trim();
            return v !== '' && !/^(inherit|unset|revert)$/.test(v) && matches(el, r.selectorText);
          }),
        );
      const out: Record<string, Reading> = {};
      for (const piece of pieces) {
        const el = document.querySelector(piece.selector);
        if (!el) {
          out[piece.name] = 'missing';
          continue;
        }
        if (!piece.pseudo && el.getClientRects().length === 0) {
          out[piece.name] = 'hidden';
          continue;
        }
        const all = [...props, ...(piece.extra ?? [])];
        const style = getComputedStyle(el, piece.pseudo ?? null);
        const values: Record<string, string> = {};
        for (const p of all) values[p] = style.getPropertyValue(p);
        out[piece.name] = { values, sets: piece.pseudo ? [] : setBy(el) };
      }
      return out;
    },
    { pieces, props: PROPERTIES, inherited: [...INHERITED] },
  );
}

/** Whether a property's value is the piece's own decision in this reading. */
function own(reading: Values, prop: string): boolean {
  if (INHERITED.has(prop)) return reading.sets.includes(prop);
  // A border's colour only shows when the border has a width (else it merely follows `color`).
  const side = /^border-(top|bottom|left)-color$/.exec(prop)?.[1];
  if (side) return parseFloat(reading.values[`border-${side}-width`]) > 0;
  if (prop === 'outline-color') return false;
  return true;
}

/**
 * Reads every piece under the default theme, switches to the boutique theme, reads again, and
 * expects each piece to show at least one of its own themed properties changed.
 */
async function expectThemed(page: Page, pieces: Piece[]) {
  await setTheme(page, THEMES.default);
  const before = await read_(page, pieces);
  await setTheme(page, THEMES.boutique);
  const after = await read_(page, pieces);
  const failures: string[] = [];
  for (const piece of pieces) {
    const a = before[piece.name];
    const b = after[piece.name];
    if (typeof a === 'string' || typeof b === 'string') {
      failures.push(`${piece.name} (${piece.selector}): ${typeof a === 'string' ? a : b}`);
      continue;
    }
    const props = [...PROPERTIES, ...(piece.extra ?? [])];
    const changed = props.filter((p) => (own(a, p) || own(b, p)) && a.values[p] !== b.values[p]);
    if (changed.length === 0) {
      const shown = props.filter((p) => own(a, p)).map((p) => `${p}=${a.values[p]}`).join('; ');
      failures.push(`${piece.name} (${piece.selector}) ignores the theme: ${shown}`);
    }
  }
  expect(failures, 'pieces that look the same in both themes').toEqual([]);
  // Leave the page as it was found.
  await setTheme(page, THEMES.default);
}

const en = (id: string) => msg('en-US', id);

const FRAME: Piece[] = [
  { name: 'header', selector: '.dhow-header' },
  { name: 'header brand', selector: '.dhow-header__brand' },
  { name: 'search field', selector: '.dhow-header__search input' },
  { name: 'search button', selector: '.dhow-header__search .dhow-button' },
  { name: 'market selector label', selector: '.dhow-market-selector__field' },
  { name: 'market selector menu', selector: '.dhow-market-selector select' },
  { name: 'cart button', selector: '.dhow-cart-button' },
  { name: 'cart button icon', selector: '.dhow-cart-button__icon', extra: ['width'] },
  { name: 'footer', selector: '.dhow-footer' },
  { name: 'market terms', selector: '.dhow-market-terms' },
];

test('the home page follows the theme: header, collections, product cards, footer', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.dhow-product-card').first()).toBeVisible();
  await expect(page.locator('.dhow-collection-card').first()).toBeVisible();
  await expectThemed(page, [
    ...FRAME,
    { name: 'page title', selector: '.dhow-section__title' },
    { name: 'section subtitle', selector: '.dhow-section__subtitle' },
    { name: 'collection list', selector: '.dhow-collection-list' },
    { name: 'collection card', selector: '.dhow-collection-card' },
    { name: 'collection card image', selector: '.dhow-collection-card img' },
    { name: 'collection card title', selector: '.dhow-collection-card__title' },
    { name: 'product grid', selector: '.dhow-product-grid' },
    { name: 'product card', selector: '.dhow-product-card' },
    { name: 'product card link', selector: '.dhow-product-card__link' },
    { name: 'product card image', selector: '.dhow-product-card__image' },
    { name: 'product card title', selector: '.dhow-product-card__title' },
    { name: 'price', selector: '.dhow-product-card .dhow-price' },
    { name: 'price amount', selector: '.dhow-product-card .dhow-price__amount' },
  ]);
});

test('the product page follows the theme: gallery, price, variant picker, add to cart', async ({ page }) => {
  await openProduct(page, US, 'packable-rain-shell');
  await expectThemed(page, [
    { name: 'product title', selector: '.dhow-product__title' },
    { name: 'product price', selector: '.dhow-product__price' },
    { name: 'sale price', selector: '.dhow-product__price .dhow-price__amount' },
    { name: 'former price', selector: '.dhow-product__price .dhow-price__compare' },
    { name: 'description', selector: '.dhow-product__description' },
    { name: 'gallery', selector: '.dhow-gallery' },
    { name: 'gallery image', selector: '.dhow-gallery__main' },
    { name: 'gallery thumbnail', selector: '.dhow-gallery__thumb' },
    { name: 'chosen thumbnail', selector: '.dhow-gallery__thumb[aria-pressed="true"]' },
    { name: 'thumbnail image', selector: '.dhow-gallery__thumb img', extra: ['width'] },
    { name: 'variant picker', selector: '.dhow-variant-picker' },
    { name: 'option name', selector: '.dhow-variant-picker__option legend' },
    { name: 'option value', selector: '.dhow-variant-picker__value input:not(:checked) + span' },
    { name: 'chosen option value', selector: '.dhow-variant-picker__value input:checked + span' },
    { name: 'add to cart', selector: '.dhow-add-to-cart' },
    { name: 'quantity label', selector: '.dhow-add-to-cart__quantity' },
    { name: 'quantity field', selector: '.dhow-add-to-cart__quantity input' },
    { name: 'add to cart button', selector: '.dhow-add-to-cart__button' },
  ]);
});

test('the cart drawer follows the theme: lines, stepper, discount code, totals', async ({ page }) => {
  await openProduct(page, US, 'packable-rain-shell');
  await addToCart(page, US);
  await expectThemed(page, [
    { name: 'drawer', selector: '.dhow-drawer' },
    { name: 'drawer backdrop', selector: '.dhow-drawer', pseudo: '::backdrop' },
    { name: 'drawer head', selector: '.dhow-drawer__head' },
    { name: 'drawer title', selector: '.dhow-drawer__head h2' },
    { name: 'close button', selector: '.dhow-drawer .dhow-icon-button' },
    { name: 'drawer body', selector: '.dhow-drawer__body' },
    { name: 'cart line', selector: '.dhow-cart-line' },
    { name: 'cart line image', selector: '.dhow-cart-line__image' },
    { name: 'cart line info', selector: '.dhow-cart-line__info' },
    { name: 'cart line title', selector: '.dhow-cart-line__title' },
    { name: 'cart line variant', selector: '.dhow-cart-line__variant' },
    { name: 'cart line unit price', selector: '.dhow-cart-line__unit' },
    { name: 'cart line total', selector: '.dhow-cart-line__total .dhow-price__amount' },
    { name: 'stepper', selector: '.dhow-stepper' },
    { name: 'stepper button', selector: '.dhow-stepper__button' },
    { name: 'stepper field', selector: '.dhow-stepper__input' },
    { name: 'remove button', selector: '.dhow-cart-line__remove' },
    { name: 'discount code label', selector: '.dhow-promo__form label' },
    { name: 'discount code field', selector: '.dhow-promo__row input' },
    { name: 'discount code button', selector: '.dhow-promo__row .dhow-button' },
    { name: 'drawer foot', selector: '.dhow-drawer__foot' },
    { name: 'totals row name', selector: '.dhow-totals__row dt' },
    { name: 'total row', selector: '.dhow-totals__row[data-total="totals-total"]' },
    { name: 'checkout button', selector: '.dhow-drawer__foot .dhow-button' },
    { name: 'view cart link', selector: '.dhow-drawer__foot .dhow-link-button' },
    { name: 'cart count badge', selector: '.dhow-cart-button__count' },
  ]);
  // A refused code's message, in the error colour.
  const drawer = page.getByRole('dialog', { name: en('cart-title') });
  await drawer.getByLabel(en('promo-label')).fill('bogus');
  await drawer.getByRole('button', { name: en('promo-apply') }).click();
  await expect(drawer.getByRole('alert')).not.toBeEmpty();
  await expectThemed(page, [{ name: 'field error', selector: '.dhow-promo .dhow-field-error' }]);
});

test('checkout follows the theme: steps, address form, shipping choices, payment, summary', async ({ page }) => {
  await openProduct(page, US, 'packable-rain-shell');
  const drawer = await addToCart(page, US);
  await drawer.getByRole('button', { name: en('cart-checkout'), exact: true }).click();
  await expect(page.getByLabel(en('checkout-email'))).toBeVisible();
  await expectThemed(page, [
    { name: 'checkout step', selector: '.dhow-step' },
    { name: 'step title', selector: '.dhow-step h2' },
    { name: 'field label', selector: '.dhow-field label' },
    { name: 'text field', selector: '.dhow-field input[type="email"]' },
    { name: 'ship-to note', selector: '.dhow-checkout__country' },
    { name: 'address form', selector: '.dhow-address-form' },
    { name: 'address row', selector: '.dhow-address-form__row' },
    { name: 'optional mark', selector: '.dhow-field__optional' },
    { name: 'postal code hint', selector: '.dhow-field__hint' },
    { name: 'region menu', selector: '.dhow-address-form select' },
    { name: 'checkbox', selector: '.dhow-checkbox input', extra: ['width'] },
    { name: 'continue button', selector: '.dhow-step .dhow-button' },
    { name: 'order summary', selector: '.dhow-order-summary' },
    { name: 'summary line quantity', selector: '.dhow-order-summary .dhow-cart-line__qty' },
    { name: 'summary totals', selector: '.dhow-order-summary .dhow-totals__row dt' },
  ]);
  await fillCheckout(page, US);
  await expectThemed(page, [
    { name: 'completed step', selector: '.dhow-step__done' },
    { name: 'edit link', selector: '.dhow-step__done .dhow-link-button' },
    { name: 'payment hint', selector: '.dhow-payment-form__hint' },
    { name: 'card number field', selector: '.dhow-payment-form input' },
    { name: 'total due', selector: '.dhow-checkout__total' },
  ]);
});

test('checkout shipping choices follow the theme', async ({ page }) => {
  await openProduct(page, US, 'packable-rain-shell');
  const drawer = await addToCart(page, US);
  await drawer.getByRole('button', { name: en('cart-checkout'), exact: true }).click();
  await page.getByLabel(en('checkout-email')).fill('shopper@example.com');
  for (const [label, value, kind] of US.address) {
    const field = page.locator('.dhow-address-form').first().getByLabel(new RegExp(`^${msg('en-US', label)}`));
    if (kind === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: en('checkout-continue-shipping') }).click();
  await expect(page.getByRole('radio').first()).toBeChecked();
  await expectThemed(page, [
    { name: 'chosen shipping option', selector: '.dhow-choice:has(input:checked)' },
    { name: 'shipping option', selector: '.dhow-choice:not(:has(input:checked))' },
    { name: 'shipping option name', selector: '.dhow-choice__name' },
    { name: 'shipping option detail', selector: '.dhow-choice__detail' },
    { name: 'shipping option radio', selector: '.dhow-choice input', extra: ['width'] },
  ]);
});

test('reduced motion: no transition or animation moves, in either theme', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openProduct(page, US, 'enamel-camp-mug');
  await addToCart(page, US);
  for (const href of [THEMES.default, THEMES.boutique]) {
    await setTheme(page, href);
    const durations = await page.evaluate(() =>
      ['.dhow-drawer', '.dhow-drawer .dhow-button', '.dhow-icon-button', '.dhow-cart-button'].map((s) => {
        const style = getComputedStyle(document.querySelector(s)!);
        return `${s}: ${style.transitionDuration} ${style.animationDuration}`;
      }),
    );
    expect(durations.filter((d) => /[1-9]/.test(d)), href).toEqual([]);
  }
  // Without the preference the same pieces move (so the check above is not vacuous).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await page.evaluate(() => getComputedStyle(document.querySelector('.dhow-drawer')!).animationDuration);
  expect(parseFloat(moving)).toBeGreaterThan(0);
});
