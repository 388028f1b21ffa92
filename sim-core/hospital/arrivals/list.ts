/** `list` arrivals: entries that repeat each week (an OR case list), each with attributes it fixes. */
import type { Simulation } from '../../simulation.js';
import { defineArrivalKind } from './kind.js';
import { WeeklyRepeat, type ArrivalSink } from './repeating.js';

/** Each week: at minute-of-week `at`, `count` patients, with fixed attribute value indices (-1: sample). */
export interface ListArrivalModel {
  type: 'list';
  entries: { at: number; count: number; attributes: number[] }[];
}

export const list = defineArrivalKind<ListArrivalModel>({
  start(host, cls, classIndex, startMinuteOfWeek) {
    const times = cls.arrivals.entries.map((e, i) => ({ at: e.at, entry: i, count: e.count }));
    new ListedPatients(host.sim, cls.name, startMinuteOfWeek, times, classIndex, host).start();
  },
  fixedAttributes: (a, entry) => a.entries[entry]!.attributes,
  carriedEntries: (a) => a.entries,
});

/** Every listed patient comes. */
class ListedPatients extends WeeklyRepeat {
  constructor(
    sim: Simulation,
    name: string,
    startMinuteOfWeek: number,
    times: { at: number; entry: number; count: number }[],
    private readonly classIndex: number,
    private readonly sink: ArrivalSink,
  ) {
    super(sim, name, startMinuteOfWeek, times);
  }

  protected onListed(entry: number, n: number): void {
    for (let k = 0; k < n; k++) this.sink.arrive(this.classIndex, entry);
  }
}
