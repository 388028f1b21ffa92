/**
 * The report's charts of arrivals, capacity and validation, each a picture a
 * person can read at a glance: observed against fitted, log against simulated.
 */
import { maxOf } from '../../scenarios/index.js';
import { meanConfidenceInterval } from '../../sim-core/index.js';
import type { Calibration } from '../build/build-scenario.js';
import type { ClassFit } from '../build/fit-class.js';
import type { ArrivalFit } from '../fit/arrivals.js';
import { fmtP } from '../fit/fit-duration.js';
import { wilsonInterval } from '../fit/intervals.js';
import type { Validation } from '../validate/validate.js';
import { chart, DURATION_TICKS, esc, type Series } from './svg.js';

const LOG = '#333';
const SIM = '#ff7f0e';
const FIT = '#d62728';
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function arrivalCharts(c: ClassFit): string {
  const a = c.arrivals;
  const fittedByHour = HOURS.map((h) => a.fittedPerHour.filter((_, k) => k % 24 === h).reduce((x, y) => x + y, 0) / 7);
  const hour = chart({
    title: 'Arrivals by hour of the day',
    xLabel: 'hour of the day',
    yLabel: 'arrivals per day in that hour',
    barWidth: 1,
    xTicks: [0, 3, 6, 9, 12, 15, 18, 21].map((h) => ({ value: h, label: `${h}:00` })),
    series: [
      {
        name: 'log (95% CI)',
        color: '#9ecae1',
        kind: 'bars',
        points: a.byHourOfDay.map((r, h): [number, number] => [h, r.rate]),
        whiskers: a.byHourOfDay.map((r, h): [number, number, number] => [h, r.ci[0], r.ci[1]]),
      },
      { name: 'scenario', color: FIT, kind: 'step', points: [...fittedByHour.map((r, h): [number, number] => [h - 0.5, r]), [23.5, fittedByHour[23]!]] },
    ],
  });
  const fittedByDay = DAYS.map((_, d) => a.fittedPerHour.slice(d * 24, d * 24 + 24).reduce((x, y) => x + y, 0));
  const day = chart({
    title: 'Arrivals by day of the week',
    xLabel: 'day',
    yLabel: 'arrivals per day',
    barWidth: 1,
    xTicks: DAYS.map((label, d) => ({ value: d, label })),
    series: [
      {
        name: 'log (95% CI)',
        color: '#9ecae1',
        kind: 'bars',
        points: a.byDayOfWeek.map((r, d): [number, number] => [d, r.rate]),
        whiskers: a.byDayOfWeek.map((r, d): [number, number, number] => [d, r.ci[0], r.ci[1]]),
      },
      { name: 'scenario', color: FIT, kind: 'step', points: [...fittedByDay.map((r, d): [number, number] => [d - 0.5, r]), [6.5, fittedByDay[6]!]] },
    ],
  });
  const weeks = Math.floor(a.daily.length / 7);
  const weekly = Array.from({ length: weeks }, (_, w): [number, number] => [w + 1, a.daily.slice(w * 7, w * 7 + 7).reduce((x, y) => x + y, 0)]);
  const trend = chart({
    title: 'Arrivals week by week',
    xLabel: 'week of the log',
    yLabel: 'arrivals in the week',
    series: [
      { name: 'log', color: LOG, kind: 'line', points: weekly },
      {
        name: 'scenario (constant over the weeks)',
        color: FIT,
        kind: 'line',
        dash: true,
        points: [
          [1, a.perDay * 7],
          [Math.max(1, weeks), a.perDay * 7],
        ],
      },
    ],
  });
  const week = chart({
    title: 'Arrivals by hour of the week',
    xLabel: 'hour of the week (Monday 00:00 = 0)',
    yLabel: 'arrivals per hour',
    xTicks: DAYS.map((label, d) => ({ value: d * 24, label })),
    width: 940,
    series: [
      {
        name: 'log',
        color: LOG,
        kind: 'line',
        points: a.byHourOfWeek.map((r, k): [number, number] => [k, r.rate]),
        band: a.byHourOfWeek.map((r, k): [number, number, number] => [k, r.ci[0], r.ci[1]]),
      },
      { name: 'scenario', color: FIT, kind: 'line', points: a.fittedPerHour.map((r, k): [number, number] => [k, r]) },
    ],
  });
  return hour + day + trend + week;
}

/**
 * With dates shifted case by case only the hour of the day may be the hospital's: the share of arrivals in
 * each hour (the rate per day would be the shift's artefact), log against the scenario's profile.
 */
export function shiftedArrivalChart(c: ClassFit): string {
  const a = c.arrivals;
  const fittedByHour = HOURS.map((h) => a.fittedPerHour.filter((_, k) => k % 24 === h).reduce((x, y) => x + y, 0));
  const fittedTotal = fittedByHour.reduce((x, y) => x + y, 0);
  const pct = (k: number): number => (100 * k) / Math.max(1, a.count);
  return chart({
    title: 'Share of arrivals by hour of the day',
    xLabel: 'hour of the day',
    yLabel: '% of arrivals in that hour',
    barWidth: 1,
    xTicks: [0, 3, 6, 9, 12, 15, 18, 21].map((h) => ({ value: h, label: `${h}:00` })),
    series: [
      {
        name: 'log (95% CI)',
        color: '#9ecae1',
        kind: 'bars',
        points: a.byHourOfDay.map((r, h): [number, number] => [h, pct(r.count)]),
        whiskers: a.byHourOfDay.map((r, h): [number, number, number] => {
          const [lo, hi] = wilsonInterval(r.count, a.count);
          return [h, 100 * lo, 100 * hi];
        }),
      },
      {
        name: 'scenario',
        color: FIT,
        kind: 'step',
        points: [...fittedByHour.map((r, h): [number, number] => [h - 0.5, (100 * r) / fittedTotal]), [23.5, (100 * fittedByHour[23]!) / fittedTotal]],
      },
    ],
  });
}

function dispersionReading(a: ArrivalFit): string {
  const index = a.tests.dispersion.index.toFixed(2);
  if (a.usesDayToDay) {
    return `overdispersed (index ${index}): days vary more than a Poisson process with this profile. The scenario has busy and quiet days: each day's rate is the usual times a gamma factor of mean 1 and coefficient of variation ${a.dayToDayCv.toFixed(2)} (dayToDayCv, by the method of moments). Trends or seasons would also cause this spread; the scenario draws it afresh each day.`;
  }
  if (a.tests.dispersion.pValue < 0.05)
    return `overdispersed (index ${index}): days vary more than a Poisson process with this profile, e.g. from trends or seasons the scenario does not have`;
  return `consistent with Poisson (index ${index})`;
}

/** The tests of the arrival profile; with dates shifted case by case only the hour-of-day test means anything. */
export function arrivalTests(a: ArrivalFit, datesShifted = false): string {
  const t = a.tests;
  const row = (name: string, x: { statistic: number; df: number; pValue: number }, meaning: string): string =>
    `<tr><td>${esc(name)}</td><td class="n">${x.statistic.toFixed(1)}</td><td class="n">${x.df}</td><td class="n">${esc(fmtP(x.pValue))}</td><td>${esc(meaning)}</td></tr>`;
  const head = `<table><thead><tr><th>chi-square test</th><th>χ²</th><th>df</th><th>p</th><th>reading</th></tr></thead><tbody>
${row('flat over the hours of the day', t.hourOfDay, t.hourOfDay.pValue < 0.05 ? 'arrivals follow a daily pattern' : 'no daily pattern shown')}
`;
  if (datesShifted)
    return `${head}</tbody></table><p class="small">The tests of the days of the week, of day × hour and of the daily counts need true dates: not run.</p>`;
  return `${head}${row('flat over the days of the week', t.dayOfWeek, t.dayOfWeek.pValue < 0.05 ? 'arrivals follow a weekly pattern' : 'no weekly pattern shown')}
${row('day × hour independent (the scenario’s product form)', t.separable, t.separable.pValue < 0.05 ? 'the daily pattern differs between days: the product form is an approximation' : 'the product of a daily and a weekly pattern is enough')}
${row('daily counts Poisson about the fitted rate', t.dispersion, dispersionReading(a))}
</tbody></table><p class="small">Expected counts in some day × hour cells are small; read that test as a guide.</p>`;
}

export function capacityCharts(cal: Calibration): string {
  const out: string[] = [];
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];
  if (cal.capacity.wards.length > 0) {
    out.push(
      chart({
        title: 'Patients in each ward by hour of the day (log)',
        xLabel: 'hour of the day',
        yLabel: 'patients at once (mean)',
        xTicks: [0, 6, 12, 18].map((h) => ({ value: h, label: `${h}:00` })),
        series: cal.capacity.wards.map((w, i) => ({
          name: w.name,
          color: palette[i % palette.length]!,
          kind: 'line',
          points: w.byHour.map((v, h): [number, number] => [h, v]),
        })),
      }),
    );
  }
  const busy = cal.capacity.resources.slice(0, 8);
  if (busy.length > 0) {
    const intervals = busy.some((r) => r.busy);
    out.push(
      chart({
        title: intervals ? 'Busy resources by hour of the day' : 'Events recorded by each resource by hour of the day',
        xLabel: 'hour of the day',
        yLabel: intervals ? 'busy at once (mean)' : 'events per day in that hour',
        xTicks: [0, 6, 12, 18].map((h) => ({ value: h, label: `${h}:00` })),
        series: busy.map((r, i) => ({
          name: r.name,
          color: palette[i % palette.length]!,
          kind: 'line',
          points: (r.busy ? r.busy.byHour : r.eventsByHour).map((v, h): [number, number] => [h, v]),
        })),
      }),
    );
  }
  return out.join('');
}

/** Mean and 95% interval across replications, per position. */
function across(values: number[][]): { mean: number; lo: number; hi: number }[] {
  const n = maxOf(
    values.map((v) => v.length),
    0,
  );
  return Array.from({ length: n }, (_, i) => {
    const xs = values.map((v) => v[i] ?? 0);
    if (xs.length < 2) return { mean: xs[0] ?? NaN, lo: xs[0] ?? NaN, hi: xs[0] ?? NaN };
    const ci = meanConfidenceInterval(xs);
    return { mean: ci.mean, lo: ci.lo, hi: ci.hi };
  });
}

export function validationCharts(v: Validation): string {
  const out: string[] = [];
  const hourly = across(v.sims.map((s) => s.byHour));
  out.push(
    chart({
      title: 'Arrivals by hour: log and simulation',
      xLabel: 'hour of the day',
      yLabel: 'arrivals per day in that hour',
      barWidth: 1,
      xTicks: [0, 3, 6, 9, 12, 15, 18, 21].map((h) => ({ value: h, label: `${h}:00` })),
      series: [
        { name: 'log', color: '#bdbdbd', kind: 'bars', points: v.log.byHour.map((r, h): [number, number] => [h, r]) },
        {
          name: 'simulated (95% CI)',
          color: SIM,
          kind: 'line',
          points: hourly.map((r, h): [number, number] => [h, r.mean]),
          band: hourly.map((r, h): [number, number, number] => [h, r.lo, r.hi]),
        },
      ],
    }),
  );
  if (v.log.lengthsOfStay.length > 0) {
    const sim = v.sims.flatMap((s) => s.lengthsOfStay).sort((a, b) => a - b);
    const ecdf = (xs: number[]): [number, number][] => {
      const every = Math.max(1, Math.ceil(xs.length / 400));
      return xs.map((x, i): [number, number] => [Math.max(x, 1), (i + 1) / xs.length]).filter((_, i) => i % every === every - 1 || i === xs.length - 1);
    };
    out.push(
      chart({
        title: 'Length of stay: log and simulation',
        xLabel: 'length of stay (log scale)',
        yLabel: 'share at most',
        logX: true,
        xTicks: DURATION_TICKS,
        yMin: 0,
        yMax: 1,
        series: [
          { name: `log (${v.log.lengthsOfStay.length})`, color: LOG, kind: 'step', points: ecdf(v.log.lengthsOfStay) },
          { name: `simulated (${sim.length}, all replications)`, color: SIM, kind: 'step', points: ecdf(sim) },
        ],
      }),
    );
  }
  for (const ward of v.log.occupancy) {
    const sims = across(v.sims.map((s) => s.occupancy.find((o) => o.name === ward.name)?.byHour ?? new Array<number>(24).fill(0)));
    out.push(
      chart({
        title: `Patients ${ward.name === 'in the process' ? 'in the process' : `in ${ward.name}`} by hour: log and simulation`,
        xLabel: 'hour of the day',
        yLabel: 'patients at once (mean)',
        xTicks: [0, 6, 12, 18].map((h) => ({ value: h, label: `${h}:00` })),
        yMin: 0,
        series: [
          { name: 'log', color: LOG, kind: 'line', points: ward.byHour.map((x, h): [number, number] => [h, x]) },
          {
            name: 'simulated (95% CI)',
            color: SIM,
            kind: 'line',
            points: sims.map((r, h): [number, number] => [h, r.mean]),
            band: sims.map((r, h): [number, number, number] => [h, r.lo, r.hi]),
          },
        ],
      }),
    );
  }
  const routing = v.rows.filter((r) => r.unit === 'share');
  if (routing.length > 0) {
    const series: Series[] = [
      {
        name: 'equal',
        color: '#bbb',
        kind: 'line',
        dash: true,
        points: [
          [0, 0],
          [1, 1],
        ],
      },
      { name: 'shares: reach and routing', color: SIM, kind: 'points', points: routing.map((r): [number, number] => [r.log, r.sim]) },
    ];
    out.push(
      chart({
        title: 'Shares: log (x) against simulation (y)',
        xLabel: 'share in the log',
        yLabel: 'share in the simulation',
        xMin: 0,
        xMax: 1,
        yMin: 0,
        yMax: 1,
        series,
        width: 360,
        height: 330,
      }),
    );
  }
  return out.join('');
}
