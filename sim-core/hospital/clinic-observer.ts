/**
 * The outpatient clinic's figures: each patient's wait from their slot (or
 * their arrival, if later) to the start of their first consultation, their
 * time in the clinic, and, per session, the doctor's idle time and the
 * overrun past the planned end. Sessions count when they start after the
 * warm-up and are planned to end by the horizon; patients when they arrived
 * after the warm-up.
 *
 * Idle time is the planned session's minutes, or up to the last consultation's
 * end if that is later, in which the doctor saw none of the session's patients
 * (a late start counts as idle); overrun is the last consultation's end past
 * the planned end (0 if none). Turnover is the patients whose first
 * consultation started, a session and an hour of planned session; the
 * doctor's lateness is the minutes drawn at each session's start.
 */
import { Tally } from '../stats/tally.js';
import { stepVerb } from '../verbs/index.js';
import { clinicOf, type ClinicArrivalModel } from './arrivals/index.js';
import type { ObserverContext, RunFindings } from './observer.js';

const DAY = 1440;
const WEEK = 7 * DAY;
/** "Seen within 30 minutes of their slot". */
const SEEN_WITHIN = 30;

interface SessionBook {
  start: number;
  end: number;
  doctor: number;
  busy: number;
  lastEnd: number;
  /** Patients whose first consultation started (booked and walk-in). */
  seen: number;
  /** Minutes the doctor came late (0: on time, or no lateness drawn). */
  late: number;
}

interface ClinicPatient {
  arrivedAt: number;
  due: number;
  slot: number;
  session: SessionBook | null;
  seen: boolean;
}

export class ClinicObserver {
  /** Whether the model has a clinic at all (other runs build no observer). */
  static wanted(model: ObserverContext['model']): boolean {
    return model.classes.some((c) => clinicOf(c.arrivals) !== null);
  }

  private readonly clinics: (ClinicArrivalModel | null)[];
  /** Some session draws its doctor's lateness: the lateness figures are reported. */
  private readonly doctorsMayBeLate: boolean;
  /** Per pathway, per step: whether it is a clinic class's first consultation. */
  private readonly consultation: boolean[][];
  private readonly sessions = new Map<string, SessionBook>();
  private readonly inClinic = new Map<number, ClinicPatient>();
  private readonly waits = new Tally({ keepValues: true });
  private readonly bySlot: Tally[] = [];
  private readonly timeInClinic = new Tally();
  private seenWithin = 0;
  private counted = 0;
  /** Number in the clinic and its integral over the measured window. */
  private present = 0;
  private area = 0;
  private since = 0;

  constructor(private readonly run: ObserverContext) {
    const model = run.model;
    this.clinics = model.classes.map((c) => clinicOf(c.arrivals));
    this.doctorsMayBeLate = this.clinics.some((c) => c?.sessions.some((s) => s.doctorLateness !== null));
    const names = new Set(this.clinics.flatMap((c) => (c ? [c.consultation] : [])));
    this.consultation = model.pathways.map((p) =>
      p.steps.map((s) => {
        const standing = stepVerb(s).standing;
        return standing?.kind === 'wait' && names.has(standing.names(s)[0]!);
      }),
    );
  }

  /** Every session planned within the measured window, whether or not anyone comes. */
  start(): void {
    const { warmupEnd, end, model } = this.run;
    this.since = Math.max(this.run.sim.now, warmupEnd);
    this.clinics.forEach((clinic, c) => {
      clinic?.sessions.forEach((s, i) => {
        for (let weekStart = -model.startMinuteOfWeek; weekStart < end; weekStart += WEEK) {
          for (const m of s.startsAt) {
            const start = weekStart + m;
            if (start >= warmupEnd && start + s.length <= end) {
              this.sessions.set(`${c}:${i}:${start}`, { start, end: start + s.length, doctor: s.doctor, busy: 0, lastEnd: -Infinity, seen: 0, late: 0 });
            }
          }
        }
      });
    });
  }

  arrived(p: number, c: number): void {
    if (this.clinics[c] === null) return;
    const pt = this.run.patients;
    const now = this.run.sim.now;
    if (now < this.run.warmupEnd) return;
    this.count(now, +1);
    this.counted++;
    const session = this.sessions.get(`${c}:${pt.clinicSession[p]}:${pt.sessionStart[p]}`) ?? null;
    this.inClinic.set(pt.serialOf[p]!, { arrivedAt: now, due: pt.due[p]!, slot: pt.clinicSlot[p]!, session, seen: false });
  }

  waited(p: number, pathway: number, step: number): void {
    if (!this.consultation[pathway]![step]) return;
    const patient = this.inClinic.get(this.run.patients.serialOf[p]!);
    if (patient === undefined || patient.seen) return;
    patient.seen = true;
    if (patient.session) patient.session.seen++;
    const now = this.run.sim.now;
    const wait = now - Math.max(patient.arrivedAt, patient.due);
    this.waits.add(wait);
    if (now - patient.due <= SEEN_WITHIN) this.seenWithin++;
    if (patient.slot > 0) (this.bySlot[patient.slot] ??= new Tally()).add(wait);
  }

  /** A session starts now with its doctor `minutes` late. */
  doctorLate(c: number, session: number, minutes: number): void {
    const s = this.sessions.get(`${c}:${session}:${this.run.sim.now}`);
    if (s) s.late = minutes;
  }

  used(serial: number, _pathway: number, resource: number, from: number): void {
    const session = this.inClinic.get(serial)?.session;
    if (!session || session.doctor !== resource) return;
    const now = this.run.sim.now;
    session.busy += now - from;
    session.lastEnd = Math.max(session.lastEnd, now);
  }

  left(p: number): void {
    const serial = this.run.patients.serialOf[p]!;
    const patient = this.inClinic.get(serial);
    if (patient === undefined) return;
    this.inClinic.delete(serial);
    const now = this.run.sim.now;
    this.count(now, -1);
    this.timeInClinic.add(now - patient.arrivedAt);
  }

  close(into: RunFindings): void {
    const f = into.figures;
    const now = this.run.sim.now;
    this.count(now, 0);
    const minutes = now - Math.max(0, this.run.warmupEnd);
    let idle = 0;
    let overrun = 0;
    let overran = 0;
    let n = 0;
    let seen = 0;
    let planned = 0;
    let late = 0;
    let lateSessions = 0;
    for (const s of this.sessions.values()) {
      seen += s.seen;
      planned += s.end - s.start;
      late += s.late;
      if (s.late > 0) lateSessions++;
      const finish = Math.max(s.end, s.lastEnd);
      idle += finish - s.start - s.busy;
      overrun += Math.max(0, s.lastEnd - s.end);
      if (s.lastEnd > s.end) overran++;
      n++;
    }
    f['clinic.patients'] = this.counted;
    f['clinic.sessions'] = n;
    f['clinic.wait.mean'] = this.waits.count > 0 ? this.waits.mean : NaN;
    f['clinic.wait.p90'] = this.waits.count > 0 ? this.waits.quantile(0.9) : NaN;
    f['clinic.seenWithin30'] = this.waits.count > 0 ? this.seenWithin / this.waits.count : NaN;
    this.bySlot.forEach((t, k) => {
      if (t !== undefined) f[`clinic.wait.slot${k}`] = t.mean;
    });
    f['clinic.timeInClinic.mean'] = this.timeInClinic.count > 0 ? this.timeInClinic.mean : NaN;
    f['clinic.inClinic.mean'] = minutes > 0 ? this.area / minutes : NaN;
    f['clinic.doctorIdle.perSession'] = n > 0 ? idle / n : NaN;
    f['clinic.overrun.perSession'] = n > 0 ? overrun / n : NaN;
    f['clinic.overrun.share'] = n > 0 ? overran / n : NaN;
    // Consulting-room turnover: patients through the doctor's room a session, and an hour of planned session.
    f['clinic.turnover.perSession'] = n > 0 ? seen / n : NaN;
    f['clinic.turnover.perHour'] = planned > 0 ? seen / (planned / 60) : NaN;
    if (this.doctorsMayBeLate) {
      f['clinic.doctorLate.perSession'] = n > 0 ? late / n : NaN;
      f['clinic.doctorLate.share'] = n > 0 ? lateSessions / n : NaN;
    }
    const rate = this.run.model.patientTimePerHour;
    // Time in the clinic of those who left, valued at the scenario's rate, per day of the run.
    if (rate !== undefined && minutes > 0) f['clinic.patientTime.costPerDay'] = ((this.timeInClinic.sum / 60) * rate) / (minutes / DAY);
  }

  /** The number in the clinic changes by `delta` now: its integral grows by the number so far times the time since. */
  private count(now: number, delta: number): void {
    this.area += this.present * (now - this.since);
    this.since = now;
    this.present += delta;
  }
}
