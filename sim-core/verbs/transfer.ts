/**
 * transfer: the patient travels to another site of the network and goes on
 * there at the start of another pathway. The destination is named, or chosen
 * at departure by rule from what the sites' resources show at that instant.
 * The trip is a timed activity ("transfer:<reason>"), so the trace shows when
 * each patient left and arrived; a transport unit the patient holds (seized by
 * the step before) is given back on arrival.
 */
import type { Distribution } from '../random/distribution.js';
import type { DistributionSpec } from '../random/distributions/index.js';
import { sharedDistribution } from '../random/distributions/index.js';
import { remainingDuration } from '../random/distributions/conditional.js';
import { PRIORITY } from '../priorities.js';
import type { RandomStream } from '../random/stream.js';
import type { Resource } from '../resources/resource.js';
import { occurrenceNames, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export type TransferRule =
  | 'named'
  | 'nearest'
  | 'nearest-free-bed'
  | 'shortest-queue'
  | 'first-available'
  | 'round-robin'
  // The "-available" variants count only units on duty now (by roster): a site whose `bed` has none is passed over.
  | 'nearest-available'
  | 'round-robin-available'
  | 'shortest-queue-available'
  /** The destination nearest the patient's home (`home`: a patient attribute and, per value, a destination). */
  | 'nearest-home';

export interface TransferDestination {
  /** The destination site's id. */
  site: string;
  /** The pathway the patient goes on at there. */
  pathway: number;
  travel: DistributionSpec;
  /** Mean of `travel`: what "nearest" compares. */
  meanMinutes: number;
  /** The resource whose free units and line the rules read; -1: none. */
  bed: number;
  /** Travel for a trip that starts in each hour of the day (24), with their means; absent: `travel` at every hour. */
  travelByHour?: DistributionSpec[];
  meanByHour?: number[];
  /** The trip back to the origin, for a step whose transport comes back (`returnTrip`). */
  returnTravel?: DistributionSpec;
  /** The trip back by the hour of the day it leaves (24), when that pair lists hours of its own. */
  returnTravelByHour?: DistributionSpec[];
}

export interface TransferStep {
  op: 'transfer';
  reason: string;
  rule: TransferRule;
  destinations: TransferDestination[];
  /** The transport resource held for the trip (seized by the step before); -1: none. */
  transport: number;
  /** Keep what the origin gave until the patient arrives (else give it back at departure). */
  keepOrigin: boolean;
  /**
   * The patient holds a unit of one destination's `bed` already (a step before took it: the destination
   * accepted it): it goes there, keeps the unit, and the rule is not asked.
   */
  reserved: boolean;
  /** The transport stays busy after the patient arrives, for its trip back (from the matrix), charged to the case. */
  returnTrip?: boolean;
  /** For "nearest-home": the attribute naming the home, and per value index the destination nearest it (-1: nearest to here). */
  home?: { attribute: number; choice: number[] };
}

class TransferRunner implements StepRunner<TransferStep> {
  private readonly streams: (RandomStream | null)[][];
  private readonly travel: (Distribution[] | null)[][];
  /** Per step and destination: travel by hour of the day, or null when every hour is alike. */
  private readonly travelByHour: ((Distribution[] | null)[] | null)[][];
  /** Next destination of each round-robin step. */
  private readonly turn: (number[] | null)[];
  /** Per step: what the patient keeps of what it holds at departure (its transport, a reserved bed); the rest is the origin's, to give back. */
  private readonly keptFromOrigin: (readonly number[] | null)[][];
  /**
   * Per step: its destinations nearest first (least mean trip, then as listed), one order, or one for
   * each hour of the day when trips differ by hour. "Nearest" rules walk it to the first that will do,
   * instead of comparing every destination's mean on every trip (179 of them in a network of 180 sites).
   */
  private readonly nearness: (Int32Array[] | null)[][];
  private readonly arriveKind: number;
  /** Per step with a return trip: its stream and the trip back from each destination. */
  private readonly back: ({ rng: RandomStream; travel: Distribution[]; byHour: (Distribution[] | null)[] } | null)[][];
  /** When each patient on a trip left, by slot. */
  private readonly departedAt = new Map<number, number>();

  constructor(private readonly r: Run) {
    // Each transfer step draws its trips from its own stream, "transfer:<pathway>/<reason>".
    this.streams = r.pathways.map((p) => {
      const names = occurrenceNames(p, (s) => (s.op === 'transfer' ? (s as TransferStep).reason : null));
      return p.steps.map((s, i) => (s.op === 'transfer' ? r.stream(`transfer:${names[i]!}`) : null));
    });
    this.travel = r.pathways.map((p) =>
      p.steps.map((s) => (s.op === 'transfer' ? (s as TransferStep).destinations.map((d) => sharedDistribution(d.travel)) : null)),
    );
    this.travelByHour = r.pathways.map((p) =>
      p.steps.map((s) =>
        s.op === 'transfer' ? (s as TransferStep).destinations.map((d) => (d.travelByHour ? d.travelByHour.map((h) => sharedDistribution(h)) : null)) : null,
      ),
    );
    // The trips back draw from streams of their own, so that asking for them shifts no trip there.
    this.back = r.pathways.map((p) => {
      const names = occurrenceNames(p, (s) => (s.op === 'transfer' ? (s as TransferStep).reason : null));
      return p.steps.map((s, i) => {
        const t = s as TransferStep;
        if (s.op !== 'transfer' || t.returnTrip !== true) return null;
        return {
          rng: r.stream(`transfer-return:${names[i]!}`),
          travel: t.destinations.map((d) => sharedDistribution(d.returnTravel ?? d.travel)),
          byHour: t.destinations.map((d) => (d.returnTravelByHour ? d.returnTravelByHour.map((h) => sharedDistribution(h)) : null)),
        };
      });
    });
    this.turn = r.pathways.map(() => null);
    this.keptFromOrigin = r.pathways.map((p) =>
      p.steps.map((s) => {
        if (s.op !== 'transfer') return null;
        const t = s as TransferStep;
        return [...new Set([t.transport, ...(t.reserved ? t.destinations.map((d) => d.bed) : [])])].filter((i) => i >= 0);
      }),
    );
    this.nearness = r.pathways.map((p) => p.steps.map((s) => (s.op === 'transfer' ? nearestFirst((s as TransferStep).destinations) : null)));
    this.arriveKind = r.sim.register('transfer-arrive', this.onArrive, this);
  }

  run(p: number, s: TransferStep, i: number): number {
    const { r } = this;
    const pw = r.patients.pathwayOf[p]!;
    const d = s.reserved ? this.reservedAt(p, s) : this.choose(s, pw, i, p);
    if (!s.keepOrigin) r.holdings.releaseAllBut(p, this.keptFromOrigin[pw]![i]!);
    const byHour = this.travelByHour[pw]![i]![d]!;
    const minutes = (byHour ? byHour[this.hourOfDay()]! : this.travel[pw]![i]![d]!).sample(this.streams[pw]![i]!);
    r.observe.started(p, `transfer:${s.reason}`);
    this.departedAt.set(p, r.sim.now);
    r.sim.schedule(minutes, this.arriveKind, p, d, PRIORITY.RELEASE);
    return WAIT;
  }

  /**
   * A patient placed on its trip (a state taken while it travels): it goes on to the destination it was
   * heading for, holding what it holds (its transport, a bed reserved there), with the rest of a trip that
   * left at `since`: the trip's time at that hour given the time already on the road. Heading unknown: as `run`.
   */
  resume(p: number, s: TransferStep, i: number, since: number, heading: number): number {
    const { r } = this;
    const d = s.reserved ? this.reservedAt(p, s) : heading;
    if (!(d >= 0 && d < s.destinations.length) || (!s.reserved && heading < 0)) return this.run(p, s, i);
    const pw = r.patients.pathwayOf[p]!;
    const byHour = this.travelByHour[pw]![i]![d]!;
    const trip = byHour ? byHour[this.hourOfDay(since)]! : this.travel[pw]![i]![d]!;
    r.observe.started(p, `transfer:${s.reason}`);
    this.departedAt.set(p, since);
    r.sim.schedule(remainingDuration(trip, this.streams[pw]![i]!, r.sim.now - since), this.arriveKind, p, d, PRIORITY.RELEASE);
    return WAIT;
  }

  /** The hour of the day (0-23) at minute `t` of the run (default now), from the run's start minute of the week. */
  private hourOfDay(t = this.r.sim.now): number {
    const m = (((t + this.r.model.startMinuteOfWeek) % 1440) + 1440) % 1440;
    return Math.floor(m / 60);
  }

  /** The destination whose bed the patient holds (its latest claim on one). */
  private reservedAt(p: number, s: TransferStep): number {
    const claims = this.r.patients.held[p]!;
    for (let c = claims.length - 1; c >= 0; c--) {
      const set = this.r.book.resourcesOf(claims[c]!);
      for (let k = 0; k < set.length; k++) {
        const d = s.destinations.findIndex((x) => x.bed === set[k]!.id);
        if (d >= 0) return d;
      }
    }
    return 0;
  }

  private choose(s: TransferStep, pw: number, i: number, p: number): number {
    const ds = s.destinations;
    if (s.rule === 'named' || ds.length === 1) return 0;
    const bed = (d: number): Resource | null => (ds[d]!.bed >= 0 ? this.r.resources[ds[d]!.bed]! : null);
    const onDuty = (d: number): boolean => (bed(d)?.capacity ?? 0) > 0;
    if (s.rule === 'round-robin' || s.rule === 'round-robin-available') {
      const turns = (this.turn[pw] ??= []);
      const k = turns[i] ?? 0;
      // The next in turn with a unit on duty (for the plain rule, simply the next); none on duty anywhere: the next.
      let d = k;
      if (s.rule === 'round-robin-available')
        for (let j = 0; j < ds.length; j++)
          if (onDuty((k + j) % ds.length)) {
            d = (k + j) % ds.length;
            break;
          }
      turns[i] = (d + 1) % ds.length;
      return d;
    }
    const hasFree = (d: number): boolean => {
      const b = bed(d);
      return b !== null && b.free > 0 && b.waiting.length === 0;
    };
    const nearest = (ok: (d: number) => boolean): number => {
      const orders = this.nearness[pw]![i]!;
      const order = orders.length === 1 ? orders[0]! : orders[this.hourOfDay()]!;
      for (let k = 0; k < order.length; k++) if (ok(order[k]!)) return order[k]!;
      return -1;
    };
    // The line ahead of a newcomer, less the units free: the site where it would wait least.
    const shortestQueue = (): number => {
      let best = 0;
      const load = (d: number): number => {
        const b = bed(d);
        return b === null ? 0 : b.waiting.length - b.free;
      };
      for (let d = 1; d < ds.length; d++) if (load(d) < load(best)) best = d;
      return best;
    };
    // Patients per unit on duty, those in the line and those being served: where a newcomer would wait least
    // with only the units on duty counted (none on duty: last).
    const perUnitOnDuty = (): number => {
      let best = 0;
      const load = (d: number): number => {
        const b = bed(d);
        return b === null || b.capacity <= 0 ? Infinity : (b.waiting.length + b.busy) / b.capacity;
      };
      for (let d = 1; d < ds.length; d++) if (load(d) < load(best)) best = d;
      return best;
    };
    switch (s.rule) {
      case 'nearest':
        return nearest(() => true);
      case 'nearest-home': {
        const pt = this.r.patients;
        const d = s.home ? (s.home.choice[pt.attrs[p * pt.attributeCount + s.home.attribute]!] ?? -1) : -1;
        return d >= 0 ? d : nearest(() => true);
      }
      case 'nearest-available': {
        const d = nearest(onDuty);
        return d >= 0 ? d : nearest(() => true);
      }
      case 'shortest-queue-available':
        return perUnitOnDuty();
      case 'nearest-free-bed': {
        const d = nearest(hasFree);
        return d >= 0 ? d : shortestQueue();
      }
      case 'shortest-queue':
        return shortestQueue();
      case 'first-available': {
        for (let d = 0; d < ds.length; d++) if (hasFree(d)) return d;
        return shortestQueue();
      }
    }
  }

  private onArrive(p: number, d: number): void {
    const { r } = this;
    const pt = r.patients;
    const pw = pt.pathwayOf[p]!;
    const i = pt.step[p]!;
    const s = r.pathways[pw]!.steps[i] as TransferStep;
    r.observe.finished(p, `transfer:${s.reason}`);
    const back = this.back[pw]![i];
    // The way back leaves now: its time is that of this hour of the day when the pair has rush hours.
    const backTravel = back ? (back.byHour[d]?.[this.hourOfDay()] ?? back.travel[d]!) : null;
    if (s.transport >= 0) r.holdings.release(p, [s.transport], backTravel ? backTravel.sample(back!.rng) : -1);
    if (s.keepOrigin) r.holdings.releaseAllBut(p, this.keptFromOrigin[pw]![i]!);
    const to = s.destinations[d]!.pathway;
    r.observe.transferred(p, s.reason, pw, to, r.sim.now - (this.departedAt.get(p) ?? r.sim.now));
    this.departedAt.delete(p);
    pt.pathwayOf[p] = to;
    r.proceed(p, 0);
  }
}

/**
 * The destinations' indices nearest first: by mean trip, ties in the order listed (as a scan keeping the
 * first least mean chooses); for each hour of the day (24 orders) when some trip differs by hour.
 */
function nearestFirst(ds: readonly TransferDestination[]): Int32Array[] {
  const order = (mean: (d: TransferDestination) => number): Int32Array =>
    Int32Array.from(ds.map((_, k) => k).sort((a, b) => mean(ds[a]!) - mean(ds[b]!) || a - b));
  if (!ds.some((d) => d.meanByHour !== undefined)) return [order((d) => d.meanMinutes)];
  return Array.from({ length: 24 }, (_, h) => order((d) => d.meanByHour?.[h] ?? d.meanMinutes));
}

export const transfer: Verb<TransferStep> = {
  op: 'transfer',
  create: (run) => new TransferRunner(run),
  // The patient goes on at another pathway's first step: this pathway's path ends here.
  next: () => [],
  standing: { kind: 'activity', activity: (s) => `transfer:${s.reason}`, names: (s) => [`transfer:${s.reason}`] },
  trip: (s) => s.destinations,
};
