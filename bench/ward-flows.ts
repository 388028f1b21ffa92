/**
 * Where a ward's forecast error comes from, by flow (docs/forecast-backtest.md,
 * "The general hospital's medical ward"): for reference runs of a scenario,
 * one per seed set, states are taken every `spacing` hours (windows that do not
 * overlap, so each snapshot's truth is its own), each is forecast 72 hours with
 * fresh random numbers, and the census error (forecast mean − truth) at hours
 * 24–72 is split into the admissions into the ward (by where from), the
 * discharges of the patients in it at hour 0, and the discharges of those
 * admitted since. The remaining stays of the patients in at hour 0 are compared
 * by time already spent in the ward.
 *
 *   npm run build && node dist/bench/ward-flows.js --scenario general-hospital \
 *     --ward medicalWard --seed-sets tuneA,tuneB,tuneC,tuneD --snapshots 60 \
 *     --spacing 73 --replications 30
 *
 * With every flow it also prints the spread ratio (ward-spread.ts): is the
 * replications' spread the size of their error against the truth? E.g. for the
 * step-down unit: --ward stepDown --seed-sets tuneA,tuneB,tuneC --snapshots 40.
 *
 * For tuning only: the report's seed set is refused.
 */
import seedrandom from 'seedrandom';
import { quantileSorted, readTrace, runHospital, TraceBuffer, type TraceData } from '../sim-core/index.js';
import { SpreadTally } from './ward-spread.js';
import { builtinScenario, compileScenario, forecastModel, localMinutes, parseScenario, parseState, stateFromTrace } from '../scenarios/index.js';

const HOURS = 72;
const POOLED = Array.from({ length: 49 }, (_, i) => 24 + i);
const SHOWN = [24, 48, 72];
/** Days already spent in the ward: the bins remaining stays are compared in. */
const SPENT_BINS = [0, 1, 2, 4, 7, 14, Infinity];
const SOURCES = ['ed', 'icu', 'stepDown', 'surgicalWard', 'direct'] as const;
type Source = (typeof SOURCES)[number];

interface WardEvents {
  seizes: { p: number; t: number; from: Source }[];
  releases: { p: number; t: number }[];
  placed: number[];
  /** When each patient arrived: who was in the hospital at a snapshot's hour 0. */
  arrivedAt: Map<number, number>;
}

/** Every seize and release of the ward in a trace, each seize with where the patient came from (what else it held). */
function wardEvents(trace: TraceData, ward: string): WardEvents {
  const out: WardEvents = { seizes: [], releases: [], placed: [], arrivedAt: new Map() };
  const held = new Map<number, Set<string>>();
  readTrace(trace, (e) => {
    if (e.patient < 0) return;
    if (e.kind === 'arrived') {
      out.arrivedAt.set(e.patient, e.time);
      if (e.placed) out.placed.push(e.patient);
    } else if (e.kind === 'seized') {
      const h = held.get(e.patient) ?? new Set<string>();
      if (e.resource === ward) {
        const from: Source = h.has('edCubicle') || h.has('minorsBay') ? 'ed' : (SOURCES.find((s) => s !== 'ed' && h.has(s)) ?? 'direct');
        out.seizes.push({ p: e.patient, t: e.time, from });
      }
      h.add(e.resource);
      held.set(e.patient, h);
    } else if (e.kind === 'released') {
      if (e.resource === ward) out.releases.push({ p: e.patient, t: e.time });
      held.get(e.patient)?.delete(e.resource);
    } else if (e.kind === 'left') held.delete(e.patient);
  });
  return out;
}

/** Patients holding the ward just after minute t, with when they took it. */
function inWardAt(ev: WardEvents, t: number): Map<number, number> {
  const since = new Map<number, number>();
  for (const s of ev.seizes) if (s.t <= t) since.set(s.p, s.t);
  for (const r of ev.releases) if (r.t <= t) since.delete(r.p);
  return since;
}

interface Flows {
  admitted: Record<Source, number>;
  leftOfThoseIn: number;
  leftOfNew: number;
  /** Admissions of patients already in the hospital at t (in the state), and of those who arrived since. */
  admittedOfPresent: number;
  admittedOfNew: number;
}

/** The ward's flows from t to t + hours: admissions by source, discharges of those in at t and of the rest. */
function flows(ev: WardEvents, t: number, hours: number, present: Map<number, number>): Flows {
  const end = t + hours * 60;
  const f: Flows = {
    admitted: { ed: 0, icu: 0, stepDown: 0, surgicalWard: 0, direct: 0 },
    leftOfThoseIn: 0,
    leftOfNew: 0,
    admittedOfPresent: 0,
    admittedOfNew: 0,
  };
  for (const s of ev.seizes) {
    if (s.t <= t || s.t > end) continue;
    f.admitted[s.from]++;
    (ev.arrivedAt.get(s.p) ?? Infinity) <= t ? f.admittedOfPresent++ : f.admittedOfNew++;
  }
  for (const r of ev.releases) if (r.t > t && r.t <= end) present.has(r.p) ? f.leftOfThoseIn++ : f.leftOfNew++;
  return f;
}

const admittedAll = (f: Flows): number => SOURCES.reduce((s, k) => s + f.admitted[k], 0);

/** The flows whose spread is compared with the truth's (spread ratio, ward-spread.ts), by name. */
const SPREAD_FLOWS: [string, (f: Flows) => number][] = [
  ...SOURCES.map((s): [string, (f: Flows) => number] => [`admitted from ${s}`, (f) => f.admitted[s]]),
  ['admitted, in the hospital at hour 0', (f) => f.admittedOfPresent],
  ['admitted, arrived since', (f) => f.admittedOfNew],
  ['left, in at hour 0', (f) => f.leftOfThoseIn],
  ['left, admitted since', (f) => f.leftOfNew],
  ['census change', (f) => admittedAll(f) - f.leftOfThoseIn - f.leftOfNew],
];

function meanSe(xs: readonly number[]): string {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1);
  return `${m >= 0 ? '+' : ''}${m.toFixed(2)} ± ${Math.sqrt(v / xs.length).toFixed(2)}`;
}

function option(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is needed`);
  return v;
}

function main(): void {
  const name = option('scenario', 'general-hospital');
  const ward = option('ward', 'medicalWard');
  const sets = option('seed-sets').split(',');
  if (sets.includes('report')) throw new Error('--seed-sets: "report" is kept for the reported figures; use tuning sets');
  const snapshots = Number(option('snapshots', '60'));
  const spacing = Number(option('spacing', '73'));
  const replications = Number(option('replications', '30'));
  const fromDay = Number(option('from-day', '21'));
  // --random-to-day D: hours drawn at random from fromDay to D as the backtest draws them (windows may overlap), not every `spacing` hours.
  const randomTo = process.argv.includes('--random-to-day') ? Number(option('random-to-day')) : undefined;
  const builtin = builtinScenario(name);
  if (!builtin) throw new Error(`--scenario: ${name} is not a built-in`);
  const scenario = parseScenario(builtin.document, builtin.name);
  const toDay = randomTo !== undefined ? randomTo + Math.ceil(HOURS / 24) : fromDay + Math.ceil((snapshots * spacing + HOURS) / 24);
  const hoursOf = (set: string): number[] => {
    if (randomTo === undefined) return Array.from({ length: snapshots }, (_, k) => fromDay * 24 + k * spacing);
    const rng = seedrandom(`${set}-snapshot-hours`);
    const drawn = new Set<number>();
    while (drawn.size < snapshots) drawn.add(fromDay * 24 + Math.floor(rng() * (randomTo - fromDay) * 24));
    return [...drawn].sort((a, b) => a - b);
  };
  const at: number[] = [];
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: toDay + 1 });
  const start = localMinutes(scenario.start);
  // Per snapshot and pooled hour: the census error and its three parts; per spent-days bin: patients and how many left by 24 and 72 h.
  const error: number[][] = POOLED.map(() => []);
  // Per snapshot, over the pooled hours: |median − truth| and |census at hour 0 − truth| (both counts start from the same census).
  const absMedian: number[] = [];
  const absPersistence: number[] = [];
  const parts: number[][][] = POOLED.map(() => [[], [], []]);
  const sums = { truth: new Map<string, number>(), forecast: new Map<string, number>() };
  const bins = SPENT_BINS.slice(1).map(() => ({ truth: [0, 0, 0], forecast: [0, 0, 0] }));
  const binOf = (days: number): number => SPENT_BINS.findIndex((b, i) => days >= b && days < SPENT_BINS[i + 1]!);
  const count = (m: Map<string, number>, key: string, v: number): void => void m.set(key, (m.get(key) ?? 0) + v);
  let n = 0;
  // Per snapshot: its seed set and the ward's census at hour 0, to read the error by run and by how full the ward was.
  const setOf: string[] = [];
  const censusAt0: number[] = [];
  const spread = new SpreadTally(seedrandom(`${sets.join(',')}-pit`));
  // Forecasts whose census at hour 0 differs from the reference run's: the state lost or added patients.
  let census0Differs = 0;
  for (const set of sets) {
    const buffer = new TraceBuffer();
    runHospital(model, { seed: `${set}-reference`, replication: 1, trace: buffer, figures: false });
    const trace = buffer.toData();
    const truth = wardEvents(trace, ward);
    for (const [k, hour] of hoursOf(set).entries()) {
      const t = hour * 60;
      at.push(t);
      const state = parseState(stateFromTrace(model, trace, t, start).state, `${set} at minute ${t}`);
      const present = inWardAt(truth, t);
      const fm = forecastModel(scenario, state, HOURS);
      const forecast = POOLED.map(() => ({ admitted: 0, leftOfThoseIn: 0, leftOfNew: 0 }));
      const change: number[][] = POOLED.map(() => []);
      const shownFlows = new Map<string, number[]>();
      const seed = `${set}-forecast-${k}`;
      for (let r = 1; r <= replications; r++) {
        const fb = new TraceBuffer();
        runHospital(fm.model, { seed, replication: r, trace: fb, initialState: fm.initialState, figures: false });
        const ev = wardEvents(fb.toData(), ward);
        const inAt0 = inWardAt(ev, 0);
        if (r === 1 && inAt0.size !== present.size) census0Differs++;
        POOLED.forEach((h, i) => {
          const f = flows(ev, 0, h, inAt0);
          forecast[i]!.admitted += admittedAll(f) / replications;
          forecast[i]!.leftOfThoseIn += f.leftOfThoseIn / replications;
          forecast[i]!.leftOfNew += f.leftOfNew / replications;
          change[i]!.push(admittedAll(f) - f.leftOfThoseIn - f.leftOfNew);
          if (SHOWN.includes(h)) {
            for (const s of SOURCES) count(sums.forecast, `${h} admitted from ${s}`, f.admitted[s] / replications);
            count(sums.forecast, `${h} left, in at hour 0`, f.leftOfThoseIn / replications);
            count(sums.forecast, `${h} left, admitted since`, f.leftOfNew / replications);
            for (const [label, of] of SPREAD_FLOWS) shownFlows.set(`+${h} h ${label}`, [...(shownFlows.get(`+${h} h ${label}`) ?? []), of(f)]);
          }
        });
        // Placed patients are numbered in the state's order; the state's ids are the reference run's ("P<serial>").
        const left = new Map<number, number>();
        for (const x of ev.releases) if (x.t > 0 && !left.has(x.p)) left.set(x.p, x.t);
        ev.placed.forEach((p, j) => {
          const tookAt = inAt0.has(p) ? present.get(Number(String(state.patients[j]!.id).slice(1))) : undefined;
          if (tookAt === undefined) return;
          const b = bins[binOf((t - tookAt) / 1440)]!.forecast;
          const at = left.get(p) ?? Infinity;
          b[0]! += 1 / replications;
          if (at <= 1440) b[1]! += 1 / replications;
          if (at <= HOURS * 60) b[2]! += 1 / replications;
        });
      }
      POOLED.forEach((h, i) => {
        const f = flows(truth, t, h, present);
        const fc = forecast[i]!;
        const admitted = fc.admitted - admittedAll(f);
        const stayed = -(fc.leftOfThoseIn - f.leftOfThoseIn);
        const newStayed = -(fc.leftOfNew - f.leftOfNew);
        error[i]!.push(admitted + stayed + newStayed);
        const real = admittedAll(f) - f.leftOfThoseIn - f.leftOfNew;
        const sorted = Float64Array.from(change[i]!).sort();
        absMedian[n] = (absMedian[n] ?? 0) + Math.abs(quantileSorted(sorted, 0.5) - real) / POOLED.length;
        absPersistence[n] = (absPersistence[n] ?? 0) + Math.abs(real) / POOLED.length;
        spread.add('census change, 24–72 h', n, change[i]!, real);
        // By reference run: how far one run's coverage strays from the pooled one (the report has one run).
        spread.add(`census change, 24–72 h, run ${set}`, n, change[i]!, real);
        if (SHOWN.includes(h)) for (const [label, of] of SPREAD_FLOWS) spread.add(`+${h} h ${label}`, n, shownFlows.get(`+${h} h ${label}`)!, of(f));
        parts[i]![0]!.push(admitted);
        parts[i]![1]!.push(stayed);
        parts[i]![2]!.push(newStayed);
        if (SHOWN.includes(h)) {
          for (const s of SOURCES) count(sums.truth, `${h} admitted from ${s}`, f.admitted[s]);
          count(sums.truth, `${h} left, in at hour 0`, f.leftOfThoseIn);
          count(sums.truth, `${h} left, admitted since`, f.leftOfNew);
        }
      });
      for (const [p, tookAt] of present) {
        const b = bins[binOf((t - tookAt) / 1440)]!.truth;
        const at = (truth.releases.find((x) => x.p === p && x.t > t)?.t ?? Infinity) - t;
        b[0]!++;
        if (at <= 1440) b[1]!++;
        if (at <= HOURS * 60) b[2]!++;
      }
      setOf.push(set);
      censusAt0.push(present.size);
      n++;
      process.stderr.write(`\r${set}: ${k + 1}/${snapshots}`);
    }
    process.stderr.write('\n');
  }
  const out = process.stdout;
  out.write(
    `${name}, ${ward}: ${n} snapshots (${sets.join(', ')}; ${randomTo !== undefined ? `hours drawn at random, days ${fromDay}–${randomTo}` : `every ${spacing} h from day ${fromDay}`}), ${replications} replications each\n`,
  );
  const pooled = error[0]!.map((_, k) => POOLED.reduce((s, _h, i) => s + error[i]![k]!, 0) / POOLED.length);
  out.write(`census error, forecast mean − truth, pooled over 24–72 h: ${meanSe(pooled)} beds`);
  // Snapshots less than 72 h apart see the same future of the same run: summed as one cluster, their standard error is honest.
  const clusters: number[][] = [];
  at.forEach((t, k) =>
    k > 0 && t > at[k - 1]! && t - at[k - 1]! < HOURS * 60 ? clusters[clusters.length - 1]!.push(pooled[k]!) : clusters.push([pooled[k]!]),
  );
  const m = pooled.reduce((a, b) => a + b, 0) / pooled.length;
  const g = clusters.length;
  const clusterSe = Math.sqrt((g / (g - 1)) * clusters.reduce((a, c) => a + c.reduce((b, x) => b + x - m, 0) ** 2, 0)) / pooled.length;
  out.write(` (± ${clusterSe.toFixed(2)} over ${g} clusters of snapshots whose windows overlap)\n`);
  const pick = (keep: (k: number) => boolean): number[] => pooled.filter((_, k) => keep(k));
  out.write(`  by reference run: ${sets.map((x) => `${x} ${meanSe(pick((k) => setOf[k] === x))}`).join(', ')}\n`);
  const cuts = [...censusAt0].sort((a, b) => a - b);
  const [lo, hi] = [cuts[Math.floor(cuts.length / 3)]!, cuts[Math.floor((2 * cuts.length) / 3)]!];
  out.write(
    `  by census at hour 0: below ${lo} ${meanSe(pick((k) => censusAt0[k]! < lo))}, ${lo}–${hi - 1} ${meanSe(pick((k) => censusAt0[k]! >= lo && censusAt0[k]! < hi))}, ${hi} and above ${meanSe(pick((k) => censusAt0[k]! >= hi))}\n`,
  );
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  out.write(
    `MAE of the median ${(sum(absMedian) / n).toFixed(2)}, of persistence ${(sum(absPersistence) / n).toFixed(2)}, ratio ${(sum(absMedian) / sum(absPersistence)).toFixed(2)}\n`,
  );
  for (const h of SHOWN) {
    const i = POOLED.indexOf(h);
    out.write(`+${h} h: error ${meanSe(error[i]!)}; from admissions ${meanSe(parts[i]![0]!)}, `);
    out.write(`from discharges of those in at hour 0 ${meanSe(parts[i]![1]!)}, from discharges of those admitted since ${meanSe(parts[i]![2]!)}\n`);
    const keys = [...sums.truth.keys()].filter((x) => x.startsWith(`${h} `));
    out.write(
      `  per snapshot, truth / forecast: ${keys.map((x) => `${x.slice(String(h).length + 1)} ${(sums.truth.get(x)! / n).toFixed(2)} / ${(sums.forecast.get(x)! / n).toFixed(2)}`).join('; ')}\n`,
    );
  }
  out.write(`forecasts whose census at hour 0 differs from the reference run's: ${census0Differs} of ${n}\n`);
  out.write(
    "spread: rms error of the replications' mean against the truth, the replications' sd, their squared ratio (1 = right, above 1 = band too narrow)\n",
  );
  for (const line of spread.lines()) out.write(`${line}\n`);
  out.write('patients in the ward at hour 0, by days already spent there: share who left within 24 h and 72 h, truth (binomial se) / forecast\n');
  bins.forEach((b, i) => {
    const p72 = b.truth[2]! / b.truth[0]!;
    const se = Math.sqrt((p72 * (1 - p72)) / b.truth[0]!);
    const range = `${SPENT_BINS[i]}${Number.isFinite(SPENT_BINS[i + 1]!) ? `–${SPENT_BINS[i + 1]}` : '+'} days`;
    out.write(
      `  ${range}: ${b.truth[0]} patients; 24 h ${(b.truth[1]! / b.truth[0]!).toFixed(3)} / ${(b.forecast[1]! / b.forecast[0]!).toFixed(3)}; 72 h ${p72.toFixed(3)} (± ${se.toFixed(3)}) / ${(b.forecast[2]! / b.forecast[0]!).toFixed(3)}\n`,
    );
  });
}

main();
