/**
 * The commands and their options. Option values are checked here, so a bad
 * value is refused (exit 2) before any scenario is loaded or run.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { compareCommand } from './commands/compare.js';
import { exportLogCommand } from './commands/export-log.js';
import { forecastCommand, parseAsOf, parseHours, parseStart } from './commands/forecast.js';
import { exportStateCommand, parseMoment } from './commands/export-state.js';
import { listCommand } from './commands/list.js';
import { parsePooled, scoreCommand } from './commands/score.js';
import { runCommand } from './commands/run.js';
import { registerSweepCommand } from './sweep-command.js';
import { registerOptimiseCommand } from './optimise-command.js';
import { registerCalibrateCommand } from './calibrate-command.js';
import { workerCommand } from './commands/worker.js';
import { registerServeCommand } from './commands/serve.js';
import { registerFeedCommand } from './commands/feed.js';
import { queueOption } from './queue-option.js';
import { parsePrecision, parseWarmup, parseWarmupDays } from './output-analysis.js';
import { parseDays, parseReplications, parseSeed, parseWorkers } from './option-values.js';

const SCENARIO = 'a built-in scenario name (see `list`) or a .json/.yaml/.yml scenario file';

export function buildProgram(): Command {
  const program = new Command()
    .name('hospital-twin')
    .description('A deterministic discrete-event digital twin of a hospital: run scenarios, compare them, export simulated event logs.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 done; 1 failed while running or writing; 2 input refused before anything ran (scenario, name or option); 130 stopped by Ctrl-C after reporting what finished.',
    );

  const replications = (what: string): Option => new Option('-r, --replications <n>', what).argParser(parseReplications);
  const seed = (fallback = "the scenario's seed"): Option =>
    new Option('-s, --seed <seed>', `master seed, a whole number or a name (default: ${fallback})`).argParser(parseSeed);
  const workers = (): Option => new Option('-w, --workers <n>', 'worker threads (default: one per core)').argParser(parseWorkers);

  program
    .command('list')
    .description('the built-in scenarios and what each is for')
    .action(() => {
      process.exitCode = listCommand();
    });

  program
    .command('run')
    .description('run a scenario and print every figure with its 95% confidence interval')
    .argument('[scenario]', `${SCENARIO} (default: the first built-in)`)
    .addOption(replications("number of replications (default: the scenario's)"))
    .addOption(seed())
    .option('--json', 'print every figure as JSON: {"scenario", "seed", "replications", "figures": {id: {"mean", "ci95": [lo, hi], "n"}}}')
    .option('--csv <dir>', 'write figures.csv and per-replication.csv into this folder (made if needed)')
    .option('--trace <file>', "write replication 1's event trace as JSON")
    .addOption(new Option('--days <n>', "days measured after the warm-up, 1 to 3660 (default: the scenario's horizonDays)").argParser(parseDays))
    .addOption(
      new Option('--snapshot-at <time>', "also write replication 1's state at this moment, as export-state --at does (needs --snapshot-out)").argParser(
        parseMoment,
      ),
    )
    .option('--snapshot-out <file>', "the file for --snapshot-at's state (JSON, for forecast --state)")
    .addOption(
      new Option('--warmup <days|auto>', 'warm-up in days, or "auto" to find it by MSER-5 on pilot replications (default: the scenario\'s)').argParser(
        parseWarmup,
      ),
    )
    .addOption(
      new Option(
        '--precision <figure:fraction>',
        "add replications until that figure's 95% CI half-width is within the fraction of its mean, e.g. ed.los.mean:0.02",
      ).argParser(parsePrecision),
    )
    .addOption(new Option('--max-replications <n>', 'cap for --precision (default: 1000)').argParser(parseReplications))
    .addOption(workers())
    .addOption(queueOption())
    .action(async (scenario: string | undefined, o: Parameters<typeof runCommand>[1]) => {
      process.exitCode = await runCommand(scenario, o);
    });

  program
    .command('compare')
    .description("run two scenarios with common random numbers and report each figure's paired difference B − A")
    .argument('<a>', SCENARIO)
    .argument('<b>', SCENARIO)
    .addOption(replications("number of paired replications (default: A's)"))
    .addOption(seed("A's seed; B always runs with the same seed"))
    .option('--json', 'print every paired difference as JSON')
    .option('--all', 'show every figure, not only those that differ')
    .addOption(workers())
    .addOption(queueOption())
    .action(async (a: string, b: string, o: Parameters<typeof compareCommand>[2]) => {
      process.exitCode = await compareCommand(a, b, o);
    });

  program
    .command('export-log')
    .description('write the simulated event log as CSV (case,activity,start,end,resource,class,<attributes>, for calibration), XES or OCEL 2.0')
    .argument('[scenario]', `${SCENARIO} (default: the first built-in)`)
    .addOption(replications('replications to export (default: 1)'))
    .addOption(seed())
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .addOption(new Option('--days <n>', "days to simulate, 1 to 3660 (default: the scenario's horizonDays)").argParser(parseDays))
    .addOption(
      new Option('--warmup <days>', "warm-up in days: patients who arrive before it are left out (default: the scenario's)").argParser(parseWarmupDays),
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'csv (for calibrate), xes (IEEE 1849, for ProM, pm4py, bupaR) or ocel (OCEL 2.0 JSON: patients and the resources each event used)',
      )
        .choices(['csv', 'xes', 'ocel'])
        .default('csv'),
    )
    .action(async (scenario: string | undefined, o: Parameters<typeof exportLogCommand>[1]) => {
      process.exitCode = await exportLogCommand(scenario, o);
    });

  program
    .command('forecast')
    .description('the next hours from the patients in the hospital now: census per ward by hour, ED waiting and boarding, booked cases at risk, overtime today')
    .argument('<scenario>', SCENARIO)
    .requiredOption('--state <file>', 'the hospital now: a state snapshot (.json/.yaml; see README "The twin of today")')
    .addOption(new Option('--hours <h>', 'hours ahead, 0 to 168').argParser(parseHours).default(72))
    .addOption(replications('number of replications').default(500))
    .addOption(seed())
    .option('--json', 'print the forecast as JSON')
    .option(
      '--csv <dir>',
      'write census.csv, ed.csv, booked.csv, overtime.csv (and differences.csv with --compare, patients.csv with --patients) into this folder',
    )
    .option(
      '--samples <file>',
      "write every replication's census per ward and ED waiting per hour, for `score` (.json, or .csv one row per replication and hour; at most 20 million counts)",
    )
    .option('--compare <scenario>', 'also forecast the same patients under this scenario, with common random numbers, and give paired differences')
    .option(
      '--patients',
      'also each patient in the hospital: remaining stay and cost with 80% intervals, chance of leaving today and tomorrow (runs go on until they have left, at most 14 days)',
    )
    .option(
      '--arrivals-from <trace>',
      "replay the arrivals that really came in the forecast hours, from a trace (run --trace), in place of the drawn ones: score it beside the usual forecast to see the arrivals' share of the error",
    )
    .option('--arrivals-map <mapping>', '--arrivals-from is an event log: read it through this calibration mapping (its classBy names the classes)')
    .option('--fhir-map <file>', 'the state is FHIR R4 (a Bundle .json, an .ndjson file or a folder of them from $export): map it with this file')
    .addOption(
      new Option('--as-of <time>', 'for FHIR NDJSON: the moment of the export, "YYYY-MM-DDTHH:MM" (a Bundle gives its timestamp)').argParser(parseAsOf),
    )
    .addOption(
      new Option(
        '--start <time>',
        'when the forecast is for, "now" or "YYYY-MM-DDTHH:MM": a state older than that by more than an hour is warned of',
      ).argParser(parseStart),
    )
    .addOption(workers())
    .action(async (scenario: string, o: Parameters<typeof forecastCommand>[1]) => {
      process.exitCode = await forecastCommand(scenario, o);
    });

  program
    .command('score')
    .description(
      'score forecasts (forecast --samples files) against what happened: band coverage, PIT histogram, CRPS, error against persistence and last week, by ward and hour ahead',
    )
    .argument('<forecasts...>', 'samples files written by forecast --samples (.json or .csv)')
    .requiredOption(
      '--truth <sources...>',
      'what happened: a trace from run --trace (one .json), state files (or a folder of them) at the hours to score, or an event log with --truth-map',
    )
    .option('--truth-map <file>', "the truth is a hospital's event log (CSV, XES, OCEL): read its ward stays through this calibration mapping")
    .option('--scenario <scenario>', `${SCENARIO} whose wards the forecasts are of (default: the one the samples name)`)
    .addOption(new Option('--pooled <from-to>', 'hours ahead pooled for the headline figures').argParser(parsePooled).default([24, 72], '24-72'))
    .option('--json', 'print the scores as JSON (every hour ahead)')
    .option('--html <file>', 'also write a self-contained HTML report with the PIT histograms and coverage by hour ahead')
    .action(async (forecasts: string[], o: Parameters<typeof scoreCommand>[1]) => {
      process.exitCode = await scoreCommand(forecasts, o);
    });

  program
    .command('export-state')
    .description("write the hospital's state at a moment of a replication (patients, steps, beds, since when) for forecast --state")
    .argument('<scenario>', SCENARIO)
    .addOption(
      new Option('--at <day>', 'days from the scenario\'s start (e.g. 60.25 = day 60 at 06:00) or a date and time "YYYY-MM-DDTHH:MM"')
        .argParser(parseMoment)
        .makeOptionMandatory(),
    )
    .addOption(seed())
    .addOption(new Option('--replication <k>', 'which replication, 1 to 100000 (default: 1)').argParser(parseReplications))
    .option('-o, --out <file>', 'write the state (JSON) to this file instead of stdout')
    .option('--csv <file>', 'put the patients in this CSV file, one row each, named by the JSON')
    .action(async (scenario: string, o: Parameters<typeof exportStateCommand>[1]) => {
      process.exitCode = await exportStateCommand(scenario, o);
    });

  program
    .command('worker')
    .description("run replications from a Redis queue (see --queue on run, compare and sweep) on this machine's cores, until SIGTERM or Ctrl-C")
    .addOption(queueOption().makeOptionMandatory())
    .addOption(new Option('-w, --workers <n>', 'worker threads, hence replications at once (default: one per core)').argParser(parseWorkers))
    .addOption(
      new Option('--lock-seconds <s>', 'how long a job stays with a worker that stops answering before another takes it (default: 30)').argParser((t) => {
        const n = Number(t);
        if (!(n >= 1 && n <= 3600)) throw new InvalidArgumentError(`must be a number of seconds from 1 to 3600, got "${t}"`);
        return n;
      }),
    )
    .action(async (o: Parameters<typeof workerCommand>[0]) => {
      process.exitCode = await workerCommand(o);
    });

  registerSweepCommand(program);
  registerOptimiseCommand(program);
  registerCalibrateCommand(program);
  registerServeCommand(program);
  registerFeedCommand(program);

  return program;
}
