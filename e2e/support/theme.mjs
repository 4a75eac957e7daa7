// Themes: a theme is one stylesheet that sets every --dhow-* token. These helpers swap the page's
// theme stylesheet for another, the way a brand links its own instead of the default; used by the
// theme tests and by tools/screenshots.mjs.

/** The themes in public/theme/, by name, as the storefront serves them. */
export const THEMES = {
  default: '/theme/default.css',
  boutique: '/theme/boutique.css',
};

/**
 * Replaces the page's theme stylesheet (whichever linked sheet sets the tokens on :root, the
 * default one included, whatever its hashed file name) with `href`, and waits until it applies
 * and every transition it started has finished.
 * @param {import('@playwright/test').Page} page
 * @param {string} href
 */
export async function setTheme(page, href) {
  await page.evaluate(async (href) => {
    const setsTokens = (link) => {
      try {
        return [...(link.sheet?.cssRules ?? [])].some(
          (rule) => rule.selectorText === ':root' && rule.style.getPropertyValue('--dhow-color-bg') !== '',
        );
      } catch {
        return false;
      }
    };
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      if (setsTokens(link)) link.remove();
    }
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    await new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`theme ${href} did not load`));
      document.head.append(link);
    });
    // Reading a style makes the browser apply the sheet now, starting its transitions.
    void getComputedStyle(document.body).color;
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  }, href);
}
