/** `appointments` arrivals: booked slots that repeat each week; each booked patient may not show. */
import type { RandomStream } from '../../random/stream.js';
import type { Simulation } from '../../simulation.js';
import { defineArrivalKind } from './kind.js';
import { WeeklyRepeat, type ArrivalSink, type WeeklyTime } from './repeating.js';

/** Booked slots at minutes-of-week, each with `perSlot` patients who come with probability 1 - noShow. */
export interface AppointmentArrivalModel {
  type: 'appointments';
  slots: number[];
  perSlot: number;
  noShow: number;
}

export const appointments = defineArrivalKind<AppointmentArrivalModel>({
  start(host, cls, classIndex, startMinuteOfWeek) {
    const a = cls.arrivals;
    const times = a.slots.map((at) => ({ at, entry: -1, count: a.perSlot }));
    new BookedPatients(host.sim, cls.name, startMinuteOfWeek, times, classIndex, a.noShow, host.stream(`arrivals:${cls.name}`), host).start();
  },
});

/** Each booked patient draws whether they come, in slot order. */
class BookedPatients extends WeeklyRepeat {
  constructor(
    sim: Simulation,
    name: string,
    startMinuteOfWeek: number,
    times: WeeklyTime[],
    private readonly classIndex: number,
    private readonly noShow: number,
    private readonly rng: RandomStream,
    private readonly sink: ArrivalSink,
  ) {
    super(sim, name, startMinuteOfWeek, times);
  }

  protected onListed(entry: number, n: number): void {
    for (let k = 0; k < n; k++) {
      if (this.rng.next() < this.noShow) continue;
      this.sink.arrive(this.classIndex, entry);
    }
  }
}
