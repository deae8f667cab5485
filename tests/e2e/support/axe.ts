import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 AA rule set the portal promises (docs/domain.md, "Reach"). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** What fails a test: a person would be blocked or badly hindered. */
const FAILING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** Every page's full results (lesser findings included), for review; ignored by git. */
const REPORT_DIR = resolve(__dirname, '../../.artifacts/axe');

declare global {
  interface Window {
    axe?: { run(context: unknown, options: unknown): Promise<AxeResults> };
  }
}

/** axe-core in the page: as a script tag, or evaluated when the page's CSP refuses inline scripts. */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof window.axe !== 'undefined')) return;
  await page.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
  if (await page.evaluate(() => typeof window.axe !== 'undefined')) return;
  // The portal's strict CSP (no inline script) blocks the tag; evaluation over the
  // devtools protocol is not subject to it.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
}

/** One line per failing node: rule, impact, where, and what to do. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `- ${violation.id} (${node.impact ?? violation.impact}) at ${JSON.stringify(node.target)}: ${violation.help}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
      ),
    )
    .join('\n');
}

/** Runs axe on the page as it is now and returns its results (also written under tests/.artifacts/axe). */
export async function runAxe(page: Page, label: string): Promise<AxeResults> {
  await injectAxe(page);
  // At the top of the page: a control that scrolling happens to leave under the sticky header
  // is covered only at that instant, and axe's target-size would count it as too small. The
  // scroll is put back afterwards, so the test goes on where it was.
  const results = await page.evaluate(async (tags) => {
    const scrolled = window.scrollY;
    window.scrollTo({ top: 0, behavior: 'instant' });
    try {
      return await window.axe!.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    } finally {
      window.scrollTo({ top: scrolled, behavior: 'instant' });
    }
  }, WCAG_TAGS);
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = label.replace(/[^a-z0-9-]+/gi, '_');
  writeFileSync(
    join(REPORT_DIR, `${file}.json`),
    JSON.stringify({ label, url: results.url, violations: results.violations }, null, 2),
  );
  return results;
}

/**
 * Fails (throws) when axe finds a serious or critical WCAG 2.2 AA violation on the page as
 * it is now, listing each one (rule id, impact, target, fix). Lesser findings are returned.
 */
export async function expectAccessible(page: Page, label: string): Promise<Result[]> {
  const { violations } = await runAxe(page, label);
  const failing = violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => FAILING_IMPACTS.includes(node.impact ?? violation.impact ?? 'minor')),
    }))
    .filter((violation) => violation.nodes.length > 0);
  if (failing.length > 0) {
    throw new Error(
      `axe: ${failing.length} serious or critical WCAG 2.2 AA violation(s) on ${label} (${page.url()}):\n${describeViolations(failing)}`,
    );
  }
  return violations.filter((violation) => !failing.some((found) => found.id === violation.id));
}
