/**
 * Diversion with hysteresis: a site goes on diversion when its ED line is
 * above `above` and comes off only when a review finds it below `endBelow`.
 * Checked against the trace: the line read back at every review, run through
 * that two-threshold rule by hand, gives the hours on diversion and exactly
 * the arrivals diverted.
 */
import { describe, expect, it } from 'vitest';
import { hoursOn, network, onAt, problemsOf, readBack, REVIEW, run, TRIP_MINUTES } from './diversion-fixture.js';

const rule = (when: Record<string, unknown>): Record<string, unknown> => ({ when, classes: ['ambulance'], reviewMinutes: REVIEW });

describe('ambulance diversion with hysteresis (endBelow)', () => {
  it('refuses a lower threshold above the upper one, or on a rule with no count, by its path', () => {
    expect(problemsOf(network(rule({ waiting: 'cubicle', above: 2, endBelow: 4 })))).toEqual([
      'sites[0].diversion.when.endBelow: must be at most above + 1 (3): diversion ends when the count falls below it',
    ]);
    expect(problemsOf(network(rule({ noFree: 'cubicle', endBelow: 1 })))).toEqual([
      'sites[0].diversion.when.endBelow: applies to waiting or boarding, not noFree',
    ]);
    expect(problemsOf(network(rule({ waiting: 'cubicle', above: 2, endBelow: -1 })))[0]).toMatch(/^sites\[0\]\.diversion\.when\.endBelow: /);
  });

  it('endBelow one above the threshold is the rule without hysteresis, event for event', () => {
    const plain = run(network(rule({ waiting: 'cubicle', above: 2 })));
    const same = run(network(rule({ waiting: 'cubicle', above: 2, endBelow: 3 })));
    expect(plain.figures['diversion.east.hours']).toBeGreaterThan(24);
    expect(Array.from(same.trace.time)).toEqual(Array.from(plain.trace.time));
    expect(Array.from(same.trace.entity)).toEqual(Array.from(plain.trace.entity));
    for (const [id, value] of Object.entries(plain.figures)) expect(same.figures[id], id).toBe(value);
  });

  it('hours on diversion and diverted arrivals follow the two thresholds, read back from the trace', () => {
    const above = 4;
    const endBelow = 1;
    const { figures, trace } = run(network(rule({ waiting: 'cubicle', above, endBelow })));
    const back = readBack(trace);
    const on: boolean[] = [];
    let now = false;
    for (const line of back.lines) on.push((now = now ? line >= endBelow : line > above));
    // The lower threshold mattered: some reviews kept the site on with a line no longer above 4.
    const heldByHysteresis = back.lines.filter((line, k) => on[k] && line <= above).length;
    expect(heldByHysteresis).toBeGreaterThan(10);
    expect(hoursOn(on)).toBeGreaterThan(24);
    expect(figures['diversion.east.hours']).toBeCloseTo(hoursOn(on), 9);
    const expected = back.arrivals.filter((a) => onAt(on, a.at)).map((a) => a.serial);
    expect(expected.length).toBeGreaterThan(20);
    expect([...back.diverted].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(figures['diversion.east.divertedOut']).toBe(expected.length);
    expect(figures['diversion.travelHours']).toBeCloseTo((expected.length * TRIP_MINUTES) / 60, 9);
  });
});
