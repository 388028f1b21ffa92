import type { DistributionInput } from '../schema/distribution.js';
import type { ScenarioInput } from '../schema/scenario.js';
import type { BuiltinScenario } from './types.js';

/**
 * An outpatient clinic for half a year: registration, a wait, a consultation
 * with one of three doctors (two in medicine, one in surgery), tests (lab or
 * imaging) for some, back to the doctor with the results, pharmacy, payment.
 * Morning (08:00) and afternoon (13:30) sessions on weekdays. In the base
 * every booked patient is told to come at the session's start (one block, as
 * many clinics still do) and the test rooms are a walk away; the variant books
 * time slots and moves the test rooms beside the consulting rooms, for the cost
 * of an appointments clerk. Where the numbers come from: SOURCES.md, "Outpatient clinic".
 */

type Step = ScenarioInput['pathways'][string][number];
type Arrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'clinic' }>;
type Session = Arrivals['sessions'][number];

const logn = (mean: number, sd: number): DistributionInput => ({ type: 'lognormal', mean, sd });

const DOCTORS = [
  { id: 'drMedicineA', name: 'Medicine, doctor A', specialty: 'medicine', patients: 'medicineAPatients', pathway: 'visitA' },
  { id: 'drMedicineB', name: 'Medicine, doctor B', specialty: 'medicine', patients: 'medicineBPatients', pathway: 'visitB' },
  { id: 'drSurgery', name: 'Surgery, doctor C', specialty: 'surgery', patients: 'surgeryPatients', pathway: 'visitC' },
] as const;

/** Patients booked a session: 16 in the morning (08:00–12:00), 12 in the afternoon (13:30–16:30). */
const MORNING = 16;
const AFTERNOON = 12;

/** One doctor's visit: the first consultation, tests for some, back to the doctor, pharmacy, payment. */
function visit(doctor: string, walkMinutes: number): Step[] {
  const walk = (activity: string): Step => ({ hold: { type: 'constant', value: walkMinutes }, activity });
  return [
    { seize: ['registration'], id: 'register' },
    { hold: logn(3, 1.5), activity: 'registration' },
    { release: 'all' },
    { seize: [doctor], id: 'consult' },
    {
      hold: { byAttribute: 'visit', cases: { new: logn(14, 6), followUp: logn(8, 4) } },
      activity: 'consultation',
    },
    { release: 'all' },
    { branch: [{ p: 0.4, goto: 'tests' }] },
    { goto: 'pharmacyOrNot' },
    { ...walk('walk to the test rooms'), id: 'tests' } as Step,
    { branch: [{ p: 0.3, goto: 'imagingTest' }] },
    { seize: ['lab'], id: 'labSample' },
    { hold: logn(5, 2), activity: 'blood sample' },
    { release: 'all' },
    { hold: logn(40, 15), activity: 'waiting for lab results' },
    { goto: 'walkBack' },
    { seize: ['ultrasound'], id: 'imagingTest' },
    { hold: logn(15, 5), activity: 'ultrasound or X-ray' },
    { release: 'all' },
    { hold: logn(20, 10), activity: 'waiting for the report' },
    { ...walk('walk back to the doctor'), id: 'walkBack' } as Step,
    // Patients back with results are seen before those waiting for a first consultation.
    { seize: [doctor], id: 'review', priority: 5 },
    { hold: logn(5, 2), activity: 'results review' },
    { release: 'all' },
    { branch: [{ p: 0.7, goto: 'pharmacy' }], id: 'pharmacyOrNot' },
    { goto: 'pay' },
    { seize: ['pharmacy'], id: 'pharmacy' },
    { hold: logn(4, 2), activity: 'dispensing' },
    { release: 'all' },
    { seize: ['payment'], id: 'pay' },
    { hold: logn(2, 1), activity: 'payment' },
    { release: 'all' },
  ];
}

function sessions(doctor: string, booked: boolean): Session[] {
  const morning = booked
    ? { type: 'baileyWelch' as const, patients: MORNING, intervalMinutes: 16, atStart: 2 }
    : { type: 'blocks' as const, slots: 1, intervalMinutes: 240, perSlot: MORNING };
  const afternoon = booked
    ? { type: 'baileyWelch' as const, patients: AFTERNOON, intervalMinutes: 16, atStart: 2 }
    : { type: 'blocks' as const, slots: 1, intervalMinutes: 180, perSlot: AFTERNOON };
  const late = { type: 'exponential' as const, mean: 5 };
  const walkIns = { perSession: 2, profile: [3, 2, 1, 1] };
  return [
    { days: 'weekdays', start: '08:00', doctor, template: morning, sessionMinutes: 240, doctorLateness: late, walkIns },
    { days: 'weekdays', start: '13:30', doctor, template: afternoon, sessionMinutes: 180, doctorLateness: late, walkIns },
  ];
}

function clinicDocument(booked: boolean): ScenarioInput {
  return {
    name: booked ? 'outpatient-clinic-booked' : 'outpatient-clinic',
    description: booked
      ? 'Outpatient clinic with time-slot booking (two at the start, then one every 16 minutes) and the lab and ultrasound moved beside the consulting rooms; an appointments clerk runs the book.'
      : 'Outpatient clinic where every booked patient is told to come at the start of the session, and the lab and ultrasound are a 7-minute walk away.',
    start: '2026-01-05T00:00',
    horizonDays: 182,
    warmupDays: 0,
    replications: 10,
    seed: 31,
    currency: 'GBP',
    staff: [
      ...DOCTORS.map((d) => ({
        id: d.id,
        name: d.name,
        department: d.specialty,
        hourlyCost: 75,
        shifts: [
          { days: 'weekdays' as const, start: '08:00', end: '13:00', count: 1 },
          { days: 'weekdays' as const, start: '13:30', end: '19:00', count: 1 },
        ],
      })),
      ...(booked
        ? [
            {
              id: 'appointmentsClerk',
              name: 'Appointments clerk',
              department: 'outpatients',
              hourlyCost: 16,
              shifts: [{ days: 'weekdays' as const, start: '08:00', end: '17:00', count: 1 }],
            },
          ]
        : []),
    ],
    resources: [
      { id: 'registration', department: 'outpatients', units: 2, costPerHour: 20, costPerIdleHour: 20 },
      { id: 'lab', department: 'outpatients', units: 2, costPerHour: 25, costPerIdleHour: 25 },
      { id: 'ultrasound', department: 'outpatients', units: 1, costPerHour: 60, costPerIdleHour: 30 },
      { id: 'pharmacy', department: 'outpatients', units: 2, costPerHour: 22, costPerIdleHour: 22 },
      { id: 'payment', department: 'outpatients', units: 1, costPerHour: 15, costPerIdleHour: 15 },
    ],
    patientClasses: DOCTORS.map((d) => ({
      id: d.patients,
      name: `${d.name}'s patients`,
      department: d.specialty,
      arrivals: {
        type: 'clinic' as const,
        consultation: 'consult',
        newShare: 0.35,
        noShow: { new: 0.12, followUp: 0.07 },
        // Told to come at the start, patients spread out (some early, some late); with a slot they come a little early.
        punctuality: booked
          ? { type: 'truncatedNormal' as const, mean: -6, sd: 6, min: -30, max: 20 }
          : { type: 'truncatedNormal' as const, mean: 20, sd: 35, min: -30, max: 150 },
        newFirst: false,
        seenFirst: booked ? ('booked' as const) : ('arrival' as const),
        sessions: sessions(d.id, booked),
      },
      pathway: d.pathway,
    })),
    pathways: Object.fromEntries(DOCTORS.map((d) => [d.pathway, visit(d.id, booked ? 1 : 7)])),
    costs: { penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 }, patientTimePerHour: 12 },
  };
}

export const outpatientClinic: BuiltinScenario = {
  name: 'outpatient-clinic',
  summary:
    'Outpatient clinic (3 doctors, morning and afternoon sessions): registration, consultation, lab or ultrasound, back to the doctor, pharmacy, payment; every booked patient told to come at the session start.',
  document: clinicDocument(false),
};

export const outpatientClinicBooked: BuiltinScenario = {
  name: 'outpatient-clinic-booked',
  summary:
    'The outpatient clinic with time-slot booking and the test rooms beside the doctors, for an appointments clerk: how much patient time is saved, and what does it cost?',
  document: clinicDocument(true),
};
