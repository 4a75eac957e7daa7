// Recommendations built from this server's own orders: scripts/test.sh runs dhow-recommend
// against the server's admin API (the orders the contract and order-reading tests placed) into
// target/dist-<backend>, then prerenders; the product page shows what the builder wrote.
import { readFileSync } from 'node:fs';
import { expect, test } from '../../support/fixtures';
import { waitForApp } from '../../support/store';

const HANDLE = 'merino-crew-sweater';

test('the product page offers what this server\'s orders bought together', async ({ page }, info) => {
  const backend = info.project.name;
  const read = (path: string) =>
    JSON.parse(readFileSync(new URL(`../../../target/dist-${backend}/recommendations/v1/${path}`, import.meta.url), 'utf8'));
  // Built from this server's catalog, not the demo store's lists the build started with.
  const index = read('index.json');
  expect(index.products).toContain(HANDLE);
  expect(index.products).not.toContain('long-down-parka');
  const file = read(`products/${HANDLE}.json`);
  // The order-reading test buys the sweater with the mug, twice at least, on every run.
  const mug = file.bought_together.find((e: { product: string }) => e.product === 'enamel-camp-mug');
  expect(mug).toMatchObject({ source: 'orders' });
  expect(mug.support).toBeGreaterThanOrEqual(2);

  // In the prerendered HTML, before any script.
  const html = await (await page.request.get(`/products/${HANDLE}`)).text();
  expect(html).toContain('href="/products/enamel-camp-mug"');

  await page.goto(`/products/${HANDLE}`);
  await waitForApp(page);
  const section = page.getByRole('region', { name: 'Frequently bought together' });
  const shown = await section.locator('.dhow-recs__name a').evaluateAll((as) =>
    as.map((a) => a.getAttribute('href')!.replace('/products/', '')));
  // What it shows is the file's list, in its order (products out of stock left out).
  const listed = file.bought_together.map((e: { product: string }) => e.product);
  expect(shown).toContain('enamel-camp-mug');
  expect(shown).toEqual(listed.filter((h: string) => shown.includes(h)));
});
