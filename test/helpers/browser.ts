import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

/** Debian's chromium; playwright-core drives it (never a downloaded browser). */
export const CHROMIUM = process.env.ROTOR_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM && process.env.CI === 'true') {
  throw new Error(`chromium not found at ${CHROMIUM}: CI must have it (apt-get install -y chromium)`);
}
if (!HAVE_CHROMIUM) console.warn(`[rotor tests] chromium not found at ${CHROMIUM}: browser tests SKIPPED; install it with apt-get install -y chromium`);

/** Without the background-networking flags chromium keeps trying to reach the network, which is closed here. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Screenshots and other artefacts a test leaves for a person to look at (git-ignored). */
export function testOutputDir(name: string): string {
  const dir = fileURLToPath(new URL(`../../test-output/${name}/`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}
