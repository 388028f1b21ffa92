/**
 * A carried attribute follows the logged case a simulated patient takes its
 * times from (case bootstrap): a log whose cases of kind "short" stay about a
 * day and of kind "long" about ten calibrates to a scenario in which each
 * kind's simulated stays are its own logged ones'. Drawn apart from the case
 * (the mix alone, as before), both kinds get the stays of all cases.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';
import { calibrateText } from './calibrate-text.js';
import { parseMapping } from './read/mapping.js';

const DAY = 1440;

/** A fixed uniform stream for the test log (a 32-bit LCG: the log is data, drawn once). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
}

/** 120 cases of each kind, one ward stay each, lognormal stays of median 1 day (short) or 10 days (long), log-sd 0.5. */
function twoKindLog(): { text: string; stays: Record<string, number[]> } {
  const u = uniforms(7);
  const normal = (): number => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const rows = ['case,activity,start,end,kind'];
  const stays: Record<string, number[]> = { short: [], long: [] };
  const iso = (minute: number): string => new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString().slice(0, 19);
  for (let i = 0; i < 240; i++) {
    const kind = i % 2 === 0 ? 'short' : 'long';
    const stay = Math.round((kind === 'short' ? 1 : 10) * DAY * Math.exp(0.5 * normal()));
    const at = Math.floor(u() * 120 * DAY);
    stays[kind]!.push(stay);
    rows.push(`c${i},Ward,${iso(at)},${iso(at + stay)},${kind}`);
  }
  return { text: rows.join('\n'), stays };
}

const mapping = parseMapping({
  columns: { case: 'case', activity: 'activity', start: 'start', end: 'end' },
  attributes: [{ column: 'kind', name: 'kind' }],
  time: { format: 'iso' },
  model: {
    stays: { activities: [{ activity: 'Ward', ward: 'ward', type: 'general' }] },
    datesShifted: { arrivalsPerDay: 20, horizonDays: 365 },
    replications: 1,
  },
});

/** Mean stay in days by kind in one replication: bed cost of 1 a minute, so a finished case's cost is its minutes in bed. */
function simulatedStays(scenario: ScenarioInput): Record<string, { n: number; mean: number }> {
  const costed = parseScenario({ ...scenario, wards: scenario.wards!.map((w) => ({ ...w, costPerBedDay: DAY })) });
  const f = runHospital(compileScenario(costed), { seed: 1, replication: 1 }).figures;
  const out: Record<string, { n: number; mean: number }> = {};
  for (const kind of ['short', 'long']) {
    const id = `cost.perCase.attribute.kind.${kind}`;
    out[kind] = { n: f[`${id}.cases`]!, mean: f[`${id}.mean`]! / DAY };
  }
  return out;
}

const meanSd = (xs: number[]): { mean: number; sd: number } => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
};

describe('an attribute carried with the case bootstrap', () => {
  it('gives each kind of case its own logged stays; drawn apart from the case, both kinds get the stays of all', async () => {
    const { text, stays } = twoKindLog();
    const r = await calibrateText(text, mapping, { logSource: 'two-kinds.csv', mapSource: 'map.yaml', scenarioPath: 'two-kinds.yaml', validate: false });
    const cls = r.scenario.patientClasses[0]!;
    expect(cls.attributes!.kind).toMatchObject({ values: ['long', 'short'], weights: [120, 120], byAttribute: 'timing-of-case' });
    expect(Object.keys(cls.attributes!.kind!.cases!)).toHaveLength(240);

    const following = simulatedStays(r.scenario);
    for (const kind of ['short', 'long']) {
      const log = meanSd(stays[kind]!.map((x) => x / DAY));
      const sim = following[kind]!;
      // About 7,300 patients a year, half of each kind. The simulated mean is a resample of the same 120 logged
      // stays (each smoothed by a kernel of log-sd 0.1), so it differs from the log's by the simulation's sampling
      // error, sd/√n_sim, and the log's own mean is uncertain by sd/√120: 3 combined standard errors, and the
      // log's sd for both (the kernel is shrunk to keep the spread).
      const se = log.sd * Math.sqrt(1 / 120 + 1 / sim.n);
      expect(sim.n, kind).toBeGreaterThan(3000);
      expect(Math.abs(sim.mean - log.mean), `${kind}: simulated ${sim.mean.toFixed(2)} d, log ${log.mean.toFixed(2)} d ± ${(3 * se).toFixed(2)}`).toBeLessThan(
        3 * se,
      );
    }

    // The old behaviour, the kind drawn from the mix apart from the case: both kinds' stays are those of all cases (about 6 days).
    const apart = structuredClone(r.scenario);
    const kind = apart.patientClasses[0]!.attributes!.kind!;
    delete kind.byAttribute;
    delete kind.cases;
    const independent = simulatedStays(apart);
    const all = meanSd([...stays.short!, ...stays.long!].map((x) => x / DAY));
    for (const k of ['short', 'long']) {
      const sim = independent[k]!;
      expect(Math.abs(sim.mean - all.mean), k).toBeLessThan(3 * all.sd * Math.sqrt(1 / 240 + 1 / sim.n));
    }
  }, 60_000);
});
