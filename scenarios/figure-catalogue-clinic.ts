/**
 * The catalogue's entries for the outpatient clinic (appointment templates,
 * sim-core/hospital/clinic-observer.ts). Kept apart from figure-catalogue.ts,
 * which asks here first.
 */
import type { FigureDirection, FigureInfo, FigureUnit } from './figure-catalogue.js';

const CLINIC: Record<string, [string, FigureUnit, FigureDirection]> = {
  'clinic.patients': ['patients who came (booked and walk-in)', 'patients', 'neither'],
  'clinic.sessions': ['sessions held', 'events', 'neither'],
  'clinic.wait.mean': ['wait from slot (or arrival, if later) to the doctor, mean', 'minutes', 'lowerIsBetter'],
  'clinic.wait.p90': ['wait from slot to the doctor, 90th percentile', 'minutes', 'lowerIsBetter'],
  'clinic.seenWithin30': ['seen within 30 minutes of their slot', 'share', 'higherIsBetter'],
  'clinic.timeInClinic.mean': ['time in the clinic, arrival to leaving, mean', 'minutes', 'lowerIsBetter'],
  'clinic.inClinic.mean': ['patients in the clinic, mean', 'patients', 'lowerIsBetter'],
  'clinic.doctorIdle.perSession': ['doctor idle time a session (late start included)', 'minutes', 'lowerIsBetter'],
  'clinic.overrun.perSession': ['session overrun past its planned end, mean', 'minutes', 'lowerIsBetter'],
  'clinic.overrun.share': ['sessions that overran', 'share', 'lowerIsBetter'],
  'clinic.turnover.perSession': ['consulting-room turnover: patients seen a session', 'patients', 'neither'],
  'clinic.turnover.perHour': ['consulting-room turnover: patients seen an hour of planned session', 'patients', 'neither'],
  'clinic.doctorLate.perSession': ["doctor's late start a session, mean (on time counts as 0)", 'minutes', 'lowerIsBetter'],
  'clinic.doctorLate.share': ['sessions the doctor started late', 'share', 'lowerIsBetter'],
  'clinic.patientTime.costPerDay': ["patients' time in the clinic, valued, a day", 'money', 'lowerIsBetter'],
};

/** The entry of a clinic id, or null for any other id. */
export function describeClinicFigure(id: string): FigureInfo | null {
  const entry = (measure: string, unit: FigureUnit, direction: FigureDirection): FigureInfo => ({
    section: 'clinic',
    subject: 'clinic',
    measure,
    unit,
    quietWhenZero: false,
    rank: 0,
    label: `Clinic: ${measure}`,
    direction,
    nonNegative: true,
  });
  const known = CLINIC[id];
  if (known) return entry(...known);
  const m = id.match(/^clinic\.wait\.slot(\d+)$/);
  if (m) return entry(`wait of slot ${m[1]!}'s patients, mean`, 'minutes', 'lowerIsBetter');
  return null;
}
