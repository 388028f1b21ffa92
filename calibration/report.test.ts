/** What an analyst reads: intervals in one unit and never negative, the log's own interval, the headline counted apart. */
import { describe, expect, it } from 'vitest';
import { valueWithInterval } from './report/duration-section.js';
import { validationMarkdown, validationVerdict } from './report/validation-table.js';
import type { Validation, ValidationRow } from './validate/validate.js';

const row = (figure: string, group: string, kind: ValidationRow['kind'], z: number): ValidationRow => ({
  group,
  figure,
  unit: 'minutes',
  log: 10,
  logSe: 1,
  logCi: [8.04, 11.96],
  sim: 10 + z,
  simCi: [9, 11],
  kind,
  difference: z,
  z,
  verdict: Math.abs(z) <= 2 ? 'agrees' : Math.abs(z) <= 3 ? 'borderline' : 'differs',
});

describe('the report', () => {
  it('shows a duration and its interval in one unit, the lower bound never below 0 (was "44.35 min (-2693 s-2.59 h)")', () => {
    expect(valueWithInterval(44.35, [-44.88, 155.4])).toBe('44.35 min (0.00–155.4 min)');
    expect(valueWithInterval(3.63 * 1440, [-694577 / 60, 17.73 * 1440])).toBe('3.63 d (0.00–17.73 d)');
    expect(valueWithInterval(0.5, [0.25, 0.75])).toBe('30 s (15–45 s)');
    expect(valueWithInterval(90, [NaN, NaN])).toBe('90.00 min');
  });

  it('counts the figures that test the model apart from those fitted from the same counts', () => {
    const v: Validation = {
      replications: 5,
      byPatient: false,
      seed: 1,
      rows: [
        row('median time to first triage', 'Times from arrival', 'test', 0.5),
        row('p90', 'Times from arrival', 'test', 3.5),
        row('a → b', 'Routing (next step after a step)', 'construction', 0.1),
      ],
      leftOut: null,
      log: undefined as never,
      sims: [],
    };
    const line = validationVerdict(v);
    expect(line).toMatch(/^Figures that test the model \(times, stays, occupancy, arrivals, paths\): 1 of 2 agree .* 1 differs/);
    expect(line).toMatch(/fitted from the same counts .*: 1 of 1 agrees/);
    // The log's own interval beside the simulated one.
    expect(validationMarkdown(v)).toContain('| median time to first triage (minutes) | 10.00 (8.040–11.96) | 10.50 (9.000–11.00) |');
  });
});
