// Playwright runs Debian's Chromium (never a downloaded browser) against dist/ served locally.
import { defineConfig } from '@playwright/test';

const PORT = 4173;
// Set DHOW_BASE_URL to test a storefront that is already running (for example `scripts/serve.sh`);
// otherwise dist/ is served here.
const external = process.env.DHOW_BASE_URL;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: external || `http://127.0.0.1:${PORT}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `node serve.mjs ../dist ${PORT}`,
        url: `http://127.0.0.1:${PORT}/index.html`,
        reuseExistingServer: false,
        stdout: 'ignore',
      },
});
