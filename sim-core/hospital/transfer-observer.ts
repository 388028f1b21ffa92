/**
 * Transfers between the sites of a network: how many arrived after the
 * warm-up, by reason and by the sites they left and reached, and the hours
 * spent travelling. Built only for a model with a transfer step, so other
 * runs pay nothing for it and keep their figures.
 */
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';

export class TransferObserver {
  private readonly byReason = new Map<string, { count: number; minutes: number }>();
  /** Per pathway: its site's index in `model.sites`, -1 if none. */
  private readonly siteOf: number[];
  private readonly out: number[];
  private readonly in: number[];

  static wanted(model: HospitalModel): boolean {
    return model.pathways.some((p) => p.steps.some((s) => s.op === 'transfer'));
  }

  constructor(private readonly run: ObserverContext) {
    const sites = run.model.sites ?? [];
    this.siteOf = run.model.pathways.map((p) => sites.findIndex((s) => p.name.startsWith(s.prefix)));
    this.out = sites.map(() => 0);
    this.in = sites.map(() => 0);
  }

  transferred(_p: number, reason: string, from: number, to: number, minutes: number): void {
    const now = this.run.sim.now;
    if (now < this.run.warmupEnd || now > this.run.end) return;
    let r = this.byReason.get(reason);
    if (r === undefined) this.byReason.set(reason, (r = { count: 0, minutes: 0 }));
    r.count++;
    r.minutes += minutes;
    const a = this.siteOf[from]!;
    const b = this.siteOf[to]!;
    if (a >= 0) this.out[a]!++;
    if (b >= 0) this.in[b]!++;
  }

  close(into: RunFindings): void {
    const f = into.figures;
    for (const [reason, r] of this.byReason) {
      f[`transfers.${reason}.count`] = r.count;
      f[`transfers.${reason}.travelHours`] = r.minutes / 60;
    }
    (this.run.model.sites ?? []).forEach((s, i) => {
      f[`transfers.${s.id}.out`] = this.out[i]!;
      f[`transfers.${s.id}.in`] = this.in[i]!;
    });
  }
}
