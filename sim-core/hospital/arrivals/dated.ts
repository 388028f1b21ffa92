/** `dated` arrivals (a trace-driven run): each listed time once, in the run's own minutes; nothing drawn, nothing repeated. */
import { PRIORITY } from '../../priorities.js';
import { defineArrivalKind } from './kind.js';

/** At minute `at` of the run (not repeated), `count` patients with fixed attribute value indices (-1: sample). */
export interface DatedArrivalModel {
  type: 'dated';
  entries: { at: number; count: number; attributes: number[] }[];
}

export const dated = defineArrivalKind<DatedArrivalModel>({
  start(host, cls, classIndex) {
    const { sim } = host;
    const kind = sim.register(`arrivals:${cls.name}`, (entry: number, n: number) => {
      for (let k = 0; k < n; k++) host.arrive(classIndex, entry);
    });
    cls.arrivals.entries.forEach((e, i) => {
      if (e.at >= sim.now) sim.at(e.at, kind, i, e.count, PRIORITY.ARRIVAL);
    });
  },
  fixedAttributes: (a, entry) => a.entries[entry]!.attributes,
});
