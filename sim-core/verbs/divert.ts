/**
 * divert: ambulance diversion. A site that declares a diversion rule checks it
 * every `reviewMinutes` (an ED coordinator's review): it is on diversion from a
 * review at which the condition holds (its ED line or its boarders above a
 * threshold, or no free unit of a bed) until the first review at which it does
 * not. A new patient of a diverted class arriving while the site is on
 * diversion goes to another site by rule (one not on diversion itself), a trip
 * of the travel time between the two ("diversion:<site>" in the trace), and
 * goes on at that site's pathway; otherwise it goes on at its own pathway at
 * once. A network writes this step as the only step of a class's own pathway.
 * Reviews draw nothing and record nothing unless the status changes, so a rule
 * whose threshold is never reached leaves the trace exactly as without it.
 */
import type { Distribution } from '../random/distribution.js';
import type { DistributionSpec } from '../random/distributions/index.js';
import { sharedDistribution } from '../random/distributions/index.js';
import { remainingDuration } from '../random/distributions/conditional.js';
import { PRIORITY } from '../priorities.js';
import type { RandomStream } from '../random/stream.js';
import { occurrenceNames, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

/** What puts a site on diversion, read at each review. */
export interface DiversionCondition {
  /** `waiting`: more than `above` in the line for `resource`; `boarding`: more than `above` of that line already hold a place; `noFree`: no unit free. */
  kind: 'waiting' | 'boarding' | 'noFree';
  resource: number;
  above: number;
  /** Hysteresis (waiting, boarding): once on, on until a review counts fewer than this; absent, `above + 1`. */
  endBelow?: number;
}

export interface DivertDestination {
  site: string;
  /** The pathway the patient goes on at there. */
  pathway: number;
  travel: DistributionSpec;
  /** Mean of `travel`: what "nearest" compares. */
  meanMinutes: number;
  /** Travel for a trip that starts in each hour of the day (24); absent: `travel` at every hour. */
  travelByHour?: DistributionSpec[];
}

export interface DivertStep {
  op: 'divert';
  /** The site whose rule this is. */
  site: string;
  condition: DiversionCondition;
  reviewMinutes: number;
  /** Once on, on for at least this many minutes (the first review after that may end it); absent: 0. */
  minimumMinutes?: number;
  /** The pathway the patient goes on at when the site is not on diversion (its own). */
  stay: number;
  rule: 'nearest' | 'round-robin';
  destinations: DivertDestination[];
  /** Divert only patients whose value of `attribute` (its value index) is marked in `divert`; absent, every patient of the class. */
  only?: { attribute: number; divert: boolean[] };
}

/** One site's diversion status, shared by every divert step of that site. */
interface SiteStatus {
  site: string;
  condition: DiversionCondition;
  reviewMinutes: number;
  minimumMinutes: number;
  on: boolean;
  /** When the current spell began (meaningful while on). */
  onSince: number;
}

class DivertRunner implements StepRunner<DivertStep> {
  private readonly sites: SiteStatus[] = [];
  private readonly bySite = new Map<string, SiteStatus>();
  private readonly streams: (RandomStream | null)[][];
  private readonly travel: (Distribution[] | null)[][];
  private readonly turn: (number[] | null)[];
  private readonly travelByHour: ((Distribution[] | null)[] | null)[][];
  private readonly reviewKind: number;
  private readonly arriveKind: number;

  constructor(private readonly r: Run) {
    this.streams = r.pathways.map((p) => {
      const names = occurrenceNames(p, (s) => (s.op === 'divert' ? 'diversion' : null));
      return p.steps.map((s, i) => (s.op === 'divert' ? r.stream(`diversion:${names[i]!}`) : null));
    });
    this.travel = r.pathways.map((p) =>
      p.steps.map((s) => (s.op === 'divert' ? (s as DivertStep).destinations.map((d) => sharedDistribution(d.travel)) : null)),
    );
    this.travelByHour = r.pathways.map((p) =>
      p.steps.map((s) =>
        s.op === 'divert' ? (s as DivertStep).destinations.map((d) => (d.travelByHour ? d.travelByHour.map((h) => sharedDistribution(h)) : null)) : null,
      ),
    );
    this.turn = r.pathways.map(() => null);
    for (const p of r.pathways)
      for (const s of p.steps) {
        if (s.op !== 'divert') continue;
        const d = s as DivertStep;
        if (this.bySite.has(d.site)) continue;
        const status: SiteStatus = {
          site: d.site,
          condition: d.condition,
          reviewMinutes: d.reviewMinutes,
          minimumMinutes: d.minimumMinutes ?? 0,
          on: false,
          onSince: 0,
        };
        this.bySite.set(d.site, status);
        this.sites.push(status);
      }
    this.reviewKind = r.sim.register('diversion-review', this.onReview, this);
    this.arriveKind = r.sim.register('diversion-arrive', this.onArrive, this);
    // Reviews see the state each instant ends in: after releases, grants and arrivals at that minute.
    this.sites.forEach((_, k) => r.sim.schedule(0, this.reviewKind, k, 0, PRIORITY.SNAPSHOT));
  }

  run(p: number, s: DivertStep, i: number): number {
    const { r } = this;
    const pw = r.patients.pathwayOf[p]!;
    const d = this.bySite.get(s.site)!.on && this.diverts(p, s) ? this.choose(s, pw, i) : -1;
    if (d < 0) {
      r.patients.pathwayOf[p] = s.stay;
      r.proceed(p, 0);
      return WAIT;
    }
    const byHour = this.travelByHour[pw]![i]![d]!;
    const hour = Math.floor(((((r.sim.now + r.model.startMinuteOfWeek) % 1440) + 1440) % 1440) / 60);
    const minutes = (byHour ? byHour[hour]! : this.travel[pw]![i]![d]!).sample(this.streams[pw]![i]!);
    r.observe.diverted(p, s.site, s.destinations[d]!.site, minutes);
    r.observe.started(p, `diversion:${s.site}`);
    r.sim.schedule(minutes, this.arriveKind, p, d, PRIORITY.RELEASE);
    return WAIT;
  }

  /**
   * A patient placed on its trip (a state taken while it travels): it goes on to the destination it was
   * heading for, with the rest of a trip that left at `since` (the trip's time given the time already on the
   * road). It was counted as diverted when it left: it is not counted again. Heading unknown: as `run`.
   */
  resume(p: number, s: DivertStep, i: number, since: number, heading: number): number {
    const { r } = this;
    if (!(heading >= 0 && heading < s.destinations.length)) return this.run(p, s, i);
    const pw = r.patients.pathwayOf[p]!;
    const byHour = this.travelByHour[pw]![i]![heading]!;
    const hour = Math.floor(((((since + r.model.startMinuteOfWeek) % 1440) + 1440) % 1440) / 60);
    const trip = byHour ? byHour[hour]! : this.travel[pw]![i]![heading]!;
    r.observe.started(p, `diversion:${s.site}`);
    r.sim.schedule(remainingDuration(trip, this.streams[pw]![i]!, r.sim.now - since), this.arriveKind, p, heading, PRIORITY.RELEASE);
    return WAIT;
  }

  /** Whether the step sends this patient away while its site is on diversion (its acuity, when the rule names some). */
  private diverts(p: number, s: DivertStep): boolean {
    if (s.only === undefined) return true;
    const v = this.r.patients.attribute(p, s.only.attribute);
    return v >= 0 && s.only.divert[v] === true;
  }

  /** A destination not on diversion itself, by the step's rule; -1 when every one is (the patient stays). */
  private choose(s: DivertStep, pw: number, i: number): number {
    const ds = s.destinations;
    const open = (d: number): boolean => !(this.bySite.get(ds[d]!.site)?.on ?? false);
    if (s.rule === 'round-robin') {
      const turns = (this.turn[pw] ??= []);
      const k = turns[i] ?? 0;
      for (let j = 0; j < ds.length; j++) {
        const d = (k + j) % ds.length;
        if (open(d)) {
          turns[i] = (d + 1) % ds.length;
          return d;
        }
      }
      return -1;
    }
    let best = -1;
    for (let d = 0; d < ds.length; d++) if (open(d) && (best < 0 || ds[d]!.meanMinutes < ds[best]!.meanMinutes)) best = d;
    return best;
  }

  private onReview(k: number): void {
    const site = this.sites[k]!;
    const now = this.r.sim.now;
    // A spell lasts at least its minimum: until then a review does not end it (nor counts anything).
    const on = site.on && now - site.onSince < site.minimumMinutes ? true : this.holds(site.condition, site.on);
    if (on !== site.on) {
      site.on = on;
      if (on) site.onSince = now;
      this.r.observe.diversionChanged(site.site, on);
    }
    this.r.sim.schedule(site.reviewMinutes, this.reviewKind, k, 0, PRIORITY.SNAPSHOT);
  }

  /** Whether the site is on diversion after this review: it comes on above `above`, and goes off below `endBelow`. */
  private holds(c: DiversionCondition, on: boolean): boolean {
    const res = this.r.resources[c.resource]!;
    if (c.kind === 'noFree') return res.free <= 0;
    let count = res.waiting.length;
    if (c.kind === 'boarding') {
      // Boarders: those in the line who already hold a place elsewhere (an ED cubicle while waiting for a ward bed).
      count = 0;
      for (let j = 0; j < res.waiting.length; j++) {
        const p = this.r.book.entityOf(res.waiting.at(j));
        if ((this.r.patients.held[p]?.length ?? 0) > 0) count++;
      }
    }
    return on ? count >= (c.endBelow ?? c.above + 1) : count > c.above;
  }

  private onArrive(p: number, d: number): void {
    const { r } = this;
    const pt = r.patients;
    const s = r.pathways[pt.pathwayOf[p]!]!.steps[pt.step[p]!] as DivertStep;
    r.observe.finished(p, `diversion:${s.site}`);
    pt.pathwayOf[p] = s.destinations[d]!.pathway;
    r.proceed(p, 0);
  }
}

export const divert: Verb<DivertStep> = {
  op: 'divert',
  create: (run) => new DivertRunner(run),
  // The patient goes on at another pathway's first step (its own site's or another's): this one ends here.
  next: () => [],
  standing: { kind: 'activity', activity: (s) => `diversion:${s.site}`, names: (s) => [`diversion:${s.site}`] },
  trip: (s) => s.destinations,
  passOn: (s) => [s.stay],
};
