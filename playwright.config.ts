import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium.mjs';

// Not vite preview's default 4173, which a developer may have open already.
const PORT = Number(process.env.GATESCOPE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_FLAGS },
    trace: 'retain-on-failure',
  },
  // The built page, as users get it: `vite preview` serves dist/ (npm test builds it first).
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
