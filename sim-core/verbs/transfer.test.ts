import { describe, expect, it } from 'vitest';
import type { HospitalModel, StepModel, TransferStep } from '../index.js';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';

/** Origin pathway 0 (bed 0), destinations: pathway 1 uses resource 1, pathway 2 resource 2; resource 3 is an ambulance. */
function network(transfer: Partial<TransferStep>, arrivals: number[], origin: StepModel[] = [seizeOf([0]), holdFor(10, 'stay')]): HospitalModel {
  const step: TransferStep = {
    op: 'transfer',
    reason: 'referral',
    rule: 'named',
    transport: -1,
    keepOrigin: false,
    reserved: false,
    destinations: [{ site: 'b', pathway: 1, travel: { type: 'constant', value: 30 }, meanMinutes: 30, bed: 1 }],
    ...transfer,
  };
  const model = tinyModel({
    resources: ['bedA', 'bedB', 'bedC', { name: 'ambulance', capacity: 1 }],
    arrivals,
    steps: [...origin, ...(step.transport >= 0 ? [seizeOf([step.transport])] : []), step],
  });
  const there = (r: number, activity: string): StepModel[] => [seizeOf([r]), holdFor(20, activity), { op: 'release', resources: [r] }];
  model.pathways.push({ name: 'at-b', steps: there(1, 'care-b') }, { name: 'at-c', steps: there(2, 'care-c') });
  return model;
}

const toC = { site: 'c', pathway: 2, travel: { type: 'constant' as const, value: 50 }, meanMinutes: 50, bed: 2 };
const toB = { site: 'b', pathway: 1, travel: { type: 'constant' as const, value: 30 }, meanMinutes: 30, bed: 1 };

describe('transfer: to another site, on at its pathway', () => {
  it('travels for the trip time, then goes on at the destination pathway; the origin bed is given back at departure', () => {
    const p = runTiny(network({}, [0])).patients[0]!;
    expect(p.activities).toEqual([
      ['stay', 0, 10],
      ['transfer:referral', 10, 40],
      ['care-b', 40, 60],
    ]);
    expect(p.released).toEqual([
      ['bedA', 10],
      ['bedB', 60],
    ]);
    expect(p.left).toEqual({ at: 60, how: 'leave' });
  });

  it('keeps the origin bed until it arrives when told to', () => {
    const p = runTiny(network({ keepOrigin: true }, [0])).patients[0]!;
    expect(p.released[0]).toEqual(['bedA', 40]);
  });

  it('waits for the one ambulance, which is back when the first patient has arrived', () => {
    const ps = runTiny(network({ transport: 3 }, [0, 0], [holdFor(10, 'stay')])).patients;
    expect(ps[0]!.activities[1]).toEqual(['transfer:referral', 10, 40]);
    expect(ps[1]!.activities[1]).toEqual(['transfer:referral', 40, 70]);
    expect(ps[0]!.released).toContainEqual(['ambulance', 40]);
  });

  it('nearest takes the shortest trip; first-available the first site with a free bed; round-robin takes turns', () => {
    const nearest = runTiny(network({ rule: 'nearest', destinations: [toC, toB] }, [0])).patients[0]!;
    expect(nearest.activities[2]).toEqual(['care-b', 40, 60]);
    // The second patient leaves at 110, after the first has given bedC back (60-80): C is free and listed first.
    const first = runTiny(network({ rule: 'first-available', destinations: [toC, toB] }, [0, 100], [holdFor(10, 'stay')])).patients;
    expect(first.map((p) => p.activities[2]![0])).toEqual(['care-c', 'care-c']);
    const busy = runTiny(network({ rule: 'first-available', destinations: [toC, toB] }, [0, 55], [holdFor(10, 'stay')])).patients;
    // At 65 the first patient holds bedC (60-80): the second goes to B.
    expect(busy.map((p) => p.activities[2]![0])).toEqual(['care-c', 'care-b']);
    const turns = runTiny(network({ rule: 'round-robin', destinations: [toC, toB] }, [0, 1, 2], [holdFor(10, 'stay')])).patients;
    expect(turns.map((p) => p.activities[2]![0])).toEqual(['care-c', 'care-b', 'care-c']);
  });

  it('nearest-free-bed passes the nearest site while its bed is taken; of two as near, the one listed first', () => {
    // B (30 min) is nearer than C (50): the first patient holds bedB 40-60, so the second, leaving at 45, goes to C.
    const passed = runTiny(network({ rule: 'nearest-free-bed', destinations: [toC, toB] }, [0, 35], [holdFor(10, 'stay')])).patients;
    expect(passed.map((p) => p.activities[2]![0])).toEqual(['care-b', 'care-c']);
    const asNear = { ...toC, travel: toB.travel, meanMinutes: 30 };
    expect(runTiny(network({ rule: 'nearest', destinations: [asNear, toB] }, [0])).patients[0]!.activities[2]![0]).toBe('care-c');
    expect(runTiny(network({ rule: 'nearest', destinations: [toB, asNear] }, [0])).patients[0]!.activities[2]![0]).toBe('care-b');
  });

  it('gives back at departure all it holds but its transport, which it keeps for the trip', () => {
    const p = runTiny(network({ transport: 3 }, [0])).patients[0]!;
    expect(p.released.slice(0, 2)).toEqual([
      ['bedA', 10],
      ['ambulance', 40],
    ]);
  });

  it('the -available rules count only units on duty: bed B is off duty by roster until minute 100', () => {
    const rostered = (t: Partial<TransferStep>, arrivals: number[]): HospitalModel => {
      const model = network(t, arrivals, [holdFor(10, 'stay')]);
      model.resources[1]!.roster = {
        changes: [
          { at: 0, capacity: 0 },
          { at: 100, capacity: 1 },
        ],
        cycle: 1440,
      };
      return model;
    };
    const where = (m: HospitalModel): string[] => runTiny(m).patients.map((p) => p.activities[2]![0]);
    // Nearest is B (30 minutes); off duty at 10, so C; on duty at 110, so B.
    expect(where(rostered({ rule: 'nearest', destinations: [toC, toB] }, [0, 100]))).toEqual(['care-b', 'care-b']);
    expect(where(rostered({ rule: 'nearest-available', destinations: [toC, toB] }, [0, 100]))).toEqual(['care-c', 'care-b']);
    // Turns B, C, B, but B is passed over while off duty: C, C, then B's turn at 110.
    expect(where(rostered({ rule: 'round-robin-available', destinations: [toB, toC] }, [0, 1, 100]))).toEqual(['care-c', 'care-c', 'care-b']);
    // At 65 C serves the first (60-80) and B has no unit on duty: plain shortest-queue sees two empty lines and takes
    // B (listed first); per unit on duty, B counts as full and C has one patient per unit: C.
    expect(where(rostered({ rule: 'shortest-queue', destinations: [toB, toC] }, [0, 55]))).toEqual(['care-c', 'care-b']);
    expect(where(rostered({ rule: 'shortest-queue-available', destinations: [toB, toC] }, [0, 55]))).toEqual(['care-c', 'care-c']);
  });

  it('with a return trip the ambulance is busy until it is back: the second patient leaves when it returns', () => {
    const back = { ...toB, returnTravel: { type: 'constant' as const, value: 25 } };
    const run = runTiny(network({ transport: 3, returnTrip: true, destinations: [back] }, [0, 0], [holdFor(10, 'stay')]));
    const [first, second] = run.patients;
    expect(first!.activities[1]).toEqual(['transfer:referral', 10, 40]);
    // Given back by the patient on arrival at 40, busy for the 25 minutes back: free again at 65.
    expect(first!.released).toContainEqual(['ambulance', 40]);
    expect(second!.activities[1]).toEqual(['transfer:referral', 65, 95]);
    expect(run.figures['utilisation.ambulance']).toBeCloseTo((30 + 25 + 30 + 25) / 1440, 9);
  });

  it('nearest-home goes where the home attribute points, and to the nearest site for a home it does not know', () => {
    // Home values: "c" (to C), "b" (to B), "elsewhere" (no site: the nearest from here, B at 30 minutes).
    const model = network({ rule: 'nearest-home', destinations: [toC, toB], home: { attribute: 0, choice: [0, 1, -1] } }, [0, 100, 200], [holdFor(10, 'stay')]);
    model.attributes = [{ name: 'home', values: ['c', 'b', 'elsewhere'] }];
    const cls = model.classes[0]!;
    cls.attributes = [{ attribute: 0, weights: [1, 1, 1] }];
    if (cls.arrivals.type === 'list') cls.arrivals.entries.forEach((e, k) => (e.attributes = [k]));
    expect(runTiny(model).patients.map((p) => p.activities[2]![0])).toEqual(['care-c', 'care-b', 'care-b']);
  });

  it('travel by hour of the day: a trip that leaves in hours 0-1 takes their time, and nearest compares them', () => {
    const slowAtNight = { ...toB, travelByHour: Array.from({ length: 24 }, (_, h) => ({ type: 'constant' as const, value: h < 2 ? 100 : 30 })) };
    const meanByHour = slowAtNight.travelByHour.map((d) => d.value);
    const named = runTiny(network({ destinations: [{ ...slowAtNight, meanByHour }] }, [0, 120], [holdFor(10, 'stay')])).patients;
    expect(named.map((p) => p.activities[1])).toEqual([
      ['transfer:referral', 10, 110],
      ['transfer:referral', 130, 160],
    ]);
    // At 10 (hour 0) B is 100 minutes away and C 50: C; at 130 (hour 2) B is 30: B.
    const nearest = runTiny(network({ rule: 'nearest', destinations: [toC, { ...slowAtNight, meanByHour }] }, [0, 120], [holdFor(10, 'stay')])).patients;
    expect(nearest.map((p) => p.activities[2]![0])).toEqual(['care-c', 'care-b']);
  });
});
