/**
 * Figures over time from a run's trace, hour by hour (time-weighted means):
 * patients in the hospital, patients waiting (in the ED and anywhere), ward and
 * bed occupancy (all beds, general wards, critical care), operating rooms in use and open.
 */
import type { TraceData } from '../../../sim-core/index.js';
import { EXIT_WORDS, TRACE_BRANCH_END_PREFIX, TRACE_WORDS } from '../../../workers/index.js';
import { unitsOpen } from '../layout/hospital-layout.js';
import type { HospitalLayout } from '../layout/types.js';

export const SERIES_STEP = 60;

export interface Series {
  id: string;
  label: string;
  colour: string;
  /** One value per hour from time 0. */
  values: Float32Array;
}

export interface Chart {
  id: string;
  title: string;
  unit: 'patients' | 'share' | 'rooms';
  series: Series[];
}

export interface RunSeries {
  step: number;
  hours: number;
  charts: Chart[];
  /** Patients waiting anywhere: what "busy" means when looking for peaks. */
  busy: Float32Array;
}

/** A quantity that changes in steps, averaged over each hour. */
class StepAverage {
  private value = 0;
  private since = 0;
  readonly sums: Float64Array;
  constructor(private readonly hours: number) {
    this.sums = new Float64Array(hours);
  }
  add(t: number, delta: number): void {
    this.advance(t);
    this.value += delta;
  }
  advance(t: number): void {
    let from = this.since;
    const to = Math.min(t, this.hours * SERIES_STEP);
    while (from < to) {
      const h = Math.floor(from / SERIES_STEP);
      const edge = Math.min(to, (h + 1) * SERIES_STEP);
      this.sums[h]! += this.value * (edge - from);
      from = edge;
    }
    this.since = Math.max(this.since, to);
  }
  means(scale = 1): Float32Array {
    return Float32Array.from(this.sums, (s) => (s / SERIES_STEP) * scale);
  }
}

export function runSeries(trace: TraceData, layout: HospitalLayout, endTime: number): RunSeries {
  const hours = Math.max(1, Math.ceil(endTime / SERIES_STEP));
  const code = (name: string): number => trace.whatNames.indexOf(name);
  const [ARRIVE, REQUEST, SEIZE, RELEASE] = [TRACE_WORDS.arrive, TRACE_WORDS.request, TRACE_WORDS.seize, TRACE_WORDS.release].map(code) as [
    number,
    number,
    number,
    number,
  ];
  const exits = new Set([...EXIT_WORDS].map(code).filter((c) => c >= 0));
  // A branch of a split that gave up ends its wait, not the patient's stay.
  const branchEnds = new Set(trace.whatNames.flatMap((w, c) => (w.startsWith(TRACE_BRANCH_END_PREFIX) ? [c] : [])));
  const blockOf = trace.whereNames.map((name) => layout.blockOf.get(name) ?? -1);
  const zoneKind = (b: number): string => layout.zones[layout.blocks[b]!.zone]!.kind;
  const isWardBed = (b: number): boolean => layout.blocks[b]!.bed && zoneKind(b) === 'ward';
  const isIcuBed = (b: number): boolean => layout.blocks[b]!.bed && zoneKind(b) === 'icu';
  const isRoom = (b: number): boolean => layout.blocks[b]!.theatre;
  const bedsOf = (test: (b: number) => boolean): number => layout.blocks.reduce((s, blk, b) => s + (test(b) ? blk.units : 0), 0);
  const wardBeds = bedsOf(isWardBed);
  const icuBeds = bedsOf(isIcuBed);
  const rooms = layout.blocks.filter((b) => b.theatre);

  const inHospital = new StepAverage(hours);
  const waiting = new StepAverage(hours);
  const edWaiting = new StepAverage(hours);
  const ward = new StepAverage(hours);
  const icu = new StepAverage(hours);
  const orBusy = new StepAverage(hours);
  const pending = new Map<number, number>();
  const dropPending = (e: number, t: number): void => {
    const b = pending.get(e);
    if (b === undefined) return;
    pending.delete(e);
    waiting.add(t, -1);
    if (zoneKind(b) === 'ed') edWaiting.add(t, -1);
  };

  for (let i = 0; i < trace.length; i++) {
    const t = trace.time[i]!;
    const e = trace.entity[i]!;
    const what = trace.what[i]!;
    if (e < 0) continue;
    if (what === ARRIVE) inHospital.add(t, 1);
    else if (exits.has(what)) {
      inHospital.add(t, -1);
      dropPending(e, t);
    } else if (branchEnds.has(what)) dropPending(e, t);
    else {
      const b = blockOf[trace.where[i]!]!;
      if (b < 0) continue;
      if (what === REQUEST) {
        dropPending(e, t);
        pending.set(e, b);
        waiting.add(t, 1);
        if (zoneKind(b) === 'ed') edWaiting.add(t, 1);
      } else if (what === SEIZE || what === RELEASE) {
        const d = what === SEIZE ? 1 : -1;
        if (what === SEIZE && pending.get(e) === b) dropPending(e, t);
        if (isWardBed(b)) ward.add(t, d);
        else if (isIcuBed(b)) icu.add(t, d);
        else if (isRoom(b)) orBusy.add(t, d);
      }
    }
  }
  for (const s of [inHospital, waiting, edWaiting, ward, icu, orBusy]) s.advance(endTime);

  const orOpen = new Float32Array(hours);
  for (let h = 0; h < hours; h++) {
    let open = 0;
    for (let m = 0; m < SERIES_STEP; m += 10) for (const r of rooms) open += unitsOpen(layout, r, h * SERIES_STEP + m);
    orOpen[h] = open / (SERIES_STEP / 10);
  }

  const charts: Chart[] = [];
  const hasEd = layout.zones.some((z) => z.kind === 'ed');
  charts.push({
    id: 'waiting',
    title: hasEd ? 'ED patients waiting' : 'Patients waiting',
    unit: 'patients',
    series: [
      hasEd
        ? { id: 'edWaiting', label: 'waiting in the ED', colour: '#d7263d', values: edWaiting.means() }
        : { id: 'waiting', label: 'waiting', colour: '#d7263d', values: waiting.means() },
    ],
  });
  const occupancy: Series[] = [];
  if (wardBeds > 0)
    occupancy.push({
      id: 'ward',
      label: icuBeds > 0 ? `general wards (${wardBeds})` : `all ${wardBeds} beds`,
      colour: '#1f5fa8',
      values: ward.means(1 / wardBeds),
    });
  if (icuBeds > 0) occupancy.push({ id: 'icu', label: `critical care (${icuBeds})`, colour: '#f46036', values: icu.means(1 / icuBeds) });
  // All beds together, drawn on top: the headline tile's "Bed occupancy" (and its target) is this measure.
  if (wardBeds > 0 && icuBeds > 0) {
    const all = ward.means();
    const critical = icu.means();
    for (let h = 0; h < all.length; h++) all[h] = (all[h]! + critical[h]!) / (wardBeds + icuBeds);
    occupancy.unshift({ id: 'allBeds', label: `all ${wardBeds + icuBeds} beds`, colour: '#1d2733', values: all });
  }
  if (occupancy.length > 0) charts.push({ id: 'occupancy', title: 'Bed occupancy', unit: 'share', series: occupancy });
  if (rooms.length > 0) {
    charts.push({
      id: 'or',
      title: 'Operating rooms',
      unit: 'rooms',
      series: [
        { id: 'orBusy', label: 'in use', colour: '#2eb872', values: orBusy.means() },
        { id: 'orOpen', label: 'open', colour: '#9aa5b1', values: orOpen },
      ],
    });
  }
  charts.push({
    id: 'inHospital',
    title: 'Patients in the hospital',
    unit: 'patients',
    series: [{ id: 'inHospital', label: 'in the hospital', colour: '#6c4ab6', values: inHospital.means() }],
  });
  return { step: SERIES_STEP, hours, charts, busy: waiting.means() };
}

/**
 * The next busy peak after t: the first hour after t that is a local maximum
 * (over ±6 hours) and among the busiest tenth of hours; else the busiest hour
 * after t. Returns a time in minutes, or null if nothing follows.
 */
export function nextPeak(busy: Float32Array, step: number, t: number): number | null {
  const start = Math.floor(t / step) + 1;
  if (start >= busy.length) return null;
  const sorted = Float32Array.from(busy).sort();
  const threshold = Math.max(sorted[Math.floor(sorted.length * 0.9)] ?? 0, 1e-9);
  let best = -1;
  for (let h = start; h < busy.length; h++) {
    const v = busy[h]!;
    if (best < 0 || v > busy[best]!) best = h;
    if (v < threshold) continue;
    let isMax = true;
    for (let k = Math.max(0, h - 6); k <= Math.min(busy.length - 1, h + 6); k++) {
      if (busy[k]! > v || (busy[k] === v && k < h)) {
        isMax = false;
        break;
      }
    }
    if (isMax) return (h + 0.5) * step;
  }
  return best >= 0 && busy[best]! > 0 ? (best + 0.5) * step : null;
}
