// Added to the storefront's loader (scripts/csp-loader.mjs) ahead of the wasm: a tap on a
// button of a prerendered page before the app has taken the page over (its root's
// data-dhow-app attribute) would otherwise do nothing. Each such button's first tap is kept and
// replayed once the app runs, so "Add to cart" or the cart button answers a tap made while the
// wasm was still on its way. Only plain buttons (type="button"): links and forms work without
// the app, and menus changed early are read by the app itself. A page the app renders afresh
// instead replaces its buttons, and a replaced button is not replayed.
{
  const root = document.getElementById('dhow-root');
  if (root && !root.hasAttribute('data-dhow-app')) {
    const early = new Set();
    const keep = (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[type="button"]') : null;
      if (button && root.contains(button) && !button.disabled) early.add(button);
    };
    document.addEventListener('click', keep, true);
    new MutationObserver((_, observer) => {
      if (!root.hasAttribute('data-dhow-app')) return;
      observer.disconnect();
      document.removeEventListener('click', keep, true);
      for (const button of early) {
        if (button.isConnected && !button.disabled) button.click();
      }
    }).observe(root, { attributes: true, attributeFilter: ['data-dhow-app'] });
  }
}
