import { describe, expect, it } from 'vitest';
import { LABEL_PX, timelineTicks } from './ticks.js';

describe('marks under the timeline', () => {
  it('labels every day when a day is wide, with Mondays marked as weeks', () => {
    const ticks = timelineTicks('2026-01-05T00:00', 14 * 1440, 1400);
    expect(ticks.filter((t) => t.label).length).toBe(15);
    expect(ticks[0]!.label).toBe('Mon 5 Jan');
  });
  it('labels only months for a year on a laptop, so labels never overlap', () => {
    const width = 1200;
    const end = 386 * 1440;
    const labelled = timelineTicks('2026-01-05T00:00', end, width).filter((t) => t.label);
    expect(labelled[0]!.label).toBe('Feb 2026');
    for (let i = 1; i < labelled.length; i++) expect(((labelled[i]!.t - labelled[i - 1]!.t) / end) * width).toBeGreaterThanOrEqual(64);
  });
  it('never runs two date labels together ("Mon 11 MayMon 18 May"), whatever the width and length of the run', () => {
    for (const days of [14, 49, 141, 386])
      for (let width = 300; width <= 2400; width += 37) {
        const end = days * 1440;
        const labelled = timelineTicks('2026-01-05T00:00', end, width).filter((t) => t.label);
        for (let i = 1; i < labelled.length; i++)
          expect(((labelled[i]!.t - labelled[i - 1]!.t) / end) * width, `${days} days at ${width} px`).toBeGreaterThanOrEqual(LABEL_PX);
      }
  });
});
