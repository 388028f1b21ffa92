/**
 * The built-in observers, in the order they are told of each event and close:
 * the one table the interpreter builds them from (it knows none by name).
 * Each entry is given the run and its options and returns its observer, or
 * null when the run does not want it. The order matters only at the close:
 * the figures first, then the costs (capacity costs are booked before the
 * cost figures are read), then the cases (costed from the ledger). The user's
 * own observers (`options.observers`) come after these, built the same way.
 */
import { BedTurnover } from './bed-turnover.js';
import { CaseObserver } from './case-observer.js';
import { CensusByHour } from './census-by-hour.js';
import { ClinicObserver } from './clinic-observer.js';
import { CostObserver } from './cost-observer.js';
import { FigureObserver } from './figure-observer.js';
import type { Observer, ObserverContext, ObserverFactory } from './observer.js';
import { OutlyingObserver } from './outlying-observer.js';
import type { HospitalRunOptions } from './run-options.js';
import { SnapshotObserver } from './snapshots.js';
import { TraceObserver } from './trace-observer.js';
import { TransferObserver } from './transfer-observer.js';
import { DiversionObserver } from './diversion-observer.js';
import { SharedUseObserver } from './shared-use-observer.js';
import { SiteCostObserver } from './site-cost-observer.js';

/** Whether the run keeps figures (see `HospitalRunOptions.figures`). */
const counting = (options: HospitalRunOptions): boolean => options.figures !== false;

export const BUILT_IN_OBSERVERS: readonly ObserverFactory[] = [
  (run, options) => (counting(options) ? new FigureObserver(run) : null),
  (run, options) => (counting(options) ? new CostObserver(run) : null),
  (run, options) => (counting(options) ? new CaseObserver(run) : null),
  (run, options) => (options.snapshotEvery !== undefined && options.snapshotEvery > 0 ? new SnapshotObserver(run, options.snapshotEvery) : null),
  (run, options) => (counting(options) ? new CensusByHour(run) : null),
  (run, options) => (counting(options) ? new BedTurnover(run) : null),
  // Only for a model with a pooled ward step, so other runs pay nothing for it.
  (run, options) => (counting(options) && OutlyingObserver.wanted(run.model) ? new OutlyingObserver(run) : null),
  // Only for a model with an outpatient clinic (appointment templates).
  (run, options) => (counting(options) && ClinicObserver.wanted(run.model) ? new ClinicObserver(run) : null),
  // Only for a model with a transfer step (a network), so other runs keep their figures.
  (run, options) => (counting(options) && TransferObserver.wanted(run.model) ? new TransferObserver(run) : null),
  // Only for a model with a diversion rule (a divert step).
  (run, options) => (counting(options) && DiversionObserver.wanted(run.model) ? new DiversionObserver(run) : null),
  // Only for a model with a shared device; closes before the site costs, which read its charges.
  (run, options) => (counting(options) && SharedUseObserver.wanted(run.model) ? new SharedUseObserver(run) : null),
  // Only for a network of two or more sites: cost by site and for the region (after the cost observer's close).
  (run, options) => (counting(options) && SiteCostObserver.wanted(run.model) ? new SiteCostObserver(run) : null),
  (run) => (run.sim.trace ? new TraceObserver(run, run.sim.trace) : null),
];

/** The run's observers: the built-in ones it wants, then the user's. */
export function buildObservers(run: ObserverContext, options: HospitalRunOptions): Observer[] {
  const observers: Observer[] = [];
  for (const build of [...BUILT_IN_OBSERVERS, ...(options.observers ?? [])]) {
    const observer = build(run, options);
    if (observer !== null) observers.push(observer);
  }
  return observers;
}
