/**
 * Opening an optimisation result in the viewer: the optimise.json the CLI
 * wrote for workers/optimise/examples/mmc-staffing.yaml (Erlang C's answer is
 * 7 servers) shows its answer, objective-vs-evaluations plot and selection
 * table, with the objective in plain words; the best is compared with the
 * base named in the file, with the optimiser's replications, and the verdict
 * says what the best buys and why it was chosen; then the picker and the Run
 * view both show the best. A file that is not a result is refused with its
 * problems by path. axe-core on the report; screenshots at 1280×720.
 * A theatre schedule's result (theatre-schedule.json) opens as its week: a
 * table of theatres by weekday with the proposed list of each day against
 * today's (schedule A), and the figures side by side; at 1280×720 and
 * 1920×1080, with axe-core.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const RESULT = fileURLToPath(new URL('../../workers/optimise/examples/mmc-staffing.optimise.json', import.meta.url));
/** Written by `hospital-twin optimise test/e2e/fixtures/theatre-week.yaml` (the general hospital at small sizes). */
const THEATRE_WEEK = fileURLToPath(new URL('./fixtures/theatre-week.json', import.meta.url));

interface WeekJson {
  chosen: { schedule: (string | null)[][] };
  builtins: { name: string; schedule: (string | null)[][] }[];
  problem: { theatres: string[] };
}

/** Opens the theatre week and checks the grid against the file: a row per theatre, a column per weekday, each day's list and whether it changed from today's. */
async function checkTheatreWeek(page: Page, shot: (name: string) => Promise<Buffer>): Promise<void> {
  const json = JSON.parse(await readFile(THEATRE_WEEK, 'utf8')) as WeekJson;
  await page.setInputFiles('[data-testid=optimise-file]', THEATRE_WEEK);
  const grid = page.locator('[data-testid=theatre-week-grid]');
  await grid.waitFor();
  expect(await grid.locator('thead th[scope=col]').allTextContents()).toEqual(['Theatre', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
  expect(await grid.locator('tbody th[scope=row]').allTextContents()).toEqual(json.problem.theatres.map((t) => `Theatre ${t}`));
  const today = json.builtins.find((b) => b.name === 'A')!.schedule;
  let changed = 0;
  const words: Record<string, string> = {
    arthroplasty: 'Joint replacement',
    generalMajor: 'General surgery, major',
    generalMinor: 'General surgery, minor',
    gynae: 'Gynaecology',
    urology: 'Urology',
  };
  for (const [t, row] of json.chosen.schedule.entries())
    for (const [d, list] of row.entries()) {
      const text = (await page.textContent(`[data-testid=week-cell-${t}-${d}]`)) ?? '';
      expect(text.startsWith(words[list!]!)).toBe(true);
      if (list !== today[t]![d]) {
        changed++;
        expect(text).toContain(`changed from ${words[today[t]![d]!]}`);
      } else expect(text).toContain('as today');
    }
  expect(changed).toBeGreaterThan(0);
  expect(await page.textContent('[data-testid=theatre-week-answer]')).toMatch(
    new RegExp(`^The proposed week changes ${changed} of 15 theatre-days from today \\(Schedule A\\)\\. It ties with schedule A on the schedule objective`),
  );
  // The figures in words, side by side with A and B, and no figure id shown.
  const figures = (await page.textContent('[data-testid=theatre-week-figures]')) ?? '';
  for (const words of ['Elective cancellations per week', 'Peak ward beds', 'Schedule A (today)', 'Schedule B', 'Proposed − schedule A'])
    expect(figures).toContain(words);
  expect(figures).not.toMatch(/theatre\.\w+/);
  await shot('theatre-week');
  expect(await seriousAxeViolations(page)).toEqual([]);
}

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
    // The objective in the catalogue's words, not as ids ("cost.total + 7200·queue.server.mean").
    const report = (await page.textContent('[data-testid=optimise-report]')) ?? '';
    expect(report).toContain('Total cost + 7,200 × patients waiting for');
    expect(report).not.toMatch(/cost\.total|queue\.server|\d·[a-z]/);
    // Opening a result does not change the scenario the picker names (Run still shows what it showed).
    expect(await page.inputValue('[data-testid=scenario-select]')).not.toBe('optimise:mmc-staffing:best');
    await shot('1-report');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it('compares the best with the base named in the file, says what it buys and why, then shows the best everywhere', async () => {
    const json = JSON.parse(await readFile(RESULT, 'utf8')) as { chosen: { n: number } };
    await page.click('[data-testid=optimise-compare]');
    expect(await page.getAttribute('[data-testid=tab-compare]', 'aria-selected')).toBe('true');
    expect(await page.inputValue('[data-testid=compare-a]')).toBe('optimise:mmc-staffing:base');
    expect(await page.inputValue('[data-testid=compare-b]')).toBe('optimise:mmc-staffing:best');
    const sentence = page.locator('[data-testid=verdict-sentence]');
    await sentence.waitFor({ timeout: 240_000 });
    const text = (await sentence.textContent()) ?? '';
    // What the best buys for its money, and why it was chosen, in the objective's words.
    expect(text).toMatch(/^B costs [\d,]+ more over 60 days \(([+-][\d,.]+) per patient\) and moves mean wait for server from [\d.]+ min to [\d.]+ min/i);
    expect(await page.textContent('[data-testid=verdict-why]')).toMatch(
      /chose servers = 7 as the lowest total cost \+ 7,200 × patients waiting for server, mean .*over 15 replications/i,
    );
    // The sentence and the table of differences round the cost per patient alike.
    const perPatient = /\(([+-][\d,.]+) per patient\)/.exec(text)![1]!;
    expect(((await page.textContent('[data-testid="diff-cost.perPatient"] .diff')) ?? '').startsWith(perPatient)).toBe(true);
    // As many replications as the optimiser gave the best (15), not a quick 3.
    expect(await page.inputValue('[data-testid=compare-replications]')).toBe(String(json.chosen.n));
    await shot('2-compared');
    // Then the picker, and the Run view, show the best.
    expect(await page.inputValue('[data-testid=scenario-select]')).toBe('optimise:mmc-staffing:best');
    await page.click('[data-testid=tab-run]');
    expect(await page.textContent('.scene-title')).toContain('mmc-staffing: best');
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it("shows a theatre schedule's week: each theatre-day's proposed list against today's, in a table with headers", async () => {
    await checkTheatreWeek(page, shot);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe.skipIf(!chromiumAvailable())('a theatre schedule result at 1920×1080', () => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1920, height: 1080 });

  it('shows the week grid whole, without scrolling sideways', async () => {
    await checkTheatreWeek(page, (name) => page.screenshot({ path: `${ARTIFACTS}/optimise-1920x1080-${name}.png` }));
    const fits = await page.$eval('[data-testid=theatre-week-grid]', (t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth);
    expect(fits).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
