/**
 * `hospital-twin worker --queue redis://HOST:PORT/N`: runs replication jobs from
 * the queue on this machine's cores until stopped. The first SIGTERM or Ctrl-C
 * finishes the replications in hand and stores them, then exits; a second one
 * hands them back to the queue at once for another worker and exits.
 */
import { QueueWorker, type RedisAddress, type WorkerEvent } from '../../workers/node.js';
import { EXIT } from '../exit-codes.js';

export interface WorkerCommandOptions {
  queue: RedisAddress;
  workers?: number;
  lockSeconds?: number;
}

export async function workerCommand(
  o: WorkerCommandOptions,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const say = (line: string): void => void out.write(`${line}\n`);
  const worker = await QueueWorker.start(o.queue, {
    ...(o.workers !== undefined ? { threads: o.workers } : {}),
    ...(o.lockSeconds !== undefined ? { lockMs: Math.round(o.lockSeconds * 1000) } : {}),
    onEvent: (e) => say(describe(e, () => worker.finished)),
  });
  for (const w of worker.warnings) err.write(`warning: ${w}\n`);
  say(
    `worker ${process.pid}: taking replications from ${o.queue.shown} on ${worker.threads} thread(s); SIGTERM or Ctrl-C finishes the jobs in hand and stops, a second one hands them back at once.`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: string): void => {
      if (!stopping) {
        stopping = true;
        say(`${signal}: finishing ${worker.jobsInHand().length} job(s) in hand, then stopping (${signal} again hands them back now).`);
        void worker.stop().then(() => {
          say(`stopped after ${worker.finished} replication(s).`);
          resolve(EXIT.ok);
        });
        return;
      }
      void worker.handBack().then((keys) => {
        say(`handed ${keys.length} replication(s) back to the queue; stopped after ${worker.finished}.`);
        // Threads still running the handed-back replications are not waited for.
        process.exit(EXIT.interrupted);
      });
    };
    void worker.lost.then(async (why) => {
      if (stopping) return;
      stopping = true;
      err.write(
        `error: ${why}: stopped after ${worker.finished} replication(s); those stored stay in Redis, and the ${worker.jobsInHand().length} in hand go back to the queue once Redis is back.\n`,
      );
      await worker.abandon();
      process.exit(EXIT.failed);
    });
    process.on('SIGTERM', () => onSignal('SIGTERM'));
    process.on('SIGINT', () => onSignal('Ctrl-C'));
  });
}

function describe(e: WorkerEvent, finished: () => number): string {
  switch (e.kind) {
    case 'started':
      return `took replication ${e.replication} of ${e.scenario} (seed ${JSON.stringify(e.seed)}) [${e.key}]`;
    case 'done':
      return `done replication ${e.replication} of ${e.scenario} in ${e.seconds.toFixed(2)} s [${e.key}]${e.stored ? '' : ' (already stored by another worker: nothing changed)'}; ${finished()} done here`;
    case 'alreadyStored':
      return `replication ${e.replication} of ${e.scenario} already stored by another worker: not run again [${e.key}]`;
    case 'failed':
      return `replication ${e.replication} failed [${e.key}]: ${e.error}`;
    case 'handedBack':
      return `handed back: ${e.keys.join(', ') || 'nothing in hand'}`;
  }
}
