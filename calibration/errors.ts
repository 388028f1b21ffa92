/**
 * Input that calibration refuses: a mapping file that is wrong, a log that
 * cannot be read or is mostly bad. Every problem is listed; nothing is written.
 */
export class CalibrationError extends Error {
  readonly problems: readonly string[];
  readonly source: string;

  constructor(source: string, problems: readonly string[]) {
    const lines = problems.map((p) => `  ${p}`);
    super(`${source}: cannot calibrate (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'CalibrationError';
    this.problems = problems;
    this.source = source;
  }
}
