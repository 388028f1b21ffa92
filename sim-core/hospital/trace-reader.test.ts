import { describe, expect, it } from 'vitest';
import { TraceBuffer, type TraceRecorder } from '../trace.js';
import { readTrace, TraceReader, type TraceEvent, type TraceEventKind } from './trace-reader.js';
import { BRANCH_END_WORDS, EXIT_KINDS, TRACE_ATTRIBUTE_PREFIX, TRACE_PLACED, TRACE_WORDS, type TraceWordKey } from './trace-words.js';

/** A few patients' rows, written as the trace observer writes them (its words coded first, in the vocabulary's order). */
function recordStory(trace: TraceRecorder): void {
  const w = Object.fromEntries(Object.entries(TRACE_WORDS).map(([key, word]) => [key, trace.code(word)])) as Record<TraceWordKey, number>;
  const acuity = trace.code(`${TRACE_ATTRIBUTE_PREFIX}acuity`);
  const [cubicle, theatre, ct] = ['cubicle', 'theatre', 'ct'].map((name) => trace.place(name)) as [number, number, number];
  const [ed, surgery] = ['ed', 'surgery'].map((name) => trace.place(name)) as [number, number];
  trace.record(0, 0, w.arrive, ed);
  trace.record(0, 0, acuity, trace.place('2'));
  trace.record(0, 0, w.request, cubicle);
  trace.record(1, 0, w.seize, cubicle);
  trace.record(1, 0, w.start, trace.place('triage'));
  trace.record(5, 0, w.finish, trace.place('triage'));
  trace.record(5, 0, w.stockout, trace.place('gauze'));
  trace.record(6, 0, w.release, cubicle);
  trace.record(6, 0, w.leave, ed);
  trace.record(7, -1, w.breakdown, ct);
  trace.record(8, -1, w.repair, ct);
  trace.record(9, 1, trace.code(TRACE_PLACED), surgery);
  trace.record(9, 1, w.seize, theatre);
  trace.record(10, 1, w.cancelled, surgery);
  trace.record(12, 1, w.turnoverEnd, theatre);
  trace.record(13, 2, w.arrive, ed);
  trace.record(14, 2, w.leftUnseen, ed);
  trace.record(15, 3, w.arrive, ed);
  trace.record(15, 3, w.turnedAway, ed);
}

/** The events as plain copies (the reader refills one object per word). */
function eventsOf(record: (onEvent: (e: TraceEvent) => void) => void): TraceEvent[] {
  const out: TraceEvent[] = [];
  record((e) => out.push({ ...e }));
  return out;
}

function recorded(): ReturnType<TraceBuffer['toData']> {
  const buffer = new TraceBuffer();
  recordStory(buffer);
  return buffer.toData();
}

describe('trace reader', () => {
  it('reads every kind of row of a recorded trace as its typed event, in order', () => {
    const trace = recorded();
    const events = eventsOf((on) => readTrace(trace, on));
    const place = (name: string): number => trace.whereNames.indexOf(name);
    expect(events).toEqual([
      { kind: 'arrived', time: 0, patient: 0, place: place('ed'), klass: 'ed', placed: false },
      { kind: 'attribute', time: 0, patient: 0, place: place('2'), name: 'acuity', value: '2' },
      { kind: 'requested', time: 0, patient: 0, place: place('cubicle'), resource: 'cubicle' },
      { kind: 'seized', time: 1, patient: 0, place: place('cubicle'), resource: 'cubicle' },
      { kind: 'started', time: 1, patient: 0, place: place('triage'), activity: 'triage' },
      { kind: 'finished', time: 5, patient: 0, place: place('triage'), activity: 'triage' },
      { kind: 'stockOut', time: 5, patient: 0, place: place('gauze'), item: 'gauze' },
      { kind: 'released', time: 6, patient: 0, place: place('cubicle'), resource: 'cubicle' },
      { kind: 'left', time: 6, patient: 0, place: place('ed'), klass: 'ed', exit: 'leave', completed: true },
      { kind: 'brokeDown', time: 7, patient: -1, place: place('ct'), resource: 'ct' },
      { kind: 'repaired', time: 8, patient: -1, place: place('ct'), resource: 'ct' },
      { kind: 'arrived', time: 9, patient: 1, place: place('surgery'), klass: 'surgery', placed: true },
      { kind: 'seized', time: 9, patient: 1, place: place('theatre'), resource: 'theatre' },
      { kind: 'left', time: 10, patient: 1, place: place('surgery'), klass: 'surgery', exit: 'cancelled', completed: false },
      { kind: 'turnoverEnded', time: 12, patient: 1, place: place('theatre'), resource: 'theatre' },
      { kind: 'arrived', time: 13, patient: 2, place: place('ed'), klass: 'ed', placed: false },
      { kind: 'left', time: 14, patient: 2, place: place('ed'), klass: 'ed', exit: 'leftUnseen', completed: false },
      { kind: 'arrived', time: 15, patient: 3, place: place('ed'), klass: 'ed', placed: false },
      { kind: 'left', time: 15, patient: 3, place: place('ed'), klass: 'ed', exit: 'turnedAway', completed: false },
    ]);
  });

  it('reads a run as it records the same events it reads back from the recorded trace', () => {
    const live = eventsOf((on) => recordStory(new TraceReader(on)));
    expect(live).toEqual(eventsOf((on) => readTrace(recorded(), on)));
  });

  it('reads every word of the vocabulary (a word the reader dropped fails here)', () => {
    const expected: Record<TraceWordKey, TraceEventKind> = {
      arrive: 'arrived',
      request: 'requested',
      seize: 'seized',
      release: 'released',
      start: 'started',
      finish: 'finished',
      leave: 'left',
      leftUnseen: 'left',
      cancelled: 'left',
      turnedAway: 'left',
      stockout: 'stockOut',
      breakdown: 'brokeDown',
      repair: 'repaired',
      turnoverEnd: 'turnoverEnded',
    };
    const words: [string, TraceEventKind][] = [
      ...Object.entries(expected).map(([key, kind]) => [TRACE_WORDS[key as TraceWordKey], kind] as [string, TraceEventKind]),
      [TRACE_PLACED, 'arrived'],
      [`${TRACE_ATTRIBUTE_PREFIX}ward`, 'attribute'],
    ];
    const seen: string[] = [];
    const reader = new TraceReader((e) => seen.push(e.kind));
    const at = reader.place('somewhere');
    for (const [word] of words) reader.record(0, 0, reader.code(word), at);
    expect(seen).toEqual(words.map(([, kind]) => kind));
    // Every exit kind is read as its own exit.
    const exits: string[] = [];
    const exitReader = new TraceReader((e) => e.kind === 'left' && exits.push(e.exit));
    for (const exit of EXIT_KINDS) exitReader.record(0, 0, exitReader.code(TRACE_WORDS[exit]), exitReader.place('ed'));
    expect(exits).toEqual([...EXIT_KINDS]);
    // And every exit kind a split's branch may end by is read as the branch's end, not the patient's exit.
    const ends: string[] = [];
    const endReader = new TraceReader((e) => e.kind === 'branchEnded' && ends.push(`${e.exit} ${e.klass}`));
    for (const exit of EXIT_KINDS) endReader.record(0, 0, endReader.code(BRANCH_END_WORDS[exit]), endReader.place('ed'));
    expect(ends).toEqual(EXIT_KINDS.map((exit) => `${exit} ed`));
    expect(BRANCH_END_WORDS.cancelled).toBe('branch-end:cancelled');
  });

  it('refuses a word it does not know by name, even one no row uses', () => {
    const trace = recorded();
    const withStray = { ...trace, whatNames: [...trace.whatNames, 'teleported'] };
    expect(() => readTrace(withStray, () => {})).toThrow(/"teleported"/);
    expect(() => new TraceReader(() => {}).code('teleported')).toThrow(/"teleported"/);
  });

  it('stops after the rows at the minute it is read until', () => {
    const events = eventsOf((on) => readTrace(recorded(), on, { until: 6 }));
    expect(events.map((e) => e.time)).toEqual([0, 0, 0, 1, 1, 5, 5, 6, 6]);
  });
});
