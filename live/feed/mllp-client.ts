/**
 * Sends HL7 v2 messages over MLLP as an interface engine does: one at a time,
 * each waiting for its ACK; a message not acknowledged (the connection lost,
 * no answer, AE) is sent again on a new connection, so every message is
 * stored once (the twin ignores a resend of a stored control id).
 */
import { connect, type Socket } from 'node:net';
import { readAck } from '../hl7/adt-text.js';
import { mllpFrame, MllpReader } from '../hl7/mllp.js';

export interface FeedMessage {
  controlId: string;
  text: string;
  /** Event time, minutes since 1970: the pace of the replay. */
  atMinutes: number;
}

export interface FeedOptions {
  host: string;
  port: number;
  /** Log minutes per wall minute (60: an hour a minute); 0 sends as fast as ACKs come. */
  speed: number;
  /** The longest wait between two messages, ms (a log's quiet nights and shifted dates). */
  maxWaitMs: number;
  /** Attempts for one message before giving up (connection lost, AE). */
  attempts?: number;
  /** Wait before a new connection or a resend, ms. */
  retryMs?: number;
  onAck?: (m: FeedMessage, code: string, text: string) => void;
  signal?: AbortSignal;
}

export interface FeedResult {
  sent: number;
  accepted: number;
  refused: { controlId: string; reason: string }[];
  resent: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Connection {
  private readonly reader = new MllpReader(1024 * 1024);
  private waiting: ((ack: string | Error) => void) | undefined;
  private closed: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const p of this.reader.push(chunk)) if ('message' in p) this.resolve(p.message);
    });
    const fail = (e?: Error) => {
      this.closed = e ?? new Error('connection closed');
      this.resolve(this.closed);
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  }

  static open(host: string, port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const s = connect({ host, port }, () => {
        s.off('error', reject);
        resolve(new Connection(s));
      });
      s.once('error', reject);
    });
  }

  private resolve(v: string | Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.(v);
  }

  send(text: string): Promise<string> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.waiting = (v) => (v instanceof Error ? reject(v) : resolve(v));
      this.socket.write(mllpFrame(text));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function feedMessages(messages: readonly FeedMessage[], o: FeedOptions): Promise<FeedResult> {
  const attempts = o.attempts ?? 20;
  const retryMs = o.retryMs ?? 500;
  const result: FeedResult = { sent: 0, accepted: 0, refused: [], resent: 0 };
  let conn: Connection | undefined;
  let previous: number | undefined;
  try {
    for (const m of messages) {
      if (o.signal?.aborted) break;
      if (o.speed > 0 && previous !== undefined && m.atMinutes > previous) await sleep(Math.min(o.maxWaitMs, ((m.atMinutes - previous) * 60_000) / o.speed));
      previous = m.atMinutes;
      for (let attempt = 1; ; attempt++) {
        try {
          conn ??= await Connection.open(o.host, o.port);
          if (attempt > 1) result.resent++;
          const ack = readAck(await conn.send(m.text));
          if (!ack) throw new Error('the answer was not an ACK');
          o.onAck?.(m, ack.code, ack.text);
          if (ack.code === 'AA') result.accepted++;
          else if (ack.code === 'AR') result.refused.push({ controlId: m.controlId, reason: ack.text });
          // AE: not stored (a full disk); the same message again after a pause.
          else throw new Error(`AE: ${ack.text}`);
          break;
        } catch (e) {
          conn?.close();
          conn = undefined;
          if (attempt >= attempts)
            throw new Error(`message ${m.controlId} not acknowledged after ${attempts} attempts: ${e instanceof Error ? e.message : String(e)}`);
          await sleep(retryMs);
        }
      }
      result.sent++;
    }
  } finally {
    conn?.close();
  }
  return result;
}
