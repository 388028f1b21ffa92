/**
 * Compare of two networks in the viewer: the built-ins consortium (a shared
 * DSA) and consortium-own-dsa (a DSA at each county), run in the Compare tab
 * with the quick settings, say for each site and for the region what changes,
 * in the words the same runs computed here give (a replication is the same
 * bit for bit in a browser worker and in Node). axe-core (no serious or
 * critical problem) and screenshots at 1280×720 and 1920×1080.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario, scenarioFigureContext } from '../../scenarios/index.js';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { siteDifferences } from '../../viewer/src/compare/site-differences.js';
import { compareResults, runScenario } from '../../workers/index.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const parsed = (name: string) => parseScenario(builtinScenario(name)!.document, name);

describe.skipIf(!chromiumAvailable())('compare of two networks in the viewer', () => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });

  it('consortium against consortium-own-dsa: a sentence per site by name and one for the region, as computed here', async () => {
    await page.click('[data-testid=tab-compare]');
    await page.selectOption('[data-testid=compare-a]', 'builtin:consortium');
    await page.selectOption('[data-testid=compare-b]', 'builtin:consortium-own-dsa');
    // The settings the tab offers (its quick settings: a few replications of a few weeks), read as shown.
    const replications = Number(await page.inputValue('[data-testid=compare-replications]'));
    const horizonDays = Number(await page.inputValue('[data-testid=compare-days]'));
    expect(replications).toBeGreaterThanOrEqual(2);
    await page.click('[data-testid=compare-run]');
    await page.waitForSelector('[data-testid=site-differences]', { timeout: 280_000 });

    // The same two runs here, as the viewer sets them (runner.ts withSettings): A's seed for both.
    const [a, b] = [parsed('consortium'), parsed('consortium-own-dsa')];
    const run = (s: typeof a) => runScenario({ ...s, replications, seed: a.seed, horizonDays });
    const diff = compareResults(await run(a), await run(b));
    const expected = siteDifferences(diff, scenarioFigureContext(a, b), a, b);
    expect(expected.map((r) => r.id)).toEqual(['tertiary', 'east', 'north', 'west', 'region']);
    for (const r of expected) {
      const shown = (await page.textContent(`[data-testid=site-diff-${r.id}]`))!;
      expect(shown.startsWith(r.sentence), `${r.id}: ${shown}`).toBe(true);
    }
    // Each sentence says what the site costs after charges, and the region's what the region pays in total.
    for (const county of ['East', 'North', 'West'])
      expect(await page.textContent(`[data-testid=site-diff-${county.toLowerCase()}]`)).toMatch(
        new RegExp(
          `^${county} county hospital costs (more, after internal charges, by|less, after internal charges, by|about the same after internal charges)`,
        ),
      );
    expect(await page.textContent('[data-testid=site-diff-region]')).toMatch(
      /^The region \(all sites\) costs (more in total by|less in total by|about the same in total)/,
    );

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-testid=site-differences]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/compare-networks-1280x720.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid=site-diff-region]').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/compare-networks-1920x1080.png` });
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
