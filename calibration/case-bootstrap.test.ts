/**
 * The case-level bootstrap: each logged case's own times, a donor's for common
 * moves it never made, a narrow kernel that keeps the times' spread.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapDuration, caseTimes, KERNEL_LOG_SD, STILL_IN, TIMING_ATTRIBUTE } from './build/case-bootstrap.js';
import { fitDuration } from './fit/fit-duration.js';
import { gapKey } from './fit/observations.js';
import type { LogCase } from './read/flow.js';

const logCase = (id: string, steps: [string, number][]): LogCase => ({
  id,
  cls: 'patients',
  attributes: {},
  arrival: 0,
  arrivalWall: 0,
  endMarker: null,
  open: false,
  events: steps.map(([activity, t]) => ({ activity, start: t, end: t, wall: t, resource: null })),
});

describe('a case’s own times', () => {
  // Fluids then antibiotics: a long wait for fluids, then antibiotics at once; or a short one, then a long one.
  const tied = Array.from({ length: 10 }, (_, i) =>
    logCase(
      `t${i}`,
      i % 2 === 0
        ? [
            ['reg', 0],
            ['fluids', 120],
            ['antibiotics', 120],
          ]
        : [
            ['reg', 0],
            ['fluids', 10],
            ['antibiotics', 100],
          ],
    ),
  );
  const direct = Array.from({ length: 4 }, (_, i) =>
    logCase(`d${i}`, [
      ['reg', 0],
      ['antibiotics', 30 + i],
    ]),
  );

  it('are each case’s first time for each move it made', () => {
    const t = caseTimes([...tied, ...direct], false);
    expect(t.profiles).toHaveLength(14);
    expect(t.gaps.get(gapKey('reg', 'fluids'))!.get('1')).toBe(120);
    expect(t.gaps.get(gapKey('fluids', 'antibiotics'))!.get('1')).toBe(0);
    expect(t.gaps.get(gapKey('fluids', 'antibiotics'))!.get('2')).toBe(90);
    expect(t.gaps.get(gapKey('reg', 'antibiotics'))!.get('11')).toBe(30);
  });

  it('a common move a case never made comes from one donor that did, so a path’s moves stay tied', () => {
    const t = caseTimes([...tied, ...direct], false);
    for (const p of ['11', '12', '13', '14']) {
      const toFluids = t.gaps.get(gapKey('reg', 'fluids'))!.get(p);
      const toAntibiotics = t.gaps.get(gapKey('fluids', 'antibiotics'))!.get(p);
      // From one donor: a long wait then none, or a short wait then a long one; never 120 then 90.
      expect([toFluids, toAntibiotics]).toSatisfy(([a, b]: number[]) => (a === 120 && b === 0) || (a === 10 && b === 90));
    }
    // Reg → antibiotics is made by 4 of 14 (29%, common): the others take it from a donor too.
    expect(t.gaps.get(gapKey('reg', 'antibiotics'))!.size).toBe(14);
  });

  it('draws by the timing attribute, keeps 0s as 0, and shrinks the kernel so the spread of ln x is kept', () => {
    const values = [0, 5, 10, 20, 40, 80, 160];
    const byProfile = new Map(values.map((x, i) => [String(i + 1), x]));
    const fit = fitDuration(values, [], { minFit: 3, choose: 'aic', resolution: 1 });
    const d = bootstrapDuration(byProfile, fit) as { byAttribute: string; cases: Record<string, { type: string; mean?: number; sd?: number; value?: number }> };
    expect(d.byAttribute).toBe(TIMING_ATTRIBUTE);
    expect(d.cases['1']).toEqual({ type: 'constant', value: 0 });
    const logs = values.slice(1).map(Math.log);
    const m = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (logs.length - 1));
    const c = Math.sqrt(1 + (KERNEL_LOG_SD / sd) ** 2);
    // The kernel of the case at 160 min: median m + (ln 160 − m)/c, log-sd 0.1/c.
    const k = d.cases['7']!;
    const h = KERNEL_LOG_SD / c;
    const median = k.mean! / Math.exp((h * h) / 2);
    expect(Math.log(median)).toBeCloseTo(m + (Math.log(160) - m) / c, 3);
    expect(k.sd! / k.mean!).toBeCloseTo(Math.sqrt(Math.expm1(h * h)), 3);
    // Log-variance of the smoothed draws = that of the logged ones: ((ln x − m)/c)² summed, plus h²/c² each.
    const shrunk = logs.map((x) => (x - m) / c);
    const variance = shrunk.reduce((a, b) => a + b * b, 0) / (logs.length - 1) + h * h;
    expect(variance).toBeCloseTo(sd * sd, 2);
  });
});

describe('cases still in when the log ends (openEnded: censor)', () => {
  const admitted = (id: string, release: number | null): LogCase => ({
    ...logCase(
      id,
      release === null
        ? [
            ['reg', 0],
            ['admission', 60],
          ]
        : [
            ['reg', 0],
            ['admission', 60],
            ['release', release],
          ],
    ),
    open: release === null,
  });
  const cases = [...Array.from({ length: 9 }, (_, i) => admitted(`c${i}`, 2000 + 100 * i)), admitted('open', null)];
  const ends = { ends: (to: string): boolean => to === 'release', steps: ['reg', 'admission', 'release'] };

  it('stay in for good: the step that ends their stay never comes while the run lasts', () => {
    const t = caseTimes(cases, false, ends);
    expect(t.gaps.get(gapKey('admission', 'release'))!.get('10')).toBe(STILL_IN);
    const fit = fitDuration([1940, 2040], [], { minFit: 3, choose: 'aic', resolution: 1 });
    const d = bootstrapDuration(t.gaps.get(gapKey('admission', 'release'))!, fit) as { cases: Record<string, unknown> };
    expect(d.cases['10']).toEqual({ type: 'constant', value: STILL_IN });
  });

  it('are not lent to a case that never made the move, and are dropped when the mapping excludes them', () => {
    const t = caseTimes(
      [
        ...cases,
        ...Array.from({ length: 5 }, (_, i) =>
          logCase(`h${i}`, [
            ['reg', 0],
            ['home', 30],
          ]),
        ),
      ],
      false,
      ends,
    );
    const row = t.gaps.get(gapKey('admission', 'release'))!;
    for (const p of ['11', '12', '13', '14', '15']) expect(row.get(p)).toBeLessThan(STILL_IN);
    expect(caseTimes(cases, false, null).gaps.get(gapKey('admission', 'release'))!.get('10')).not.toBe(STILL_IN);
  });
});
