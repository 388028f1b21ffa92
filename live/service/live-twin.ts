/**
 * The live twin's core: a message in, stored durably, folded into the state,
 * and the answer the sender gets (AA stored or already stored, AE not stored,
 * AR refused). The feeds (MLLP, HTTP) are thin layers over `ingest`.
 *
 * Group commit: the messages that arrive in one turn of the event loop (from
 * several connections, or pipelined on one) are stored in one transaction, so
 * they share one fsync; each answer is given only once that transaction has
 * committed. While a commit waits for the disk, the next messages gather.
 */
import type { FhirMapping } from '../../scenarios/index.js';
import { AdtRefusal, eventMinutes, readAdt, type AdtEvent } from '../hl7/adt-event.js';
import type { AckCode } from '../hl7/adt-text.js';
import { Journal, type JournalEntry, type MessageSource } from '../store/journal.js';
import { LiveState, type LiveStateView } from '../store/live-state.js';

export interface IngestResult {
  code: AckCode;
  /** For people and the ACK's MSA-3: never a patient identifier. */
  text: string;
  /** Stored now (false for a resend or a refusal). */
  stored: boolean;
}

/** One line for the service's log; it must never carry a patient identifier. */
export type LogLine = (line: string) => void;

export type TwinEvent =
  | { type: 'state'; messages: number; asOf: string | undefined }
  | { type: 'forecast'; asOf: string }
  | { type: 'forecast-failed'; asOf: string }
  /** No message stored for the stale-feed time (see feed-watch.ts). */
  | { type: 'stale'; lastStoredAt: number };

interface Pending {
  source: MessageSource;
  /** The ADT event read from an HL7 message (kept, so the fold does not parse it again). */
  adt?: AdtEvent;
  controlId: string;
  at: number;
  raw: string;
  what: string;
  answer: (r: IngestResult) => void;
}

export class LiveTwin {
  readonly live: LiveState;
  private queue: Pending[] = [];
  private flushing: NodeJS.Immediate | undefined;
  private readonly listeners = new Set<(e: TwinEvent) => void>();
  /** Wall-clock ms of the last message stored (stale-feed warning). */
  lastStoredAt: number | undefined;
  private cached: LiveStateView | undefined;

  constructor(
    readonly journal: Journal,
    mapping: FhirMapping,
    private readonly log: LogLine,
    private readonly now: () => number = Date.now,
  ) {
    this.live = new LiveState(mapping);
    for (const e of journal.entries()) this.live.add(e);
    if (this.live.size > 0) this.log(`journal: ${this.live.size} message(s) folded into the state`);
  }

  /** An HL7 v2 message's text: read, then stored and folded with the others of its group; resolves after the commit. */
  ingestHl7(text: string): Promise<IngestResult & { controlId: string }> {
    let adt;
    try {
      adt = readAdt(text);
    } catch (e) {
      if (!(e instanceof AdtRefusal)) throw e;
      this.log(`mllp: refused a message (AR): ${e.message}`);
      return Promise.resolve({ code: 'AR', text: e.message, stored: false, controlId: controlIdOf(text) });
    }
    const controlId = adt.controlId;
    return this.store({ source: 'hl7', controlId, at: eventMinutes(adt.eventTime), raw: text, what: adt.trigger, adt }).then((r) => ({ ...r, controlId }));
  }

  /** A FHIR Bundle already checked by the HTTP layer. */
  ingestFhir(controlId: string, eventMinutesAt: number, raw: string): Promise<IngestResult> {
    return this.store({ source: 'fhir', controlId, at: eventMinutesAt, raw, what: 'Bundle' });
  }

  private store(p: Omit<Pending, 'answer'>): Promise<IngestResult> {
    return new Promise((answer) => {
      this.queue.push({ ...p, answer });
      // After the I/O callbacks of this turn: every message read in it joins the group.
      this.flushing ??= setImmediate(() => this.flush());
    });
  }

  /** Commits the messages waiting (one transaction), folds them, then answers each. */
  flush(): void {
    clearImmediate(this.flushing);
    this.flushing = undefined;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    const receivedAt = new Date(this.now()).toISOString();
    const rows = group.map((p) => ({ controlId: p.controlId, source: p.source, eventMinutes: p.at, raw: p.raw }));
    let results: (JournalEntry | undefined | Error)[];
    try {
      results = this.journal.appendMany(rows, receivedAt);
    } catch {
      // The group was not stored (a full disk, say): each alone, so that only those that cannot be stored get AE.
      results = rows.map((row) => {
        try {
          return this.journal.append(row, receivedAt);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
    }
    let stored = 0;
    const answers: IngestResult[] = results.map((entry, k) => {
      if (entry instanceof Error) {
        const reason = `not stored: ${entry.message}`;
        this.log(`${group[k]!.source}: ${group[k]!.what} ${reason} (AE)`);
        return { code: 'AE', text: reason, stored: false };
      }
      if (!entry) return { code: 'AA', text: 'already stored (a resend): nothing changed', stored: false };
      this.live.add(entry, group[k]!.adt);
      stored++;
      return { code: 'AA', text: 'stored', stored: true };
    });
    if (stored > 0) {
      this.lastStoredAt = this.now();
      this.cached = undefined;
      this.emit({ type: 'state', messages: this.live.size, asOf: undefined });
    }
    group.forEach((p, k) => p.answer(answers[k]!));
  }

  /** The state as of the latest event (cached until the next message). */
  view(): LiveStateView {
    this.cached ??= this.live.view();
    return this.cached;
  }

  subscribe(listener: (e: TwinEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: TwinEvent): void {
    for (const l of this.listeners) l(e);
  }
}

/** MSH-10 read without the parser, for the ACK of a message that could not be parsed. */
function controlIdOf(text: string): string {
  const msh = text.split('\r')[0] ?? '';
  if (!msh.startsWith('MSH') || msh.length < 4) return '';
  return (msh.split(msh[3]!)[9] ?? '').slice(0, 199);
}
