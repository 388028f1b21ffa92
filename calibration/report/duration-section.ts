/**
 * How a fitted duration is shown: a line in the overview table, and a detail
 * with the observed distribution against each family (cumulative, and as a
 * histogram on a log scale) and every fit's AIC, KS and AD.
 */
import { maxOf, minOf } from '../../scenarios/index.js';
import { clipAtZero, continuousCdf, type DistributionSpec } from '../../sim-core/index.js';
import { cdf, logDensity, type Family } from '../fit/families.js';
import type { DurationFit } from '../fit/fit-duration.js';
import { fmtP, fmt } from '../fit/fit-duration.js';
import { kaplanMeier } from '../fit/goodness-of-fit.js';
import { chart, DURATION_TICKS, esc, type Series } from './svg.js';

export const FAMILY_COLOR: Record<Family | 'empirical', string> = {
  exponential: '#8c8c8c',
  gamma: '#1f77b4',
  lognormal: '#d62728',
  weibull: '#2ca02c',
  empirical: '#9467bd',
};

/** Minutes in the unit a person would say them in. */
export function humanDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '–';
  if (minutes < 1) return `${(minutes * 60).toFixed(0)} s`;
  if (minutes < 120) return `${fmt(minutes)} min`;
  if (minutes < 2880) return `${fmt(minutes / 60)} h`;
  return `${fmt(minutes / 1440)} d`;
}

/** The unit a person would say a duration of this many minutes in. */
export function unitFor(minutes: number): { name: 's' | 'min' | 'h' | 'd'; per: number } {
  if (!(minutes >= 1)) return { name: 's', per: 1 / 60 };
  if (minutes < 120) return { name: 'min', per: 1 };
  if (minutes < 2880) return { name: 'h', per: 60 };
  return { name: 'd', per: 1440 };
}

/**
 * A value and its interval in one unit (the value's), never below 0: a duration cannot be negative,
 * so a t-interval's negative lower bound is shown as 0 (sim-core's clipAtZero).
 */
export function valueWithInterval(value: number, ci: readonly [number, number]): string {
  if (!Number.isFinite(value)) return '–';
  const u = unitFor(value);
  const f = (x: number): string => (u.name === 's' ? (x / u.per).toFixed(0) : fmt(x / u.per));
  if (!Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return `${f(value)} ${u.name}`;
  const c = clipAtZero({ mean: value, lo: ci[0], hi: ci[1], halfWidth: (ci[1] - ci[0]) / 2, sd: NaN, n: 0 });
  return `${f(value)} ${u.name} (${f(c.lo)}–${f(c.hi)} ${u.name})`;
}

export function meanWithInterval(d: DurationFit): string {
  return valueWithInterval(d.mean, d.meanCi);
}

export function overviewRow(name: string, d: DurationFit, anchor: string): string {
  const notes: string[] = [];
  if (d.censoredCount > 0) notes.push(`${d.censoredCount} censored`);
  return `<tr><td><a href="#${anchor}">${esc(name)}</a></td><td class="n">${d.n}</td><td>${esc(d.chosen)}</td><td class="n">${esc(meanWithInterval(d))}</td><td>${esc([d.reason, ...notes].join('; '))}</td></tr>`;
}

/** A fit's parameters: those with a time's dimension (mean, sd, scale) in the activity's unit, shapes as they are. */
function parameterText(spec: Record<string, unknown>, unit: { name: string; per: number }): string {
  return Object.entries(spec)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k} ${k === 'shape' ? fmt(v as number) : fmt((v as number) / unit.per)}`)
    .join(', ');
}

export function detail(name: string, d: DurationFit, anchor: string): string {
  // One unit for the activity, the data's own (their median's): a wild fit is shown in it, not in raw minutes.
  const sorted = [...d.values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const unit = unitFor(middle > 0 ? middle : d.mean);
  const rows = d.fits
    .map((f) => {
      const chosen = f.family === d.chosen ? ' class="chosen"' : '';
      const params = parameterText(f.spec, unit);
      const best = d.fits[0]!.aic;
      return `<tr${chosen}><td><span class="swatch" style="background:${FAMILY_COLOR[f.family]}"></span>${f.family}</td><td>${esc(params)}</td><td class="n">${esc(valueWithInterval(f.mean, f.meanCi))}</td><td class="n">${fmt(f.aic)}</td><td class="n">${fmt(f.aic - best)}</td><td class="n">${fmt(f.ks.statistic)}</td><td class="n">${fmtP(f.ks.pValue)}</td><td class="n">${f.ad ? fmt(f.ad.statistic) : '–'}</td><td class="n">${f.ad ? fmtP(f.ad.pValue) : '–'}</td></tr>`;
    })
    .join('');
  const table = d.fits.length
    ? `<table><thead><tr><th>family</th><th>parameters (${unit.name === 'd' ? 'days' : unit.name === 'h' ? 'hours' : unit.name === 's' ? 'seconds' : 'minutes'}; shapes have none)</th><th>mean (95% CI)</th><th>AIC</th><th>ΔAIC</th><th>KS D</th><th>KS p</th><th>AD A²</th><th>AD p</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  const charts = d.n >= 10 ? `<div class="charts">${cdfChart(name, d)}${histogramChart(name, d)}</div>` : '';
  return `<details id="${anchor}"><summary>${esc(name)}: ${esc(d.chosen)}, mean ${esc(meanWithInterval(d))}, n = ${d.n}</summary>${charts}${table}<p class="small">${esc(d.reason)}. KS and AD p-values treat the fitted parameters as known, so they are conservative (too large); with censored values KS compares the Kaplan–Meier curve and AD is not computed.</p></details>`;
}

function gridFor(d: DurationFit): number[] {
  const lo = Math.max(1e-3, minOf(d.values.filter((x) => x > 0)));
  const hi = maxOf(d.values);
  const a = Math.log10(lo) - 0.2;
  const b = Math.log10(hi) + 0.2;
  return Array.from({ length: 90 }, (_, i) => Math.pow(10, a + ((b - a) * i) / 89));
}

function cdfChart(name: string, d: DurationFit): string {
  const grid = gridFor(d);
  const series: Series[] = [];
  if (d.censoredCount > 0) {
    const km = kaplanMeier(d.values, d.censored);
    series.push({ name: 'observed (Kaplan–Meier)', color: '#000', kind: 'step', points: km.times.map((t, i): [number, number] => [t, km.cdf[i]!]) });
  } else {
    const sorted = [...d.values].sort((a, b) => a - b);
    // At most 400 steps: a chart cannot show more, and the report stays small.
    const every = Math.max(1, Math.ceil(sorted.length / 400));
    const points = sorted
      .map((x, i): [number, number] => [x, (i + 1) / sorted.length])
      .filter(([x], i) => x > 0 && (i % every === every - 1 || i === sorted.length - 1));
    series.push({ name: 'observed', color: '#000', kind: 'step', points });
  }
  // Families are fitted to the values above 0: the whole distribution starts at the point mass at 0.
  const p0 = d.zeroShare;
  for (const f of d.fits)
    series.push({
      name: f.family,
      color: FAMILY_COLOR[f.family],
      kind: 'line',
      dash: f.family !== d.chosen,
      points: grid.map((x): [number, number] => [x, p0 + (1 - p0) * cdf(f.family, f.params, x)]),
    });
  if (d.chosen === 'empirical') {
    const F = continuousCdf(d.spec as DistributionSpec);
    if (F)
      series.push({
        name: 'empirical (used)',
        color: FAMILY_COLOR.empirical,
        kind: 'line',
        points: grid.map((x): [number, number] => [x, p0 + (1 - p0) * F(x)]),
      });
  }
  return chart({
    title: `${name}: cumulative`,
    xLabel: 'duration (log scale)',
    yLabel: 'share at most',
    series,
    logX: true,
    xTicks: DURATION_TICKS,
    xMin: grid[0]!,
    xMax: grid[grid.length - 1]!,
    yMin: 0,
    yMax: 1,
    width: 470,
  });
}

function histogramChart(name: string, d: DurationFit): string {
  const grid = gridFor(d);
  // The point mass at 0 has no place on a log scale: the bars are the values above 0, their share of all.
  const observed = d.values.filter((x, i) => !d.censored[i] && x > 0);
  const a = Math.log10(grid[0]!);
  const b = Math.log10(grid[grid.length - 1]!);
  const bins = Math.max(6, Math.min(30, Math.round(Math.sqrt(observed.length) * 1.5)));
  const width = (b - a) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of observed) counts[Math.min(bins - 1, Math.max(0, Math.floor((Math.log10(x) - a) / width)))]!++;
  // Densities per unit of log10(x), so a family's curve is f(x)·x·ln 10 (scaled to the observed share).
  const share = observed.length / d.values.length;
  const bars: [number, number][] = counts.map((c, i) => [Math.pow(10, a + (i + 0.5) * width), c / (d.values.length * width)]);
  const edges = counts.map((_, i): [number, number] => [Math.pow(10, a + i * width), Math.pow(10, a + (i + 1) * width)]);
  const series: Series[] = [{ name: 'observed', color: '#bbb', kind: 'bars', points: bars, edges }];
  for (const f of d.fits) {
    series.push({
      name: f.family,
      color: FAMILY_COLOR[f.family],
      kind: 'line',
      dash: f.family !== d.chosen,
      points: grid.map((x): [number, number] => [x, share * Math.exp(logDensity(f.family, f.params, x)) * x * Math.LN10]),
    });
  }
  return chart({
    title: `${name}: histogram`,
    xLabel: 'duration (log scale)',
    yLabel: 'density per log₁₀ unit',
    series,
    logX: true,
    xTicks: DURATION_TICKS,
    xMin: grid[0]!,
    xMax: grid[grid.length - 1]!,
    yMin: 0,
    width: 470,
    barWidth: 0,
  });
}
