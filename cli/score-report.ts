/**
 * `score`'s report for people: the answer first (how often the 80% band held
 * what happened, and whether the median beats "the count stays"), then a table
 * per ward and ED waiting over the pooled hours, then coverage and error by
 * hour ahead, and the PIT histogram.
 */
import type { ArrivalsShare, Estimate, PatientCoverage, ScoreReport, SeriesScore } from '../workers/index.js';

const pct = (e: Estimate): string =>
  Number.isNaN(e.value) ? '–' : `${(e.value * 100).toFixed(1)}%${Number.isNaN(e.se) ? '' : ` ±${(e.se * 100).toFixed(1)}`}`;
const num = (e: Estimate, digits = 2): string =>
  Number.isNaN(e.value) ? '–' : `${e.value.toFixed(digits)}${Number.isNaN(e.se) ? '' : ` ±${e.se.toFixed(digits)}`}`;
const interval = (e: Estimate): string =>
  Number.isNaN(e.value)
    ? '–'
    : `${e.value.toFixed(2)} (${Number.isNaN(e.ci95[0]) ? '?' : e.ci95[0].toFixed(2)} to ${Number.isNaN(e.ci95[1]) ? '?' : e.ci95[1].toFixed(2)})`;

/** What a series is, in words. */
export function seriesLabel(s: Pick<SeriesScore, 'name' | 'measure'>): string {
  return s.measure === 'census' ? `${s.name} census` : 'ED patients waiting';
}

/** Hours ahead shown in the by-hour tables (the JSON has every hour). */
export function shownHours(hours: number): number[] {
  return [1, 2, 4, 8, 12, 16, 24, 36, 48, 60, 72, 96, 120, 144, 168].filter((h) => h <= hours);
}

export function renderScore(r: ScoreReport): string {
  const [from, to] = r.pooledHours;
  const first = r.forecasts[0];
  const last = r.forecasts[r.forecasts.length - 1];
  const reps = [...new Set(r.forecasts.map((f) => f.replications))].join(', ');
  let out = `Scored ${r.forecasts.length} forecast${r.forecasts.length === 1 ? '' : 's'} (${first?.asOf ?? ''}${r.forecasts.length > 1 ? ` to ${last?.asOf}` : ''}, ${reps} replications) against ${r.truth}.\n`;
  const lead = r.series.map((s) => `${seriesLabel(s)} ${pct(s.pooled.coverage80).split(' ')[0]}`).join(', ');
  out += `Over hours ${from}–${to} ahead the 80% band held what happened: ${lead} (80% is right).\n`;
  const ratios = r.series
    .map((s) => `${s.name} ${Number.isNaN(s.pooled.maeRatioToPersistence.value) ? '–' : s.pooled.maeRatioToPersistence.value.toFixed(2)}`)
    .join(', ');
  out += `The median's mean absolute error over persistence's (the count at hour 0 stays; below 1 is better): ${ratios}.\n`;
  if (r.unknownTruth > 0) out += `${r.unknownTruth} hour mark(s) the forecasts give fall outside the truth and are left out.\n`;
  out += `\nHours ${from}–${to} ahead, each figure a mean over forecasts ± its standard error:\n`;
  const rows: [string, (p: SeriesScore['pooled']) => string][] = [
    ['50% band held the truth', (p) => pct(p.coverage50)],
    ['80% band held the truth', (p) => pct(p.coverage80)],
    ['90% band held the truth', (p) => pct(p.coverage90)],
    ['mean error, forecast − truth (95% interval)', (p) => interval(p.meanError)],
    ['CRPS (lower is better)', (p) => num(p.crps)],
    ['mean absolute error of the median', (p) => num(p.maeMedian)],
    ['... of persistence', (p) => num(p.maePersistence)],
    ['median / persistence', (p) => num(p.maeRatioToPersistence)],
    ['... of the same hour last week', (p) => num(p.maeLastWeek)],
    ['median / same hour last week', (p) => num(p.maeRatioToLastWeek)],
  ];
  out += textTable(
    ['', ...r.series.map((s) => `${seriesLabel(s)} (${s.unit})`)],
    rows.map(([label, f]) => [label, ...r.series.map((s) => f(s.pooled))]),
  );
  for (const s of r.series) {
    out += `\n${seriesLabel(s)} (${s.unit}) by hour ahead:\n`;
    out += textTable(
      ['hours ahead', 'forecasts', '80% band held', 'mean error', 'CRPS', 'MAE of median', 'ratio to persistence'],
      shownHours(s.byHour.length).map((h) => {
        const x = s.byHour[h - 1]!;
        return [String(h), String(x.coverage80.n), pct(x.coverage80), num(x.meanError), num(x.crps), num(x.maeMedian), num(x.maeRatioToPersistence)];
      }),
    );
    out += `PIT histogram, hours ${from}–${to} (share in each tenth, 10% each if calibrated): ${s.pitHistogram.map((x) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)}%`)).join(' ')}\n`;
  }
  return out;
}

/** The same moments forecast with the model's arrivals and with the real ones, side by side. */
export function renderArrivalsShare(a: ArrivalsShare): string {
  const [from, to] = a.pooledHours;
  const share = a.series.map((s) => `${s.name} ${Number.isNaN(s.maeRatio.value) ? '–' : `${Math.round((1 - s.maeRatio.value) * 100)}%`}`).join(', ');
  let out = `\nWith the arrivals that really came (${a.pairs} moment${a.pairs === 1 ? '' : 's'} forecast both ways, hours ${from}–${to} ahead): `;
  out += `the share of the median's mean absolute error that goes with the real arrivals, the arrivals' part of it: ${share}.\n`;
  const rows: [string, (s: ArrivalsShare['series'][number]) => string][] = [
    ["MAE of the median, model's arrivals", (s) => num(s.modelArrivals.maeMedian)],
    ['... real arrivals', (s) => num(s.realArrivals.maeMedian)],
    ["real ÷ model's (1 − the arrivals' share)", (s) => num(s.maeRatio)],
    ["CRPS, model's arrivals", (s) => num(s.modelArrivals.crps)],
    ['... real arrivals', (s) => num(s.realArrivals.crps)],
    ["80% band held, model's arrivals", (s) => pct(s.modelArrivals.coverage80)],
    ['... real arrivals', (s) => pct(s.realArrivals.coverage80)],
    ["mean error, model's arrivals", (s) => interval(s.modelArrivals.meanError)],
    ['... real arrivals', (s) => interval(s.realArrivals.meanError)],
  ];
  out += textTable(
    ['', ...a.series.map((s) => `${seriesLabel(s)} (${s.unit})`)],
    rows.map(([label, f]) => [label, ...a.series.map(f)]),
  );
  return out;
}

/** Each patient's remaining-stay interval against when the patient really left. */
export function renderPatientCoverage(c: PatientCoverage): string {
  let out = `\nEach patient's remaining stay (${c.scored} patient forecasts scored${c.unknown > 0 ? `, ${c.unknown} left out: the truth does not say when they left` : ''}): `;
  out += `the 80% interval held when the patient left in ${pct(c.coverage80)} (80% is right); `;
  out += `the patient left earlier in ${pct(c.below)}, later in ${pct(c.above)}; `;
  out += `mean error of the expected remaining stay (forecast − real, patients whose stay is known): ${num(c.meanErrorHours, 1)} hours.\n`;
  out += textTable(
    ['class', 'patients', '80% interval held'],
    c.byClass.map((x) => [x.class, String(x.scored), pct(x.coverage80)]),
  );
  return out;
}

/** Aligned columns, two spaces apart, the first left-aligned and the rest right-aligned. */
function textTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (row: readonly string[]): string =>
    `  ${row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()}\n`;
  return line(header) + rows.map(line).join('');
}
