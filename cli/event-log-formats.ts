/**
 * The simulated event log as process-mining tools read it (ProM, pm4py, bupaR,
 * Celonis), beside the CSV of ./event-log.ts:
 *
 * XES: one trace per patient (concept:name the case id, `class` and the patient's
 *   attributes on the trace); each activity a `start` event and a `complete` event
 *   (lifecycle:transition), or one `complete` event when it takes no time (arrive,
 *   leave); an activity still running at the end has its start only; org:resource
 *   the resources held, ";"-joined.
 * OCEL 2.0 JSON: the same events, each related to its patient (qualifier
 *   "patient") and to each resource it held, as objects typed by what they are
 *   (each kind's event-log noun in scenarios/kinds: ward, staff, operating room,
 *   imaging device, resource pool: a group, not a person or a bed).
 *
 * Times are the scenario's clock, written as UTC (simulated time has no zone and
 * no daylight saving).
 */
import { eventLogTypes, type Scenario } from '../scenarios/index.js';
import { OcelJsonWriter, xesTrace, type OcelWriteObject, type XesAttribute } from '../calibration/index.js';
import type { EventLogRow } from './event-log.js';
import { localDateTime } from './local-time.js';

interface TimedEvent {
  activity: string;
  at: number;
  transition: 'start' | 'complete';
  resource: string;
}

/** An activity as its start and complete events (one complete when it takes no time; start alone while running). */
function eventsOf(r: EventLogRow): TimedEvent[] {
  if (r.start === r.end) return [{ activity: r.activity, at: r.start, transition: 'complete', resource: r.resource }];
  const start: TimedEvent = { activity: r.activity, at: r.start, transition: 'start', resource: r.resource };
  return Number.isNaN(r.end) ? [start] : [start, { activity: r.activity, at: r.end, transition: 'complete', resource: r.resource }];
}

/** Rows by case, in order of each case's first row; a case's events in order of time (starts before completions at the same time as they were written). */
function byCase(rows: readonly EventLogRow[]): Map<string, { row: EventLogRow; events: TimedEvent[] }> {
  const cases = new Map<string, { row: EventLogRow; events: TimedEvent[] }>();
  for (const r of rows) {
    const c = cases.get(r.case) ?? { row: r, events: [] };
    c.events.push(...eventsOf(r));
    cases.set(r.case, c);
  }
  for (const c of cases.values()) c.events.sort((a, b) => a.at - b.at);
  return cases;
}

const xesTime = (start: string, minutes: number): string => `${localDateTime(start, minutes)}.000+00:00`;

/** One replication's traces as XES text (between xesHeader and XES_FOOTER). */
export function* eventLogXesTraces(rows: readonly EventLogRow[], start: string, attributes: readonly string[], classColumn: string): Generator<string> {
  for (const [id, c] of byCase(rows)) {
    const traceAttributes: XesAttribute[] = [
      { key: 'concept:name', type: 'string', value: id },
      { key: classColumn, type: 'string', value: c.row.patient.klass },
      ...attributes.flatMap((name, i): XesAttribute[] =>
        c.row.patient.attributes[i] ? [{ key: name, type: 'string', value: c.row.patient.attributes[i]! }] : [],
      ),
    ];
    const events = c.events.map((e): XesAttribute[] => [
      { key: 'concept:name', type: 'string', value: e.activity },
      { key: 'time:timestamp', type: 'date', value: xesTime(start, e.at) },
      { key: 'lifecycle:transition', type: 'string', value: e.transition },
      ...(e.resource ? [{ key: 'org:resource', type: 'string' as const, value: e.resource }] : []),
    ]);
    yield xesTrace({ attributes: traceAttributes, events });
  }
}

/** What each resource id of the scenario is, as an OCEL object type (its kind's event-log noun). */
export function resourceTypes(s: Scenario): Map<string, string> {
  return eventLogTypes(s);
}

/** Writes OCEL events for one replication and remembers its objects, for `end()`. */
export class OcelEventLog {
  readonly writer = new OcelJsonWriter();
  private readonly objects = new Map<string, OcelWriteObject>();
  private serial = 0;

  constructor(
    private readonly start: string,
    private readonly attributes: readonly string[],
    private readonly types: Map<string, string>,
    private readonly classColumn: string,
  ) {}

  *events(rows: readonly EventLogRow[]): Generator<string> {
    for (const [id, c] of byCase(rows)) {
      this.objects.set(id, {
        id,
        type: 'patient',
        attributes: [
          { name: this.classColumn, value: c.row.patient.klass },
          ...this.attributes.flatMap((name, i) => (c.row.patient.attributes[i] ? [{ name, value: c.row.patient.attributes[i]! }] : [])),
        ],
      });
      for (const e of c.events) {
        const held = e.resource ? e.resource.split(';') : [];
        for (const r of held)
          if (!this.objects.has(`resource:${r}`)) this.objects.set(`resource:${r}`, { id: r, type: this.types.get(r) ?? 'resource', attributes: [] });
        yield this.writer.event({
          id: `e${++this.serial}`,
          type: e.activity,
          time: `${localDateTime(this.start, e.at)}Z`,
          attributes: [{ name: 'lifecycle', value: e.transition }],
          relationships: [{ objectId: id, qualifier: 'patient' }, ...held.map((r) => ({ objectId: r, qualifier: this.types.get(r) ?? 'resource' }))],
        });
      }
    }
  }

  end(): string {
    return this.writer.end(this.objects.values());
  }
}
