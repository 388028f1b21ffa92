import { PRIORITY } from '../priorities.js';
import type { RandomStream } from '../random/stream.js';
import type { Simulation } from '../simulation.js';
import type { ClassModel } from './model.js';

const WEEK = 7 * 24 * 60;

/**
 * Starts the arrival process of one patient class. `arrive(entryIndex)` is
 * called for each patient at the right time; for list arrivals it receives
 * the entry index (so the caller can apply the entry's fixed attributes),
 * otherwise -1.
 */
export function startArrivals(
  sim: Simulation,
  cls: ClassModel,
  classIndex: number,
  startMinuteOfWeek: number,
  rng: RandomStream,
  arrive: (classIndex: number, entry: number) => void,
): void {
  const a = cls.arrivals;
  if (a.type === 'weekly') {
    // Non-homogeneous Poisson by thinning (Lewis & Shedler 1979): candidates at the peak rate,
    // each kept with probability rate(t) / peak.
    const rates = a.ratePerMinute;
    const peak = Math.max(...rates);
    if (!(peak > 0)) return;
    const kind = sim.register(`arrivals:${cls.name}`, () => {
      const hour = Math.floor((((sim.now + startMinuteOfWeek) % WEEK) + WEEK) % WEEK / 60);
      if (rng.next() * peak < rates[hour]!) arrive(classIndex, -1);
      sim.schedule(-Math.log(1 - rng.next()) / peak, kind, 0, 0, PRIORITY.ARRIVAL);
    });
    sim.schedule(-Math.log(1 - rng.next()) / peak, kind, 0, 0, PRIORITY.ARRIVAL);
    return;
  }
  // Lists and appointment books repeat weekly: each week, schedule that week's times.
  const times: { at: number; entry: number; count: number }[] =
    a.type === 'list'
      ? a.entries.map((e, i) => ({ at: e.at, entry: i, count: e.count }))
      : a.slots.map((at) => ({ at, entry: -1, count: a.perSlot }));
  times.sort((x, y) => x.at - y.at || x.entry - y.entry);
  const one = sim.register(`arrivals:${cls.name}`, (entry, n) => {
    for (let k = 0; k < n; k++) {
      if (a.type === 'appointments' && rng.next() < a.noShow) continue;
      arrive(classIndex, entry);
    }
  });
  const week = sim.register(`arrivals-week:${cls.name}`, (weekIndex) => {
    const weekStart = weekIndex * WEEK - startMinuteOfWeek;
    for (const t of times) {
      const at = weekStart + t.at;
      if (at >= sim.now) sim.at(at, one, t.entry, t.count, PRIORITY.ARRIVAL);
    }
    sim.at(weekStart + WEEK, week, weekIndex + 1, 0, PRIORITY.ARRIVAL);
  });
  sim.at(0, week, 0, 0, PRIORITY.ARRIVAL);
}
