/**
 * The figure observer's figures, by stable id (documented in the README):
 * arrivals, throughput, waits, lengths of stay, the ED 4-hour share,
 * occupancy, utilisation, queues, overtime, cancellations, turnaround and
 * stock. Costs are the cost observer's, cases the case observer's.
 */
import type { Tally } from '../stats/tally.js';
import type { FigureObserver } from './figure-observer.js';
import type { ObserverContext } from './observer.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

/** Puts the figures of the counts and tallies `observed` heard, and of the resources' and stock's own statistics, as of `end`. */
export function putFigures(f: Record<string, number>, run: ObserverContext, observed: FigureObserver): void {
  const { model, resources, end } = run;
  const horizonDays = model.horizon / 1440;

  let ed = { arrivals: 0, edDepartures: 0, within4h: 0, leftUnseen: 0 };
  let cancellations = 0;
  model.classes.forEach((c, i) => {
    f[`arrivals.${c.name}`] = observed.arrivals[i]!;
    f[`throughput.${c.name}`] = observed.departures[i]!;
    f[`cancellations.${c.name}`] = observed.cancelledCount[i]!;
    f[`turnedAway.${c.name}`] = observed.turnedAwayCount[i]!;
    f[`leftUnseen.${c.name}`] = observed.leftUnseenCount[i]!;
    putQuantiles(f, `los.${c.name}`, observed.los[i]!, 1 / 60);
    cancellations += observed.cancelledCount[i]!;
    if (c.emergencyDepartment) {
      ed = {
        arrivals: ed.arrivals + observed.arrivals[i]!,
        edDepartures: ed.edDepartures + observed.edDepartures[i]!,
        within4h: ed.within4h + observed.within4h[i]!,
        leftUnseen: ed.leftUnseen + observed.leftUnseenCount[i]!,
      };
    }
  });
  if (model.classes.some((c) => c.emergencyDepartment)) {
    f['ed.arrivals'] = ed.arrivals;
    // Time in the ED: to admission (a bed in a ward of another department) or discharge, as the 4-hour standard counts it.
    f['ed.within4h'] = ed.edDepartures > 0 ? ed.within4h / ed.edDepartures : NaN;
    f['ed.leftUnseen'] = ed.leftUnseen;
    f['ed.leftUnseenShare'] = ed.arrivals > 0 ? ed.leftUnseen / ed.arrivals : NaN;
    f['ed.los.mean'] = observed.edTime.count > 0 ? observed.edTime.mean / 60 : NaN;
  }
  f['cancellations'] = cancellations;
  f['boarding.hours'] = observed.boardingMinutes / 60;

  for (const [name, tally] of observed.waitTallies) {
    putQuantiles(f, `wait.${name}`, tally, 1);
    // The share who waited at all (Erlang C's P(wait)): "1 in 7 patients delayed".
    f[`wait.${name}.pWait`] = tally.count > 0 ? tally.shareAbove(0) : NaN;
    const target = model.waitTargets?.[name];
    if (target !== undefined) f[`wait.${name}.withinTarget`] = tally.count > 0 ? 1 - tally.shareAbove(target) : NaN;
  }

  let staffOvertime = 0;
  resources.forEach((r, i) => {
    const m = model.resources[i]!;
    const kind = RESOURCE_KINDS[m.kind];
    if (kind.share === 'occupancy') {
      f[`occupancy.${m.name}`] = r.busyUnits.mean(end) / m.capacity;
      f[`beds.${m.name}.meanOccupied`] = r.busyUnits.mean(end);
    } else if (kind.share === 'census') {
      f[`census.${m.name}.mean`] = r.busyUnits.mean(end);
    } else {
      f[`utilisation.${m.name}`] = r.utilisation(end);
    }
    f[`queue.${m.name}.mean`] = r.queueLength.mean(end);
    f[`refused.${m.name}`] = r.refused;
    f[`requests.${m.name}`] = r.requests;
    f[`timeInSystem.${m.name}.mean`] = observed.timeInSystem[i]!.count > 0 ? observed.timeInSystem[i]!.mean : NaN;
    const overtimeHours = r.overtimeUnits.area(end) / 60;
    if (kind.overtime) f[`overtime.${m.name}.hours`] = overtimeHours;
    if (kind.staffOvertime) staffOvertime += overtimeHours;
    if (kind.turnaround) f[`imaging.${m.name}.turnaround.mean`] = observed.turnaround[i]!.mean;
    if (m.bumpedElective !== undefined) {
      f[`theatre.${m.name}.bumped`] = r.bumped;
      f[`theatre.${m.name}.emergencies`] = r.urgentGrants;
      f[`theatre.${m.name}.emergencyWait.mean`] = r.urgentGrants > 0 ? r.urgentWaitMinutes / r.urgentGrants : NaN;
    }
  });
  f['overtime.hours'] = staffOvertime;

  for (const it of run.stock.items) {
    const name = it.model.name;
    const avg = it.level.mean(end);
    const usedPerDay = it.unitsUsed / horizonDays;
    f[`stock.${name}.stockouts`] = it.stockouts;
    f[`stock.${name}.fillRate`] = it.demandUnits > 0 ? it.filledFromStock / it.demandUnits : 1;
    f[`stock.${name}.averageStock`] = avg;
    f[`stock.${name}.stockDays`] = usedPerDay > 0 ? avg / usedPerDay : NaN;
    f[`stock.${name}.orders`] = it.ordersPlaced;
    f[`stock.${name}.used`] = it.unitsUsed;
    f[`stock.${name}.outOfStockShare`] = it.emptyShelf.mean(end);
    f[`stock.${name}.meanOnOrder`] = it.onOrderLevel.mean(end);
    f[`stock.${name}.meanBackorders`] = it.backorderLevel.mean(end);
  }
}

function putQuantiles(f: Record<string, number>, id: string, tally: Tally, scale: number): void {
  const n = tally.count;
  f[`${id}.mean`] = n > 0 ? tally.mean * scale : NaN;
  f[`${id}.p50`] = n > 0 ? tally.quantile(0.5) * scale : NaN;
  f[`${id}.p90`] = n > 0 ? tally.quantile(0.9) * scale : NaN;
  f[`${id}.p95`] = n > 0 ? tally.quantile(0.95) * scale : NaN;
}
