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
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {value}/{total} replications | {duration_formatted} elapsed, ~{eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
