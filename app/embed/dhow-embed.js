// Dhow's custom elements for a brand's own page: one <script type="module"> loads this file,
// which loads the embed wasm beside it and defines <dhow-store>, <dhow-product-card>,
// <dhow-buy-button>, <dhow-price>, <dhow-market-selector>, <dhow-cart-button>,
// <dhow-cart-drawer> and <dhow-checkout>. Every element renders into its own shadow root, with
// Dhow's stylesheet linked inside it: the page's CSS cannot break the components, and theirs
// cannot leak out; --dhow-* tokens inherit through, `part`s are styleable with ::part().
// Events (dhow:cart-changed, dhow:checkout-started, dhow:order-placed) are dispatched on
// `document`. No inline script or style is needed: it runs under a strict CSP.
import init, * as core from './dhow-embed-core.js';

const base = new URL('./', import.meta.url);
const STYLESHEET = new URL('dhow-embed.css', base).href;
const THEME = new URL('theme.css', base).href;

// The configuration: the attributes of the first <dhow-store> (all optional; default: the
// same-origin /dhow.json).
const OPTIONS = ['config', 'backend', 'backend-url', 'publishable-key', 'channel-token', 'catalog',
  'market', 'locale', 'storefront'];

function storeOptions() {
  const store = document.querySelector('dhow-store');
  const options = {};
  for (const name of OPTIONS) {
    const value = store?.getAttribute(name);
    if (value) options[name] = value;
  }
  return options;
}

// Default token values, linked first in <head> so any theme or token the page sets wins.
function linkTheme() {
  const choice = document.querySelector('dhow-store')?.getAttribute('theme');
  if (choice === 'none' || document.querySelector('link[data-dhow-theme]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = choice ? new URL(choice, document.baseURI).href : THEME;
  link.dataset.dhowTheme = '';
  document.head.prepend(link);
}

function emit(name, json) {
  // Bubbles so listeners on `window` hear it too; not composed: it starts on `document`,
  // outside every shadow root.
  document.dispatchEvent(new CustomEvent(name, { detail: JSON.parse(json), bubbles: true }));
}

linkTheme();
const ready = init({ module_or_path: new URL('dhow-embed-core_bg.wasm', base) })
  .then(() => core.start(JSON.stringify(storeOptions()), emit));
ready.catch((error) => console.error(error));

function attributesOf(element) {
  const attributes = {};
  for (const { name, value } of element.attributes) attributes[name] = value;
  return JSON.stringify(attributes);
}

/** Mounts element `kind` into `container`; returns a handle whose `unmount()` frees it. */
async function mount(container, kind, props = {}) {
  await ready;
  const handle = core.mount(container, kind, JSON.stringify(props));
  return {
    set: (name, value) => handle.setAttribute(name, value ?? undefined),
    unmount: () => handle.free(),
  };
}

// The cart drawer also holds the in-place checkout: a page with something that fills or opens
// the cart but no <dhow-cart-drawer> gets one.
const FILLS_CART = ['product-card', 'buy-button', 'cart-button'];
function ensureDrawer() {
  if (!document.querySelector('dhow-cart-drawer')) document.body.append(document.createElement('dhow-cart-drawer'));
}

class DhowElement extends HTMLElement {
  #handle = null;
  #root = null;

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLESHEET;
      this.#root = document.createElement('div');
      this.#root.className = 'dhow-embed';
      this.#root.setAttribute('part', 'root');
      shadow.append(link, this.#root);
    }
    ready.then(() => {
      // Removed (or already mounted) while the store was loading.
      if (!this.isConnected || this.#handle) return;
      try {
        this.#handle = core.mount(this.#root, this.constructor.kind, attributesOf(this));
        if (FILLS_CART.includes(this.constructor.kind)) ensureDrawer();
      } catch (error) {
        console.error(`<${this.localName}>:`, error);
      }
    }, () => {
      this.#root.textContent = '';
      const notice = document.createElement('p');
      notice.setAttribute('role', 'alert');
      notice.className = 'dhow-error';
      notice.textContent = 'The shop is unavailable right now.';
      this.#root.append(notice);
    });
  }

  disconnectedCallback() {
    // Frees the element's reactive owner: its effects, resources and listeners go with it.
    this.#handle?.free();
    this.#handle = null;
    this.#root?.replaceChildren();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous !== value) this.#handle?.setAttribute(name, value ?? undefined);
  }
}

const ELEMENTS = {
  'product-card': ['handle', 'variant'],
  'buy-button': ['handle', 'variant'],
  price: ['handle', 'variant'],
  'market-selector': [],
  'cart-button': [],
  'cart-drawer': [],
  checkout: [],
  recommendations: ['handle', 'kind'],
  account: [],
};

for (const [kind, observed] of Object.entries(ELEMENTS)) {
  customElements.define(`dhow-${kind}`, class extends DhowElement {
    static kind = kind;
    static observedAttributes = observed;
  });
}

// <dhow-store> holds configuration only; changing its `market` switches the market.
customElements.define('dhow-store', class extends HTMLElement {
  static observedAttributes = ['market'];
  attributeChangedCallback(name, previous, value) {
    if (previous !== null && value && value !== previous) ready.then(() => core.setMarket(value));
  }
});


/** The JavaScript API, also on `window.Dhow`. */
export const Dhow = Object.freeze({
  /** Resolves when the store is loaded and elements render. */
  ready,
  mount,
  /** Switches every element to market `id`; rejects for a market the store does not sell to.
   * Every rejection is an `Error` carrying the SDK's typed error: `kind` (`not_sold`, `network`,
   * `not_found`, …) and its fields. */
  setMarket: async (id) => { await ready; core.setMarket(id); },
  /** The market in use (`undefined` before `ready`). */
  market: () => core.market?.(),
  openCart: async () => { await ready; ensureDrawer(); core.setCartOpen(true); },
  closeCart: async () => { await ready; core.setCartOpen(false); },
  openCheckout: async () => { await ready; ensureDrawer(); core.openCheckout(); },
  /** The cart: the same object `dhow:cart-changed` carries. */
  cart: async () => { await ready; return JSON.parse(core.cart()); },
});
window.Dhow = Dhow;
export default Dhow;
