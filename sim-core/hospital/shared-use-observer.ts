/**
 * Shared devices of a network: each use by a patient of another site (the
 * start of its `useShared` activity at the device, after the warm-up and by the
 * end of the horizon), counted by service and user site, and the internal
 * charges it makes: the price per use as the owner's income and the user
 * site's cost. Income and costs are booked from the same uses, so over the
 * region they net to zero. Built only for a model with a useShared step.
 */
import type { UseSharedStep } from '../verbs/use-shared.js';
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';

interface Use {
  service: string;
  owner: number;
  user: number;
  price: number;
  count: number;
}

export class SharedUseObserver {
  /** One entry per (service, user site), by its use activity. */
  private readonly uses = new Map<string, Use>();
  private readonly sites: { id: string }[];

  static wanted(model: HospitalModel): boolean {
    return model.pathways.some((p) => p.steps.some((s) => s.op === 'useShared'));
  }

  constructor(private readonly run: ObserverContext) {
    this.sites = run.model.sites ?? [];
    const siteIndex = (id: string): number => this.sites.findIndex((s) => s.id === id);
    for (const p of run.model.pathways)
      for (const step of p.steps) {
        if (step.op !== 'useShared') continue;
        const s = step as UseSharedStep;
        if (!this.uses.has(s.useActivity))
          this.uses.set(s.useActivity, { service: s.service, owner: siteIndex(s.owner), user: siteIndex(s.user), price: s.pricePerUse, count: 0 });
      }
  }

  started(_p: number, activity: string): void {
    const use = this.uses.get(activity);
    if (use === undefined) return;
    const now = this.run.sim.now;
    if (now >= this.run.warmupEnd && now <= this.run.end) use.count++;
  }

  close(into: RunFindings): void {
    const f = into.figures;
    const income = this.sites.map(() => 0);
    const paid = this.sites.map(() => 0);
    for (const u of this.uses.values()) {
      f[`shared.${u.service}.${this.sites[u.user]!.id}.uses`] = u.count;
      income[u.owner]! += u.count * u.price;
      paid[u.user]! += u.count * u.price;
    }
    this.sites.forEach((s, i) => {
      f[`charges.${s.id}.income`] = income[i]!;
      f[`charges.${s.id}.paid`] = paid[i]!;
    });
  }
}
