// Playwright runs Debian's Chromium (never a downloaded browser) against dist/ served locally.
// Projects: `local` runs every storefront test on the embedded backend; `medusa` and `vendure`
// run the backend journeys (tests/backends/) on the same dist/ configured for each real server,
// which scripts/test.sh starts on 127.0.0.1 first.
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

// Set DHOW_BASE_URL to test a storefront that is already running (for example `scripts/serve.sh`);
// otherwise dist/ is served here.
const external = process.env.DHOW_BASE_URL;
// Which backends to test: the embedded one unless told (scripts/test.sh starts Medusa and Vendure
// and sets DHOW_E2E_BACKENDS=local,medusa,vendure).
const backends = (process.env.DHOW_E2E_BACKENDS || 'local').split(',');

const PORTS = { local: 4173, medusa: 4174, vendure: 4175 } as const;
type BackendName = keyof typeof PORTS;
/**
 * The chaos proxy in front of each real backend (tools/chaos-proxy.mjs; tests/backends/chaos.spec.ts),
 * its port and the backend it forwards to. The storefront's CSP lets the page call it.
 */
const CHAOS = {
  medusa: { port: 9900, target: 'http://127.0.0.1:9000' },
  vendure: { port: 3900, target: 'http://127.0.0.1:3000' },
} as const;
const chaosUrl = (name: BackendName) => (name === 'local' ? undefined : `http://127.0.0.1:${CHAOS[name].port}`);

/** The publishable key the Medusa seed wrote: the browser needs it, and it is not a secret. */
function medusaKey(): string {
  if (process.env.MEDUSA_PUBLISHABLE_KEY) return process.env.MEDUSA_PUBLISHABLE_KEY;
  try {
    return readFileSync(new URL('../backends/medusa/.publishable-key', import.meta.url), 'utf8').trim();
  } catch {
    throw new Error('no Medusa publishable key: run backends/medusa/start.sh (or DHOW_E2E_BACKENDS=local)');
  }
}

// The default build carries the embedded engine only; the backend projects serve a build with
// the Medusa and Vendure adapters, prerendered from each live backend (scripts/test.sh makes
// target/dist-medusa and target/dist-vendure), or else the one build as it is.
const BACKENDS_DIST = process.env.DHOW_BACKENDS_DIST || '../target/dist-backends';
const backendDist = (name: string) => {
  const prerendered = `../target/dist-${name}`;
  return !process.env.DHOW_BACKENDS_DIST && existsSync(new URL(`${prerendered}/prerendered.txt`, import.meta.url))
    ? prerendered
    : BACKENDS_DIST;
};

function server(name: BackendName): NonNullable<PlaywrightTestConfig['webServer']> {
  const port = PORTS[name];
  const command = name === 'local'
    ? `node serve.mjs ../dist ${port}`
    : `node serve.mjs ${backendDist(name)} ${port} config/${name}.json`;
  return {
    command,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    env: {
      ...(name === 'medusa' ? { MEDUSA_PUBLISHABLE_KEY: medusaKey() } : {}),
      ...(name === 'local' ? {} : { DHOW_EXTRA_CONNECT_SRC: chaosUrl(name)! }),
    },
  };
}

function chaosProxy(name: Exclude<BackendName, 'local'>): NonNullable<PlaywrightTestConfig['webServer']> {
  return {
    command: `node tools/chaos-proxy.mjs --target ${CHAOS[name].target} --port ${CHAOS[name].port}`,
    url: `${chaosUrl(name)}/__chaos/health`,
    reuseExistingServer: false,
    stdout: 'ignore',
  };
}

const selected = backends.filter((b): b is BackendName => b in PORTS);

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
  projects: selected.map((name) => ({
    name,
    metadata: { backend: name, chaosProxy: chaosUrl(name) },
    testIgnore: name === 'local' ? ['backends/**'] : [],
    testMatch: name === 'local' ? undefined : ['backends/**/*.spec.ts'],
    use: { baseURL: external || `http://127.0.0.1:${PORTS[name]}` },
  })),
  webServer: external
    ? undefined
    : [...selected.map(server), ...selected.filter((b) => b !== 'local').map((b) => chaosProxy(b as Exclude<BackendName, 'local'>))],
});
