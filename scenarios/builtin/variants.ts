import type { ScenarioInput } from '../schema/scenario.js';
import { atRate } from '../arrivals/index.js';
import { generalHospitalDocument, MRI_BOOKINGS } from './general-hospital.js';
import { caseList, roomSessions, SCHEDULE_B, type ElectiveRoom, type Specialty } from './or-block-schedule.js';
import type { BuiltinScenario } from './types.js';

/**
 * What-if variants of the general hospital: each is a deep copy of the base
 * document with one change, so that a comparison with the base (same seed,
 * common random numbers) shows the effect of that change alone. The copy is
 * made when the document is first asked for, not when the module loads (the
 * viewer's page loads this module and needs a variant only when one is chosen).
 */
function variant(
  name: string,
  summary: string,
  change: (d: ScenarioInput) => void,
  base: () => ScenarioInput = () => generalHospitalDocument,
): BuiltinScenario {
  let document: ScenarioInput | undefined;
  return {
    name,
    summary,
    get document() {
      if (document === undefined) {
        document = structuredClone(base());
        change(document);
        document.name = name;
        document.description = `${generalHospitalDocument.description ?? ''} Variant: ${summary}`.trim();
      }
      return document;
    },
  };
}

function staffGroup(d: ScenarioInput, id: string): NonNullable<ScenarioInput['staff']>[number] {
  const group = d.staff?.find((g) => g.id === id);
  if (!group) throw new Error(`general-hospital has no staff group ${id}`);
  return group;
}

/** Adds `extra` people to the shift of `id` that starts and ends at these times. */
function addToShift(d: ScenarioInput, id: string, start: string, end: string, extra: number): void {
  const shift = staffGroup(d, id).shifts.find((s) => s.start === start && s.end === end);
  if (!shift) throw new Error(`staff group ${id} has no ${start}–${end} shift`);
  shift.count += extra;
}

/** The winter wave of the flu-season variant: ED arrivals 30% above the usual at its peak on 1 February. */
export const FLU_WAVE = { peak: '02-01', weeks: 16, extra: 0.3 } as const;

export const fluSeason = variant(
  'flu-season',
  "Flu season: a 16-week winter wave of ED arrivals, 30% above the usual at its peak on 1 February (about 5% more over the year): what happens to ED waits, the 4-hour share, boarding and ward occupancy in the winter weeks with today's staff and beds?",
  (d) => {
    for (const c of d.patientClasses) if (c.emergencyDepartment && atRate(c.arrivals)) c.arrivals.surges = [{ ...FLU_WAVE }];
  },
);

export const fluSeasonMoreStaff = variant(
  'flu-season-more-staff',
  'Flu season plus 2 ED doctors (one more on the 11:00–21:00 and the 14:00–24:00 shift) and 3 nurses (one more triage nurse 10:00–22:00, one more ED nurse on the day and on the night shift): do ED waits and the 4-hour share come back, and at what staff cost?',
  (d) => {
    addToShift(d, 'edDoctor', '11:00', '21:00', 1);
    addToShift(d, 'edDoctor', '14:00', '24:00', 1);
    addToShift(d, 'triageNurse', '10:00', '22:00', 1);
    addToShift(d, 'edNurse', '07:30', '20:00', 1);
    addToShift(d, 'edNurse', '19:30', '08:00', 1);
  },
  () => fluSeason.document,
);

const SPECIALTY_CLASSES: Record<string, Specialty> = { electiveGeneral: 'general', electiveOrtho: 'ortho', electiveGynae: 'gynae', electiveUrology: 'urology' };

export const orBlockScheduleB = variant(
  'or-block-schedule-b',
  'OR block schedule B, the same 15 lists a week but joint replacements and bowel surgery Monday–Wednesday and short-stay lists Thursday–Friday: fewer cancellations and less overtime than schedule A, and what does it do to surgical-ward beds?',
  (d) => {
    for (const room of d.operatingRooms ?? []) {
      if (room.id === 'or1' || room.id === 'or2' || room.id === 'or3') room.sessions = roomSessions(SCHEDULE_B, room.id satisfies ElectiveRoom);
    }
    for (const c of d.patientClasses) {
      const specialty = SPECIALTY_CLASSES[c.id];
      if (specialty) c.arrivals = caseList(SCHEDULE_B, specialty);
    }
  },
);

export const ctExtendedHours = variant(
  'ct-extended-hours',
  'Second CT scanner open 08:00–20:00 on weekdays (was 09:00–17:00) and 09:00–17:00 on Saturdays: how much do ED waits for CT, outpatient scan cancellations and CT cost change?',
  (d) => {
    const ct = d.imaging?.find((x) => x.id === 'ct');
    if (!ct) throw new Error('general-hospital has no CT');
    ct.openingHours = [
      { days: 'all', start: '00:00', end: '24:00' },
      { days: 'weekdays', start: '08:00', end: '20:00' },
      { days: ['sat'], start: '09:00', end: '17:00' },
    ];
  },
);

/** Lean reorder points and levels for the theatre implants and kit, the high-value items (the others are unchanged). */
const LEAN_POLICIES: Record<string, NonNullable<ScenarioInput['items']>[number]['policy']> = {
  hipProsthesis: { type: 'RQ', R: 4, Q: 5 },
  kneeProsthesis: { type: 'sS', s: 2, S: 5 },
  staplerReload: { type: 'sS', s: 6, S: 15 },
  laparoscopicPortSet: { type: 'RQ', R: 6, Q: 12 },
  herniaMesh: { type: 'sS', s: 4, S: 12 },
  turpLoopElectrode: { type: 'RQ', R: 3, Q: 6 },
};

export const leanStock = variant(
  'lean-stock',
  'Leaner stock of theatre implants and kit (reorder points and order-up-to levels about halved): how much stock is saved, and how many operations are cancelled for stock-outs?',
  (d) => {
    for (const item of d.items ?? []) {
      const policy = LEAN_POLICIES[item.id];
      if (!policy) continue;
      item.policy = policy;
      item.initialStock = policy.type === 'sS' ? policy.S : policy.type === 'RQ' ? policy.R + policy.Q : policy.upTo;
    }
  },
);

function device(d: ScenarioInput, id: string): NonNullable<ScenarioInput['imaging']>[number] {
  const found = d.imaging?.find((x) => x.id === id);
  if (!found) throw new Error(`general-hospital has no imaging device ${id}`);
  return found;
}

export const imagingRosters = variant(
  'imaging-rosters',
  "Imaging rosters fitted to demand: the second CT scanner staffed 11:00–19:00 on weekdays (the ED's busy hours, was 09:00–17:00); MRI open 08:00–18:00 on weekdays only (was to 20:00 and Saturday mornings), its booked slots every 34 minutes within those hours: how much more are CT and MRI used, and what happens to the ED's wait for a scan?",
  (d) => {
    device(d, 'ct').openingHours = [
      { days: 'all', start: '00:00', end: '24:00' },
      { days: 'weekdays', start: '11:00', end: '19:00' },
    ];
    device(d, 'mri').openingHours = [{ days: 'weekdays', start: '08:00', end: '18:00' }];
    const mri = d.patientClasses.find((c) => c.id === 'mriOutpatient');
    if (!mri) throw new Error('general-hospital has no booked MRI outpatients');
    mri.arrivals = { ...MRI_BOOKINGS, end: '18:00', slotMinutes: 34 };
  },
);

export const ctPeakHours = variant(
  'ct-peak-hours',
  "A third CT scanner with its radiographers every day 10:00–22:00, the ED's peak: how much shorter is the ED's wait for CT, and what does it cost?",
  (d) => {
    const ct = device(d, 'ct');
    ct.openingHours = [...ct.openingHours, { days: 'all', start: '10:00', end: '22:00' }];
  },
);

/**
 * Discharges planned the day before: a medical-ward stay ends at the next 11:00 ward round, the patient
 * made ready 12 hours ahead, so the mean stay is about the same but beds free in the morning, before the
 * ED's afternoon admissions need them (the discharge-to-assess / "home before noon" practice).
 */
export const dischargeBeforeNoon = variant(
  'discharge-before-noon',
  'Medical-ward discharges planned the day before and done at the 11:00 ward round (stays as long on average, beds freed before noon): what does it do to boarding in the ED, bed occupancy and the 4-hour share?',
  (d) => {
    // A clone keeps shared arrays shared: change each once.
    for (const steps of new Set(Object.values(d.pathways))) {
      for (let i = steps.length - 1; i >= 0; i--) {
        const step = steps[i]!;
        if (!('hold' in step) || step.activity !== 'stay:medicalWard') continue;
        const planned: typeof step = { ...step, hold: { type: 'lognormal', mean: days(5.5) - 720, sd: days(6) } };
        steps.splice(i, 1, planned, { waitUntil: '11:00', activity: 'discharge at the 11:00 ward round' });
      }
    }
  },
);

const days = (n: number): number => n * 1440;

/** The variants, in the order `hospital-twin list` shows them. */
export const GENERAL_HOSPITAL_VARIANTS: readonly BuiltinScenario[] = [
  fluSeason,
  fluSeasonMoreStaff,
  orBlockScheduleB,
  ctExtendedHours,
  leanStock,
  imagingRosters,
  ctPeakHours,
  dischargeBeforeNoon,
];
