/**
 * Cost per case, and what the payer pays for it: figures of the finished
 * cases (case-observer.ts), each costed from the ledger by its serial, so that
 * every cost booked to a patient counts, even one booked after it left.
 *
 * - `cases.<class>`; `cost.perCase.<class>.{mean,p10,p50,p90}` and by cost type
 *   `cost.perCase.<class>.byType.<type>`; the same over all cases
 *   (`cost.perCase.all.*`), by pathway (`cost.perCase.pathway.<pathway>.*`) and
 *   by each value of each attribute (`cost.perCase.attribute.<attr>.<value>.*`);
 *   each cut also gives its number of cases (`.cases`), so cuts can be summed.
 * - With case-mix groups: `casemix.<code>.{cases,costPerCase,paymentPerCase,
 *   marginPerCase,margin,lossShare}` and over all grouped cases
 *   `casemix.{cases,cost,payment,margin,lossShare}`; payment = relative weight ×
 *   base rate, plus the outlier days' weight beyond the trim point. A group
 *   with no weight gives only `.cases` and `.costPerCase` (payment not known).
 * - Patient time: `patientTime.hours` waited by finished cases, and valued at
 *   the scenario's rate `patientTime.cost` (never part of `cost.total`).
 */
import { selectQuantile } from '../stats/select-quantile.js';
import { COST_TYPES, type CostLedger } from './cost-ledger.js';
import type { FinishedCases } from './case-observer.js';
import type { CaseMixGroupModel, HospitalModel } from './model.js';

type Figures = Record<string, number>;

export function caseFigures(f: Figures, model: HospitalModel, cases: FinishedCases, ledger: CostLedger): void {
  const n = cases.count;
  const types = COST_TYPES.length;
  const cost = new Float64Array(n);
  const byType = new Float64Array(n * types);
  costOfCases(cases, ledger, cost, byType);

  const values = new Float64Array(n);
  putCostPerCase(f, 'cost.perCase.all', allCases(n), cost, values);
  // Each cut's cases in one pass per cut (not one pass per class, pathway or value).
  const byClass = bucketsBy(n, model.classes.length, cases.klass, 1, 0);
  model.classes.forEach((c, i) => {
    const mine = byClass[i]!;
    f[`cases.${c.name}`] = mine.length;
    putCostPerCase(f, `cost.perCase.${c.name}`, mine, cost, values);
    COST_TYPES.forEach((t, ti) => (f[`cost.perCase.${c.name}.byType.${t}`] = meanOf(mine, byType, types, ti)));
  });
  const byPathway = bucketsBy(n, model.pathways.length, cases.pathway, 1, 0);
  model.pathways.forEach((p, i) => putCostPerCase(f, `cost.perCase.pathway.${p.name}`, byPathway[i]!, cost, values));
  const attributeCount = model.attributes.length;
  model.attributes.forEach((a, ai) => {
    const byValue = bucketsBy(n, a.values.length, cases.attrs, attributeCount, ai);
    a.values.forEach((v, vi) => putCostPerCase(f, `cost.perCase.attribute.${a.name}.${v}`, byValue[vi]!, cost, values));
  });

  if (model.caseMix) putCaseMix(f, model, cases, cost);

  const waited = sumOf(cases.waited, n);
  f['patientTime.hours'] = waited / 60;
  f['patientTime.perCase.hours'] = n > 0 ? waited / 60 / n : NaN;
  if (model.patientTimePerHour !== undefined) f['patientTime.cost'] = (waited / 60) * model.patientTimePerHour;
}

/** What the payer pays for a case of group `g` that stayed `stayMinutes`; NaN when the group's weight or the base rate is not known. */
export function casePayment(g: CaseMixGroupModel, baseRate: number | undefined, stayMinutes: number): number {
  if (g.weight === undefined || baseRate === undefined) return NaN;
  const days = stayMinutes / 1440;
  const outlierDays = g.outlier && days > g.outlier.trimDays ? days - g.outlier.trimDays : 0;
  return (g.weight + outlierDays * (g.outlier?.perDayWeight ?? 0)) * baseRate;
}

/**
 * A group whose payment is not known (no weight, as a calibrated scenario's
 * DRGs) reports its cases and cost per case only; the totals over all groups
 * report payment, margin and loss share only when every group's is known.
 */
function putCaseMix(f: Figures, model: HospitalModel, cases: FinishedCases, cost: Float64Array): void {
  const mix = model.caseMix!;
  const attributeCount = model.attributes.length;
  let all = { cases: 0, cost: 0, payment: 0, losing: 0 };
  const byGroup = bucketsBy(cases.count, mix.groups.length, cases.attrs, attributeCount, mix.attribute);
  let allPaid = true;
  const sums = new Float64Array(3);
  mix.groups.forEach((g, gi) => {
    const paid = g.weight !== undefined && mix.baseRate !== undefined;
    const which = byGroup[gi]!;
    groupSums(which, cost, paid ? cases.stay : null, g, mix.baseRate, sums);
    const count = which.length;
    const costSum = sums[0]!;
    const payments = sums[1]!;
    const losing = sums[2]!;
    const id = `casemix.${g.code}`;
    f[`${id}.cases`] = count;
    f[`${id}.costPerCase`] = count > 0 ? costSum / count : NaN;
    if (paid) {
      f[`${id}.paymentPerCase`] = count > 0 ? payments / count : NaN;
      f[`${id}.marginPerCase`] = count > 0 ? (payments - costSum) / count : NaN;
      f[`${id}.margin`] = payments - costSum;
      f[`${id}.lossShare`] = count > 0 ? losing / count : NaN;
    } else allPaid = false;
    all = { cases: all.cases + count, cost: all.cost + costSum, payment: all.payment + payments, losing: all.losing + losing };
  });
  f['casemix.cases'] = all.cases;
  f['casemix.cost'] = all.cost;
  if (!allPaid) return;
  f['casemix.payment'] = all.payment;
  f['casemix.margin'] = all.payment - all.cost;
  f['casemix.lossShare'] = all.cases > 0 ? all.losing / all.cases : NaN;
}

/**
 * A group's cost, payments (with `stay`; 0 without) and cases paid less than
 * they cost, summed in case order, into `out`. A loop of its own (see below):
 * inside the close's per-group callback it was compiled on the fly and thrown
 * away at every close, a sixth of the close.
 */
function groupSums(
  which: Int32Array,
  cost: Float64Array,
  stay: Float64Array | null,
  g: CaseMixGroupModel,
  baseRate: number | undefined,
  out: Float64Array,
): void {
  let costSum = 0;
  let payments = 0;
  let losing = 0;
  for (let i = 0; i < which.length; i++) {
    const k = which[i]!;
    costSum += cost[k]!;
    if (stay === null) continue;
    const payment = casePayment(g, baseRate, stay[k]!);
    payments += payment;
    if (payment < cost[k]!) losing++;
  }
  out[0] = costSum;
  out[1] = payments;
  out[2] = losing;
}

/**
 * A cut's number of cases, mean cost (Welford's running mean, as Tally
 * computes it, so the figures are the same to the last bit) and cost
 * quantiles (R type 7, as Tally.quantile), from the cut's values gathered into
 * `scratch` and selected there (not sorted: a year's 60,000 cases sorted once
 * per cut was a seventh of the run): no Tally and no allocation per cut.
 */
function putCostPerCase(f: Figures, id: string, which: Int32Array, cost: Float64Array, scratch: Float64Array): void {
  const n = which.length;
  const mean = gatherWithMean(which, cost, scratch);
  const values = scratch.subarray(0, n);
  f[`${id}.cases`] = n;
  f[`${id}.mean`] = n > 0 ? mean : NaN;
  // Increasing p: each selection leaves the values below its position there.
  f[`${id}.p10`] = selectQuantile(values, 0.1, 0);
  f[`${id}.p50`] = selectQuantile(values, 0.5, Math.floor((n - 1) * 0.1));
  f[`${id}.p90`] = selectQuantile(values, 0.9, Math.floor((n - 1) * 0.5));
}

/*
 * Each loop over the cases below is a function of its own. These run once per
 * replication, so V8 compiles their loops on the fly (on-stack replacement);
 * code after such a loop in the same function had never run, and reaching it
 * threw the compiled code away, to be compiled again at the next close: a
 * seventh of a replication's instructions went to this close.
 */

/** Each case's cost (into `cost`) and its cost by type (`byType`, row-major), read from the ledger by serial. */
function costOfCases(cases: FinishedCases, ledger: CostLedger, cost: Float64Array, byType: Float64Array): void {
  ledger.costsByType(cases.serial, cases.count, byType);
  rowSums(byType, COST_TYPES.length, cases.count, cost);
}

/** The sum of each of the first `rows` rows of a row-major table `width` wide, added left to right. */
function rowSums(table: Float64Array, width: number, rows: number, out: Float64Array): void {
  for (let k = 0; k < rows; k++) {
    let sum = 0;
    for (let t = 0; t < width; t++) sum += table[k * width + t]!;
    out[k] = sum;
  }
}

/** The costs of the cases `which` copied into `scratch`, and their mean (Welford's, as Tally computes it). */
function gatherWithMean(which: Int32Array, cost: Float64Array, scratch: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < which.length; i++) {
    const x = cost[which[i]!]!;
    mean += (x - mean) / (i + 1);
    scratch[i] = x;
  }
  return mean;
}

function sumOf(xs: Float64Array, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += xs[k]!;
  return sum;
}

function allCases(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let k = 0; k < n; k++) all[k] = k;
  return all;
}

/**
 * Case indices by key, the key of case k being `keys[k * stride + offset]`,
 * from 0 to size - 1 (a key outside that range, such as -1 for none, is left
 * out). Counted first, then filled: no arrays grown by push.
 */
function bucketsBy(n: number, size: number, keys: Int32Array, stride: number, offset: number): Int32Array[] {
  const counts = new Int32Array(size);
  countKeys(n, keys, stride, offset, counts);
  const out = Array.from(counts, (c) => new Int32Array(c));
  counts.fill(0);
  fillBuckets(n, keys, stride, offset, counts, out);
  return out;
}

function countKeys(n: number, keys: Int32Array, stride: number, offset: number, counts: Int32Array): void {
  const size = counts.length;
  for (let k = 0; k < n; k++) {
    const key = keys[k * stride + offset]!;
    if (key >= 0 && key < size) counts[key]!++;
  }
}

function fillBuckets(n: number, keys: Int32Array, stride: number, offset: number, filled: Int32Array, out: Int32Array[]): void {
  const size = filled.length;
  for (let k = 0; k < n; k++) {
    const key = keys[k * stride + offset]!;
    if (key >= 0 && key < size) out[key]![filled[key]!++] = k;
  }
}

/** Mean of column `column` of a row-major table with `width` columns, over the rows `which` (summed in order, then divided). */
function meanOf(which: Int32Array, table: Float64Array, width: number, column: number): number {
  return which.length === 0 ? NaN : columnSum(which, table, width, column) / which.length;
}

/** The loop alone (see above): the division after it, in the same function, was thrown away at every close. */
function columnSum(which: Int32Array, table: Float64Array, width: number, column: number): number {
  let sum = 0;
  for (let i = 0; i < which.length; i++) sum += table[which[i]! * width + column]!;
  return sum;
}
