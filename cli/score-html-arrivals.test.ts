import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenarios/index.js';
import { forecastBothWays } from '../test/forecast-both-ways.js';
import { arrivalsShare, scoreForecasts } from '../workers/index.js';
import { scoreHtml } from './score-html.js';
import { renderArrivalsShare } from './score-report.js';

/**
 * A ward where only the arrivals are random (every stay a fixed 25 hours):
 * forecast with the arrivals that came, each replication is the truth, so the
 * median's error is 0 and the arrivals' share of the error is 100%. The HTML
 * page must say so beside the usual forecast's error, as the text does.
 */
const fixedStays = {
  name: 'fixed-stays',
  start: '2026-03-02T00:00',
  horizonDays: 5,
  warmupDays: 0,
  seed: 3,
  wards: [{ id: 'ward', type: 'general', beds: 200, costPerBedDay: 400 }],
  patientClasses: [{ id: 'direct', department: 'medicine', arrivals: { type: 'weekly', perDay: 60 }, pathway: 'stay' }],
  pathways: {
    stay: [{ seize: ['ward'] }, { hold: { type: 'constant', value: 1500 }, activity: 'stay' }, { release: ['ward'] }],
  },
} as ScenarioInput;

describe('score --html: the arrivals’ share of the error beside the forecast', () => {
  const hours = 24;
  const { truth, moments: both } = forecastBothWays(fixedStays, [2 * 1440 + 7 * 60, 3 * 1440 + 13 * 60], hours, 10);
  const drawn = both.map((b) => b.model);
  const report = scoreForecasts(drawn, truth, { pooled: [1, hours] });
  const share = arrivalsShare(
    drawn,
    both.map((b) => b.real),
    truth,
    [1, hours],
  );

  it('shows each series’ share, the two errors side by side and the paired bars', () => {
    const ward = share.series.find((s) => s.name === 'ward')!;
    // Fixed stays: with the real arrivals the forecast is the truth, so all of the error is the arrivals'.
    expect(ward.realArrivals.maeMedian.value).toBe(0);
    expect(ward.modelArrivals.maeMedian.value).toBeGreaterThan(0);
    const html = scoreHtml(report, share);
    expect(html).toContain("<h2>The arrivals' share of the error</h2>");
    expect(html).toContain('2 moments forecast both ways');
    expect(html).toContain('ward census 100%');
    const row = /<tr><th scope="row">ward census \(beds\)<\/th>(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells[0]).toBe(`${ward.modelArrivals.maeMedian.value.toFixed(2)} ± ${ward.modelArrivals.maeMedian.se.toFixed(2)}`);
    expect(cells[1]).toBe('0.00 ± 0.00');
    expect(cells[3]).toBe('100%');
    // Bars: the model's error drawn, the real arrivals' of height 0.
    expect(html).toContain(`ward census, model&#39;s arrivals: ${ward.modelArrivals.maeMedian.value.toFixed(2)} beds`);
    expect(html).toContain('ward census, real arrivals: 0.00 beds');
    // The text report's table is there too, for copying.
    expect(html).toContain(renderArrivalsShare(share).split('\n')[1]!.replace(/'/g, '&#39;'));
    expect(html).not.toContain('<script');
  });

  it('without forecasts made both ways, the page has no such section', () => {
    const html = scoreHtml(report);
    expect(html).not.toContain('id="arrivals"');
    expect(html).toContain('PIT histogram');
  });
});
