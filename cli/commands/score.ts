import { InvalidArgumentError } from 'commander';
import { writeFileAtomic } from '../../io/index.js';
import { arrivalsShare, scoreForecasts, scorePatientIntervals } from '../../workers/index.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { withoutFloatNoise } from '../json-output.js';
import { checkOutputs } from '../output-paths.js';
import { resolveScenario } from '../resolve-scenario.js';
import { readSamplesFile } from '../samples-file.js';
import { scoreHtml } from '../score-html.js';
import { renderArrivalsShare, renderPatientCoverage, renderScore } from '../score-report.js';
import { loadTruth } from '../truth-source.js';

export interface ScoreCommandOptions {
  truth: string[];
  /** The truth is an event log, read through this calibration mapping. */
  truthMap?: string;
  scenario?: string;
  pooled: [number, number];
  json?: boolean;
  html?: string;
}

/** `--pooled A-B`: the hours ahead pooled for the headline figures. */
export function parsePooled(text: string): [number, number] {
  const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > 10_000)
    throw new InvalidArgumentError(`must be hours ahead "FROM-TO", 1 ≤ FROM ≤ TO, e.g. 24-72, got "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * `score FORECASTS... --truth SOURCE...`: forecasts' samples (forecast
 * --samples) against what happened (a trace or states). Every file is read and
 * checked before anything is scored; outputs never overwrite an input.
 */
export async function scoreCommand(files: string[], o: ScoreCommandOptions): Promise<number> {
  await checkOutputs({
    inputs: [
      ...files.map((path) => ({ path, what: 'a forecast' })),
      ...o.truth.map((path) => ({ path, what: '--truth' })),
      ...(o.truthMap ? [{ path: o.truthMap, what: '--truth-map' }] : []),
    ],
    ...(o.html ? { files: [{ path: o.html, what: '--html' }] } : {}),
  });
  const forecasts = [];
  for (const f of files) forecasts.push({ samples: await readSamplesFile(f), label: f });
  const named = o.scenario ?? forecasts.find((f) => f.samples.scenario)?.samples.scenario;
  if (!named) throw new UsageError('--scenario: the forecasts do not name their scenario (a CSV): give it, a built-in name or a scenario file');
  const scenario = await resolveScenario(named);
  const truth = await loadTruth(o.truth, scenario, o.truthMap);
  // Forecasts made with the arrivals that came (forecast --arrivals-from) are scored beside their twins, not pooled with them.
  const real = forecasts.filter((f) => f.samples.arrivals);
  const drawn = forecasts.filter((f) => !f.samples.arrivals);
  const report = scoreForecasts(drawn.length > 0 ? drawn : real, truth, { pooled: o.pooled });
  const arrivals = drawn.length > 0 && real.length > 0 ? arrivalsShare(drawn, real, truth, o.pooled) : undefined;
  if (arrivals && arrivals.unpaired.length > 0)
    process.stderr.write(
      `Warning: ${arrivals.unpaired.length} forecast(s) have no twin of the same moment with the other arrivals, left out of the comparison: ${arrivals.unpaired.slice(0, 5).join(', ')}\n`,
    );
  // Each patient's remaining stay (forecast --patients), where the truth follows patients (a trace).
  const followed = (drawn.length > 0 ? drawn : real).flatMap((f) => (f.samples.patients ? [{ asOf: f.samples.asOf, patients: f.samples.patients }] : []));
  if (followed.length > 0 && !truth.patientLeaving)
    process.stderr.write('Warning: the forecasts follow each patient, but the truth does not say when patients left (give a trace): patients not scored\n');
  const patients = followed.length > 0 && truth.patientLeaving ? scorePatientIntervals(followed, (p) => truth.patientLeaving!(p)) : undefined;
  if (!report.series.some((s) => s.byHour.some((h) => h.coverage80.n > 0))) {
    process.stderr.write(`No hour of the forecasts falls within the truth (${report.truth}): nothing was scored.\n`);
    return EXIT.failed;
  }
  if (o.json)
    process.stdout.write(`${JSON.stringify({ ...report, ...(arrivals ? { arrivals } : {}), ...(patients ? { patients } : {}) }, withoutFloatNoise, 2)}\n`);
  else process.stdout.write(renderScore(report) + (arrivals ? renderArrivalsShare(arrivals) : '') + (patients ? renderPatientCoverage(patients) : ''));
  if (o.html) {
    await writeFileAtomic(o.html, scoreHtml(report, arrivals));
    process.stderr.write(`Wrote ${o.html}\n`);
  }
  return EXIT.ok;
}
