/**
 * XES (IEEE 1849-2023) event logs, read with a streaming XML parser (saxes):
 * no document tree is built, so a large log costs little more than its text.
 * Each event becomes a row of its attributes by key; the trace's attributes
 * are added as `case:<key>` (the trace's `concept:name` is the case id,
 * `case:concept:name`). Nested (meta-)attributes, lists and containers are
 * left out.
 *
 * When the log has `lifecycle:transition` "start" events, each start is paired
 * with the next "complete" of the same activity in the same trace (and the same
 * `concept:instance`, when the log gives one), first in first out, into one
 * row: `start_timestamp` the start's time, `time:timestamp` the completion's
 * (pm4py's names for an interval log). A completion with no start is an
 * instant (both times equal); a start never completed has an empty
 * `time:timestamp`, read as still running when the log ends. Other transitions
 * (schedule, suspend, ...) stay rows of their own, for the mapping's
 * `lifecycle` filter to keep or drop.
 */
import { SaxesParser, type SaxesTag } from 'saxes';
import { CalibrationError } from '../errors.js';
import { pushRow, type FlatRow, type FlatTable } from './flat-table.js';

const ATTRIBUTE = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const NESTED = new Set(['list', 'container', 'values']);

export function readXesTable(text: string, source: string): FlatTable {
  const parser = new SaxesParser({ position: true });
  const traces: { attributes: Map<string, string>; events: FlatRow[] }[] = [];
  const stack: string[] = [];
  let trace: (typeof traces)[number] | undefined;
  let event: FlatRow | undefined;
  let sawLog = false;
  let errors: string[] = [];
  parser.on('error', (e) => {
    errors.push(`line ${parser.line}: not well-formed XML (${e.message.replace(/^.*?:\d+:\d+: /, '')})`);
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name.replace(/^.*:/, '');
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'log') errors.push(`line ${parser.line}: the root element is <${tag.name}>, not an XES <log>`);
      sawLog = true;
      return;
    }
    if (name === 'trace' && parent === 'log') {
      trace = { attributes: new Map(), events: [] };
      traces.push(trace);
    } else if (name === 'event' && parent === 'trace' && trace) {
      event = { values: new Map(), line: parser.line };
      trace.events.push(event);
    } else if (ATTRIBUTE.has(name) && (parent === 'event' || parent === 'trace') && !stack.some((s) => NESTED.has(s))) {
      // Without namespace processing, saxes gives attributes as plain strings.
      const attributes = tag.attributes as Record<string, string>;
      const key = attributes['key'];
      const value = attributes['value'];
      if (typeof key !== 'string' || typeof value !== 'string') return;
      if (parent === 'event' && event) event.values.set(key, value);
      else if (parent === 'trace' && trace) trace.attributes.set(key, value);
    }
  });
  parser.on('closetag', () => {
    const name = stack.pop();
    if (name === 'event') event = undefined;
    else if (name === 'trace') trace = undefined;
  });
  try {
    parser.write(text).close();
  } catch {
    // saxes throws after calling the error handler when it cannot go on: the message is already kept.
  }
  if (!sawLog && errors.length === 0) errors.push('no XES <log> element found');
  if (errors.length > 0) {
    errors = errors.slice(0, 10);
    throw new CalibrationError(source, [`cannot be read as XES:`, ...errors]);
  }

  const paired = traces.some((t) => t.events.some((e) => lifecycle(e) === 'start'));
  const table: FlatTable = { columns: [], rows: [], notes: [] };
  const seen = new Set<string>(['case:concept:name', 'concept:name', 'start_timestamp', 'time:timestamp']);
  table.columns.push(...seen);
  let pairs = 0;
  let unmatched = 0;
  traces.forEach((t, i) => {
    const caseId = t.attributes.get('concept:name') ?? `trace ${i + 1}`;
    const caseValues = new Map<string, string>([['case:concept:name', caseId]]);
    for (const [k, v] of t.attributes) if (k !== 'concept:name') caseValues.set(`case:${k}`, v);
    const rows = paired
      ? pairLifecycle(
          t.events,
          (n) => (pairs += n),
          (n) => (unmatched += n),
        )
      : t.events.map((e) => instant(e));
    for (const r of rows) pushRow(table, seen, { values: new Map([...caseValues, ...r.values]), line: r.line });
  });
  if (paired)
    table.notes.push(
      `lifecycle start/complete pairs made into ${pairs} activities with a start and an end; ${unmatched} start(s) with no completion left open`,
    );
  return table;
}

function lifecycle(e: FlatRow): string {
  return (e.values.get('lifecycle:transition') ?? 'complete').toLowerCase();
}

/** An event as a row of its own: it starts when it happens. */
function instant(e: FlatRow): FlatRow {
  const values = new Map(e.values);
  values.set('start_timestamp', e.values.get('time:timestamp') ?? '');
  return { values, line: e.line };
}

function pairLifecycle(events: FlatRow[], onPair: (n: number) => void, onOpen: (n: number) => void): FlatRow[] {
  const out: FlatRow[] = [];
  const open = new Map<string, FlatRow[]>();
  const keyOf = (e: FlatRow): string => JSON.stringify([e.values.get('concept:name') ?? '', e.values.get('concept:instance') ?? '']);
  for (const e of events) {
    const transition = lifecycle(e);
    if (transition === 'start') {
      const row: FlatRow = { values: new Map(e.values), line: e.line };
      row.values.set('start_timestamp', e.values.get('time:timestamp') ?? '');
      row.values.set('time:timestamp', '');
      const list = open.get(keyOf(e)) ?? [];
      list.push(row);
      open.set(keyOf(e), list);
      out.push(row);
    } else if (transition === 'complete') {
      const row = open.get(keyOf(e))?.shift();
      if (!row) {
        out.push(instant(e));
        continue;
      }
      // The completion's attributes join the start's (its own win), and its time ends the activity.
      for (const [k, v] of e.values) if (k !== 'time:timestamp') row.values.set(k, v);
      row.values.set('time:timestamp', e.values.get('time:timestamp') ?? '');
      onPair(1);
    } else {
      out.push(instant(e));
    }
  }
  for (const list of open.values()) onOpen(list.length);
  return out;
}
