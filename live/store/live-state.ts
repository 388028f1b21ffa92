/**
 * The hospital now, as a fold over the journal in event-time order (ties in
 * arrival order): a message that arrives late lands where it belongs. Folding
 * goes on incrementally while messages come in order; one that is earlier
 * than the last folded makes the next read fold again from the start.
 *
 * Each message is parsed once (the service hands over the event it read to
 * answer the message) and kept parsed, not as text: folding again after a late
 * message applies events, it does not parse the journal again.
 */
import {
  fhirResourceCounts,
  formatLocal,
  localMinutes,
  stateFromFhir,
  StateError,
  type FhirItem,
  type FhirMapping,
  type HospitalState,
} from '../../scenarios/index.js';
import { readAdt, type AdtEvent } from '../hl7/adt-event.js';
import type { JournalEntry } from './journal.js';
import { VisitFold, type FoldAppointment, type FoldEncounter } from './visit-fold.js';

export interface LiveStateView {
  state: HospitalState;
  /** Problems with the feed itself (unknown wards, patients with no location), without patient identifiers. */
  warnings: string[];
  /** Messages folded. */
  messages: number;
}

/** The resources a FHIR Bundle entry carries that the fold keeps. */
export function foldResources(raw: string): (FoldEncounter | FoldAppointment)[] {
  const bundle = JSON.parse(raw) as { entry?: { resource?: { resourceType?: string } }[] };
  return (bundle.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'Encounter' || e.resource?.resourceType === 'Appointment' ? [e.resource as FoldEncounter | FoldAppointment] : [],
  );
}

/** A journal entry as the fold keeps it: its order keys and what it changes, parsed. */
interface Folded {
  seq: number;
  eventMinutes: number;
  change: AdtEvent | (FoldEncounter | FoldAppointment)[];
}

const order = (a: Folded, b: Folded): number => a.eventMinutes - b.eventMinutes || a.seq - b.seq;

export class LiveState {
  private entries: Folded[] = [];
  private fold = new VisitFold();
  private applied = 0;

  constructor(private readonly mapping: FhirMapping) {}

  /** A stored message; `adt`, if given, is its event already read (else it is parsed here). */
  add(e: JournalEntry, adt?: AdtEvent): void {
    const entry: Folded = { seq: e.seq, eventMinutes: e.eventMinutes, change: adt ?? (e.source === 'hl7' ? readAdt(e.raw) : foldResources(e.raw)) };
    // Its place in event-time order, searched from the end (most messages come in order; several feeds interleave a little).
    let lo = 0;
    let hi = this.entries.length;
    const last = this.entries.at(-1);
    if (last && order(entry, last) < 0) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (order(this.entries[mid]!, entry) <= 0) lo = mid + 1;
        else hi = mid;
      }
    } else lo = hi;
    this.entries.splice(lo, 0, entry);
    // Landing among messages already folded: the next read folds again from the start.
    if (lo < this.applied) {
      this.fold = new VisitFold();
      this.applied = 0;
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The latest event time folded, minutes since 1970 (the state's "as of"). */
  get lastEventMinutes(): number | undefined {
    return this.entries.at(-1)?.eventMinutes;
  }

  /** The state as of the latest event (or, with `at`, of the messages up to that local time). */
  view(at?: string): LiveStateView {
    let fold = this.fold;
    let count: number;
    if (at === undefined) {
      for (; this.applied < this.entries.length; this.applied++) apply(this.fold, this.entries[this.applied]!);
      count = this.applied;
    } else {
      const until = localMinutes(at);
      fold = new VisitFold();
      count = 0;
      for (const e of this.entries) {
        if (e.eventMinutes > until) break;
        apply(fold, e);
        count++;
      }
    }
    const asOfMinutes = at !== undefined ? localMinutes(at) : this.lastEventMinutes;
    return { ...stateOf(fold, this.mapping, asOfMinutes === undefined ? undefined : formatLocal(Math.floor(asOfMinutes))), messages: count };
  }
}

function apply(fold: VisitFold, e: Folded): void {
  if (Array.isArray(e.change)) for (const r of e.change) fold.applyResource(r);
  else fold.applyAdt(e.change);
}

/**
 * The fold's resources read by the FHIR mapping. A visit the mapping cannot
 * place (an unknown ward, no location) is left out and said in a warning,
 * rather than making the whole state unreadable: one bad feed row must not
 * blind the bed board.
 */
export function stateOf(fold: VisitFold, mapping: FhirMapping, asOf: string | undefined): Omit<LiveStateView, 'messages'> {
  // Finished visits (most of a long journal) add nothing to the state: left out before it is read.
  const resources = fold.resources(fhirResourceCounts);
  let items: FhirItem[] = resources.map((resource, k) => ({ resource, path: `item[${k}]` }));
  const left = new Map<string, number>();
  for (let round = 0; round < 4; round++) {
    try {
      const state = stateFromFhir(items, mapping, asOf ?? '1970-01-01T00:00', 'live feed');
      const warnings = [...left].map(([why, n]) => `${n} visit(s) left out of the state: ${why}`);
      return { state, warnings };
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      const bad = new Set<string>();
      for (const issue of e.issues) {
        const m = /^(item\[\d+\])/.exec(issue.path);
        // One reason per visit left out: its first problem.
        if (!m || bad.has(m[1]!)) continue;
        bad.add(m[1]!);
        const why = describe(issue.message);
        left.set(why, (left.get(why) ?? 0) + 1);
      }
      if (bad.size === 0) throw e;
      items = items.filter((i) => !bad.has(i.path));
    }
  }
  throw new Error('the live state could not be read after leaving out the visits the mapping refused');
}

/** An issue's message without anything that could name a patient (ids are quoted after "Encounter"/"Appointment"). */
function describe(message: string): string {
  return message
    .replace(/(Encounter|Appointment) "[^"]*"/g, '$1')
    .replace(/\(mapped: [^)]*\)/, '')
    .trim();
}
