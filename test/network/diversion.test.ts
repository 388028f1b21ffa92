/**
 * Ambulance diversion end to end, from a network document: refused with every
 * problem by its path; a rule whose threshold is never reached leaves the trace
 * exactly as without it; and with one that is, the hours on diversion and the
 * diverted arrivals agree with the trace (the line at the ED read back from its
 * request and seize rows at every review, and the arrivals inside the spells).
 */
import { describe, expect, it } from 'vitest';
import type { TraceData } from '../../sim-core/index.js';
import { describeFigure } from '../../scenarios/index.js';
import { hoursOn, network, onAt, problemsOf, readBack, REVIEW, run, TRIP_MINUTES } from './diversion-fixture.js';

const rule = (above: number): Record<string, unknown> => ({ when: { waiting: 'cubicle', above }, classes: ['ambulance'], reviewMinutes: REVIEW });

describe('ambulance diversion in a network', () => {
  it('refuses a rule that names what its site or the network does not have, each by its path', () => {
    const bad = network({ when: { waiting: 'cubicles', noFree: 'cubicle' }, classes: ['ambulanse'], to: { among: ['east', 'north'] } });
    const problems = problemsOf(bad);
    expect(problems).toContain('sites[0].diversion.when: must name exactly one of waiting, boarding or noFree');
    expect(problems.some((p) => p.startsWith('sites[0].diversion.classes[0]: is not a class of site "east"'))).toBe(true);
    expect(problems).toContain('sites[0].diversion.to.among[0]: is the site itself: a diverted patient goes elsewhere');
    expect(problems.some((p) => p.startsWith('sites[0].diversion.to.among[1]: is not a site'))).toBe(true);
    const noResource = problemsOf(network({ when: { noFree: 'icu' }, classes: ['ambulance'] }));
    expect(noResource).toEqual(['sites[0].diversion.when.noFree: is not a resource of site "east"']);
    const east = (network().sites as Record<string, unknown>[])[0]!;
    const alone = { name: 'alone', sites: [{ id: 'east', hospital: east.hospital, diversion: rule(2) }] };
    expect(problemsOf(alone)).toEqual(['sites[0].diversion: needs another site to divert to']);
    const noClassThere = network({ ...rule(2), classes: ['walkIn'], pathway: 'nowhere' });
    expect(problemsOf(noClassThere)).toEqual(['sites[0].diversion.pathway: is not a pathway of site "tertiary"']);
    expect(problemsOf(network({ ...rule(2), minimumMinutes: -30 }))).toEqual(['sites[0].diversion.minimumMinutes: must be 0 or more, got -30']);
    const tooLong = problemsOf(network({ ...rule(2), minimumMinutes: 20_000 }));
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]).toMatch(/^sites\[0\]\.diversion\.minimumMinutes: must be at most 10080 \(a week\)/);
    expect(problemsOf(network({ ...rule(2), minimumMinutes: 'an hour' })).some((p) => p.startsWith('sites[0].diversion.minimumMinutes: '))).toBe(true);
  });

  it('a minimum spell, from the network file: the line read back from the trace, run through the rule held 2 hours, gives the hours and the arrivals diverted', () => {
    const plain = run(network(rule(2)));
    const held = run(network({ ...rule(2), minimumMinutes: 120 }));
    const back = readBack(held.trace);
    // At each review: on while inside a spell begun less than 120 minutes before, else while the line is above 2.
    const on: boolean[] = [];
    let since = -1;
    back.lines.forEach((line, k) => {
      const inSpell = k > 0 && on[k - 1]! && (k - since) * REVIEW < 120;
      on.push(inSpell || line > 2);
      if (on[k] && !(k > 0 && on[k - 1])) since = k;
    });
    expect(held.figures['diversion.east.hours']).toBeCloseTo(hoursOn(on), 9);
    const expected = back.arrivals.filter((a) => onAt(on, a.at)).map((a) => a.serial);
    expect([...back.diverted].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    // Held at least 2 hours once on: more hours on diversion and more arrivals diverted than the same rule without.
    expect(held.figures['diversion.east.hours']!).toBeGreaterThan(plain.figures['diversion.east.hours']!);
    expect(held.figures['diversion.east.divertedOut']!).toBeGreaterThan(plain.figures['diversion.east.divertedOut']!);
  });

  it('a threshold never reached gives the same trace as no rule, event for event', () => {
    const without = run(network());
    const never = run(network(rule(1_000_000)));
    expect(never.trace.length).toBe(without.trace.length);
    expect(Array.from(never.trace.time)).toEqual(Array.from(without.trace.time));
    expect(Array.from(never.trace.entity)).toEqual(Array.from(without.trace.entity));
    const words = (t: TraceData): string[] => Array.from(t.what, (w, i) => `${t.whatNames[w]} ${t.whereNames[t.where[i]!]}`);
    expect(words(never.trace)).toEqual(words(without.trace));
    expect(never.figures['diversion.east.hours']).toBe(0);
    expect(never.figures['diversion.east.divertedOut']).toBe(0);
    for (const [id, value] of Object.entries(without.figures)) expect(never.figures[id], id).toBe(value);
  });

  it('hours on diversion and diverted arrivals agree with the line read back from the trace', () => {
    const { figures, trace } = run(network(rule(2)));
    // The line for east's cubicles at each review (k·15, after everything at that minute), read back from the trace; on while above 2.
    const back = readBack(trace);
    const on = back.lines.map((line) => line > 2);
    const minutesOn = hoursOn(on) * 60;
    expect(minutesOn).toBeGreaterThan(24 * 60);
    expect(figures['diversion.east.hours']).toBeCloseTo(minutesOn / 60, 9);
    // Diverted: exactly the ambulance arrivals after a review that found the site on (an arrival at a review's minute comes before it).
    const expected = back.arrivals.filter((a) => onAt(on, a.at)).map((a) => a.serial);
    expect(expected.length).toBeGreaterThan(20);
    expect([...back.diverted].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(figures['diversion.east.divertedOut']).toBe(expected.length);
    expect(figures['diversion.tertiary.divertedIn']).toBe(expected.length);
    expect(figures['diversion.travelHours']).toBeCloseTo((expected.length * TRIP_MINUTES) / 60, 9);
    const ctx = { kindOf: new Map(), surgicalClasses: new Set<string>(), names: new Map([['east', 'East county']]) };
    expect(describeFigure('diversion.east.hours', ctx)).toMatchObject({
      label: 'Site East county: hours on ambulance diversion',
      unit: 'hours',
      direction: 'lowerIsBetter',
    });
  });
});
