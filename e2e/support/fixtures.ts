// Shared test fixtures: every page fails its test on a console error or an uncaught exception
// (a CSP violation, a wasm trap, a 404 for an asset), except errors a test declares expected,
// and on any console message about hydration (the app must take prerendered pages over cleanly).
import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; failOnConsoleErrors: void }>({
  allowedConsoleErrors: [[], { option: true }],
  failOnConsoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(msg.text()))) errors.push(msg.text());
        else if (/hydrat/i.test(msg.text())) errors.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => {
        if (!allowedConsoleErrors.some((re) => re.test(err.message))) errors.push(err.message);
      });
      await use();
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
