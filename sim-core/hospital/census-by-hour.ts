/**
 * Census by hour of day: managers plan by the clock ("how full is medicine at
 * 08:00 on a Monday?"), and one average over the run hides that. An observer
 * that hears no event: on the hour, every hour from the end of the warm-up to
 * the end of the horizon, after everything else at that minute, it reads the
 * beds occupied in each ward and the patients in the ED, and keeps them by
 * clock hour and by weekday.
 *
 * Figures: `census.<ward>.h08.mean` and `.p90` for each hour 00-23 (the ED as
 * `census.ed.*`), and `census.<ward>.<weekday>.h08.mean` / `.h16.mean` for the
 * two moments bed meetings look at.
 */
import { PRIORITY } from '../priorities.js';
import { Tally } from '../stats/tally.js';
import type { ObserverContext, RunFindings } from './observer.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const BED_MEETINGS = [8, 16] as const;

export class CensusByHour {
  /** Wards (resources whose share figure is occupancy) by model index. */
  private readonly wards: number[];
  private readonly hasEd: boolean;
  /** [place][hour]: places are the wards in order, then the ED. */
  private readonly byHour: Tally[][];
  /** [place][weekday][meeting]. */
  private readonly byWeekday: Tally[][][];
  private kind = -1;

  constructor(private readonly run: ObserverContext) {
    const model = run.model;
    this.wards = model.resources.flatMap((r, i) => (RESOURCE_KINDS[r.kind].share === 'occupancy' ? [i] : []));
    this.hasEd = model.classes.some((c) => c.emergencyDepartment);
    const places = this.wards.length + (this.hasEd ? 1 : 0);
    this.byHour = Array.from({ length: places }, () => Array.from({ length: 24 }, () => new Tally({ keepValues: true })));
    this.byWeekday = Array.from({ length: places }, () => WEEKDAYS.map(() => BED_MEETINGS.map(() => new Tally())));
  }

  /** Schedules the first reading on the first whole hour of the day at or after the warm-up. */
  start(): void {
    if (this.byHour.length === 0) return;
    const { sim, model, warmupEnd, end } = this.run;
    this.kind = sim.register('census', this.onHour, this);
    const offset = model.startMinuteOfWeek % 60;
    const first = Math.ceil((warmupEnd + offset) / 60) * 60 - offset;
    if (first <= end) sim.at(first, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }

  /** Plain loops, no closure or callback: it runs every simulated hour. */
  private onHour(): void {
    const minuteOfWeek = (this.run.model.startMinuteOfWeek + this.run.sim.now) % 10080;
    const hour = Math.floor((minuteOfWeek % 1440) / 60);
    const weekday = Math.floor(minuteOfWeek / 1440);
    const meeting = hour === BED_MEETINGS[0] ? 0 : hour === BED_MEETINGS[1] ? 1 : -1;
    const { wards } = this;
    for (let k = 0; k < wards.length; k++) this.record(k, hour, weekday, meeting, this.run.resources[wards[k]!]!.busy);
    if (this.hasEd) this.record(wards.length, hour, weekday, meeting, this.run.patients.inEdCount);
    if (this.run.sim.now + 60 <= this.run.end) this.run.sim.schedule(60, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }

  /** One place's reading (a count of beds or patients: a small integer). */
  private record(place: number, hour: number, weekday: number, meeting: number, value: number): void {
    this.byHour[place]![hour]!.add(value);
    if (meeting >= 0) this.byWeekday[place]![weekday]![meeting]!.add(value);
  }

  /** Puts the figures; the ED is `census.ed.*`. */
  close(into: RunFindings): void {
    const f = into.figures;
    const names = [...this.wards.map((r) => this.run.model.resources[r]!.name), ...(this.hasEd ? ['ed'] : [])];
    names.forEach((name, place) => {
      for (let h = 0; h < 24; h++) {
        const t = this.byHour[place]![h]!;
        const hh = String(h).padStart(2, '0');
        f[`census.${name}.h${hh}.mean`] = t.count > 0 ? t.mean : NaN;
        f[`census.${name}.h${hh}.p90`] = t.quantile(0.9);
      }
      WEEKDAYS.forEach((day, d) => {
        BED_MEETINGS.forEach((h, m) => {
          const t = this.byWeekday[place]![d]![m]!;
          f[`census.${name}.${day}.h${String(h).padStart(2, '0')}.mean`] = t.count > 0 ? t.mean : NaN;
        });
      });
    });
  }
}
