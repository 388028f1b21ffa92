import cliProgress from 'cli-progress';

/** Progress of replications; a bar on stderr when a person is watching, silence otherwise. */
export interface Progress {
  /** A new stage ("textbook-mmc", "B: flu-season") of `total` replications. */
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, stop() {} };
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {value}/{total} replications | {duration_formatted} elapsed, {left}`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      started = performance.now();
      bar.start(total, 0, { left: timeLeft(0, total, 0) });
    },
    update(done) {
      bar?.update(done, { left: timeLeft(done, bar.getTotal(), performance.now() - started) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/**
 * The time left in words, from the pace so far: not known until a replication
 * has finished (before, any estimate would be "~0s", which reads as "done").
 */
export function timeLeft(done: number, total: number, elapsedMs: number): string {
  if (done >= total) return 'finishing';
  if (done <= 0) return 'time left known after the first replication';
  const seconds = Math.round(((elapsedMs / done) * (total - done)) / 1000);
  if (seconds < 60) return `~${Math.max(1, seconds)}s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `~${minutes} min left` : `~${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
