/**
 * The bench's generated network with referrals (bench/network.ts,
 * NETWORK_REFERRALS=1), kept small: 6 sites (scales 0.4, 0.5, 0.65, 0.8,
 * 0.85, 0.4), a few days. County-type sites (s1, s2, s6) refer complex cases
 * up; the larger sites (s4, s5) take them, each to the nearest with a free
 * medical bed, read back from the trace.
 */
import { describe, expect, it } from 'vitest';
import { generatedNetwork } from '../../bench/network.js';
import { compileScenario } from '../../scenarios/index.js';
import { readTrace, runHospital, TraceBuffer } from '../../sim-core/index.js';

describe('the generated network of the bench, with referrals', () => {
  const network = generatedNetwork(6, { referrals: true });

  it('without the option it has no transfers; with it, county-type sites refer up to the larger sites only', () => {
    const plain = compileScenario({ ...generatedNetwork(6), horizonDays: 1 });
    expect(plain.pathways.some((p) => p.steps.some((s) => s.op === 'transfer'))).toBe(false);
    const model = compileScenario({ ...network, horizonDays: 1 });
    const referring = model.pathways.filter((p) => p.steps.some((s) => s.op === 'transfer')).map((p) => p.name);
    expect(referring.sort()).toEqual(['s1_referUp', 's2_referUp', 's6_referUp']);
    expect(model.pathways.filter((p) => p.name.endsWith('_referred')).map((p) => p.name)).toEqual(['s4_referred', 's5_referred']);
  });

  it('runs: each referral leaves a county-type site by ambulance and goes on at the nearest larger site with a free bed', () => {
    const model = compileScenario({ ...network, horizonDays: 6, warmupDays: 0 });
    const trace = new TraceBuffer();
    const r = runHospital(model, { seed: 1, replication: 1, trace });
    // Sites lie on a 15-km grid of side 3: s1 (0,0), s2 (15,0), s6 (30,15); s4 (0,15), s5 (15,15).
    const nearestFirst: Record<string, string[]> = { s1: ['s4', 's5'], s2: ['s5', 's4'], s6: ['s5', 's4'] };
    const data = trace.toData();
    const trips = new Map<number, { from: string; to?: string }>();
    readTrace(data, (e) => {
      if (e.kind === 'arrived' && e.klass.endsWith('_complex')) trips.set(e.patient, { from: e.klass.split('_')[0]! });
      const t = trips.get(e.patient);
      if (t && t.to === undefined && e.kind === 'started' && e.activity.startsWith('stay:')) t.to = e.activity.slice(5).split('_')[0]!;
    });
    const arrived = [...trips.values()].filter((t) => t.to !== undefined);
    expect(arrived.length).toBeGreaterThan(5);
    expect(r.figures['transfers.up-referral.count']).toBe(arrived.length);
    for (const t of arrived) expect(nearestFirst[t.from]).toContain(t.to);
    // With beds free at both larger sites (they run below capacity in six days), each goes to its nearest.
    expect(arrived.filter((t) => t.to === nearestFirst[t.from]![0]).length).toBe(arrived.length);
  });
});
