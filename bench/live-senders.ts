/**
 * The bench's interface engines, on a thread of their own (as a real engine is
 * another process): their framing and ACK reading do not take the service's
 * event loop. Two ways of sending: each connection one message at a time,
 * waiting for its ACK (Mirth's and Rhapsody's default), or pipelined, several
 * messages in flight on each connection, their ACKs coming back in order.
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { feedMessages, mllpFrame, MllpReader, readAck, type FeedMessage } from '../live/index.js';

export interface SendersJob {
  port: number;
  streams: FeedMessage[][];
  /** Messages in flight on each connection: 1 waits for each ACK (through `feed`'s sender). */
  window: number;
}

export interface SendersResult {
  accepted: number;
  seconds: number;
}

/** One connection, up to `window` messages sent ahead of their ACKs; resolves with the number answered AA. */
function pipelined(port: number, messages: readonly FeedMessage[], window: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const reader = new MllpReader(1 << 20);
    let sent = 0;
    let answered = 0;
    let accepted = 0;
    const s = connect({ host: '127.0.0.1', port }, () => top());
    const top = () => {
      const frames: Buffer[] = [];
      while (sent < messages.length && sent - answered < window) frames.push(mllpFrame(messages[sent++]!.text));
      if (frames.length > 0) s.write(Buffer.concat(frames));
    };
    s.on('data', (chunk: Buffer) => {
      for (const p of reader.push(chunk)) {
        if (!('message' in p)) continue;
        answered++;
        if (readAck(p.message)?.code === 'AA') accepted++;
      }
      if (answered === messages.length) {
        s.destroy();
        resolve(accepted);
      } else top();
    });
    s.on('error', reject);
    s.on('close', () => answered < messages.length && reject(new Error(`connection closed after ${answered} ACK(s)`)));
  });
}

async function send(job: SendersJob): Promise<SendersResult> {
  const t0 = performance.now();
  const counts = await Promise.all(
    job.streams.map((s) =>
      job.window <= 1
        ? feedMessages(s, { host: '127.0.0.1', port: job.port, speed: 0, maxWaitMs: 0 }).then((r) => r.accepted)
        : pipelined(job.port, s, job.window),
    ),
  );
  return { accepted: counts.reduce((a, b) => a + b, 0), seconds: (performance.now() - t0) / 1000 };
}

if (parentPort) {
  const port = parentPort;
  void send(workerData as SendersJob).then((r) => port.postMessage(r));
}
