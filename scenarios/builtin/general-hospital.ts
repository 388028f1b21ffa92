import type { DistributionInput, DurationInput } from '../schema/distribution.js';
import type { ScenarioInput } from '../schema/scenario.js';
import { caseList, roomSessions, SCHEDULE_A } from './or-block-schedule.js';
import { GENERAL_HOSPITAL_CASE_MIX, GROUP_MIX, withProcedureGroups } from './general-hospital-case-mix.js';
import { GENERAL_HOSPITAL_ITEMS } from './general-hospital-stock.js';
import type { BuiltinScenario } from './types.js';

/**
 * A district general hospital of about 230 beds for one year: an emergency
 * department of about 40,000 attendances, two CT scanners and an MRI, four
 * theatres (three elective, one kept for emergencies), an ICU, a step-down
 * unit and medical and surgical wards, with rosters, costs and stock. Where
 * each number comes from, and which are assumptions, is in SOURCES.md.
 * Money is in pounds sterling; times in minutes unless a name says days.
 */

type Step = ScenarioInput['pathways'][string][number];

const logn = (mean: number, sd: number): DistributionInput => ({ type: 'lognormal', mean, sd });
const days = (d: number): number => d * 1440;
const byAcuity = (cases: Record<string, DistributionInput>, otherwise?: DistributionInput): DurationInput =>
  otherwise ? { byAttribute: 'acuity', cases, otherwise } : { byAttribute: 'acuity', cases };
const priorityByAcuity = (cases: Record<string, number>, otherwise = 0) => ({ byAttribute: 'acuity', cases, otherwise });

/** Share of a day's ED arrivals in each hour, midnight first (NHS A&E pattern: trough 4–6am, peak late morning to evening). */
const ED_HOURS = [2.4, 2.0, 1.7, 1.5, 1.3, 1.3, 1.6, 2.4, 4.0, 5.6, 6.4, 6.6, 6.4, 6.2, 6.0, 5.9, 5.8, 5.7, 5.6, 5.3, 4.8, 4.2, 3.6, 3.0];
/** Ambulance arrivals are flatter over the day than walk-ins. */
const AMBULANCE_HOURS = [3.0, 2.7, 2.4, 2.2, 2.0, 2.0, 2.3, 3.0, 4.0, 5.0, 5.6, 5.8, 5.8, 5.6, 5.5, 5.4, 5.3, 5.2, 5.0, 4.8, 4.4, 4.0, 3.6, 3.2];
/** Monday busiest, then a flat week. */
const ED_WEEKDAYS = [1.12, 1.0, 0.98, 0.97, 0.98, 0.96, 0.99];
const DAYTIME_HOURS = [0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 2, 1.5, 1, 0.6, 0.4];

/** Booked MRI outpatients: a slot every 40 minutes, 08:00–20:00 on weekdays (a variant re-times them). */
export const MRI_BOOKINGS = { type: 'appointments', days: 'weekdays', start: '08:00', end: '20:00', slotMinutes: 40, noShow: 0.1 } as const;

const MEDICAL_LOS = logn(days(5.5), days(6));
const STEP_DOWN_LOS = logn(days(2), days(1.5));
const ICU_LOS = logn(days(3), days(3));

/** An ICU stay and where the patient goes after it; `label` prefixes the step ids, `ward` is the ward they return to. */
function icuStay(label: string, ward: 'medicalWard' | 'surgicalWard', then: string): Step[] {
  const afterIcu: Step[] =
    ward === 'medicalWard'
      ? [
          // 15% die in the ICU or are transferred out; 35% go through the step-down unit.
          {
            branch: [
              { p: 0.15, goto: `${label}Out` },
              { p: 0.35, goto: `${label}StepDown` },
            ],
          },
          { seize: ['medicalWard'], id: `${label}ToWard` },
          { release: ['icu'] },
          { goto: then },
          { release: 'all', id: `${label}Out` },
          { leave: true },
          { seize: ['stepDown'], id: `${label}StepDown` },
          { release: ['icu'] },
          { hold: STEP_DOWN_LOS, activity: 'stay:stepDown' },
          { seize: ['medicalWard'], id: `${label}StepDownToWard` },
          { release: ['stepDown'] },
          { goto: then },
        ]
      : [{ seize: ['surgicalWard'], id: `${label}ToWard` }, { release: ['icu'] }, { goto: then }];
  return [
    { consume: 'centralLineKit', id: label },
    { branch: [{ p: 0.6, goto: `${label}Ventilated` }] },
    { goto: `${label}Days` },
    { consume: 'ventilatorCircuit', id: `${label}Ventilated` },
    { hold: ICU_LOS, activity: 'stay:icu', id: `${label}Days` },
    ...afterIcu,
  ];
}

/** A medical inpatient stay from the moment a medical bed is held: some need a CT or MRI first. */
const MEDICAL_STAY: Step[] = [
  {
    branch: [
      { p: 0.1, goto: 'inpatientCt' },
      { p: 0.06, goto: 'inpatientMri' },
    ],
    id: 'medicalStay',
  },
  { goto: 'medicalBedDays' },
  { seize: ['ct'], id: 'inpatientCt', priority: 1 },
  { branch: [{ p: 0.5, goto: 'inpatientCtContrast' }] },
  { goto: 'inpatientCtScan' },
  { consume: 'ctContrast', id: 'inpatientCtContrast' },
  { hold: logn(15, 5), activity: 'CT scan', id: 'inpatientCtScan' },
  { release: ['ct'] },
  { goto: 'medicalBedDays' },
  { seize: ['mri'], id: 'inpatientMri', priority: 1 },
  { branch: [{ p: 0.4, goto: 'inpatientMriContrast' }] },
  { goto: 'inpatientMriScan' },
  { consume: 'mriContrast', id: 'inpatientMriContrast' },
  { hold: logn(40, 10), activity: 'MRI scan', id: 'inpatientMriScan' },
  { release: ['mri'] },
  { consume: 'infusionGivingSet', id: 'medicalBedDays' },
  { branch: [{ p: 0.15, goto: 'medicalCatheter' }] },
  { goto: 'medicalLos' },
  { consume: 'urinaryCatheterKit', id: 'medicalCatheter' },
  { hold: MEDICAL_LOS, activity: 'stay:medicalWard', id: 'medicalLos' },
  { release: 'all' },
  { leave: true },
];

/** Emergency surgery from the moment a surgical bed is held: the emergency theatre at high priority, then the ward (or ICU). */
const EMERGENCY_OPERATION: Step[] = [
  { seize: ['or4', 'surgeonOnCall', 'anaesthetistOnCall'], id: 'emergencyTheatre', priority: 10 },
  { consume: 'sutureSet' },
  { consume: 'surgicalDrapePack' },
  { consume: 'anaestheticDrugPack' },
  { hold: logn(110, 50), activity: 'emergency surgery' },
  { release: ['or4', 'surgeonOnCall', 'anaesthetistOnCall'] },
  { branch: [{ p: 0.1, goto: 'postOpIcu' }] },
  { consume: 'infusionGivingSet' },
  { hold: logn(days(6), days(5)), activity: 'stay:surgicalWard' },
  { release: 'all' },
  { leave: true },
  { seize: ['icu'], id: 'postOpIcu' },
  { release: ['surgicalWard'] },
  ...icuStay('postOpIcuCare', 'surgicalWard', 'postOpWard'),
  { consume: 'infusionGivingSet', id: 'postOpWard' },
  { hold: logn(days(7), days(5)), activity: 'stay:surgicalWard' },
  { release: 'all' },
  { leave: true },
];

/** Where a patient goes after the ED, by acuity; what is left of each branch goes home. */
const DISPOSITIONS: Record<string, { p: number; goto: string }[]> = {
  '1': [
    { p: 0.4, goto: 'toIcu' },
    { p: 0.2, goto: 'toTheatre' },
    { p: 0.1, goto: 'toStepDown' },
    { p: 0.2, goto: 'toMedical' },
  ],
  '2': [
    { p: 0.05, goto: 'toIcu' },
    { p: 0.06, goto: 'toTheatre' },
    { p: 0.05, goto: 'toStepDown' },
    { p: 0.1, goto: 'toSurgical' },
    { p: 0.35, goto: 'toMedical' },
  ],
  '3': [
    { p: 0.03, goto: 'toTheatre' },
    { p: 0.02, goto: 'toStepDown' },
    { p: 0.08, goto: 'toSurgical' },
    { p: 0.27, goto: 'toMedical' },
  ],
  '4': [
    { p: 0.01, goto: 'toTheatre' },
    { p: 0.03, goto: 'toSurgical' },
    { p: 0.06, goto: 'toMedical' },
  ],
  '5': [{ p: 0.01, goto: 'toMedical' }],
};

/** Share of ED patients of each acuity who need a CT scan. */
const CT_SHARE: Record<string, number> = { '1': 0.7, '2': 0.45, '3': 0.25, '4': 0.06 };

/**
 * Leaving the ED for a bed: the specialty team accepts the patient (the ED
 * space is kept meanwhile), then the patient waits for a bed in the cubicle or
 * bay (boarding), then gives the ED space back. Each specialty's review is
 * named apart, as the hospital knows who was called: a state taken from the
 * trace then knows where a patient under review is going (with one name for
 * all, every patient under review was sent to the medical ward).
 */
const admit = (ward: string, id: string, specialty: string, priority = 0): Step[] => [
  { hold: logn(60, 40), activity: `specialty review (${specialty})`, id },
  { seize: [ward], boarding: true, id: `${id}Bed`, priority },
  { release: ['edCubicle', 'minorsBay'] },
];

const ED_PATHWAY: Step[] = [
  { branchOn: 'acuity', cases: { '1': 'resus' } },
  { seize: ['triageNurse'], id: 'triage', priority: priorityByAcuity({ '2': 8, '3': 6, '4': 3, '5': 2 }) },
  { hold: logn(8, 4), activity: 'triage' },
  { release: ['triageNurse'] },
  { branchOn: 'acuity', cases: { '4': 'minors', '5': 'minors' } },
  // Majors (acuity 2–3): rapid assessment by a doctor in the assessment area, then a cubicle for the work-up.
  { seize: ['edDoctor'], id: 'majors', priority: priorityByAcuity({ '2': 8, '3': 6 }) },
  { hold: byAcuity({ '2': logn(40, 15) }, logn(30, 12)), activity: 'doctor assessment' },
  { release: ['edDoctor'] },
  { seize: ['edCubicle'], id: 'majorsCubicle', priority: priorityByAcuity({ '2': 8, '3': 6 }) },
  { goto: 'workup' },
  // Resus (acuity 1): a cubicle and a doctor at once.
  { seize: ['edCubicle', 'edDoctor'], id: 'resus', priority: 10 },
  { hold: logn(60, 25), activity: 'doctor assessment' },
  { release: ['edDoctor'] },
  { consume: 'ivCannula', id: 'workup' },
  { consume: 'bloodSampleSet' },
  { consume: 'ecgElectrodeSet' },
  { branchOn: 'acuity', cases: { '3': 'nursing' } },
  { consume: 'ivFluidBag' },
  { seize: ['edNurse'], id: 'nursing', priority: priorityByAcuity({ '1': 10, '2': 8, '3': 6 }) },
  { hold: byAcuity({ '1': logn(60, 20), '2': logn(40, 15) }, logn(25, 10)), activity: 'nursing care' },
  { release: ['edNurse'] },
  { branchOn: 'acuity', cases: { '1': 'ctIf1', '2': 'ctIf2', '3': 'ctIf3' } },
  { branch: [{ p: CT_SHARE['1']!, goto: 'edCt' }], id: 'ctIf1' },
  { goto: 'results' },
  { branch: [{ p: CT_SHARE['2']!, goto: 'edCt' }], id: 'ctIf2' },
  { goto: 'results' },
  { branch: [{ p: CT_SHARE['3']!, goto: 'edCt' }], id: 'ctIf3' },
  { goto: 'results' },
  // CT: ED patients go before inpatients (1) and outpatients (0).
  { seize: ['ct'], id: 'edCt', priority: priorityByAcuity({ '1': 10, '2': 8, '3': 6, '4': 4 }) },
  { branch: [{ p: 0.5, goto: 'edCtContrast' }] },
  { goto: 'edCtScan' },
  { consume: 'ctContrast', id: 'edCtContrast' },
  { hold: byAcuity({ '1': logn(25, 8), '2': logn(18, 6) }, logn(14, 5)), activity: 'CT scan', id: 'edCtScan' },
  { release: ['ct'] },
  { hold: logn(80, 45), activity: 'awaiting results', id: 'results' },
  { seize: ['edDoctor'], id: 'review', priority: priorityByAcuity({ '1': 10, '2': 8, '3': 6, '4': 3 }) },
  { hold: logn(10, 5), activity: 'doctor review' },
  { release: ['edDoctor'] },
  { branchOn: 'acuity', cases: { '1': 'dispo1', '2': 'dispo2', '3': 'dispo3', '4': 'dispo4', '5': 'dispo5' }, id: 'disposition' },
  // Minors (acuity 4–5): a bay and a doctor; they leave unseen after 3 hours' wait.
  { seize: ['minorsBay', 'edDoctor'], id: 'minors', priority: priorityByAcuity({ '4': 3, '5': 2 }), maxWait: 180, onTimeout: 'leftUnseen' },
  { hold: byAcuity({ '4': logn(20, 8) }, logn(15, 6)), activity: 'doctor assessment' },
  { release: ['edDoctor'] },
  { branch: [{ p: 0.4, goto: 'minorsXray' }] },
  { goto: 'minorsTreatment' },
  { hold: logn(50, 25), activity: 'X-ray and results', id: 'minorsXray' },
  {
    branch: [
      { p: 0.25, goto: 'dressing' },
      { p: 0.1, goto: 'plaster' },
    ],
    id: 'minorsTreatment',
  },
  { goto: 'minorsCt' },
  { seize: ['edNurse'], id: 'dressing', priority: 1 },
  { consume: 'woundDressingPack' },
  { hold: logn(15, 6), activity: 'wound care' },
  { release: ['edNurse'] },
  { goto: 'minorsCt' },
  { seize: ['edNurse'], id: 'plaster', priority: 1 },
  { consume: 'plasterCastKit' },
  { hold: logn(25, 8), activity: 'plaster' },
  { release: ['edNurse'] },
  { branchOn: 'acuity', cases: { '4': 'ctIf4' }, otherwise: 'disposition', id: 'minorsCt' },
  { branch: [{ p: CT_SHARE['4']!, goto: 'edCt' }], id: 'ctIf4' },
  { goto: 'disposition' },
  ...Object.entries(DISPOSITIONS).flatMap(([acuity, branch]): Step[] => [{ branch, id: `dispo${acuity}` }, { goto: 'discharge' }]),
  { release: 'all', id: 'discharge' },
  { leave: true },
  // Admissions.
  ...admit('medicalWard', 'toMedical', 'medicine'),
  ...MEDICAL_STAY,
  ...admit('surgicalWard', 'toSurgical', 'surgery'),
  { consume: 'infusionGivingSet' },
  { hold: logn(days(3), days(3)), activity: 'stay:surgicalWard' },
  { release: 'all' },
  { leave: true },
  ...admit('surgicalWard', 'toTheatre', 'emergency surgery'),
  ...EMERGENCY_OPERATION,
  ...admit('stepDown', 'toStepDown', 'step-down'),
  { hold: STEP_DOWN_LOS, activity: 'stay:stepDown' },
  { seize: ['medicalWard'], id: 'stepDownToWard' },
  { release: ['stepDown'] },
  { goto: 'medicalStay' },
  // Patients in ED resus go before post-operative patients, who wait for the ICU in a ward bed.
  ...admit('icu', 'toIcu', 'intensive care', 5),
  ...icuStay('icuCare', 'medicalWard', 'medicalStay'),
];

/** Mean room times (anaesthesia, surgery, waking) by procedure; lists in or-block-schedule.ts are planned on these. */
const PROCEDURE_MINUTES: Record<string, DistributionInput> = {
  lapChole: logn(75, 22),
  herniaRepair: logn(55, 15),
  bowelResection: logn(200, 55),
  hipReplacement: logn(100, 22),
  kneeReplacement: logn(110, 25),
  arthroscopy: logn(40, 12),
  hysterectomy: logn(115, 30),
  hysteroscopy: logn(30, 10),
  turp: logn(65, 18),
  cystoscopy: logn(25, 8),
};
const DAY_CASES = ['herniaRepair', 'arthroscopy', 'hysteroscopy', 'cystoscopy'];
/** Post-operative stay in the surgical ward for the inpatient procedures (bowel resection: after 1.5 days in step-down). */
const POST_OP_LOS: Record<string, DistributionInput> = {
  lapChole: logn(days(1), days(0.8)),
  hipReplacement: logn(days(3.5), days(2)),
  kneeReplacement: logn(days(3.5), days(2)),
  hysterectomy: logn(days(2.2), days(1.2)),
  turp: logn(days(2), days(1.2)),
};

/** The elective procedures' operation times, post-operative stays and day cases, for the theatre schedule optimiser's program. */
export const ELECTIVE_PROCEDURES = { minutes: PROCEDURE_MINUTES, postOpLos: POST_OP_LOS, dayCases: DAY_CASES } as const;

const ELECTIVE_PATHWAY: Step[] = [
  // Admitted on the day: a ward bed (or a day-unit trolley) by 11:30, or the case is cancelled.
  // Booked beds go before emergency admissions waiting for the surgical ward.
  { branchOn: 'procedure', cases: Object.fromEntries(DAY_CASES.map((p) => [p, 'dayCaseAdmit'])) },
  { seize: ['surgicalWard'], id: 'electiveBed', priority: 2, maxWait: 240, onTimeout: 'cancelled' },
  { goto: 'implants' },
  { seize: ['dayUnit'], id: 'dayCaseAdmit', maxWait: 240, onTimeout: 'cancelled' },
  // Implants and single-use kit are picked before the list; if the shelf is empty the case is cancelled.
  {
    branchOn: 'procedure',
    cases: { hipReplacement: 'hipKit', kneeReplacement: 'kneeKit', bowelResection: 'bowelKit', lapChole: 'lapKit', herniaRepair: 'meshKit', turp: 'turpKit' },
    otherwise: 'theatreChoice',
    id: 'implants',
  },
  { consume: 'hipProsthesis', id: 'hipKit' },
  { goto: 'theatreChoice' },
  { consume: 'kneeProsthesis', id: 'kneeKit' },
  { goto: 'theatreChoice' },
  { consume: 'staplerReload', quantity: 3, id: 'bowelKit' },
  { consume: 'laparoscopicPortSet' },
  { goto: 'theatreChoice' },
  { consume: 'laparoscopicPortSet', id: 'lapKit' },
  { goto: 'theatreChoice' },
  { consume: 'herniaMesh', id: 'meshKit' },
  { goto: 'theatreChoice' },
  { consume: 'turpLoopElectrode', id: 'turpKit' },
  // The list's room, with a surgeon and an anaesthetist; cases not started by the session's end are cancelled.
  { branchOn: 'theatre', cases: { or1: 'listOr1', or2: 'listOr2', or3: 'listOr3' }, id: 'theatreChoice' },
  { seize: ['or1', 'surgeon', 'anaesthetist'], id: 'listOr1', maxWait: 600, onTimeout: 'cancelled' },
  { goto: 'operate' },
  { seize: ['or2', 'surgeon', 'anaesthetist'], id: 'listOr2', maxWait: 600, onTimeout: 'cancelled' },
  { goto: 'operate' },
  { seize: ['or3', 'surgeon', 'anaesthetist'], id: 'listOr3', maxWait: 600, onTimeout: 'cancelled' },
  { consume: 'sutureSet', id: 'operate' },
  { consume: 'surgicalDrapePack' },
  { consume: 'anaestheticDrugPack' },
  { hold: { byAttribute: 'procedure', cases: PROCEDURE_MINUTES }, activity: 'surgery' },
  { release: ['or1', 'or2', 'or3', 'surgeon', 'anaesthetist'] },
  { branchOn: 'procedure', cases: { ...Object.fromEntries(DAY_CASES.map((p) => [p, 'dayCaseRecovery'])), bowelResection: 'postOpStepDown' } },
  { consume: 'infusionGivingSet' },
  { hold: { byAttribute: 'procedure', cases: POST_OP_LOS, otherwise: logn(days(3), days(2)) }, activity: 'stay:surgicalWard' },
  { release: 'all' },
  { leave: true },
  { seize: ['stepDown'], id: 'postOpStepDown' },
  { release: ['surgicalWard'] },
  { hold: logn(days(1.5), days(1)), activity: 'stay:stepDown' },
  { seize: ['surgicalWard'], id: 'stepDownToSurgical' },
  { release: ['stepDown'] },
  { consume: 'infusionGivingSet' },
  { hold: logn(days(6), days(4)), activity: 'stay:surgicalWard' },
  { release: 'all' },
  { leave: true },
  { hold: logn(240, 90), activity: 'day-case recovery', id: 'dayCaseRecovery' },
  { release: 'all' },
  { leave: true },
];

const ALL_DAY = { days: 'all', start: '00:00', end: '24:00' } as const;
const mix = (m: { values: readonly string[]; weights: readonly number[] }) => ({ values: [...m.values], weights: [...m.weights] });

export const generalHospitalDocument: ScenarioInput = {
  name: 'general-hospital',
  description:
    'A district general hospital for a year: an ED of about 40,000 attendances (110 a day, Mondays busiest), two CT scanners and an MRI, ' +
    'three elective theatres on a weekly block schedule and one emergency theatre, an ICU, a step-down unit, medical and surgical wards, ' +
    'staff on rosters and 21 stock items. Sources and assumptions: scenarios/builtin/SOURCES.md.',
  start: '2026-01-05T00:00',
  horizonDays: 365,
  // The wards fill from empty: in-hospital numbers level off after about three weeks.
  warmupDays: 21,
  replications: 10,
  seed: 1,
  wards: [
    { id: 'medicalWard', name: 'Medical wards', type: 'general', department: 'medicine', beds: 148, costPerBedDay: 380 },
    { id: 'surgicalWard', name: 'Surgical wards', type: 'general', department: 'surgery', beds: 72, costPerBedDay: 420 },
    { id: 'stepDown', name: 'Step-down unit (level 2)', type: 'stepdown', department: 'criticalCare', beds: 7, costPerBedDay: 1100 },
    { id: 'icu', name: 'Intensive care unit (level 3)', type: 'icu', department: 'criticalCare', beds: 7, costPerBedDay: 1900 },
  ],
  staff: [
    {
      id: 'triageNurse',
      name: 'Triage nurses (band 6)',
      department: 'ed',
      hourlyCost: 60,
      shifts: [
        { days: 'all', start: '07:30', end: '20:00', count: 1 },
        { days: 'all', start: '10:00', end: '22:00', count: 1 },
        { days: 'all', start: '19:30', end: '08:00', count: 1 },
      ],
    },
    {
      id: 'edNurse',
      name: 'ED nurses (band 5)',
      department: 'ed',
      hourlyCost: 50,
      shifts: [
        { days: 'all', start: '07:30', end: '20:00', count: 3 },
        { days: 'all', start: '19:30', end: '08:00', count: 2 },
      ],
    },
    {
      id: 'edDoctor',
      name: 'ED doctors (all grades)',
      department: 'ed',
      hourlyCost: 95,
      shifts: [
        { days: 'all', start: '08:00', end: '16:00', count: 2 },
        { days: 'weekdays', start: '08:00', end: '18:00', count: 1 },
        { days: 'weekend', start: '10:00', end: '18:00', count: 1 },
        { days: 'all', start: '11:00', end: '21:00', count: 1 },
        { days: 'all', start: '14:00', end: '24:00', count: 2 },
        { days: ['mon'], start: '16:00', end: '02:00', count: 1 },
        { days: 'all', start: '22:00', end: '08:00', count: 2 },
      ],
    },
    {
      id: 'surgeon',
      name: 'Consultant surgeons (elective lists)',
      department: 'theatres',
      hourlyCost: 140,
      shifts: [{ days: 'weekdays', start: '08:00', end: '17:30', count: 3 }],
    },
    {
      id: 'anaesthetist',
      name: 'Consultant anaesthetists (elective lists)',
      department: 'theatres',
      hourlyCost: 140,
      shifts: [{ days: 'weekdays', start: '08:00', end: '17:30', count: 3 }],
    },
    { id: 'surgeonOnCall', name: 'Emergency surgeon (resident on call)', department: 'theatres', hourlyCost: 80, shifts: [{ ...ALL_DAY, count: 1 }] },
    { id: 'anaesthetistOnCall', name: 'Emergency anaesthetist (resident on call)', department: 'theatres', hourlyCost: 80, shifts: [{ ...ALL_DAY, count: 1 }] },
  ],
  operatingRooms: [
    ...(['or1', 'or2', 'or3'] as const).map((id) => ({
      id,
      sessions: roomSessions(SCHEDULE_A, id),
      turnover: { type: 'triangular', min: 15, mode: 22, max: 40 } as const,
      overrun: 'cancel' as const,
      costPerHour: 500,
      fixedCostPerDay: 800,
    })),
    {
      id: 'or4',
      sessions: [{ ...ALL_DAY, specialty: 'emergency' }],
      turnover: { type: 'triangular', min: 15, mode: 22, max: 40 },
      overrun: 'startAnyway',
      emergencyOnly: true,
      costPerHour: 500,
      fixedCostPerDay: 800,
    },
  ],
  imaging: [
    {
      // Two scanners: one round the clock, the second on weekdays 09:00–17:00. A failure takes one scanner down.
      id: 'ct',
      kind: 'CT',
      units: 1,
      openingHours: [ALL_DAY, { days: 'weekdays', start: '09:00', end: '17:00' }],
      breakdowns: { timeBetweenFailures: { type: 'exponential', mean: days(21) }, timeToRepair: logn(360, 240) },
      costPerHour: 90,
      // Radiographers and the scanner standing by when no one is scanned (capacity cost, SOURCES.md).
      costPerIdleHour: 45,
      fixedCostPerDay: 1800,
    },
    {
      id: 'mri',
      kind: 'MRI',
      units: 1,
      openingHours: [
        { days: 'weekdays', start: '08:00', end: '20:00' },
        { days: ['sat'], start: '09:00', end: '13:00' },
      ],
      breakdowns: { timeBetweenFailures: { type: 'exponential', mean: days(30) }, timeToRepair: logn(480, 300) },
      costPerHour: 120,
      costPerIdleHour: 45,
      fixedCostPerDay: 1500,
    },
  ],
  resources: [
    { id: 'edCubicle', department: 'ed', units: 16, costPerHour: 6 },
    { id: 'minorsBay', department: 'ed', units: 8, costPerHour: 4 },
    { id: 'dayUnit', department: 'theatres', units: 10, costPerHour: 10 },
  ],
  items: GENERAL_HOSPITAL_ITEMS,
  patientClasses: [
    {
      id: 'edWalkIn',
      name: 'ED walk-in',
      department: 'ed',
      emergencyDepartment: true,
      arrivals: { type: 'weekly', perDay: 80, hourOfDay: ED_HOURS, dayOfWeek: ED_WEEKDAYS },
      attributes: { acuity: { values: [1, 2, 3, 4, 5], weights: [0.25, 4.4, 29.4, 47.5, 18.45] }, drg: mix(GROUP_MIX.edWalkIn) },
      pathway: 'ed',
    },
    {
      id: 'edAmbulance',
      name: 'ED ambulance',
      department: 'ed',
      emergencyDepartment: true,
      arrivals: { type: 'weekly', perDay: 30, hourOfDay: AMBULANCE_HOURS, dayOfWeek: ED_WEEKDAYS },
      attributes: { acuity: { values: [1, 2, 3, 4, 5], weights: [3, 25, 50, 20, 2] }, drg: mix(GROUP_MIX.edAmbulance) },
      pathway: 'ed',
    },
    {
      id: 'gpAdmission',
      name: 'Direct medical admission (GP referral)',
      department: 'medicine',
      arrivals: { type: 'weekly', perDay: 2.5, hourOfDay: DAYTIME_HOURS, dayOfWeek: [1, 1, 1, 1, 1, 0.3, 0.3] },
      attributes: { drg: mix(GROUP_MIX.gpAdmission) },
      pathway: 'gpAdmission',
    },
    {
      id: 'emergencySurgical',
      name: 'Emergency surgical referral (surgical assessment unit)',
      department: 'surgery',
      arrivals: { type: 'weekly', perDay: 2, hourOfDay: DAYTIME_HOURS },
      attributes: { drg: mix(GROUP_MIX.emergencySurgical) },
      pathway: 'emergencySurgery',
    },
    {
      id: 'electiveGeneral',
      name: 'Elective general surgery',
      department: 'surgery',
      arrivals: withProcedureGroups(caseList(SCHEDULE_A, 'general')),
      pathway: 'electiveSurgery',
    },
    {
      id: 'electiveOrtho',
      name: 'Elective orthopaedics',
      department: 'surgery',
      arrivals: withProcedureGroups(caseList(SCHEDULE_A, 'ortho')),
      pathway: 'electiveSurgery',
    },
    {
      id: 'electiveGynae',
      name: 'Elective gynaecology',
      department: 'surgery',
      arrivals: withProcedureGroups(caseList(SCHEDULE_A, 'gynae')),
      pathway: 'electiveSurgery',
    },
    {
      id: 'electiveUrology',
      name: 'Elective urology',
      department: 'surgery',
      arrivals: withProcedureGroups(caseList(SCHEDULE_A, 'urology')),
      pathway: 'electiveSurgery',
    },
    {
      id: 'ctOutpatient',
      name: 'Outpatient CT (booked)',
      department: 'imaging',
      arrivals: { type: 'appointments', days: 'weekdays', start: '09:00', end: '17:00', slotMinutes: 12, noShow: 0.08 },
      attributes: { ctExam: { values: ['head', 'chestAbdomenPelvis', 'angiography'], weights: [0.3, 0.55, 0.15] } },
      pathway: 'ctOutpatient',
    },
    {
      id: 'mriOutpatient',
      name: 'Outpatient MRI (booked)',
      department: 'imaging',
      arrivals: MRI_BOOKINGS,
      attributes: { mriExam: { values: ['brain', 'spine', 'knee', 'prostate'], weights: [0.4, 0.3, 0.2, 0.1] } },
      pathway: 'mriOutpatient',
    },
  ],
  pathways: {
    ed: ED_PATHWAY,
    gpAdmission: [{ seize: ['medicalWard'], id: 'gpAdmissionBed' }, ...MEDICAL_STAY],
    emergencySurgery: [{ seize: ['surgicalWard'], id: 'emergencySurgicalBed' }, ...EMERGENCY_OPERATION],
    electiveSurgery: ELECTIVE_PATHWAY,
    ctOutpatient: [
      // Booked patients go after ED and inpatients; one not scanned within 2 hours is sent home and rebooked.
      { seize: ['ct'], id: 'ctOutpatient', maxWait: 120, onTimeout: 'cancelled' },
      { branchOn: 'ctExam', cases: { head: 'ctOutpatientScan' } },
      { consume: 'ctContrast' },
      {
        hold: { byAttribute: 'ctExam', cases: { head: logn(10, 3), chestAbdomenPelvis: logn(18, 5), angiography: logn(28, 8) } },
        activity: 'CT scan',
        id: 'ctOutpatientScan',
      },
      { release: 'all' },
    ],
    mriOutpatient: [
      { seize: ['mri'], id: 'mriOutpatient', maxWait: 120, onTimeout: 'cancelled' },
      { branchOn: 'mriExam', cases: { brain: 'mriContrastDose', prostate: 'mriContrastDose' }, otherwise: 'mriOutpatientScan' },
      { consume: 'mriContrast', id: 'mriContrastDose' },
      {
        hold: { byAttribute: 'mriExam', cases: { brain: logn(30, 8), spine: logn(35, 8), knee: logn(25, 6), prostate: logn(40, 8) } },
        activity: 'MRI scan',
        id: 'mriOutpatientScan',
      },
      { release: 'all' },
    ],
  },
  // Patient time valued at £12 an hour (non-working time, DfT TAG data book; SOURCES.md): reported apart, not in the total cost.
  costs: { penalties: { cancelledCase: 1500, leftUnseen: 150, boardingHour: 120 }, patientTimePerHour: 12 },
  caseMix: GENERAL_HOSPITAL_CASE_MIX,
  // Time to initial assessment 15 minutes; to be seen by a doctor within an hour (RCEM / NHS ED indicators).
  waitTargets: { triage: 15, majors: 60, minors: 60 },
  currency: 'GBP',
  // The NHS constitution's 4-hour standard (95%) and the 85% bed occupancy often
  // quoted as the level above which flow suffers (SOURCES.md): shown met or missed.
  targets: { 'ed.within4h': 0.95, 'beds.occupancy': 0.85 },
};

export const generalHospital: BuiltinScenario = {
  name: 'general-hospital',
  summary: 'A district general hospital for a year: ED of 40,000 a year, CT and MRI, 4 theatres, ICU, step-down and two wards, staff rosters, 21 stock items',
  document: generalHospitalDocument,
};
