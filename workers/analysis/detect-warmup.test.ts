import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario } from '../../scenarios/index.js';
import { detectWarmup, detectWarmupFromSeries } from './detect-warmup.js';

describe('warm-up detection', () => {
  it('turns a truncation in observations into minutes and days', () => {
    const daily = [0, 10, 20, 30, 35, 38, 40, 40, 41, 40, ...Array.from({ length: 90 }, (_, i) => 40 + (i % 2))];
    const r = detectWarmupFromSeries(daily, 1440);
    expect(r.truncation).toBe(10);
    expect(r.warmupMinutes).toBe(10 * 1440);
    expect(r.warmupDays).toBe(10);
  });

  it('finds the days a 40-bed ward takes to fill from empty (offered load 32, mean stay 4 days)', async () => {
    // Starting empty, occupancy approaches 32 like 32·(1 − e^(−t/4 days)) (M/M/∞ from empty, nearly so with 40 beds):
    // within one patient of it after 4·ln 32 ≈ 14 days. MSER-5 on daily means cuts whole 5-day batches.
    const scenario = parseScenario(builtinScenario('textbook-bed-loss')!.document);
    const r = await detectWarmup(scenario, { pilotDays: 200, replications: 5 });
    expect(r.series).toHaveLength(200);
    expect(r.series[0]).toBeLessThan(8);
    expect(r.atSearchLimit).toBe(false);
    expect(r.warmupDays).toBeGreaterThanOrEqual(5);
    expect(r.warmupDays).toBeLessThanOrEqual(30);
    expect(r.perReplicationDays).toHaveLength(5);
  });

  it('refuses a period that is not a whole number of snapshots', async () => {
    const scenario = parseScenario(builtinScenario('textbook-mmc')!.document);
    await expect(detectWarmup(scenario, { snapshotMinutes: 60, periodMinutes: 90 })).rejects.toThrow(/whole multiple/);
  });
});
