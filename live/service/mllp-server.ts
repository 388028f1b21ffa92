/**
 * HL7 v2 over MLLP: each framed message is answered, in order, with an ACK
 * sent only after the message is stored (the twin answers after its group's
 * commit; a connection's answers are chained, so a quick AR never overtakes
 * an earlier message's AA). Peers are limited to loopback and the `allow` list.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { ackMessage, type AckCode } from '../hl7/adt-text.js';
import { mllpFrame, MllpReader } from '../hl7/mllp.js';
import type { LiveTwin, LogLine } from './live-twin.js';
import { isLoopback } from './access.js';

export interface MllpOptions {
  host: string;
  port: number;
  /** Addresses of interface engines allowed besides loopback. */
  allow: readonly string[];
  /** Largest message accepted (bytes); a larger one gets AR. */
  maxBytes: number;
  log: LogLine;
  now?: () => number;
}

export interface MllpListener {
  server: Server;
  /** Stops listening and drops the connections open now. */
  close(): Promise<void>;
}

export async function startMllp(twin: LiveTwin, o: MllpOptions): Promise<MllpListener> {
  const allowed = new Set(o.allow.map(normalise));
  const now = o.now ?? Date.now;
  const open = new Set<Socket>();
  const server = createServer((socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    const peer = normalise(socket.remoteAddress ?? '');
    if (!isLoopback(peer) && !allowed.has(peer)) {
      o.log(`mllp: connection from ${peer} refused (not loopback, not in --allow)`);
      socket.destroy();
      return;
    }
    const reader = new MllpReader(o.maxBytes);
    let answered: Promise<void> = Promise.resolve();
    const answer = (r: Promise<{ code: AckCode; controlId: string; text: string }>) => {
      answered = answered
        .then(() => r)
        .then((a) => {
          const at = new Date(now()).toISOString().slice(0, 19);
          if (socket.writable) socket.write(mllpFrame(ackMessage(a.code, a.controlId, a.text, at)));
        });
    };
    socket.on('data', (chunk: Buffer) => {
      for (const piece of reader.push(chunk)) {
        if ('tooLarge' in piece) {
          const reason = `message of ${piece.tooLarge} bytes is larger than the ${o.maxBytes} accepted`;
          o.log(`mllp: refused a message (AR): ${reason}`);
          answer(Promise.resolve({ code: 'AR', controlId: '', text: reason }));
          continue;
        }
        answer(twin.ingestHl7(piece.message));
      }
    });
    socket.on('error', () => socket.destroy());
  });
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
}

/** "::ffff:10.0.0.5" and "10.0.0.5" are one peer. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
