/**
 * Ambulance diversion in a network: for each site with a diversion rule, the
 * hours it was on diversion, and for every site the new arrivals it sent away
 * and took in, with the extra hours they travelled. Counted from the end of the
 * warm-up to the end of the horizon (an arrival when it was diverted). Built
 * only for a model with a divert step, so other runs keep their figures.
 */
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';

export class DiversionObserver {
  /** Sites with a rule, in the order their steps first appear. */
  private readonly ruled: string[] = [];
  /** When each site's current diversion began (absent: not on diversion). */
  private readonly since = new Map<string, number>();
  private readonly minutesOn = new Map<string, number>();
  private readonly out = new Map<string, number>();
  private readonly in = new Map<string, number>();
  private travelMinutes = 0;

  static wanted(model: HospitalModel): boolean {
    return model.pathways.some((p) => p.steps.some((s) => s.op === 'divert'));
  }

  constructor(private readonly run: ObserverContext) {
    for (const p of run.model.pathways) for (const s of p.steps) if (s.op === 'divert' && !this.ruled.includes(s.site)) this.ruled.push(s.site);
  }

  diversionChanged(site: string, on: boolean): void {
    const now = this.run.sim.now;
    if (on) this.since.set(site, now);
    else this.closeSpell(site, now);
  }

  diverted(_p: number, from: string, to: string, minutes: number): void {
    const now = this.run.sim.now;
    if (now < this.run.warmupEnd || now > this.run.end) return;
    this.out.set(from, (this.out.get(from) ?? 0) + 1);
    this.in.set(to, (this.in.get(to) ?? 0) + 1);
    this.travelMinutes += minutes;
  }

  close(into: RunFindings): void {
    for (const site of [...this.since.keys()]) this.closeSpell(site, this.run.end);
    const f = into.figures;
    for (const site of this.ruled) f[`diversion.${site}.hours`] = (this.minutesOn.get(site) ?? 0) / 60;
    const sites = this.run.model.sites?.map((s) => s.id) ?? this.ruled;
    for (const site of sites) {
      f[`diversion.${site}.divertedOut`] = this.out.get(site) ?? 0;
      f[`diversion.${site}.divertedIn`] = this.in.get(site) ?? 0;
    }
    f['diversion.travelHours'] = this.travelMinutes / 60;
  }

  /** The part of a spell of diversion from its start to `until` that falls inside the counted window. */
  private closeSpell(site: string, until: number): void {
    const from = this.since.get(site);
    if (from === undefined) return;
    this.since.delete(site);
    const minutes = Math.max(0, Math.min(until, this.run.end) - Math.max(from, this.run.warmupEnd));
    this.minutesOn.set(site, (this.minutesOn.get(site) ?? 0) + minutes);
  }
}
