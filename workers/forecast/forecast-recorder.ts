/**
 * What a forecast needs from one replication, read from the run as it goes
 * through the kernel's trace recorder interface by sim-core's trace reader
 * (the typed events of the trace's words), so nothing is stored per event:
 * each ward's census at every hour mark, ED patients waiting and boarding at every hour mark, what became
 * of each booked patient, and staff overtime until midnight of the first day.
 *
 * The census at hour h is the state after everything that happened at minute
 * 60·h: hour 0 is the snapshot itself, with placed patients in their beds.
 */
import {
  resourceKind,
  rosterCapacityAt,
  TraceReader,
  type HospitalModel,
  type ResourceKindInfo,
  type TraceEvent,
  type TraceRecorder,
} from '../../sim-core/index.js';
import type { BookedCase } from '../../scenarios/index.js';
import type { PatientReplication } from './patient-outcomes.js';

/** Why a booked patient did not go ahead, or 0 if it did. */
export const OUTCOME = { went: 0, cancelledBed: 1, cancelledTheatre: 2, cancelledStock: 3, cancelledOther: 4, notArrived: 5 } as const;

/** One replication of a forecast, as plain data. */
export interface ForecastReplication {
  replication: number;
  /** census[ward][h]: beds held at hour mark h (h = 0..hours), wards in model order. */
  census: number[][];
  /** ED patients waiting (to be seen, treated or scanned) at each hour mark. */
  edWaiting: number[];
  /** ED patients boarding (admitted, waiting for a ward bed in the ED) at each hour mark. */
  edBoarding: number[];
  /** Per booked case: OUTCOME code. */
  bookedOutcome: number[];
  /** Per booked case: longest wait for a bed or trolley, minutes (NaN if none asked). */
  bookedBedWait: number[];
  /** Per booked case: when it got its operating room (or any room), minutes from asOf (NaN if it never did). */
  bookedTheatreAt: number[];
  /** Per booked case: longest wait for a delivery of stock, minutes (NaN if it never waited for stock). */
  bookedStockWait: number[];
  /** Staff overtime hours until midnight of asOf's day, per staff group (model order of staff). */
  overtimeToday: number[];
  /** When asked for (`forecast --patients`): what became of each patient of the state. */
  patients?: PatientReplication;
}

const NONE = -1;

export class ForecastRecorder implements TraceRecorder {
  /** Reads the run's rows as typed events, as they are recorded. */
  private readonly reader = new TraceReader((e) => this.hear(e));
  // Per place: resource index, or class index, or -1.
  private readonly resourceOfPlace: number[] = [];
  private readonly classOfPlace: number[] = [];
  /** What each resource's kind is (model order), asked per event. */
  private readonly kinds: readonly ResourceKindInfo[];
  private readonly wards: number[];
  private readonly staff: number[];
  private readonly held: number[];
  private readonly census: number[][];
  private readonly edWaiting: number[] = [];
  private readonly edBoarding: number[] = [];
  private nextMark = 0;
  // Per patient serial.
  private readonly isEd: number[] = [];
  private readonly admitted: number[] = [];
  private readonly holds: number[] = [];
  private readonly requestOf: number[] = [];
  private readonly requestAt: number[] = [];
  private readonly requestKind: number[] = [];
  private readonly bookedIndex: number[] = [];
  private readonly stockOut: number[] = [];
  /** When the patient's last stock-out began, while it waits for a delivery (NaN otherwise). */
  private readonly stockOutAt: number[] = [];
  private waitingNow = 0;
  private boardingNow = 0;
  private readonly arrivalsOfClass: number[];
  private readonly bookingOf: Map<number, number>[];
  private readonly outcome: number[];
  private readonly bedWait: number[];
  private readonly theatreAt: number[];
  private readonly stockWait: number[];
  // Overtime until midnight.
  private readonly dayEnd: number;
  private readonly overtime: number[];
  private readonly capacityNow: number[];
  private readonly breaks: { at: number; slot: number }[] = [];
  private nextBreak = 0;
  private clock = 0;
  private now = 0;

  constructor(
    private readonly model: HospitalModel,
    private readonly hours: number,
    booked: readonly BookedCase[],
  ) {
    this.kinds = model.resources.map((r) => resourceKind(r.kind));
    this.wards = model.resources.flatMap((r, i) => (resourceKind(r.kind).bed ? [i] : []));
    this.staff = model.resources.flatMap((r, i) => (resourceKind(r.kind).staffOvertime ? [i] : []));
    this.held = model.resources.map(() => 0);
    this.census = this.wards.map(() => []);
    this.arrivalsOfClass = model.classes.map(() => 0);
    this.bookingOf = model.classes.map(() => new Map());
    booked.forEach((b, k) => this.bookingOf[b.classIndex]!.set(b.arrivalOfClass, k));
    this.outcome = booked.map(() => OUTCOME.notArrived);
    this.bedWait = booked.map(() => NaN);
    this.theatreAt = booked.map(() => NaN);
    this.stockWait = booked.map(() => NaN);
    this.dayEnd = 1440 - (model.startMinuteOfWeek % 1440);
    this.overtime = this.staff.map(() => 0);
    this.capacityNow = this.staff.map((r) => capacityAt(model, r, 0));
    this.staff.forEach((r, slot) => {
      const roster = model.resources[r]!.roster;
      if (!roster) return;
      for (const c of roster.changes) {
        // The replication runs rosters from the model's start in the week.
        let at = (((c.at - model.startMinuteOfWeek) % roster.cycle) + roster.cycle) % roster.cycle;
        for (; at < this.dayEnd; at += roster.cycle) if (at > 0) this.breaks.push({ at, slot });
      }
    });
    this.breaks.sort((a, b) => a.at - b.at);
  }

  code(name: string): number {
    return this.reader.code(name);
  }

  place(name: string): number {
    const i = this.reader.place(name);
    if (this.resourceOfPlace[i] === undefined) {
      this.resourceOfPlace[i] = this.model.resources.findIndex((r) => r.name === name);
      this.classOfPlace[i] = this.model.classes.findIndex((c) => c.name === name);
    }
    return i;
  }

  record(time: number, entity: number, what: number, where: number): void {
    this.reader.record(time, entity, what, where);
  }

  private hear(e: TraceEvent): void {
    while (this.nextMark <= this.hours && this.nextMark * 60 < e.time) this.mark();
    if (e.time > this.clock) this.overtimeTo(Math.min(e.time, this.dayEnd));
    this.now = e.time;
    const p = e.patient;
    if (p < 0) return;
    if (this.stockOutAt[p]! >= 0 && e.kind !== 'stockOut') this.stockCameIn(p, e.time);
    switch (e.kind) {
      case 'arrived':
        this.born(p, this.classOfPlace[e.place]!, !e.placed);
        break;
      case 'requested':
        this.asked(p, this.resourceOfPlace[e.place]!, e.time);
        break;
      case 'seized':
        this.took(p, this.resourceOfPlace[e.place]!, e.time);
        break;
      case 'released':
        this.gaveBack(p, this.resourceOfPlace[e.place]!);
        break;
      case 'stockOut':
        this.stockOut[p] = 1;
        this.stockOutAt[p] = e.time;
        break;
      case 'left':
        this.gone(p, e.exit === 'cancelled');
        break;
      case 'branchEnded':
        // A branch of its split gave up or was turned away: its wait ends (the open request is the patient's last), the patient stays.
        this.settleRequest(p, e.time);
        break;
    }
  }

  /** The replication's results, once the run has ended. */
  finish(replication: number): ForecastReplication {
    while (this.nextMark <= this.hours) this.mark();
    this.overtimeTo(this.dayEnd);
    return {
      replication,
      census: this.census,
      edWaiting: this.edWaiting,
      edBoarding: this.edBoarding,
      bookedOutcome: this.outcome,
      bookedBedWait: this.bedWait,
      bookedTheatreAt: this.theatreAt,
      bookedStockWait: this.stockWait,
      overtimeToday: this.overtime.map((m) => m / 60),
    };
  }

  private mark(): void {
    this.wards.forEach((r, k) => this.census[k]!.push(this.held[r]!));
    this.edWaiting.push(this.waitingNow);
    this.edBoarding.push(this.boardingNow);
    this.nextMark++;
  }

  private born(p: number, c: number, arrived: boolean): void {
    this.isEd[p] = c >= 0 && this.model.classes[c]!.emergencyDepartment ? 1 : 0;
    this.admitted[p] = 0;
    this.holds[p] = 0;
    this.requestOf[p] = NONE;
    this.bookedIndex[p] = NONE;
    this.stockOutAt[p] = NaN;
    if (arrived && c >= 0) {
      const k = this.bookingOf[c]!.get(this.arrivalsOfClass[c]!++);
      if (k !== undefined) {
        this.bookedIndex[p] = k;
        this.outcome[k] = OUTCOME.went;
      }
    }
  }

  private asked(p: number, r: number, time: number): void {
    this.settleRequest(p, time);
    this.requestOf[p] = r;
    this.requestAt[p] = time;
    this.countRequest(p, 1);
  }

  private took(p: number, r: number, time: number): void {
    this.settleRequest(p, time);
    this.held[r]!++;
    this.holds[p]!++;
    if (this.is(r, 'admitsFromEd')) this.admitted[p] = 1;
    const k = this.bookedIndex[p]!;
    if (k !== NONE && this.is(r, 'theatre') && Number.isNaN(this.theatreAt[k]!)) this.theatreAt[k] = time;
  }

  /** The patient goes on after a stock-out (a delivery came, or it is cancelled): a booked case's wait for stock is counted. */
  private stockCameIn(p: number, time: number): void {
    const k = this.bookedIndex[p]!;
    if (k !== NONE) this.stockWait[k] = Math.max(Number.isNaN(this.stockWait[k]!) ? 0 : this.stockWait[k]!, time - this.stockOutAt[p]!);
    this.stockOutAt[p] = NaN;
  }

  private gaveBack(p: number, r: number): void {
    this.held[r]!--;
    this.holds[p]!--;
  }

  /** The patient's open request ends (granted, or the patient goes): its wait is counted for a booked case. */
  private settleRequest(p: number, time: number): void {
    const r = this.requestOf[p]!;
    if (r === NONE || r === undefined) return;
    this.countRequest(p, -1);
    const k = this.bookedIndex[p]!;
    if (k !== NONE && this.is(r, 'bedWait')) this.bedWait[k] = Math.max(Number.isNaN(this.bedWait[k]!) ? 0 : this.bedWait[k]!, time - this.requestAt[p]!);
    this.requestOf[p] = NONE;
  }

  /** An ED patient's request counts as waiting (1) or boarding (2) from when it is made until it ends. */
  private countRequest(p: number, sign: 1 | -1): void {
    if (sign === 1) {
      const r = this.requestOf[p]!;
      this.requestKind[p] = this.isEd[p] !== 1 || this.admitted[p] === 1 ? 0 : this.is(r, 'admitsFromEd') && this.holds[p]! > 0 ? 2 : 1;
    }
    const kind = this.requestKind[p];
    if (kind === 1) this.waitingNow += sign;
    else if (kind === 2) this.boardingNow += sign;
  }

  /** What resource `r`'s kind is, as the kinds' table says: admits an ED patient, what a bed wait is for, a theatre. */
  private is(r: number, what: 'admitsFromEd' | 'bedWait' | 'theatre'): boolean {
    return this.kinds[r]![what];
  }

  private gone(p: number, cancelled: boolean): void {
    const r = this.requestOf[p]!;
    const k = this.bookedIndex[p]!;
    if (k !== NONE && cancelled) {
      this.outcome[k] =
        this.stockOut[p] === 1
          ? OUTCOME.cancelledStock
          : r !== NONE && this.is(r, 'bedWait')
            ? OUTCOME.cancelledBed
            : r !== NONE && this.is(r, 'theatre')
              ? OUTCOME.cancelledTheatre
              : OUTCOME.cancelledOther;
    }
    this.settleRequest(p, this.now);
  }

  /** Integrates staff working past their rostered numbers up to `t` (not past midnight). */
  private overtimeTo(t: number): void {
    while (this.nextBreak < this.breaks.length && this.breaks[this.nextBreak]!.at <= t) {
      const b = this.breaks[this.nextBreak++]!;
      this.accrue(b.at);
      this.capacityNow[b.slot] = capacityAt(this.model, this.staff[b.slot]!, b.at);
    }
    this.accrue(t);
  }

  private accrue(t: number): void {
    if (t <= this.clock) return;
    const dt = t - this.clock;
    this.staff.forEach((r, s) => {
      const excess = this.held[r]! - this.capacityNow[s]!;
      if (excess > 0) this.overtime[s]! += excess * dt;
    });
    this.clock = t;
  }
}

function capacityAt(model: HospitalModel, r: number, t: number): number {
  const m = model.resources[r]!;
  return m.roster ? rosterCapacityAt({ ...m.roster, offset: model.startMinuteOfWeek }, t) : m.capacity;
}
