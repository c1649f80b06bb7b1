import type { Result } from 'axe-core';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium, which CI installs; browser tests skip themselves without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/**
 * Headless Debian chromium through playwright-core (never a downloaded browser). The
 * machines have no network beyond the registries, so Chromium's background connections
 * are switched off rather than left to fail at every start.
 */
export async function launchChromium(): Promise<Browser> {
  // Loaded here, so that the test files that use no browser do not pay for playwright.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** axe-core, to be added to a page with `page.addScriptTag({ content: AXE_SOURCE })`. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

/** One line per element axe-core complains about, for a failure message a person can read. */
export function readableViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
    ),
  );
}
