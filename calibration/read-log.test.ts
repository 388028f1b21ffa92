import { describe, expect, it } from 'vitest';
import { CalibrationError } from './errors.js';
import { parseMapping, parseMappingText, type MappingInput } from './read/mapping.js';
import { readEventLog } from './read/read-log.js';
import { prepareFlow } from './read/flow.js';

const intervalMap = (extra: Partial<MappingInput> = {}): ReturnType<typeof parseMapping> =>
  parseMapping({ columns: { case: 'case', activity: 'activity', start: 'start', end: 'end', resource: 'resource' }, attributes: ['acuity'], ...extra });

function refusal(f: () => unknown): CalibrationError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalibrationError) return e;
    throw e;
  }
  throw new Error('expected a CalibrationError');
}

describe('reading an event log', () => {
  it('takes the case id from the first case column that is not empty, a fallback id marked with its column', () => {
    const csv = [
      'hadm,transfer,activity,start,end',
      'h1,t1,ED,2026-01-05T08:00:00,2026-01-05T09:00:00',
      ',t2,ED,2026-01-05T08:30:00,2026-01-05T09:30:00',
      ',,ED,2026-01-05T10:00:00,2026-01-05T11:00:00',
    ].join('\n');
    const log = readEventLog(csv, parseMapping({ columns: { case: ['hadm', 'transfer'], activity: 'activity', start: 'start', end: 'end' } }), 'log.csv');
    expect(log.rows.map((r) => r.case)).toEqual(['h1', 'transfer:t2']);
    expect(log.bad).toEqual([{ line: 4, reason: 'no case id (columns "hadm", "transfer")' }]);
    const missing = refusal(() =>
      readEventLog(csv, parseMapping({ columns: { case: ['hadm', 'visit'], activity: 'activity', start: 'start', end: 'end' } }), 'log.csv'),
    );
    expect(missing.problems[0]).toBe('columns.case[1]: the log has no column "visit"');
    expect(refusal(() => parseMapping({ columns: { case: [], activity: 'a', start: 's' } })).problems[0]).toBe('columns.case: must name at least one column');
  });

  it('counts every bad row by its line and why, and reads the rest', () => {
    const csv = [
      'case,activity,start,end,resource,acuity', // line 1
      'c1,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2', // 2 good
      ',triage,2026-01-05T08:05:00,2026-01-05T08:15:00,nurse,3', // 3 no case id
      'c2,triage,2026-01-05T08:20:00,2026-01-05T08:31:00,nurse,3', // 4 good
      'c3,triage,yesterday,2026-01-05T08:31:00,nurse,1', // 5 unparseable start
      '', // 6 empty: skipped, not bad
      'c4,triage,2026-01-05T09:00:00,2026-01-05T08:00:00,nurse,2', // 7 end before start
      'c5,triage,2026-01-05T09:00:00', // 8 too few fields
      'c6,"stay:ward",2026-01-05T09:00:00,,,2', // 9 good, still open (empty end)
      'c7,triage,2026-02-30T09:00:00,2026-02-30T09:10:00,nurse,1', // 10 no such date
      'c8,triage,2026-01-05T10:00:00,2026-01-05T10:05:00,nurse,1', // 11 good
      'c9,triage,2026-01-05T11:00:00,2026-01-05T11:05:00,nurse,1', // 12 good
    ].join('\n');
    const log = readEventLog(csv, intervalMap(), 'log.csv');
    expect(log.kind).toBe('intervals');
    expect(log.bad.map((b) => b.line)).toEqual([3, 5, 7, 8, 10]);
    expect(log.bad[0]!.reason).toMatch(/no case id/);
    expect(log.bad[1]!.reason).toMatch(/"yesterday" cannot be read/);
    expect(log.bad[2]!.reason).toMatch(/ends .* before it starts/);
    expect(log.bad[3]!.reason).toMatch(/has 3 fields, the header has 6/);
    expect(log.bad[4]!.reason).toMatch(/2026-02-30T09:00:00/);
    expect(log.counts).toEqual({ records: 10, used: 5, filtered: 0, open: 1, fallbackIds: {} });
    expect(log.rows.find((r) => r.case === 'c6')!.end).toBeNull();
    expect(log.rows.find((r) => r.case === 'c1')!.attributes).toEqual({ acuity: '2' });
  });

  it('refuses a quote never closed, naming the line it opens on, rather than dropping the lines after it', () => {
    const csv = [
      'case,activity,start,end,resource,acuity',
      'c1,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2',
      'c2,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2',
      'c3,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2',
      'c4,"triage,2026-01-05T09:00:00,2026-01-05T09:10:00,nurse,1',
      'c5,triage,2026-01-05T10:00:00,2026-01-05T10:05:00,nurse,1',
    ].join('\n');
    const e = refusal(() => readEventLog(csv, intervalMap(), 'log.csv'));
    expect(e.problems[0]).toMatch(/^line 5: a quote opened on this line is never closed, so lines 5 to 6/);
  });

  it('refuses a log whose quote opened at line 502 is closed 7,000 lines later (most of the log one row), naming line 502', () => {
    const rows = ['case,activity,start,end,resource,acuity'];
    for (let i = 2; i <= 7768; i++) {
      const day = String(5 + (i % 20)).padStart(2, '0');
      const note = i === 502 ? '"triage' : i === 7500 ? 'triage"' : 'triage';
      rows.push(`c${i},${note},2026-01-${day}T08:00:00,2026-01-${day}T08:10:00,nurse,2`);
    }
    const e = refusal(() => readEventLog(rows.join('\n') + '\n', intervalMap(), 'log.csv'));
    expect(e.problems[0]).toMatch(/^line 502: one row runs over lines 502 to \d{4}/);
  });

  it('still reads a quoted field with a few line breaks in it (a note), and a trailing blank line', () => {
    const csv =
      'case,activity,start,end,resource,acuity\nc1,"triage\nwith a note\nof three lines",2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2\nc2,triage,2026-01-05T09:00:00,2026-01-05T09:10:00,nurse,2\n\n\n';
    const log = readEventLog(csv, intervalMap(), 'log.csv');
    expect(log.rows.map((r) => [r.case, r.line])).toEqual([
      ['c1', 2],
      ['c2', 5],
    ]);
  });

  it('refuses a file that is mostly bad, saying how much and showing the first bad lines', () => {
    const rows = ['case,activity,start,end,resource,acuity', 'c1,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,2'];
    for (let i = 0; i < 9; i++) rows.push(`c${i + 2},triage,05/01/2026 08:00,05/01/2026 08:10,nurse,1`);
    const e = refusal(() => readEventLog(rows.join('\n'), intervalMap(), 'mostly-bad.csv'));
    expect(e.message).toContain('mostly-bad.csv');
    expect(e.message).toMatch(/9 of its 10 rows \(90%\) are bad/);
    expect(e.message).toMatch(/mostly bad/);
    expect(e.message).toContain('line 3: time "05/01/2026 08:00" cannot be read as iso');
  });

  it('names the missing column and lists the ones the log has (and suspects the delimiter)', () => {
    const e = refusal(() => readEventLog('case;activity;start;end\nc1;a;2026-01-05T08:00;2026-01-05T09:00\n', intervalMap(), 'semi.csv'));
    expect(e.problems.join('\n')).toMatch(/columns.case: the log has no column "case" \(the header has a single column: is the delimiter "," right\?\)/);
    expect(e.problems.join('\n')).toContain('"case;activity;start;end"');
  });

  it('reads semicolons, a day-first pattern and a time zone: durations across the spring clock change are exact', () => {
    // Europe/Amsterdam moved from 02:00 to 03:00 on 30 March 2014: 01:30 to 03:30 local is one hour.
    const m = parseMapping({
      delimiter: ';',
      columns: { case: 'id', activity: 'what', start: 'from', end: 'to' },
      time: { format: 'DD/MM/YYYY HH:mm', zone: 'Europe/Amsterdam' },
    });
    const log = readEventLog('id;what;from;to\nk;stay;30/03/2014 01:30;30/03/2014 03:30\n', m, 'dst.csv');
    const r = log.rows[0]!;
    expect(r.end! - r.start).toBe(60);
    expect(r.wallOffset).toBe(60);
  });

  it('keeps each ISO offset, as the Sepsis log writes them, and counts hours on the written clock', () => {
    const m = parseMapping({
      delimiter: ';',
      columns: { case: 'case_id', activity: 'activity', timestamp: 'timestamp', lifecycle: 'lifecycle' },
      lifecycle: ['complete'],
    });
    const csv = [
      'case_id;activity;timestamp;lifecycle',
      'A;ER Registration;2014-10-25T23:30:00.000+02:00;complete',
      'A;ER Triage;2014-10-26T02:30:00.000+01:00;complete', // after the autumn change: 4 hours later, not 3
      'A;ER Triage;2014-10-26T02:35:00.000+01:00;start', // filtered, not bad
    ].join('\n');
    const log = readEventLog(csv, m, 'sepsis-like.csv');
    expect(log.kind).toBe('events');
    expect(log.counts.filtered).toBe(1);
    expect(log.bad).toEqual([]);
    const [a, b] = log.rows;
    expect(b!.start - a!.start).toBe(240);
    expect((a!.start + a!.wallOffset) % 1440).toBe(23 * 60 + 30);
    expect(log.resolution).toBe(1);
  });

  it('a mapping that is wrong is refused with every problem by its path', () => {
    const e = refusal(() => parseMappingText('columns: { case: id, activity: act }\ndelimiter: "#"\ntime: { zone: Mars/Olympus }\n', 'bad-map.yaml'));
    const text = e.problems.join('\n');
    expect(text).toMatch(/columns: must name either a timestamp column/);
    expect(text).toMatch(/delimiter/);
    const z = refusal(() => parseMapping({ columns: { case: 'c', activity: 'a', timestamp: 't' }, time: { zone: 'Mars/Olympus' } }, 'zone.yaml'));
    expect(z.problems.join('\n')).toMatch(/time.zone: "Mars\/Olympus" is not a time zone/);
  });
});

describe('from rows to cases', () => {
  it('drops what the mapping drops, takes case start and end from markers, and knows an open case', () => {
    const m = intervalMap({ model: { caseStart: ['arrive'], caseEnd: ['leave'], drop: ['lab'], stays: { prefix: 'stay:' } } });
    const csv = [
      'case,activity,start,end,resource,acuity',
      'p1,arrive,2026-01-05T08:00:00,2026-01-05T08:00:00,,2',
      'p1,triage,2026-01-05T08:05:00,2026-01-05T08:15:00,nurse,2',
      'p1,lab,2026-01-05T08:20:00,2026-01-05T08:25:00,lab,2',
      'p1,leave,2026-01-05T08:30:00,2026-01-05T08:30:00,,2',
      'p2,arrive,2026-01-06T09:00:00,2026-01-06T09:00:00,,1',
      'p2,triage,2026-01-06T09:00:00,2026-01-06T09:10:00,nurse,1',
      'p2,stay:ward,2026-01-06T09:10:00,,ward,1',
    ].join('\n');
    const flow = prepareFlow(readEventLog(csv, m, 'x.csv'), m.model);
    expect(flow.cases.map((c) => [c.id, c.events.map((e) => e.activity), c.open])).toEqual([
      ['p1', ['triage'], false],
      ['p2', ['triage', 'stay:ward'], true],
    ]);
    expect(flow.cases[0]!.arrival).toBe(Date.UTC(2026, 0, 5, 8) / 60000);
    expect(flow.stayWard.get('stay:ward')).toEqual({ ward: 'ward', type: 'general' });
    expect(flow.dropped.byActivity).toEqual({ lab: 1 });
    expect(flow.window.days).toBe(2);
  });

  it('stays.others makes a ward of every other activity, ids from sorted names so row order cannot change them', () => {
    const m = intervalMap({
      model: { stays: { activities: [{ activity: 'Intensive Care', ward: 'icu', type: 'icu' }], others: 'general', endAt: ['discharge'] } },
    });
    const rows = [
      'p1,Medicine,2026-01-05T08:00:00,2026-01-06T08:00:00,,2',
      'p1,Intensive Care,2026-01-06T08:00:00,2026-01-07T08:00:00,,2',
      'p1,discharge,2026-01-07T08:00:00,2026-01-07T08:00:00,,2',
      'p2,Medicine!,2026-01-05T09:00:00,2026-01-05T19:00:00,,1',
      'p2,icu,2026-01-05T19:00:00,2026-01-06T19:00:00,,1',
    ];
    const header = 'case,activity,start,end,resource,acuity';
    const wards = (lines: string[]) => {
      const flow = prepareFlow(readEventLog([header, ...lines].join('\n'), m, 'x.csv'), m.model);
      return Object.fromEntries([...flow.stayWard].map(([a, w]) => [a, `${w.ward}/${w.type}`]));
    };
    const forward = wards(rows);
    expect(forward).toEqual({ 'Intensive Care': 'icu/icu', icu: 'icu-2/general', Medicine: 'Medicine/general', 'Medicine!': 'medicine/general' });
    expect(wards([...rows].reverse())).toEqual(forward);
  });

  it('a length of stay must start at its from activities or after its fromFirstOtherThan ones, not both or neither', () => {
    const both = refusal(() => intervalMap({ model: { lengthOfStay: { from: ['a'], fromFirstOtherThan: ['b'] } } }));
    expect(both.problems.join('\n')).toMatch(/model.lengthOfStay: must say where a stay starts/);
    const neither = refusal(() => intervalMap({ model: { lengthOfStay: { to: ['b'] } } }));
    expect(neither.problems.join('\n')).toMatch(/model.lengthOfStay: must say where a stay starts/);
  });
});
