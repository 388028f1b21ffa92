/**
 * compare on the built-in consortium against its no-sharing variant: the
 * report shows per-site and regional figures with the network file's site
 * names, and what sharing the DSA is worth in waits and in money.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

interface CompareJson {
  differences: Record<string, { mean: number; significant: boolean; meanA: number; meanB: number }>;
}

describe('hospital-twin compare on a network', () => {
  it('consortium vs consortium-own-dsa: per-site and regional costs by name, the counties wait less for their own DSA and the region pays more', async () => {
    const text = await runCli(['compare', 'consortium', 'consortium-own-dsa', '--replications', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Network: cost by site and for the region');
    for (const site of ['City tertiary hospital', 'East county hospital', 'North county hospital', 'West county hospital', 'Region (all sites)'])
      expect(text.stdout).toContain(site);
    expect(text.stdout).toMatch(/East county hospital\s+internal charges paid/);

    const json = await runCli(['compare', 'consortium', 'consortium-own-dsa', '--replications', '3', '--json']);
    expect(json.code).toBe(0);
    const d = (JSON.parse(json.stdout) as CompareJson).differences;
    // Each county buying its own DSA: the region pays more, and each county's own cost rises.
    expect(d['regionCost.total']!.mean).toBeGreaterThan(0);
    expect(d['regionCost.total']!.significant).toBe(true);
    for (const site of ['east', 'north', 'west']) expect(d[`siteCost.${site}.total`]!.mean).toBeGreaterThan(0);
    // ... and the counties' patients wait less for a DSA (no slot, trip or queue at the tertiary site).
    expect(d['wait.west_dsa.mean']!.mean).toBeLessThan(0);
    expect(d['wait.north_dsa.mean']!.significant).toBe(true);
    // With sharing, the tertiary site's charges earned equal what the counties paid (B, with no sharing, charges nothing).
    const paid = ['east', 'north', 'west'].reduce((s, site) => s + d[`charges.${site}.paid`]!.meanA, 0);
    expect(paid).toBeGreaterThan(0);
    expect(d['charges.tertiary.income']!.meanA).toBeCloseTo(paid, 6);
    expect(d['charges.tertiary.income']!.meanB).toBe(0);
  }, 300_000);
});
