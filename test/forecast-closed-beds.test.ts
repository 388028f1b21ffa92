import { describe, expect, it } from 'vitest';
import { builtinScenario, forecastModel, parseScenario, StateError, type HospitalState } from '../scenarios/index.js';
import { runForecastReplication, summariseForecast } from '../workers/index.js';
import { loadStateFile } from '../cli/state-file.js';

/** Beds closed in a ward: the worked example (step-down unit: 6 of 7 beds taken) with beds closed. */
describe('a state with beds closed', async () => {
  const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
  const example = await loadStateFile('examples/state/general-hospital-2026-02-19.json');
  const withClosed = (closedBeds: Record<string, number>): HospitalState => ({ ...example, closedBeds });

  it('the ward has only its open beds for the forecast: never more patients, and full at that number', () => {
    const fm = forecastModel(hospital, withClosed({ stepDown: 1, medicalWard: 20 }), 48);
    const beds = Object.fromEntries(fm.model.resources.filter((r) => r.kind === 'ward').map((r) => [r.name, r.capacity]));
    expect(beds).toEqual({ medicalWard: 128, surgicalWard: 72, stepDown: 6, icu: 7 });
    const reps = Array.from({ length: 20 }, (_, i) => runForecastReplication(fm, 48, 1, i + 1).forecast);
    const s = summariseForecast(fm.model, example.asOf, 48, fm.booked, reps);
    const stepDown = s.wards.find((w) => w.ward === 'stepDown')!;
    expect(stepDown.beds).toBe(6);
    for (const h of stepDown.byHour) expect(h.p90).toBeLessThanOrEqual(6);
    // 6 of 6 open beds taken now: full at hour 0 in every replication.
    expect(stepDown.byHour[0]!.pFull).toBe(1);
    const k = fm.model.resources.filter((r) => r.kind === 'ward').findIndex((r) => r.name === 'stepDown');
    for (const r of reps) expect(Math.max(...r.census[k]!)).toBeLessThanOrEqual(6);
  });

  it('refuses, by path, beds closed in what is not a ward, more than the ward has, or beds with patients in them', () => {
    const problems = (closedBeds: Record<string, number>): string => {
      try {
        forecastModel(hospital, withClosed(closedBeds), 24);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(StateError);
        return (e as Error).message;
      }
    };
    expect(problems({ ct: 1 })).toMatch(/closedBeds\.ct: is not a ward \(wards: medicalWard, surgicalWard, stepDown, icu\)/);
    expect(problems({ icu: 8 })).toMatch(/closedBeds\.icu: 8 beds closed, but icu has 7/);
    expect(problems({ stepDown: 2 })).toMatch(/closedBeds\.stepDown: 2 beds closed and 6 taken by patients, but stepDown has 7/);
  });
});
