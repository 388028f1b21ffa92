import { describe, expect, it } from 'vitest';
import { builtinScenario, forecastModel, parseScenario, parseState, StateError } from '../scenarios/index.js';
import { runForecastReplication, summariseForecast } from '../workers/index.js';

/**
 * Booked electives delayed for want of a theatre: two cases on one list, the
 * second planned to start when the first does. The first gets the theatre at
 * the session's start (08:00, within the hour); the second waits for the first
 * operation (100 minutes on average) and more, so it is late in nearly every
 * replication.
 */
describe('booked cases: late for their theatre', () => {
  const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
  const booking = (id: string, start?: string) => ({
    id,
    class: 'electiveOrtho',
    at: '2026-03-05T07:30',
    ...(start ? { start } : {}),
    attributes: { procedure: 'hipReplacement', theatre: 'or2' },
  });
  const state = parseState(
    {
      asOf: '2026-03-05T07:00',
      patients: [],
      booked: [booking('first', '2026-03-05T08:00'), booking('second', '2026-03-05T08:00'), booking('unplanned')],
    },
    'test',
  );
  const fm = forecastModel(hospital, state, 24);
  const reps = Array.from({ length: 30 }, (_, i) => runForecastReplication(fm, 24, 3, i + 1).forecast);
  const s = summariseForecast(fm.model, state.asOf, 24, fm.booked, reps);
  const [first, second, unplanned] = s.booked;

  it('the first case starts on time, the second more than an hour late, a case without a planned start is not judged', () => {
    // An empty hospital at 07:00 on a Thursday: beds, kit and the 08:00 session are there.
    expect(first!.pCancelled).toBe(0);
    expect(first!.start).toBe('2026-03-05T08:00');
    expect(first!.pDelayedForTheatre).toBe(0);
    // Hip replacement: lognormal mean 100 min, sd 22 min, plus the room's turnover: P(over 60 min) ≈ 0.97,
    // so of 30 replications at least 24 late with probability > 0.999 (binomial).
    expect(second!.pDelayedForTheatre).toBeGreaterThanOrEqual(24 / 30);
    expect(unplanned!.start).toBeUndefined();
    expect(unplanned!.pDelayedForTheatre).toBeNaN();
    for (const b of s.booked) expect(b.pDelayedForStock).toBe(0);
  });

  it('when the theatre was got is recorded per replication, after the planned start for the second', () => {
    for (const r of reps) {
      expect(r.bookedTheatreAt[0]).toBeGreaterThanOrEqual(60);
      expect(r.bookedTheatreAt[1]).toBeGreaterThan(r.bookedTheatreAt[0]!);
    }
  });

  it('a planned start before the arrival is refused by its path', () => {
    const bad = { asOf: '2026-03-05T07:00', patients: [], booked: [{ ...booking('x'), start: '2026-03-05T07:00' }] };
    expect(() => parseState(bad, 'bad.json')).toThrow(StateError);
    expect(() => parseState(bad, 'bad.json')).toThrow(/booked\[0\]\.start: must be at or after the arrival/);
  });
});
