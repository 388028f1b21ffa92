/**
 * "Today", a screen of its own: after a simulated run, none of its tiles,
 * charts or timeline; load the Monday example of the general hospital
 * (examples/state/general-hospital-monday.json, 195 patients), see it drawn
 * in 3D with each ward's beds in words, forecast 72 hours in the viewer's
 * worker: the headline in words with weekdays, visible without scrolling,
 * fan charts with dates on the time axis and whole steps of beds, each
 * patient's remaining stay and cost, likely discharges, the booked cases by
 * risk; a broken snapshot is refused by path. A snapshot with its
 * patients in a CSV file (both chosen at once), and one taken from the moment
 * a run's replay shows, forecast from. axe-core; screenshots at 1280×720 and
 * 1920×1080.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinScenario, localMinutes, parseScenario } from '../../scenarios/index.js';
import { loadStateFile } from '../../cli/state-file.js';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { takeState } from '../../workers/index.js';
import { ARTIFACTS, useViewer, type Viewport } from './open-viewer.js';
import { overlapping, seriousAxeViolations } from './page-checks.js';

const example = (name: string): string => fileURLToPath(new URL(`../../examples/state/${name}`, import.meta.url));
const SNAPSHOT = example('general-hospital-monday.json');
const THURSDAY = example('general-hospital-2026-02-19.json');
const THURSDAY_CSV = example('general-hospital-2026-02-19-patients.csv');
const FHIR_BUNDLE = example('fhir-bundle.json');
const FHIR_MAPPING = example('fhir-mapping.json');
const HOSPITAL = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');

/** "N of B beds occupied" for each ward, as the page shows it beside the 3D plan. */
async function censusShown(page: Page): Promise<Record<string, string>> {
  const items = await page
    .locator('[data-testid^=today-census-]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid')!.replace('today-census-', ''), e.querySelector('.census-text')!.textContent!]));
  return Object.fromEntries(items);
}

/** What the page must say for each ward, from the patients of a state: those with that ward hold one of its beds. */
function censusOf(patients: { ward?: string | undefined }[]): Record<string, string> {
  return Object.fromEntries(HOSPITAL.wards.map((w) => [w.id, `${patients.filter((p) => p.ward === w.id).length} of ${w.beds} beds occupied`]));
}
const SIZES: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const WEEKDAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

describe.skipIf(!chromiumAvailable()).each(SIZES)('Today at $width×$height', (size) => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), size);

  it('stands alone after a run: refuses a broken snapshot by path, then forecasts the Monday example in words, charts and per patient', async () => {
    // A simulated run first: its tiles, charts and timeline must not follow the manager into Today.
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 180_000 });
    expect(await page.locator('[data-testid=kpis]').count()).toBe(1);
    // The run's scene is kept while Today is shown (no new WebGL context, shaders or label sizes on the way back).
    // Its canvas mounts after the run's status line; wait for it rather than race it.
    await page.waitForSelector('[data-testid^=scene-view-] canvas', { timeout: 60_000 });
    const keep = (): Promise<boolean | undefined> =>
      page.evaluate(() => {
        const canvas = document.querySelector('[data-testid^=scene-view-] canvas') as (HTMLCanvasElement & { kept?: boolean }) | null;
        if (canvas && canvas.kept === undefined) canvas.kept = true;
        return canvas?.kept;
      });
    expect(await keep()).toBe(true);
    await page.click('[data-testid=tab-today]');
    expect(new URL(page.url()).hash).toBe('#today');
    expect(await page.locator('[data-testid=kpis], [data-testid=timeline], .charts, [data-testid^=figure-]').count()).toBe(0);

    await page.setInputFiles('[data-testid=today-file]', {
      name: 'broken-state.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"asOf": "yesterday", "patients": [{"class": 3}]}'),
    });
    const errors = page.locator('[data-testid=today-errors]');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/broken-state\.json could not be used.*asOf/);

    await page.setInputFiles('[data-testid=today-file]', SNAPSHOT);
    await page.locator('[data-testid=today-snapshot]').waitFor();
    expect(await page.inputValue('[data-testid=today-scenario]')).toBe('builtin:general-hospital');
    // The hospital as it is now, in 3D below the forecast: each ward's beds in words, as the snapshot has them.
    await page.locator('[data-testid=scene-view-2] canvas').waitFor();
    const monday = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { patients: { ward?: string }[] };
    const shown = await censusShown(page);
    for (const [ward, text] of Object.entries(censusOf(monday.patients))) expect(shown[ward], ward).toMatch(new RegExp(`^${text}`));
    expect(await page.textContent('[data-testid=scene-view-2] .scene-title')).toBe(`As of Mon 2 Mar 07:00 · ${monday.patients.length} patients`);
    // The plan names each ward by the scenario's name, as the run replay does: a ward beside others in its department
    // with its beds ("Intensive care: 7/7 beds"), one alone by its department's label (its name); no two words overlap.
    const plan = '[data-testid=scene-view-2]';
    const onPlan = `${plan} .plan-label:not([hidden])`;
    await expect.poll(() => page.locator(`${onPlan}.ward`).count()).toBe(HOSPITAL.wards.length);
    const words = await page.locator(onPlan).allTextContents();
    for (const w of HOSPITAL.wards) {
      const name = w.name ?? w.id;
      const beds = (await page.textContent(`${plan} .plan-label.ward[data-key=ward-${w.id}]`)) ?? '';
      // "Intensive care: 7/7 beds" names "Intensive care unit (level 3)" short; else its department's label is its name.
      const short = beds.includes(': ') ? beds.slice(0, beds.indexOf(': ')) : null;
      if (short !== null) expect(short.length > 0 && name.startsWith(short), `${name} as "${beds}"`).toBe(true);
      else expect(words, `${name} on the plan`).toContain(name);
    }
    expect(await overlapping(page, `${plan} .scene-title, ${plan} .scene-tools button, ${onPlan}`)).toEqual([]);
    await page.fill('[data-testid=today-replications]', '20');
    await page.press('[data-testid=today-replications]', 'Tab');
    await page.click('[data-testid=today-run]');
    await page.locator('[data-testid=today-headline]').waitFor({ timeout: 300_000 });

    // The headline first, in words with weekday and time, per ward and for the ED; discharges and booked cases.
    for (const w of HOSPITAL.wards) {
      expect(await page.textContent(`[data-testid=headline-${w.id}]`)).toMatch(
        new RegExp(
          `^${(w.name ?? w.id).replace(/[()]/g, '\\$&')}, fullest around ${WEEKDAY} \\d\\d:\\d\\d: 80% likely \\d+(–\\d+)? of ${w.beds} beds taken \\(\\d+ now\\); (\\d+% chance of being full then|full in no replication)\\. About \\d+ discharges expected today, \\d+ tomorrow\\.$`,
        ),
      );
    }
    expect(await page.textContent('[data-testid=headline-ed]')).toMatch(
      new RegExp(`^Emergency department, busiest around ${WEEKDAY} \\d\\d:\\d\\d: 80% likely`),
    );
    expect(await page.textContent('[data-testid=headline-discharges]')).toMatch(
      /^Discharges: about \d+ patients are likely to leave today \(Mon 2 Mar\) and \d+ tomorrow \(Tue 3 Mar\)/,
    );
    expect(await page.textContent('[data-testid=headline-booked]')).toMatch(/^Booked cases: \d+ in the next 72 h; /);

    // Visible without scrolling: the headline and the first row of fan charts lie inside the window as it opened.
    expect(await page.evaluate(() => document.querySelector('.today-main')!.scrollTop + window.scrollY)).toBe(0);
    for (const sel of ['[data-testid=today-headline]', '[data-testid=fan-medicalWard]', '[data-testid=fan-surgicalWard]']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y + box.height, sel).toBeLessThanOrEqual(size.height);
    }
    // What the manager sees after pressing Forecast (docs/today-1280x720.png is this one at 1280×720).
    await page.screenshot({ path: `${ARTIFACTS}/today-${size.width}x${size.height}.png`, timeout: 90_000 });

    const fans = await page.locator('[data-testid^=fan-]:is(figure)').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    expect(fans).toContain('fan-ed-waiting');
    for (const w of fans) {
      // The band has a point at every hour from 0 to 72, above and below (ED waiting has no beds line).
      const pts = ((await page.getAttribute(`[data-testid=${w}-band]`, 'points')) ?? '').trim().split(/\s+/);
      expect(pts.length).toBe(2 * 73);
      // The time axis: the start's weekday and time, then weekdays with dates; every label inside the chart.
      const labels = await page.locator(`[data-testid=${w}] .fan-x text`).allTextContents();
      expect(labels[0]).toBe('Mon 07:00');
      expect(labels.slice(1)).toEqual(['Tue 3 Mar', 'Wed 4 Mar', 'Thu 5 Mar']);
      const outside = await page.locator(`[data-testid=${w}] svg`).evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
        }).length;
      });
      expect(outside, w).toBe(0);
      // Beds and patients in whole, evenly spaced steps from 0.
      const ys = (await page.locator(`[data-testid=${w}] .fan-y text`).allTextContents()).map(Number);
      expect(ys[0]).toBe(0);
      for (const y of ys) expect(Number.isInteger(y)).toBe(true);
      for (let k = 2; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBe(ys[1]! - ys[0]!);
    }
    expect(await page.locator('[data-testid=fan-medicalWard-capacity]').count()).toBe(1);

    // Each patient: remaining stay and cost with their 80% intervals, never below 0; sortable.
    const rows = page.locator('[data-testid=today-patients-table] tbody tr');
    expect(await rows.count()).toBe(monday.patients.length);
    const intervals = await page.locator('[data-testid=today-patients-table] td.interval').allTextContents();
    expect(intervals.length).toBe(2 * monday.patients.length);
    expect(intervals.filter((t) => /(^|[\s(–])[-−]\s?\d/.test(t))).toEqual([]);
    await page.click('[data-testid=sort-today]');
    expect(await page.getAttribute('[data-testid=sort-today] >> xpath=..', 'aria-sort')).toBe('ascending');
    await page.click('[data-testid=sort-today]');
    const today = (await page.locator('[data-testid=today-patients-table] tbody tr td:nth-of-type(5)').allTextContents()).map((t) =>
      Number(t.replace('%', '')),
    );
    for (let k = 1; k < today.length; k++) expect(today[k]!).toBeLessThanOrEqual(today[k - 1]!);
    // The bed manager's list: likely discharges with their chances.
    const likely = await page
      .locator('[data-testid=today-discharges-table] tbody tr')
      .evaluateAll((trs) => trs.map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((c) => Number(c.textContent!.replace('%', '')))));
    expect(likely.length).toBeGreaterThan(0);
    for (const [t, m] of likely) expect(t! + m!).toBeGreaterThanOrEqual(49); // 50% or more, each shown rounded

    // Booked cases, riskiest first.
    const risks = await page.locator('[data-testid=today-booked-table] tbody tr').evaluateAll((trs) =>
      trs.map((r) => {
        const cells = r.querySelectorAll('td');
        return Number(cells[2]!.textContent!.replace('%', '')) + Number(cells[4]!.textContent!.replace('%', ''));
      }),
    );
    expect(risks.length).toBeGreaterThan(0);
    for (let i = 1; i < risks.length; i++) expect(risks[i]!).toBeLessThanOrEqual(risks[i - 1]! + 1); // each shown rounded to 1%
    await page.screenshot({ path: `${ARTIFACTS}/today-patients-${size.width}x${size.height}.png`, timeout: 90_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Back on the run, its scene is the one it left: the same canvas, drawn again rather than built again.
    await page.click('[data-testid=tab-run]');
    expect(await page.evaluate(() => (document.querySelector('[data-testid=scene-view-0] canvas') as HTMLCanvasElement & { kept?: boolean }).kept)).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});

describe.skipIf(!chromiumAvailable())('Today from a CSV snapshot and from a replay moment', () => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1920, height: 1080 });

  it('draws a full hospital whose patients come in a CSV file chosen with its JSON, ward by ward as the file has them', async () => {
    await page.click('[data-testid=tab-today]');
    await page.setInputFiles('[data-testid=today-file]', THURSDAY);
    expect(await page.locator('[data-testid=today-errors]').textContent()).toMatch(
      /names general-hospital-2026-02-19-patients\.csv: choose that file together with it/,
    );
    await page.setInputFiles('[data-testid=today-file]', [THURSDAY, THURSDAY_CSV]);
    await page.locator('[data-testid=scene-view-2] canvas').waitFor();
    const rows = readFileSync(THURSDAY_CSV, 'utf8').trim().split('\n').slice(1);
    const wardColumn = 5; // id,class,step,occurrence,waiting,ward,...
    const shown = await censusShown(page);
    const expected = censusOf(rows.map((r) => ({ ward: r.split(',')[wardColumn] || undefined })));
    for (const [ward, text] of Object.entries(expected)) expect(shown[ward], ward).toMatch(new RegExp(`^${text}`));
    expect(await page.textContent('[data-testid=today-snapshot]')).toContain(`${rows.length} patients in the hospital`);
    // A click on a bed or patient of the plan says who or what it is.
    const canvas = page.locator('[data-testid=scene-view-2] canvas');
    const card = page.locator('[data-testid=today-selection]');
    search: for (let row = 0; row < 12; row++) {
      for (let col = 0; col < 16; col++) {
        // The box is read at each click: a canvas just added is 300 x 150 until
        // the scene sizes it, and clicks placed by that box missed every bed.
        const box = (await canvas.boundingBox())!;
        await canvas.click({ position: { x: box.width * (0.3 + col * 0.03), y: box.height * (0.55 + row * 0.03) } });
        if ((await card.count()) > 0) break search;
      }
    }
    expect(await card.count()).toBe(1);
    const what = (await card.textContent())!;
    // A bed ("Medical wards 12 of 148 busy: P2003 (Ambulance)") or a patient ("P2003 · … · Medical wards · in step …").
    expect(what).toMatch(/ of \d+.*(free|busy|closed|broken)| · .* step /);
    await page.screenshot({ path: `${ARTIFACTS}/today-csv-1920x1080.png`, timeout: 90_000 });
    await card.locator('button.close').click();
    expect(await card.count()).toBe(0);
  }, 120_000);

  it('draws a FHIR Bundle chosen with its mapping file as `forecast --fhir-map` reads it', async () => {
    await page.setInputFiles('[data-testid=today-file]', [FHIR_BUNDLE, FHIR_MAPPING]);
    await page.locator('[data-testid=today-snapshot] >> text=/fhir-bundle\\.json \\(FHIR, mapped by fhir-mapping\\.json\\)/').waitFor();
    const state = await loadStateFile(FHIR_BUNDLE, { fhirMap: FHIR_MAPPING });
    const shown = await censusShown(page);
    for (const [ward, text] of Object.entries(censusOf(state.patients))) expect(shown[ward], ward).toMatch(new RegExp(`^${text}`));
    expect(await page.textContent('[data-testid=today-snapshot]')).toContain(`as of 2026-03-02 07:00, ${state.patients.length} patients`);
  }, 60_000);

  it('says which staff are on duty and which units are out of order when the snapshot gives them', async () => {
    const monday = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown>;
    const state = { ...monday, staffOnDuty: { edDoctor: 1 }, outOfOrder: [{ resource: 'ct', until: '2026-03-02T15:00' }] };
    await page.setInputFiles('[data-testid=today-file]', {
      name: 'short-staffed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(state)),
    });
    await page.locator('[data-testid=today-out-of-order]').waitFor();
    expect(await page.textContent('[data-testid=today-out-of-order]')).toBe('Out of order: CT (1 unit) until 2026-03-02 15:00.');
    const staff = (await page.textContent('[data-testid=today-staff]'))!;
    expect(staff).toContain('(as the snapshot gives them; the rest by the roster)');
    expect(staff).toContain('ED doctors (all grades) 1,');
  }, 60_000);

  it("takes a snapshot of the moment a run's replay shows, draws it, and forecasts from it", async () => {
    await page.click('[data-testid=tab-run]');
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 180_000 });
    await page.locator('[data-testid=scrubber]').fill(String(30 * 1440 + 14 * 60 + 20)); // day 30, 14:20
    const button = page.locator('[data-testid=snapshot-of-replay]');
    expect(await button.textContent()).toContain('Wed 4 Feb 14:20');
    await button.click();
    expect(await page.getAttribute('[data-testid=tab-today]', 'aria-selected')).toBe('true');
    await page.locator('[data-testid=scene-view-2] canvas').waitFor({ timeout: 60_000 });
    const line = (await page.textContent('[data-testid=today-snapshot]'))!;
    expect(line).toMatch(/^Run 1 \(.*\) at Wed 4 Feb 14:20: as of 2026-02-04 14:20, \d+ patients/);
    expect(await page.inputValue('[data-testid=today-scenario]')).toBe('builtin:general-hospital');
    // The same moment taken as `hospital-twin export-state` takes it: the quick run's settings, replication 1.
    const at = localMinutes('2026-02-04T14:20') - localMinutes(HOSPITAL.start);
    const taken = takeState({ ...HOSPITAL, horizonDays: 28, replications: 3 }, at, HOSPITAL.seed);
    expect(line).toContain(`${taken.state.patients.length} patients in the hospital`);
    const shown = await censusShown(page);
    for (const [ward, text] of Object.entries(censusOf(taken.state.patients))) expect(shown[ward], ward).toMatch(new RegExp(`^${text}`));

    await page.fill('[data-testid=today-hours]', '24');
    await page.press('[data-testid=today-hours]', 'Tab');
    await page.fill('[data-testid=today-replications]', '20');
    await page.press('[data-testid=today-replications]', 'Tab');
    await page.click('[data-testid=today-run]');
    await page.locator('[data-testid=fan-medicalWard]').waitFor({ timeout: 150_000 });
    const label = (await page.getAttribute('[data-testid=fan-medicalWard] svg', 'aria-label'))!;
    expect(label).toMatch(/^Medical wards, fullest around (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d: 80% likely \d+(–\d+)? of 148 beds taken/);
    await page.screenshot({ path: `${ARTIFACTS}/today-from-replay-1920x1080.png`, timeout: 90_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 420_000);
});
