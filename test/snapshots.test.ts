import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { compileScenario, parseScenario } from '../scenarios/index.js';
import { smallHospital } from '../scenarios/fixtures/small-hospital.js';

describe('snapshots of patients in the hospital', () => {
  const model = compileScenario(parseScenario({ ...smallHospital, horizonDays: 14, warmupDays: 1 }));

  it('are taken every interval from time 0 to the end, and do not change any figure', () => {
    const plain = runHospital(model, { seed: 2, replication: 1 });
    const observed = runHospital(model, { seed: 2, replication: 1, snapshotEvery: 60 });
    expect(observed.figures).toEqual(plain.figures);
    expect(observed.snapshots!.inSystem).toHaveLength(15 * 24 + 1);
    expect(observed.snapshots!.inSystem[0]).toBe(0);
    expect(Math.max(...observed.snapshots!.inSystem)).toBeGreaterThan(0);
  });

  it('agree with the arrivals and departures in the trace', () => {
    const trace = new TraceBuffer();
    const r = runHospital(model, { seed: 2, replication: 1, snapshotEvery: 360, trace });
    const t = trace.toData();
    const exits = new Set(['leave', 'left-unseen', 'cancelled', 'turned-away']);
    r.snapshots!.inSystem.forEach((count, k) => {
      const at = k * 360;
      let inside = 0;
      for (let i = 0; i < t.length && t.time[i]! <= at; i++) {
        const what = t.whatNames[t.what[i]!]!;
        if (what === 'arrive') inside++;
        else if (exits.has(what)) inside--;
      }
      expect(count, `snapshot at minute ${at}`).toBe(inside);
    });
  });
});
