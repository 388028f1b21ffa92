/**
 * Travel times by hour of the day, from a network document: each trip takes
 * the time of the hour it starts in (a rush hour from 07:00 to 10:00), read
 * back from the trace; a window that ends before it starts is refused by its path.
 */
import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, TRACE_WORDS } from '../../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError } from '../../scenarios/index.js';

const site = (refer: boolean): Record<string, unknown> => ({
  name: 'site',
  start: '2026-01-05T00:00',
  horizonDays: 14,
  resources: [{ id: 'bed', department: 'ward', units: 200 }],
  patientClasses: [{ id: 'patient', department: 'ward', arrivals: { type: 'weekly', perDay: 24 }, pathway: 'visit' }],
  pathways: {
    visit: [
      { seize: ['bed'] },
      { hold: { type: 'exponential', mean: 60 }, activity: 'assessment' },
      ...(refer ? [{ transfer: 'tertiary', pathway: 'referred' }] : []),
      { release: 'all' },
    ],
    referred: [{ seize: ['bed'] }, { hold: { type: 'constant', value: 30 }, activity: 'care' }, { release: ['bed'] }],
  },
});

const network = (byHour: unknown): unknown => ({
  name: 'rush-hour',
  sites: [
    { id: 'county', hospital: { scenario: site(true) } },
    { id: 'tertiary', hospital: { scenario: site(false) } },
  ],
  travel: [{ from: 'county', to: 'tertiary', minutes: { type: 'constant', value: 40 }, byHour }],
});

describe('travel times by hour of the day', () => {
  it('a window that ends before it starts is refused by its path', () => {
    let issues: string[] = [];
    try {
      parseScenario(network([{ from: 10, to: 7, minutes: { type: 'constant', value: 90 } }]), 'rush.json');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues = e.issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(issues).toEqual(['travel[0].byHour[0].to: must be after from (10), got 7']);
  });

  it('each trip takes 90 minutes when it leaves from 07:00 to 10:00 and 40 otherwise', () => {
    const doc = network([{ from: 7, to: 10, minutes: { type: 'constant', value: 90 } }]);
    const buffer = new TraceBuffer();
    runHospital(compileScenario(parseScenario(doc, 'rush.json')), { seed: 2, replication: 1, trace: buffer });
    const t = buffer.toData();
    const left = new Map<number, number>();
    const counts = { rush: 0, other: 0 };
    for (let i = 0; i < t.length; i++) {
      if (t.whereNames[t.where[i]!] !== 'transfer:transfer') continue;
      const what = t.whatNames[t.what[i]!];
      if (what === TRACE_WORDS.start) left.set(t.entity[i]!, t.time[i]!);
      if (what !== TRACE_WORDS.finish) continue;
      const at = left.get(t.entity[i]!)!;
      // The run starts on a Monday at 00:00: the hour of the day is the minute's within its day.
      const hour = Math.floor((at % 1440) / 60);
      const rush = hour >= 7 && hour < 10;
      expect(t.time[i]! - at).toBeCloseTo(rush ? 90 : 40, 9);
      counts[rush ? 'rush' : 'other']++;
    }
    expect(counts.rush).toBeGreaterThan(20);
    expect(counts.other).toBeGreaterThan(100);
  });
});
