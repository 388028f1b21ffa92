import { describe, expect, it } from 'vitest';
import type { DivertStep, HospitalModel, StepModel } from '../index.js';
import { holdFor, runTiny, seizeOf } from './test-model.js';

/**
 * Site a: pathway 0 is the divert step, pathway 1 its own care (cubicle A, 60 minutes);
 * site b: pathway 2 (cubicle B, 60 minutes), 30 minutes away; site c: pathway 3 (cubicle C), 50 minutes away.
 */
function network(divert: Partial<DivertStep>, arrivals: number[]): HospitalModel {
  const care = (r: number, activity: string): StepModel[] => [seizeOf([r]), holdFor(60, activity), { op: 'release', resources: [r] }];
  const step: DivertStep = {
    op: 'divert',
    site: 'a',
    condition: { kind: 'waiting', resource: 0, above: 0 },
    reviewMinutes: 10,
    stay: 1,
    rule: 'nearest',
    destinations: [{ site: 'b', pathway: 2, travel: { type: 'constant', value: 30 }, meanMinutes: 30 }],
    ...divert,
  };
  return {
    startMinuteOfWeek: 0,
    warmup: 0,
    horizon: 1440,
    resources: ['cubicleA', 'cubicleB', 'cubicleC'].map((name) => ({
      name,
      kind: 'pool' as const,
      department: 'ed',
      capacity: 1,
      costPerBusyHour: 0,
      costPerIdleHour: 0,
      overtimePremiumPerHour: 0,
      fixedCostPerDay: 0,
    })),
    items: [],
    attributes: [],
    classes: [
      {
        name: 'ambulance',
        department: 'ed',
        emergencyDepartment: false,
        priority: 0,
        arrivals: { type: 'list', entries: arrivals.map((at) => ({ at, count: 1, attributes: [] })) },
        attributes: [],
        pathway: 0,
      },
    ],
    pathways: [
      { name: 'a_divert-ambulance', steps: [step] },
      { name: 'a_ed', steps: care(0, 'care-a') },
      { name: 'b_ed', steps: care(1, 'care-b') },
      { name: 'c_ed', steps: care(2, 'care-c') },
    ],
    penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 },
    sites: [
      { id: 'a', prefix: 'a_' },
      { id: 'b', prefix: 'b_' },
      { id: 'c', prefix: 'c_' },
    ],
  };
}

const toC = { site: 'c', pathway: 3, travel: { type: 'constant' as const, value: 50 }, meanMinutes: 50 };
const toB = { site: 'b', pathway: 2, travel: { type: 'constant' as const, value: 30 }, meanMinutes: 30 };

describe('divert: ambulance diversion while the site is over its threshold', () => {
  // By hand: 0: two arrive, one takes cubicle A (0-60), one waits; the review at 0 sees a line of 1 > 0: on.
  // 5 and 60 arrive on diversion (the 60 arrival comes before that minute's review): to b, 30 minutes each.
  // 60: A is given back and taken by the one waiting; the review at 60 sees no line: off. 70 stays at a and waits
  // for A (busy to 120): on again from the review at 70 to the one at 120. On 60 + 50 minutes.
  it('sends new arrivals to the other site while on diversion, with the trip, and keeps them at home otherwise', () => {
    const run = runTiny(network({}, [0, 0, 5, 60, 70]));
    const [p1, p2, p3, p4, p5] = run.patients;
    expect(p1!.activities).toEqual([['care-a', 0, 60]]);
    expect(p2!.activities).toEqual([['care-a', 60, 120]]);
    expect(p3!.activities).toEqual([
      ['diversion:a', 5, 35],
      ['care-b', 35, 95],
    ]);
    expect(p4!.activities).toEqual([
      ['diversion:a', 60, 90],
      ['care-b', 95, 155],
    ]);
    expect(p5!.activities).toEqual([['care-a', 120, 180]]);
    expect(run.figures['diversion.a.hours']).toBeCloseTo(110 / 60, 12);
    expect(run.figures['diversion.a.divertedOut']).toBe(2);
    expect(run.figures['diversion.b.divertedIn']).toBe(2);
    expect(run.figures['diversion.c.divertedIn']).toBe(0);
    expect(run.figures['diversion.travelHours']).toBe(1);
  });

  it('a trip that leaves in an hour with a time of its own takes it', () => {
    const slowFirstHour = { ...toB, travelByHour: Array.from({ length: 24 }, (_, h) => ({ type: 'constant' as const, value: h === 0 ? 45 : 30 })) };
    const run = runTiny(network({ destinations: [slowFirstHour] }, [0, 0, 5, 60]));
    expect(run.patients[2]!.activities[0]).toEqual(['diversion:a', 5, 50]);
    expect(run.patients[3]!.activities[0]).toEqual(['diversion:a', 60, 90]);
  });

  it('goes to the nearest site, and round-robin takes turns', () => {
    const nearest = runTiny(network({ destinations: [toC, toB] }, [0, 0, 5]));
    expect(nearest.patients[2]!.activities[1]).toEqual(['care-b', 35, 95]);
    const turns = runTiny(network({ rule: 'round-robin', destinations: [toC, toB] }, [0, 0, 5, 6]));
    expect(turns.patients[2]!.activities[1]).toEqual(['care-c', 55, 115]);
    expect(turns.patients[3]!.activities[1]).toEqual(['care-b', 36, 96]);
  });

  it('passes over a site on diversion itself: with nowhere open, the patient stays', () => {
    // b's rule (no cubicle B free) is on from the review at 0, when an arrival at b holds it.
    const model = network({}, [0, 0, 5]);
    const atB: DivertStep = { ...(model.pathways[0]!.steps[0] as DivertStep), site: 'b', condition: { kind: 'noFree', resource: 1, above: 0 }, stay: 2 };
    model.pathways.push({ name: 'b_divert-ambulance', steps: [atB] });
    model.classes.push({ ...model.classes[0]!, name: 'ambulanceB', pathway: 4, arrivals: { type: 'list', entries: [{ at: 0, count: 1, attributes: [] }] } });
    const run = runTiny(model);
    const third = run.patients.find((p) => p.arrived === 5)!;
    expect(third.activities).toEqual([['care-a', 120, 180]]);
    expect(run.figures['diversion.b.hours']).toBe(1);
    expect(run.figures['diversion.a.divertedOut']).toBe(0);
  });

  // The first case again with a minimum spell of 90 minutes. By hand: on from the review at 0; the reviews at
  // 60, 70 and 80 fall inside the spell and do not end it (at 60 the line is empty, which alone would end it). So
  // the 70 arrival is diverted too (to b at 100, where cubicle B is busy with the others until 155). The review at
  // 90, the first past the minimum, sees no line at A: off. On 90 minutes, 3 diverted.
  it('a minimum spell keeps the site on diversion through reviews that would end it', () => {
    const run = runTiny(network({ minimumMinutes: 90 }, [0, 0, 5, 60, 70]));
    const [p1, p2, p3, p4, p5] = run.patients;
    expect(p1!.activities).toEqual([['care-a', 0, 60]]);
    expect(p2!.activities).toEqual([['care-a', 60, 120]]);
    expect(p3!.activities).toEqual([
      ['diversion:a', 5, 35],
      ['care-b', 35, 95],
    ]);
    expect(p4!.activities).toEqual([
      ['diversion:a', 60, 90],
      ['care-b', 95, 155],
    ]);
    expect(p5!.activities).toEqual([
      ['diversion:a', 70, 100],
      ['care-b', 155, 215],
    ]);
    expect(run.figures['diversion.a.hours']).toBeCloseTo(90 / 60, 12);
    expect(run.figures['diversion.a.divertedOut']).toBe(3);
    expect(run.figures['diversion.b.divertedIn']).toBe(3);
  });

  it('a minimum spell shorter than the spells the rule gives anyway changes nothing', () => {
    // The spells of the first case last 60 and 50 minutes: a minimum of 50 (or 0) leaves every trace row as it was.
    const plain = runTiny(network({}, [0, 0, 5, 60, 70]));
    for (const minimumMinutes of [0, 50]) {
      const run = runTiny(network({ minimumMinutes }, [0, 0, 5, 60, 70]));
      expect(run.patients).toEqual(plain.patients);
      expect(run.figures['diversion.a.hours']).toBe(plain.figures['diversion.a.hours']);
    }
  });

  it('boarding counts only those in the line who already hold a place', () => {
    // a's own pathway: an ED place (cubicle C, 2 units), 5 minutes, then a bed (cubicle A) for 60, holding the place.
    // 0: p1 takes C, at 5 A. 1: p2 takes C, at 6 waits for A holding C (boarding). 2: p3 waits for C holding nothing.
    const own: StepModel[] = [seizeOf([2]), holdFor(5, 'triage'), seizeOf([0]), holdFor(60, 'care-a'), { op: 'release', resources: [0, 2] }];
    const run = (condition: DivertStep['condition']): ReturnType<typeof runTiny> => {
      const model = network({ condition }, [0, 1, 2, 30]);
      model.resources[2]!.capacity = 2;
      model.pathways[1] = { name: 'a_ed', steps: own };
      return runTiny(model);
    };
    const divertedAt30 = (r: ReturnType<typeof runTiny>): boolean => r.patients[3]!.activities[0]![0] === 'diversion:a';
    // The line for the place holds no boarder: never on, though it is not empty.
    const placeBoarding = run({ kind: 'boarding', resource: 2, above: 0 });
    expect(placeBoarding.figures['diversion.a.hours']).toBe(0);
    expect(divertedAt30(placeBoarding)).toBe(false);
    expect(divertedAt30(run({ kind: 'waiting', resource: 2, above: 0 }))).toBe(true);
    // The line for the bed holds p2, who boards in its place: on from the review at 10.
    const bedBoarding = run({ kind: 'boarding', resource: 0, above: 0 });
    expect(divertedAt30(bedBoarding)).toBe(true);
    expect(bedBoarding.figures['diversion.a.hours']).toBeGreaterThan(0);
  });

  // By hand, on above a line of 1 and off only below 1: 0: three arrive, one takes A (0-60), two wait; the review
  // at 0 sees 2 > 1: on; 5 is diverted. 60: the second takes A (60-120), a line of 1: not below 1, so still on
  // (the plain rule would go off here); 65 is diverted too. 120: the third takes A, no line: off; 125 stays.
  it('with hysteresis (endBelow) stays on until the line falls below the lower threshold', () => {
    const run = runTiny(network({ condition: { kind: 'waiting', resource: 0, above: 1, endBelow: 1 } }, [0, 0, 0, 5, 65, 125]));
    const [, , , p4, p5, p6] = run.patients;
    expect(p4!.activities).toEqual([
      ['diversion:a', 5, 35],
      ['care-b', 35, 95],
    ]);
    expect(p5!.activities).toEqual([
      ['diversion:a', 65, 95],
      ['care-b', 95, 155],
    ]);
    expect(p6!.activities).toEqual([['care-a', 180, 240]]);
    expect(run.figures['diversion.a.hours']).toBe(2);
    expect(run.figures['diversion.a.divertedOut']).toBe(2);
    // Without it, the review at 60 turns diversion off and 65 stays at a: a line of 2 again, on from 70 to 120 (a line
    // of 1), 125 stays too, on from 130 to 180: it flaps, on 60 + 50 + 50 minutes.
    const plain = runTiny(network({ condition: { kind: 'waiting', resource: 0, above: 1 } }, [0, 0, 0, 5, 65, 125]));
    expect(plain.patients[4]!.activities[0]![0]).toBe('care-a');
    expect(plain.patients[5]!.activities[0]![0]).toBe('care-a');
    expect(plain.figures['diversion.a.hours']).toBeCloseTo(160 / 60, 12);
  });
});
