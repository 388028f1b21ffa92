/**
 * Debian's Chromium driven by playwright-core, with the flags this machine
 * needs: no sandbox (root), WebGL through SwiftShader, and no background
 * networking (the network is closed; its retries would only slow things).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Whether the browser tests can run here. On CI (CI set) they always run, so a
 * missing Chromium fails them rather than skipping them unseen.
 */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM) || Boolean(process.env['CI']);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}
