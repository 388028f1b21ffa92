/**
 * Diversion of some acuities only (`only: { attribute, values }`): while East
 * county is on diversion, its ambulance patients of acuity 2 and 3 go to the
 * tertiary site and those of acuity 1 stay. Checked against the trace: the
 * spells rebuilt from the line at every review, and each patient's acuity
 * read from its treatment (acuity 1 is a resuscitation), give exactly the
 * patients diverted and the hours on diversion.
 */
import { describe, expect, it } from 'vitest';
import { HORIZON_DAYS, hoursOn, network, onAt, problemsOf, readBack, REVIEW, run } from './diversion-fixture.js';

const ABOVE = 2;
const rule = (only: Record<string, unknown>, classes = ['ambulance']): Record<string, unknown> => ({
  when: { waiting: 'cubicle', above: ABOVE },
  classes,
  only,
  reviewMinutes: REVIEW,
});

describe('ambulance diversion of some acuities only', () => {
  it('refuses an attribute the diverted class lacks, or a value it never takes, by its path', () => {
    expect(problemsOf(network(rule({ attribute: 'acuty', values: [2] })))).toEqual([
      'sites[0].diversion.only.attribute: class "ambulance" of site "east" has no attribute "acuty"; did you mean "acuity"?',
    ]);
    expect(problemsOf(network(rule({ attribute: 'acuity', values: [2, 4] })))).toEqual([
      'sites[0].diversion.only.values[1]: "4" is not a value of "acuity" (values: "1", "2", "3")',
    ]);
    expect(problemsOf(network(rule({ attribute: 'acuity', values: [] })))[0]).toMatch(/^sites\[0\]\.diversion\.only\.values: /);
    expect(problemsOf(network(rule({ attribute: 'acuity', values: [2] }, ['ambulance', 'walkIn'])))).toEqual([
      'sites[0].diversion.only.attribute: class "walkIn" of site "east" has no attribute "acuity"',
    ]);
  });

  it('sends away exactly the less urgent ambulance arrivals during the spells read back from the trace', () => {
    const { figures, trace } = run(network(rule({ attribute: 'acuity', values: [2, 3] })));
    const back = readBack(trace);
    const on = back.lines.map((line) => line > ABOVE);
    expect(figures['diversion.east.hours']).toBeCloseTo(hoursOn(on), 9);
    expect(hoursOn(on)).toBeGreaterThan(24);
    // Arrivals before the last day all started treatment somewhere, so their acuity is known.
    const known = back.arrivals.filter((a) => a.at < (HORIZON_DAYS - 1) * 1440);
    for (const a of known) expect(back.treated.has(a.serial), `patient ${a.serial}`).toBe(true);
    const during = known.filter((a) => onAt(on, a.at));
    const urgentDuring = during.filter((a) => back.urgent.has(a.serial));
    expect(urgentDuring.length).toBeGreaterThan(5);
    for (const a of urgentDuring) expect(back.diverted.has(a.serial), `urgent patient ${a.serial} diverted`).toBe(false);
    const expected = during.filter((a) => !back.urgent.has(a.serial)).map((a) => a.serial);
    expect(expected.length).toBeGreaterThan(20);
    const divertedKnown = [...back.diverted].filter((p) => known.some((a) => a.serial === p));
    expect(divertedKnown.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    // Over the whole run: every diverted patient arrived in a spell, and the figure counts them.
    const all = back.arrivals.filter((a) => onAt(on, a.at) && !back.urgent.has(a.serial)).map((a) => a.serial);
    for (const p of back.diverted) expect(all).toContain(p);
    expect(figures['diversion.east.divertedOut']).toBe(back.diverted.size);
  });
});
