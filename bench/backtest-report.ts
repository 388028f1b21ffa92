/**
 * The forecast backtest of docs/forecast-backtest.md, run by hand:
 *
 *   npm run build && node dist/bench/backtest-report.js --scenario flu-season \
 *     --snapshots 50 --replications 100 --hours 72 --from-day 21 --to-day 84 \
 *     --seed-set report --json out.json [--html out.html] [--replay-arrivals]
 *
 * Prints `score`'s text report; writes its JSON and HTML if asked. The seed
 * set names every random number; develop on "dev", report on "report".
 * --replay-arrivals also forecasts each moment with the arrivals that came
 * (same seeds) and prints the two side by side: the arrivals' share of the error.
 * --patients also follows each patient of each state and checks their 80%
 * remaining-stay intervals against when the reference run let them go.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinScenario, parseScenario, parseScenarioText } from '../scenarios/index.js';
import { NodeWorkerPool } from '../workers/node.js';
import { renderArrivalsShare, renderPatientCoverage, renderScore } from '../cli/score-report.js';
import { scoreHtml } from '../cli/score-html.js';
import { backtestForecast } from './forecast-backtest.js';

function option(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is needed`);
  return v;
}

async function main(): Promise<void> {
  const name = option('scenario');
  // A built-in's name, or a scenario file (e.g. one written by calibrate).
  const builtin = builtinScenario(name);
  const scenario = builtin
    ? parseScenario(builtin.document, builtin.name)
    : parseScenarioText(readFileSync(name, 'utf8'), name, /\.json$/i.test(name) ? 'json' : 'yaml');
  const plan = {
    snapshots: Number(option('snapshots', '50')),
    replications: Number(option('replications', '100')),
    hours: Number(option('hours', '72')),
    fromDay: Number(option('from-day', '21')),
    toDay: Number(option('to-day', '200')),
    seedSet: option('seed-set'),
    replayArrivals: process.argv.includes('--replay-arrivals'),
    patients: process.argv.includes('--patients'),
  };
  const pool = new NodeWorkerPool(Number(option('workers', String(availableParallelism()))));
  const t0 = performance.now();
  try {
    const out = await backtestForecast(scenario, plan, pool, (done, total) => process.stderr.write(`\r${done}/${total} snapshots`));
    process.stderr.write(`\n${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    process.stdout.write(`${scenario.name}, seed set "${plan.seedSet}": ${JSON.stringify(plan)}\n`);
    process.stdout.write(renderScore(out.report));
    process.stdout.write(`MAE of the median over persistence's, pooled over the wards, hours 24–${plan.hours}: ${out.maeRatioToPersistence.toFixed(3)}\n`);
    if (out.arrivals) process.stdout.write(renderArrivalsShare(out.arrivals));
    if (out.patients) process.stdout.write(renderPatientCoverage(out.patients));
    const json = process.argv.includes('--json') ? option('json') : undefined;
    if (json)
      writeFileSync(
        json,
        `${JSON.stringify({ scenario: scenario.name, plan, at: out.at, maeRatioToPersistence: out.maeRatioToPersistence, ...out.report, ...(out.arrivals ? { arrivals: out.arrivals } : {}), ...(out.patients ? { patients: out.patients } : {}) }, null, 1)}\n`,
      );
    const html = process.argv.includes('--html') ? option('html') : undefined;
    if (html) writeFileSync(html, scoreHtml(out.report, out.arrivals));
  } finally {
    await pool.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
