/**
 * The live twin's core: a message in, stored durably, folded into the state,
 * and the answer the sender gets (AA stored or already stored, AE not stored,
 * AR refused). The feeds (MLLP, HTTP) are thin layers over `ingest`.
 */
import type { FhirMapping } from '../../scenarios/index.js';
import { AdtRefusal, eventMinutes, readAdt } from '../hl7/adt-event.js';
import type { AckCode } from '../hl7/adt-text.js';
import { Journal, type MessageSource } from '../store/journal.js';
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

export type TwinEvent = { type: 'state'; messages: number; asOf: string | undefined } | { type: 'forecast'; asOf: string };

export class LiveTwin {
  readonly live: LiveState;
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

  /** An HL7 v2 message's text: read, stored, folded. */
  ingestHl7(text: string): IngestResult & { controlId: string } {
    let adt;
    try {
      adt = readAdt(text);
    } catch (e) {
      if (!(e instanceof AdtRefusal)) throw e;
      this.log(`mllp: refused a message (AR): ${e.message}`);
      return { code: 'AR', text: e.message, stored: false, controlId: controlIdOf(text) };
    }
    return { ...this.store('hl7', adt.controlId, eventMinutes(adt.eventTime), text, adt.trigger), controlId: adt.controlId };
  }

  /** A FHIR Bundle already checked by the HTTP layer. */
  ingestFhir(controlId: string, eventMinutesAt: number, raw: string): IngestResult {
    return this.store('fhir', controlId, eventMinutesAt, raw, 'Bundle');
  }

  private store(source: MessageSource, controlId: string, at: number, raw: string, what: string): IngestResult {
    let entry;
    try {
      entry = this.journal.append({ controlId, source, eventMinutes: at, raw }, new Date(this.now()).toISOString());
    } catch (e) {
      const reason = `not stored: ${e instanceof Error ? e.message : String(e)}`;
      this.log(`${source}: ${what} ${reason} (AE)`);
      return { code: 'AE', text: reason, stored: false };
    }
    if (!entry) return { code: 'AA', text: 'already stored (a resend): nothing changed', stored: false };
    this.lastStoredAt = this.now();
    this.live.add(entry);
    this.cached = undefined;
    this.emit({ type: 'state', messages: this.live.size, asOf: undefined });
    return { code: 'AA', text: 'stored', stored: true };
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
