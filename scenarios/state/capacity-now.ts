/**
 * Capacity as it is today rather than as the roster has it: staff on duty now
 * (until their roster next changes: the end of the shift), beds closed in a
 * ward (for the whole forecast) and devices or rooms out of order until a
 * given time. Laid on the weekly roster for the
 * forecast's one week only, which is exact because a forecast is at most 168
 * hours long and its model starts at asOf.
 */
import type { HospitalModel, Roster } from '../../sim-core/index.js';
import { allowsToday } from '../kinds/index.js';
import { formatPath, type ScenarioIssue } from '../schema/errors.js';
import { localMinutes, type HospitalState } from './state-schema.js';

const WEEK = 7 * 1440;

export function applyCapacityNow(model: HospitalModel, state: HospitalState, origin: number, issues: ScenarioIssue[]): void {
  for (const [name, count] of Object.entries(state.staffOnDuty)) {
    const path = formatPath(['staffOnDuty', name]);
    const r = model.resources.find((x) => x.name === name);
    if (!r || !allowsToday(r.kind, 'onDuty') || !r.roster) {
      issues.push({
        path,
        message: `is not a staff group (staff: ${model.resources
          .filter((x) => allowsToday(x.kind, 'onDuty'))
          .map((x) => x.name)
          .join(', ')})`,
      });
      continue;
    }
    const from = model.startMinuteOfWeek;
    const untilChange = minutesToNextChange(r.roster, from);
    r.roster = override(r.roster, from, untilChange, () => count);
  }
  for (const [name, closed] of Object.entries(state.closedBeds)) {
    const path = formatPath(['closedBeds', name]);
    const r = model.resources.find((x) => x.name === name);
    if (!r || !allowsToday(r.kind, 'closedBeds')) {
      issues.push({
        path,
        message: `is not a ward (wards: ${model.resources
          .filter((x) => allowsToday(x.kind, 'closedBeds'))
          .map((x) => x.name)
          .join(', ')})`,
      });
      continue;
    }
    const taken = state.patients.filter((p) => p.ward === name).length;
    if (closed > r.capacity) issues.push({ path, message: `${closed} beds closed, but ${name} has ${r.capacity}` });
    else if (closed + taken > r.capacity)
      issues.push({
        path,
        message: `${closed} beds closed and ${taken} taken by patients, but ${name} has ${r.capacity}: a bed with a patient in it is not closed`,
      });
    // Closed beds are gone from the ward for the forecast: its bed count, what "full" means, are the beds open.
    else r.capacity -= closed;
  }
  state.outOfOrder.forEach((o, k) => {
    const path = (f: string): string => formatPath(['outOfOrder', k, f]);
    const r = model.resources.find((x) => x.name === o.resource);
    if (!r || !allowsToday(r.kind, 'outOfOrder') || !r.roster) {
      issues.push({
        path: path('resource'),
        message: `is not an imaging device or operating room (they are: ${model.resources
          .filter((x) => allowsToday(x.kind, 'outOfOrder'))
          .map((x) => x.name)
          .join(', ')})`,
      });
      return;
    }
    const minutes = localMinutes(o.until) - origin;
    if (!(minutes > 0 && minutes <= WEEK)) {
      issues.push({ path: path('until'), message: `must be after asOf and within a week of it, got ${o.until}` });
      return;
    }
    r.roster = override(r.roster, model.startMinuteOfWeek, minutes, (c) => Math.max(0, c - o.units));
  });
}

/** Capacity at minute-of-cycle m (the last change at or before m; before the first, the cycle's last). */
function capacityAt(roster: Roster, m: number): number {
  let cap = [...roster.changes].sort((a, b) => a.at - b.at).at(-1)!.capacity;
  for (const c of [...roster.changes].sort((a, b) => a.at - b.at)) if (c.at <= m) cap = c.capacity;
  return cap;
}

/** Minutes from minute-of-cycle `from` until the roster's capacity next changes (a whole cycle if never). */
function minutesToNextChange(roster: Roster, from: number): number {
  const now = capacityAt(roster, from);
  let best = roster.cycle;
  for (const c of roster.changes) {
    const ahead = (((c.at - from) % roster.cycle) + roster.cycle) % roster.cycle;
    if (ahead > 0 && ahead < best && capacityAt(roster, c.at) !== now) best = ahead;
  }
  return best;
}

/** The roster with `f` applied to the capacity over `length` minutes from minute-of-cycle `from`. */
function override(roster: Roster, from: number, length: number, f: (capacity: number) => number): Roster {
  const cycle = roster.cycle;
  const to = (from + length) % cycle;
  const points = [...new Set([...roster.changes.map((c) => c.at), from % cycle, to])].sort((a, b) => a - b);
  const inside = (m: number): boolean => length >= cycle || (((m - from) % cycle) + cycle) % cycle < length;
  return { ...roster, changes: points.map((at) => ({ at, capacity: inside(at) ? f(capacityAt(roster, at)) : capacityAt(roster, at) })) };
}
