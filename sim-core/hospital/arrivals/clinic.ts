/**
 * An outpatient clinic's appointment book: each week, every session's booked
 * patients (template slots and overbookings) come at their slot plus their
 * punctuality, unless they do not show; walk-ins come by the session's own
 * profile; and the doctor may start the session late. Booked draws come from
 * the class's arrival stream, walk-ins and the doctor's lateness from streams
 * of their own, so adding walk-ins shifts no booked patient's draws.
 */
import { PRIORITY } from '../../priorities.js';
import { poisson, sharedCategorical, sharedDistribution, type DistributionSpec } from '../../random/distributions/index.js';
import type { RandomStream } from '../../random/stream.js';
import type { Simulation } from '../../simulation.js';
import type { ClassModel } from '../model.js';
import { defineArrivalKind, type ArrivalHost } from './kind.js';

const DAY = 1440;
const WEEK = 7 * DAY;

/** One weekly clinic session of one doctor: its booked times and its walk-ins. */
export interface ClinicSessionModel {
  /** Minutes of the week at which the session starts (one per day it runs). */
  startsAt: number[];
  /** The planned length in minutes: the session's planned end is its start plus this. */
  length: number;
  /** The doctor (a resource index) whose consultations the session's figures follow. */
  doctor: number;
  /** One booking per entry: minutes after the start, and the template's slot number (1 first). */
  bookings: { offset: number; slot: number }[];
  /** Minutes the doctor is late at the session's start (none: on time). */
  doctorLateness: DistributionSpec | null;
  /** Walk-ins: their mean number a session and relative weights for equal parts of the session. */
  walkIns: { mean: number; weights: number[] } | null;
}

/**
 * An outpatient clinic's appointment book, session by session: each booked patient is new with `newShare`
 * (else a follow-up), fails to come with the no-show of their kind, and comes their punctuality's minutes after
 * the slot (negative: early). Booked and walk-in patients carry the attributes `visit` and `booking`, and a
 * queue priority (their class's plus the rank of their kind under the clinic's rule).
 */
export interface ClinicArrivalModel {
  type: 'clinic';
  sessions: ClinicSessionModel[];
  newShare: number;
  /** No-show probability of a new and of a follow-up patient. */
  noShow: { new: number; followUp: number };
  punctuality: DistributionSpec | null;
  /** Attribute indices and the value indices of new/follow-up and booked/walk-in. */
  visit: { attribute: number; new: number; followUp: number };
  booking: { attribute: number; booked: number; walkIn: number };
  /** Added to the class priority: booked new, booked follow-up, walk-in. */
  rank: { new: number; followUp: number; walkIn: number };
  /** The seize step's figure name whose wait is the clinic wait (the first consultation). */
  consultation: string;
}

/** A clinic patient as booked: who they are and when they were due. */
export interface ClinicVisit {
  isNew: boolean;
  walkIn: boolean;
  due: number;
  session: number;
  sessionStart: number;
  slot: number;
}

export const clinic = defineArrivalKind<ClinicArrivalModel>({
  start(host, cls, classIndex, startMinuteOfWeek) {
    new ClinicBook(host.sim, cls, classIndex, startMinuteOfWeek, host.stream(`arrivals:${cls.name}`), host).start();
  },
  clinic: (a) => a,
});

class ClinicBook {
  private readonly a: ClinicArrivalModel;
  /** Visits scheduled and not yet arrived, by index in the event's entity (a free list reuses them). */
  private readonly pending: (ClinicVisit | null)[] = [];
  private readonly free: number[] = [];
  private readonly walkInRng: RandomStream;
  private readonly doctorRng: RandomStream;
  private arriveKind = -1;
  private weekKind = -1;
  private lateKind = -1;

  constructor(
    private readonly sim: Simulation,
    cls: ClassModel,
    private readonly classIndex: number,
    private readonly startMinuteOfWeek: number,
    private readonly rng: RandomStream,
    private readonly sink: ArrivalHost,
  ) {
    this.a = cls.arrivals as ClinicArrivalModel;
    this.walkInRng = sink.stream(`clinic-walk-ins:${cls.name}`);
    this.doctorRng = sink.stream(`clinic-doctors:${cls.name}`);
    this.arriveKind = sim.register(`clinic:${cls.name}`, this.onArrive, this);
    this.weekKind = sim.register(`clinic-week:${cls.name}`, this.onWeek, this);
    this.lateKind = sim.register(`clinic-late:${cls.name}`, this.onLate, this);
  }

  start(): void {
    this.sim.at(0, this.weekKind, 0, 0, PRIORITY.ARRIVAL);
  }

  /** A week's sessions, in order of start, each drawn whole: bookings first, then walk-ins, then the doctor. */
  private onWeek(weekIndex: number): void {
    const weekStart = weekIndex * WEEK - this.startMinuteOfWeek;
    const starts: { at: number; session: number }[] = [];
    this.a.sessions.forEach((s, i) => s.startsAt.forEach((m) => starts.push({ at: weekStart + m, session: i })));
    starts.sort((x, y) => x.at - y.at || x.session - y.session);
    for (const { at, session } of starts) if (at >= this.sim.now) this.book(at, session);
    this.sim.at(weekStart + WEEK, this.weekKind, weekIndex + 1, 0, PRIORITY.ARRIVAL);
  }

  private book(start: number, session: number): void {
    const a = this.a;
    const s = a.sessions[session]!;
    const punctuality = a.punctuality ? sharedDistribution(a.punctuality) : null;
    for (const b of s.bookings) {
      // Every booking draws its three numbers whether or not it shows, so a change of no-show rate moves no one else.
      const isNew = this.rng.next() < a.newShare;
      const shows = this.rng.next() >= (isNew ? a.noShow.new : a.noShow.followUp);
      const early = punctuality ? punctuality.sample(this.rng) : 0;
      const due = start + b.offset;
      if (shows) this.schedule(Math.max(this.sim.now, due + early), { isNew, walkIn: false, due, session, sessionStart: start, slot: b.slot });
    }
    if (s.walkIns) {
      const n = poisson(s.walkIns.mean).sample(this.walkInRng);
      const part = sharedCategorical(s.walkIns.weights);
      const width = s.length / s.walkIns.weights.length;
      for (let k = 0; k < n; k++) {
        const at = start + (part.sample(this.walkInRng) + this.walkInRng.next()) * width;
        this.schedule(at, { isNew: false, walkIn: true, due: at, session, sessionStart: start, slot: 0 });
      }
    }
    // Before the roster's change at the same minute, so nobody waiting is seen before the doctor is in.
    if (s.doctorLateness) this.sim.at(start, this.lateKind, session, 0, PRIORITY.RELEASE);
  }

  private schedule(at: number, visit: ClinicVisit): void {
    const i = this.free.length > 0 ? this.free.pop()! : this.pending.length;
    this.pending[i] = visit;
    this.sim.at(at, this.arriveKind, i, 0, PRIORITY.ARRIVAL);
  }

  private onArrive(i: number): void {
    const visit = this.pending[i]!;
    this.pending[i] = null;
    this.free.push(i);
    this.sink.arriveForClinic(this.classIndex, visit);
  }

  /** A session starts: its doctor comes the drawn minutes late (a draw below 0 is on time, told as 0). */
  private onLate(session: number): void {
    const s = this.a.sessions[session]!;
    const late = sharedDistribution(s.doctorLateness!).sample(this.doctorRng);
    this.sink.lateStart(this.classIndex, session, s.doctor, Math.max(0, late));
  }
}
