import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval, pairedDifferenceInterval } from '../../sim-core/index.js';
import { builtinScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { runScenario, type ExperimentResult } from '../run-replications.js';
import { welchDifferenceInterval } from './welch-interval.js';

/**
 * M/M/c with 3 and then 4 cubicles, 20 replications of 60 days each. With the
 * same seed, replication i of both sees the same arrivals and service times
 * (each stream is named for what it drives), so the two runs move together and
 * their difference varies less than under independent streams (seed 1 against
 * seed 2, compared with Welch's interval). How much less depends on the figure:
 * var(A − B) ≥ (sd_A − sd_B)², so for the mean wait, whose spread with 3 cubicles
 * (ρ = 0.9) dwarfs that with 4 (ρ = 0.675), CRN can only shave a few per cent; for
 * cubicle utilisation, which both runs measure on the same work, it is most of it.
 */
describe('common random numbers', () => {
  const base = builtinScenario('textbook-mmc')!.document;
  const withCubicles = (units: number): ScenarioInput => ({
    ...base,
    horizonDays: 60,
    warmupDays: 5,
    resources: [{ id: 'cubicle', department: 'clinic', units }],
  });
  const replications = 20;
  const runs = (async () => {
    const three = parseScenario(withCubicles(3));
    const four = parseScenario(withCubicles(4));
    return {
      a: await runScenario(three, { replications, seed: 1 }),
      bSameSeed: await runScenario(four, { replications, seed: 1 }),
      bOtherSeed: await runScenario(four, { replications, seed: 2 }),
    };
  })();
  const values = (r: ExperimentResult, figure: string): number[] => r.perReplication.map((p) => p.figures[figure]!);

  it('make the interval of the utilisation difference between 3 and 4 cubicles several times narrower than independent streams', async () => {
    const { a, bSameSeed, bOtherSeed } = await runs;
    const paired = pairedDifferenceInterval(values(a, 'utilisation.cubicle'), values(bSameSeed, 'utilisation.cubicle'));
    const independent = welchDifferenceInterval(values(a, 'utilisation.cubicle'), values(bOtherSeed, 'utilisation.cubicle'));
    // Theory: 0.9 − 0.675 = 0.225; both intervals must cover it or the comparison is moot.
    expect(paired.lo).toBeLessThan(0.225);
    expect(paired.hi).toBeGreaterThan(0.225);
    expect(independent.lo).toBeLessThan(0.225);
    expect(independent.hi).toBeGreaterThan(0.225);
    expect(paired.halfWidth).toBeLessThan(independent.halfWidth / 3);
  });

  it('make the interval of the mean-wait difference narrower than independent streams, within the bound |sd_A − sd_B|', async () => {
    const { a, bSameSeed, bOtherSeed } = await runs;
    const wait = 'wait.cubicle.mean';
    const paired = pairedDifferenceInterval(values(a, wait), values(bSameSeed, wait));
    const independent = welchDifferenceInterval(values(a, wait), values(bOtherSeed, wait));
    expect(paired.lo).toBeGreaterThan(0); // the fourth cubicle shortens the wait
    expect(paired.halfWidth).toBeLessThan(independent.halfWidth);
    // The same replications, had they been independent, would have had sd √(s_A² + s_B²); CRN gives less, but not below |s_A − s_B|.
    const sdA = meanConfidenceInterval(values(a, wait)).sd;
    const sdB = meanConfidenceInterval(values(bSameSeed, wait)).sd;
    expect(paired.sd).toBeLessThan(Math.hypot(sdA, sdB));
    expect(paired.sd).toBeGreaterThanOrEqual(Math.abs(sdA - sdB));
  });
});
