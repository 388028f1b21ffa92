/**
 * The built viewer open in Debian's Chromium, as the browser tests share it:
 * build with Vite (once per test file), serve dist/viewer on a free port, open
 * a page (1600×900 unless told) and wait until the app is ready. Errors the
 * page throws are collected.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildViewer } from '../../viewer/node/build-viewer.js';
import { launchChromium } from '../../viewer/node/chromium.js';
import { serveStatic } from '../../viewer/node/static-server.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots a person looks at, kept by CI. */
export const ARTIFACTS = `${ROOT}test-artifacts`;

export interface OpenViewer {
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * This test file's own build: test files run side by side, and a build into the
 * shared dist/viewer would delete the assets another file's page is loading.
 */
const OWN_BUILD = `${ROOT}dist/viewer-e2e/${randomUUID()}`; // emptied by test/global-setup.ts
let built: Promise<void> | null = null;

export async function openViewer(viewport: Viewport = { width: 1600, height: 900 }): Promise<OpenViewer> {
  await mkdir(ARTIFACTS, { recursive: true });
  built ??= buildViewer(OWN_BUILD);
  await built;
  const server = await serveStatic(OWN_BUILD);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=app-ready]');
  return {
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * In a `describe`: opens the viewer before the suite's tests (handing it to
 * `opened`, which keeps the page where the tests read it) and closes it after.
 */
export function useViewer(opened: (viewer: OpenViewer) => void, viewport?: Viewport): void {
  let viewer: OpenViewer | undefined;
  beforeAll(async () => {
    viewer = await openViewer(viewport);
    opened(viewer);
  }, 180_000);
  afterAll(async () => {
    await viewer?.close();
  });
}
