import { describe, expect, it } from 'vitest';
import { TraceBuffer } from '../sim-core/index.js';
import { eventLogCsvLines, eventLogHeader, eventLogRows } from './event-log.js';
import { localDateTime } from './local-time.js';

/** A hand-written trace in the codes run-hospital.ts records. */
function trace(rows: [time: number, entity: number, what: string, where: string][]): ReturnType<TraceBuffer['toData']> {
  const t = new TraceBuffer();
  t.code('attr:acuity');
  for (const [time, entity, what, where] of rows) t.record(time, entity, t.code(what), t.place(where));
  return t.toData();
}

describe('event log from a trace', () => {
  const data = trace([
    [10, 0, 'arrive', 'ed'], // arrives during the warm-up: left out
    [60, 1, 'arrive', 'ed'],
    [60, 1, 'attr:acuity', '2'],
    [60, 1, 'request', 'cubicle'],
    [75, 1, 'seize', 'cubicle'],
    [75, 1, 'request', 'doctor'],
    [80, 1, 'seize', 'doctor'],
    [80, 1, 'start', 'assessment'],
    [100, 1, 'finish', 'assessment'],
    [100, 1, 'release', 'doctor'],
    [100, 0, 'leave', 'ed'],
    [100, 1, 'start', 'waiting room'],
    [130, 1, 'finish', 'waiting room'],
    [130, 1, 'release', 'cubicle'],
    [130, 1, 'leave', 'ed'],
    [140, -1, 'breakdown', 'ct'],
    [150, 2, 'arrive', 'elective'],
    [150, 2, 'seize', 'or1'],
    [150, 2, 'start', 'surgery'], // still running at the end: a row with no end
  ]);
  const rows = eventLogRows(data, { replication: 3, warmup: 30, attributes: ['acuity'] });

  it('has one row per activity, with the resources held during it, plus arrive and leave; a running one has no end', () => {
    expect(rows.map((r) => [r.case, r.activity, r.start, r.end, r.resource])).toEqual([
      ['r3-p1', 'arrive', 60, 60, ''],
      ['r3-p1', 'assessment', 80, 100, 'cubicle;doctor'],
      ['r3-p1', 'waiting room', 100, 130, 'cubicle'],
      ['r3-p1', 'leave', 130, 130, ''],
      ['r3-p2', 'arrive', 150, 150, ''],
      ['r3-p2', 'surgery', 150, NaN, 'or1'],
    ]);
    expect([...eventLogCsvLines(rows, '2026-01-05T08:00')][5]).toBe('r3-p2,surgery,2026-01-05T10:30:00,,or1,elective,\n');
  });

  it('writes local date-times from the scenario start, the class and the attributes on every row', () => {
    expect(eventLogHeader(['acuity'])).toEqual(['case', 'activity', 'start', 'end', 'resource', 'class', 'acuity']);
    const lines = [...eventLogCsvLines(rows, '2026-01-05T08:00')];
    expect(lines[1]).toBe('r3-p1,assessment,2026-01-05T09:20:00,2026-01-05T09:40:00,cubicle;doctor,ed,2\n');
    expect(lines[4]).toBe('r3-p2,arrive,2026-01-05T10:30:00,2026-01-05T10:30:00,,elective,\n');
  });

  it('quotes names that hold commas or quotes', () => {
    const odd = eventLogRows(
      trace([
        [0, 0, 'arrive', 'ed'],
        [0, 0, 'start', 'scan, "urgent"'],
        [5, 0, 'finish', 'scan, "urgent"'],
      ]),
      { replication: 1, warmup: 0, attributes: [] },
    );
    expect([...eventLogCsvLines(odd, '2026-01-05T00:00')][1]).toBe('r1-p0,"scan, ""urgent""",2026-01-05T00:00:00,2026-01-05T00:05:00,,ed\n');
  });
});

describe('local date-times', () => {
  it('adds simulated minutes to the start, to the second, across days, months and years', () => {
    expect(localDateTime('2026-01-05T08:30', 0)).toBe('2026-01-05T08:30:00');
    expect(localDateTime('2026-01-05T08:30', 90.5)).toBe('2026-01-05T10:00:30');
    expect(localDateTime('2026-12-31T23:00', 61)).toBe('2027-01-01T00:01:00');
    expect(localDateTime('2028-02-28T12:00', 1440)).toBe('2028-02-29T12:00:00');
  });

  it('has no daylight-saving jumps: simulated time is plain minutes', () => {
    // 29 March 2026 is the EU spring-forward day; a simulated day is still 1440 minutes.
    expect(localDateTime('2026-03-29T00:00', 180)).toBe('2026-03-29T03:00:00');
  });
});
