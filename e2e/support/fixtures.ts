// Shared test fixtures: every page fails its test on a console error or an uncaught exception
// (a CSP violation, a wasm trap, a 404 for an asset), except errors a test declares expected,
// and on any console message about hydration (the app must take prerendered pages over cleanly).
import { expect, test as base } from '@playwright/test';

// The demo store asks for consent in its European markets. Tests about something else start as a
// shopper who already chose (and refused): no banner over the page, nothing sent. The analytics
// tests set `storedConsent` to null to meet the banner.
export const REFUSED = '{"version":1,"analytics":false,"marketing":false}';

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; failOnConsoleErrors: void; storedConsent: string | null; consentChoice: void }>({
  allowedConsoleErrors: [[], { option: true }],
  storedConsent: [REFUSED, { option: true }],
  consentChoice: [
    async ({ context, storedConsent }, use) => {
      if (storedConsent !== null) {
        await context.addInitScript((choice) => {
          try {
            if (!localStorage.getItem('dhow.consent')) localStorage.setItem('dhow.consent', choice);
          } catch {
            // A page without storage (about:blank) has nothing to set.
          }
        }, storedConsent);
      }
      await use();
    },
    { auto: true },
  ],
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
