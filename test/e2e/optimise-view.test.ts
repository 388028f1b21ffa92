/**
 * Opening an optimisation result in the viewer: the optimise.json the CLI
 * wrote for workers/optimise/examples/mmc-staffing.yaml (Erlang C's answer is
 * 7 servers) shows its answer, objective-vs-evaluations plot and selection
 * table; the best is compared with the base scenario named in the file; a
 * file that is not a result is refused with its problems by path. axe-core
 * on the report; screenshots at 1280×720.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const RESULT = fileURLToPath(new URL('../../workers/optimise/examples/mmc-staffing.optimise.json', import.meta.url));

describe.skipIf(!chromiumAvailable())('an optimisation result at 1280×720', () => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${ARTIFACTS}/optimise-1280x720-${name}.png` });

  it('refuses a file that is not an optimisation result, by path', async () => {
    await page.setInputFiles('[data-testid=optimise-file]', {
      name: 'not-a-result.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"name": "x", "history": 3}'),
    });
    const errors = page.locator('[data-testid=optimise-errors]');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('not-a-result.json could not be opened');
    for (const path of ['objective:', 'history:', 'base:', 'bestScenario:']) expect(text).toContain(path);
    await page.click('[data-testid=optimise-errors] >> text=Dismiss');
  }, 60_000);

  it('shows the answer, the plot of every evaluation and the selection table', async () => {
    const json = JSON.parse(await readFile(RESULT, 'utf8')) as { history: unknown[]; candidates: unknown[]; chosen: { values: { servers: number } } };
    await page.setInputFiles('[data-testid=optimise-file]', RESULT);
    await page.locator('[data-testid=optimise-report]').waitFor();
    expect(await page.textContent('[data-testid=optimise-answer]')).toMatch(new RegExp(`^Best: servers = ${json.chosen.values.servers}\\.`));
    expect(json.chosen.values.servers).toBe(7); // Erlang C's optimum, as the CLI found it
    expect(await page.locator('[data-testid=optimise-point]').count()).toBe(json.history.length);
    expect(await page.getAttribute('[data-testid=optimise-best-line]', 'd')).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/);
    expect(await page.locator('[data-testid=optimise-table] tbody tr').count()).toBe(json.candidates.length);
    expect(await page.textContent('[data-testid=optimise-chosen-row]')).toContain('servers = 7');
    await shot('1-report');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it('compares the best with the base named in the file', async () => {
    await page.click('[data-testid=optimise-compare]');
    expect(await page.getAttribute('[data-testid=tab-compare]', 'aria-selected')).toBe('true');
    expect(await page.inputValue('[data-testid=compare-a]')).toBe('optimise:mmc-staffing:base');
    expect(await page.inputValue('[data-testid=compare-b]')).toBe('optimise:mmc-staffing:best');
    const sentence = page.locator('[data-testid=verdict-sentence]');
    await sentence.waitFor({ timeout: 150_000 });
    expect(await sentence.textContent()).toMatch(/^B /);
    await shot('2-compared');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
