import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The end-to-end tests run the real server (serving the built client: `npm run build` first).
 * E2E_BASE_URL points them at a server that is already running instead.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const external = process.env.E2E_BASE_URL;
// The config is loaded by the runner and by each worker; the env var keeps one data dir for the run.
process.env.LEADTIME_E2E_DATA ??= mkdtempSync(path.join(tmpdir(), 'leadtime-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  retries: 0,
  workers: 1,
  fullyParallel: false,
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL: external ?? `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'node --import tsx server/main.ts',
        url: `http://localhost:${PORT}/healthz`,
        env: { PORT: String(PORT), DATA_DIR: process.env.LEADTIME_E2E_DATA },
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
