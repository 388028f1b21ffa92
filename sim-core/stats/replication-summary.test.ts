import { describe, expect, it } from 'vitest';
import { summariseColumns, summariseReplications } from './replication-summary.js';

describe('summariseReplications', () => {
  it('gives every figure its mean and 95% interval across replications', () => {
    // edWait: the digits of π, whose 95% interval is [2.13319878, 5.66680122]
    // (scipy.stats.t.interval(0.95, 9, 3.9, sem)); occupancy: 0.8 ± t_{0.975,9}·s/√10.
    const waits = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    const occupancy = [0.8, 0.7, 0.9, 0.8, 0.8, 0.7, 0.9, 0.8, 0.8, 0.8];
    const rows = waits.map((w, i) => ({ edWait: w, occupancy: occupancy[i] as number }));
    const summary = summariseReplications(rows);
    expect(Object.keys(summary)).toEqual(['edWait', 'occupancy']);
    const edWait = summary.edWait!;
    expect(edWait.n).toBe(10);
    expect(edWait.mean).toBeCloseTo(3.9, 14);
    expect(edWait.sd).toBeCloseTo(Math.sqrt(6.1), 14);
    expect(edWait.ci95[0]).toBeCloseTo(2.1331987752405404, 9);
    expect(edWait.ci95[1]).toBeCloseTo(5.6668012247594595, 9);
    expect(edWait.halfWidth).toBeCloseTo(1.7668012247594596, 9);
    // Two at 0.7, two at 0.9, six at 0.8: s² = 4·0.1²/9 = 0.04/9, by hand.
    expect(summary.occupancy!.mean).toBeCloseTo(0.8, 14);
    expect(summary.occupancy!.sd).toBeCloseTo(Math.sqrt(0.04 / 9), 14);
  });

  it('leaves out replications where a figure was NaN, infinite or missing, and counts only the rest', () => {
    const summary = summariseReplications([
      { imagingWait: 40, cancellations: 2 },
      { imagingWait: Number.NaN, cancellations: 4 },
      { cancellations: 3 },
      { imagingWait: 50, cancellations: Infinity },
      { imagingWait: 45, cancellations: 1 },
    ]);
    expect(summary.imagingWait!.n).toBe(3);
    expect(summary.imagingWait!.mean).toBe(45);
    expect(summary.cancellations!.n).toBe(4);
    expect(summary.cancellations!.mean).toBe(2.5);
  });

  it('keeps a figure that was never finite, with n = 0, instead of dropping it', () => {
    const summary = summariseReplications([{ meanBoardingWait: Number.NaN }, { meanBoardingWait: Number.NaN }]);
    expect(summary.meanBoardingWait!.n).toBe(0);
    expect(summary.meanBoardingWait!.mean).toBeNaN();
    expect(summary.meanBoardingWait!.ci95[0]).toBeNaN();
  });

  it('gives a mean but no interval for a figure seen in a single replication', () => {
    const summary = summariseReplications([{ overtime: 12 }, { throughput: 300 }, { throughput: 310 }]);
    expect(summary.overtime!.mean).toBe(12);
    expect(summary.overtime!.halfWidth).toBeNaN();
    expect(summary.throughput!.n).toBe(2);
  });

  it('treats a figure id like "__proto__" as data', () => {
    const rows = [JSON.parse('{"__proto__": 1}') as Record<string, number>, JSON.parse('{"__proto__": 3}') as Record<string, number>];
    const summary = summariseReplications(rows);
    expect(Object.keys(summary)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(summary, '__proto__')?.value.mean).toBe(2);
  });

  it('returns no figures for no replications', () => {
    expect(summariseReplications([])).toEqual({});
  });

  it('from columns gives what it gives from the same rows as objects', () => {
    const rows = [
      { wait: 10, none: Number.NaN, left: 0.1 },
      { wait: 14, none: Number.NaN, left: Infinity },
      { wait: 12.5, none: Number.NaN, left: 0.2 },
    ];
    const names = ['wait', 'none', 'left'] as const;
    const columns = summariseColumns(names, rows.length, (row, column) => rows[row]![names[column]!]);
    expect(columns).toEqual(summariseReplications(rows));
    expect(Object.keys(columns)).toEqual(['wait', 'none', 'left']);
    expect(columns.left!.n).toBe(2);
  });
});
