/**
 * `calibrate LOG --map MAP --out SCENARIO [--report FILE] [--holdout 0.3]`: a scenario from a
 * hospital's event log, and a report that holds the two side by side. Bad input
 * (a mapping that is wrong, a log that cannot be read or is mostly bad, an
 * output path that cannot be written) is refused with exit code 2 before
 * anything is written; both files are written whole (temp file + rename).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { calibrate, CalibrationError, type Calibration, type EventLog } from '../calibration/index.js';
import { EXIT } from './exit-codes.js';
import { parseReplications, parseSeed } from './option-values.js';
import { createProgress } from './progress.js';

export interface CalibrateCommandOptions {
  map: string;
  out: string;
  report?: string;
  replications?: number;
  seed?: number | string;
  validate: boolean;
  holdout?: number;
}

export function registerCalibrateCommand(program: Command): Command {
  return program
    .command('calibrate')
    .description('fit a scenario to an event log (CSV, XES or OCEL 2.0) and report how the simulation compares with the log')
    .argument('<log>', 'the event log: CSV, XES (.xes) or OCEL 2.0 (.jsonocel, .xmlocel), gzipped (.gz) or not')
    .requiredOption('--map <file>', 'the mapping file (YAML) naming the columns, time format and model choices (examples in calibration/maps/)')
    .requiredOption('--out <file>', 'where to write the calibrated scenario (.yaml, .yml or .json)')
    .option('--report <file>', 'where to write the HTML report (default: <out>.report.html beside the scenario)')
    .addOption(new Option('-r, --replications <n>', "replications of the validation run (default: the mapping's, else 10)").argParser(parseReplications))
    .addOption(new Option('-s, --seed <seed>', "master seed of the validation run (default: the mapping's, else 1)").argParser(parseSeed))
    .option('--no-validate', 'skip running the calibrated scenario against the log')
    .addOption(
      new Option(
        '--holdout <share>',
        'fit on the rest and validate on this share of the cases too, e.g. 0.3 (split by patient where the mapping names one; seeded)',
      ).argParser(parseHoldout),
    )
    .action(async (log: string, o: CalibrateCommandOptions) => {
      process.exitCode = await calibrateCommand(log, o);
    });
}

export async function calibrateCommand(log: string, o: CalibrateCommandOptions): Promise<number> {
  // A bar for the validation replications on a terminal (the fitting before them is quick).
  const progress = createProgress();
  let barStarted = false;
  try {
    const r = await calibrate(log, o.map, o.out, {
      ...(o.report !== undefined ? { reportPath: o.report } : {}),
      ...(o.replications !== undefined ? { replications: o.replications } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      validate: o.validate,
      ...(o.holdout !== undefined ? { holdout: o.holdout } : {}),
      onProgress: (done, total) => {
        if (!barStarted) progress.start('validating', total);
        barStarted = true;
        progress.update(done);
      },
    });
    progress.stop();
    const { flow } = r.calibration;
    const bad = flow.log.bad.length;
    process.stderr.write(
      `Read ${flow.log.counts.used} of ${flow.log.counts.records} rows of ${log}` +
        (bad > 0 ? ` (${bad} bad, listed by line in the report)` : '') +
        fallbackNote(flow.log) +
        `: ${flow.cases.length} cases ${flow.options.datesShifted ? '(dates shifted case by case)' : `over ${flow.window.days} days`}.\n` +
        caseMixNote(r.calibration) +
        `Wrote ${o.out} and ${r.reportPath}.\n`,
    );
    if (r.holdout) {
      const h = r.holdout;
      process.stdout.write(`\nIn sample: the ${h.fitCases} cases the scenario was fitted on\n\n${r.validationTable}`);
      process.stdout.write(
        `\nOut of sample: the ${h.testCases} cases held out (${Math.round(100 * h.share)}% of the ${h.byPatient ? 'patients' : 'cases'}), which the fit never saw\n\n${h.table}`,
      );
    } else if (r.validation) process.stdout.write(`\n${r.validationTable}`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CalibrationError) {
      progress.stop();
      process.stderr.write(`${e.message}\n`);
      return EXIT.badInput;
    }
    throw e;
  } finally {
    progress.stop();
  }
}

/** `--holdout SHARE`: a share of the cases strictly between 0 and 1. */
function parseHoldout(text: string): number {
  const x = Number(text);
  if (!/^\s*(0?\.\d+|0|1)\s*$/.test(text) || !(x > 0 && x < 1)) throw new InvalidArgumentError(`must be a share between 0 and 1 (such as 0.3), got "${text}"`);
  return x;
}

/** What the case tables carried and the groups declared, in a line each (the report has the detail and the caveats). */
function caseMixNote(cal: Calibration): string {
  const lines = (cal.caseAttributes ?? []).map(
    (a) => `Carried ${a.name} from ${a.table}: ${a.counts.withValue} of ${a.counts.cases} cases have a value, ${a.counts.without} take "${a.spec.missing}".\n`,
  );
  const m = cal.caseMix;
  if (m) {
    const n = m.groups.reduce((s, g) => s + g.logCases, 0);
    const known = m.groups.filter((g) => g.weight !== undefined).length;
    lines.push(
      `Declared ${m.groups.length} case-mix groups by ${m.attribute} on ${n} cases (few cases a group: see the report); ` +
        (known === m.groups.length
          ? 'payment from the weights given.\n'
          : `payment not known for ${known === 0 ? 'any' : `${m.groups.length - known}`} of them.\n`),
    );
  }
  return lines.join('');
}

/** Rows that had no id in the first case column and took one from a fallback column: a count, so none go silently. */
function fallbackNote(log: EventLog): string {
  return Object.entries(log.counts.fallbackIds)
    .map(([column, rows]) => ` (${rows} with no ${log.caseColumns[0]!}, identified by ${column})`)
    .join('');
}
