import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario, scenarioFigureContext } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { sharedSites, siteDifferences } from './site-differences.js';

const parsed = (name: string) => parseScenario(builtinScenario(name)!.document, name);
const a = parsed('consortium');
const b = parsed('consortium-own-dsa');
const ctx = scenarioFigureContext(a, b);

/** A paired difference by hand: B − A = meanB − meanA, significant when the interval [lo, hi] excludes 0. */
const d = (meanA: number, meanB: number, lo: number, hi: number): FigureDifference => ({
  mean: meanB - meanA,
  ci95: [lo, hi],
  n: 3,
  significant: lo > 0 || hi < 0,
  meanA,
  meanB,
});

describe('two networks compared site by site, in words', () => {
  it('names every site as the network file does, then the region', () => {
    expect(sharedSites(a, b).map((s) => s.name)).toEqual(['City tertiary hospital', 'East county hospital', 'North county hospital', 'West county hospital']);
    expect(sharedSites(parsed('general-hospital'), parsed('general-hospital'))).toEqual([]);
  });

  it('says what each site costs after charges and its biggest significant change in waiting, and what the region pays', () => {
    const diff: Record<string, FigureDifference> = {
      'siteCost.tertiary.afterCharges': d(1_000_000, 1_000_500, -2_000, 3_000),
      'siteCost.east.afterCharges': d(400_000, 650_000, 200_000, 300_000),
      'siteCost.north.afterCharges': d(300_000, 540_000, 200_000, 280_000),
      'siteCost.west.afterCharges': d(350_000, 600_000, 210_000, 290_000),
      // East: two waits changed; the DSA's by far the most for its size.
      'wait.east_dsa.mean': d(600, 30, -700, -440),
      'wait.east_medical.mean': d(100, 90, -15, -5),
      'wait.north_dsa.mean': d(500, 480, -60, 20),
      'regionCost.total': d(2_050_000, 2_790_500, 650_000, 830_000),
      'regionCost.internalCharges': d(0, 0, 0, 0),
    };
    const rows = siteDifferences(diff, ctx, a, b);
    expect(rows.map((r) => r.id)).toEqual(['tertiary', 'east', 'north', 'west', 'region']);
    const [tertiary, east, north, , region] = rows;
    expect(tertiary!.sentence).toMatch(/^City tertiary hospital costs about the same after internal charges \(no significant change: 95% interval /);
    expect(tertiary!.tone).toBe('neutral');
    expect(east!.sentence).toMatch(/^East county hospital costs more, after internal charges, by 250,000/);
    expect(east!.sentence).toContain('400,000 → 650,000');
    expect(east!.sentence).toMatch(/its biggest change in waiting is "Wait for East county hospital: [^"]*dsa[^"]*": shorter by 570 min \(600 min → 30 min; /i);
    expect(east!.tone).toBe('worse');
    // North's DSA wait did not change significantly: said so, not shown as a change.
    expect(north!.sentence).toContain('no waiting time there changes significantly');
    expect(region!.name).toBe('The region (all sites)');
    expect(region!.sentence).toMatch(/^The region \(all sites\) costs more in total by 740,500 .*Internal charges net to 0 over the region in both\.$/);
  });
});
