/**
 * Cost by site and for the region, for a network of two or more sites: each
 * cost figure of a hospital (total, by type, idle capacity, per arrival) for
 * each site, from the departments its names carry (a site's departments are
 * prefixed by its id), the region's shared resources (ambulances) apart, and
 * the region's totals, and each site's cost after internal charges for shared
 * devices (what it paid other sites less what it earned; none without them); over the
 * region the charges net to zero, so `regionCost.internalCharges` is 0.
 * Closes after the cost observer (the ledger is complete) and the shared-use
 * observer (whose charge figures it reads).
 */
import { COST_TYPES } from './cost-ledger.js';
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';

const TYPES = COST_TYPES.length;

export class SiteCostObserver {
  /** Per class: its site's index, -1 if none. */
  private readonly classSite: number[];
  private readonly arrivals: number[];
  private regionArrivals = 0;

  static wanted(model: HospitalModel): boolean {
    return (model.sites?.length ?? 0) > 1;
  }

  constructor(private readonly run: ObserverContext) {
    const sites = run.model.sites!;
    this.classSite = run.model.classes.map((c) => siteOfName(sites, c.name));
    this.arrivals = sites.map(() => 0);
  }

  arrived(_p: number, classIndex: number): void {
    if (this.run.sim.now < this.run.warmupEnd) return;
    this.regionArrivals++;
    const s = this.classSite[classIndex]!;
    if (s >= 0) this.arrivals[s]!++;
  }

  close(into: RunFindings): void {
    const { ledger } = this.run;
    const sites = this.run.model.sites!;
    const f = into.figures;
    // Index sites.length: the region's own resources (no site's prefix).
    const total = new Float64Array(sites.length + 1);
    const capacity = new Float64Array(sites.length + 1);
    const byType = new Float64Array((sites.length + 1) * TYPES);
    ledger.departmentNames.forEach((d, i) => {
      const s = siteOfName(sites, d);
      const at = s >= 0 ? s : sites.length;
      total[at]! += ledger.byDepartment[i]!;
      capacity[at]! += ledger.capacityByDepartment[i]!;
      for (let t = 0; t < TYPES; t++) byType[at * TYPES + t]! += ledger.byDepartmentType[i * TYPES + t]!;
    });
    let net = 0;
    sites.forEach((site, s) => {
      const key = `siteCost.${site.id}`;
      f[`${key}.total`] = total[s]!;
      COST_TYPES.forEach((type, t) => (f[`${key}.${type}`] = byType[s * TYPES + t]!));
      f[`${key}.capacity`] = capacity[s]!;
      f[`${key}.perPatient`] = this.arrivals[s]! > 0 ? total[s]! / this.arrivals[s]! : NaN;
      // A network with no shared device charges nothing: 0, so that it compares with one that does.
      const paid = (f[`charges.${site.id}.paid`] ??= 0);
      const income = (f[`charges.${site.id}.income`] ??= 0);
      f[`${key}.afterCharges`] = total[s]! + paid - income;
      net += paid - income;
    });
    f['regionCost.total'] = ledger.total;
    COST_TYPES.forEach((type, t) => (f[`regionCost.${type}`] = ledger.byType[t]!));
    f['regionCost.capacity'] = ledger.capacityCost;
    f['regionCost.perPatient'] = this.regionArrivals > 0 ? ledger.total / this.regionArrivals : NaN;
    f['regionCost.sharedResources'] = total[sites.length]!;
    f['regionCost.internalCharges'] = net;
  }
}

/** The site whose prefix a name carries, -1 for none (the region's own). */
function siteOfName(sites: readonly { prefix: string }[], name: string): number {
  return sites.findIndex((s) => s.prefix !== '' && name.startsWith(s.prefix));
}
