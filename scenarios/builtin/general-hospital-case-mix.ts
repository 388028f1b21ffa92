import type { ScenarioInput } from '../schema/scenario.js';

/**
 * Case-mix groups of the general hospital: NHS HRG4+ codes for its classes,
 * with relative weights on a base rate of £1,000 (so a weight is the price in
 * thousands of pounds) and long-stay payments beyond a trim point. Prices are
 * rounded approximations of the 2023/25 NHS Payment Scheme's unit prices
 * (SOURCES.md says which and what is approximated). A patient's group is the
 * attribute `drg`: a mix per class for emergency classes, the procedure's
 * group for elective cases (set on each case-list entry, no draw).
 */

type CaseMix = NonNullable<ScenarioInput['caseMix']>;
type Group = CaseMix['groups'][number];
type ListArrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'list' }>;

/** Long-stay payment: about £300 a day beyond the trim point, as the Payment Scheme's excess bed-day prices. */
const longStay = (trimDays: number): Group['outlier'] => ({ trimDays, perDayWeight: 0.3 });

const GROUPS: Group[] = [
  // Type 1 emergency department attendances (VB01Z highest investigation and treatment category ... VB11Z lowest).
  { code: 'VB01Z', name: 'ED attendance, category 5 investigation with category 4 treatment', weight: 0.45 },
  { code: 'VB02Z', name: 'ED attendance, category 4 investigation with category 4 treatment', weight: 0.4 },
  { code: 'VB03Z', name: 'ED attendance, category 3 investigation with category 4 treatment', weight: 0.33 },
  { code: 'VB04Z', name: 'ED attendance, category 2 investigation with category 4 treatment', weight: 0.3 },
  { code: 'VB05Z', name: 'ED attendance, category 1 investigation with category 4 treatment', weight: 0.27 },
  { code: 'VB07Z', name: 'ED attendance, category 2 investigation with category 2 treatment', weight: 0.24 },
  { code: 'VB08Z', name: 'ED attendance, category 2 investigation with category 1 treatment', weight: 0.2 },
  { code: 'VB09Z', name: 'ED attendance, category 1 investigation with category 1-2 treatment', weight: 0.16 },
  { code: 'VB11Z', name: 'ED attendance, no investigation with no significant treatment', weight: 0.1 },
  // Non-elective medical spells.
  { code: 'EB03', name: 'Heart failure or shock', weight: 3.2, outlier: longStay(14) },
  { code: 'DZ11', name: 'Lobar, atypical or viral pneumonia', weight: 3.0, outlier: longStay(13) },
  { code: 'DZ65', name: 'Chronic obstructive pulmonary disease or bronchitis', weight: 2.4, outlier: longStay(10) },
  { code: 'LA04', name: 'Kidney or urinary tract infections', weight: 2.6, outlier: longStay(12) },
  { code: 'WJ06', name: 'Sepsis', weight: 3.6, outlier: longStay(16) },
  // Procedures, elective and emergency (every emergency surgical referral in the model is operated on).
  { code: 'GA10', name: 'Laparoscopic cholecystectomy', weight: 3.6, outlier: longStay(5) },
  { code: 'FF62', name: 'Inguinal, umbilical or femoral hernia procedures', weight: 2.2, outlier: longStay(3) },
  { code: 'FF32', name: 'Major large intestine procedures', weight: 9.5, outlier: longStay(20) },
  { code: 'HN12', name: 'Very major hip procedures for non-trauma (hip replacement)', weight: 6.5, outlier: longStay(10) },
  { code: 'HN22', name: 'Very major knee procedures for non-trauma (knee replacement)', weight: 6.8, outlier: longStay(10) },
  { code: 'HN25', name: 'Minor knee procedures for non-trauma (arthroscopy)', weight: 1.6, outlier: longStay(2) },
  { code: 'MA07', name: 'Major open upper genital tract procedures (hysterectomy)', weight: 4.2, outlier: longStay(7) },
  { code: 'MA10', name: 'Endoscopic or intermediate upper genital tract procedures (hysteroscopy)', weight: 1.1, outlier: longStay(2) },
  { code: 'LB25', name: 'Transurethral prostate resection', weight: 3.1, outlier: longStay(5) },
  { code: 'LB72', name: 'Diagnostic flexible cystoscopy', weight: 0.5, outlier: longStay(1) },
];

export const GENERAL_HOSPITAL_CASE_MIX: CaseMix = { attribute: 'drg', baseRate: 1000, groups: GROUPS };

/** The mix of groups of each emergency class (assumed shares; drawn at arrival, independent of acuity). */
export const GROUP_MIX = {
  edWalkIn: { values: ['VB03Z', 'VB05Z', 'VB07Z', 'VB08Z', 'VB09Z', 'VB11Z'], weights: [5, 10, 15, 25, 25, 20] },
  edAmbulance: { values: ['VB01Z', 'VB02Z', 'VB03Z', 'VB04Z', 'VB05Z', 'VB07Z'], weights: [10, 15, 25, 20, 15, 15] },
  gpAdmission: { values: ['EB03', 'DZ11', 'DZ65', 'LA04', 'WJ06'], weights: [20, 25, 25, 20, 10] },
  emergencySurgical: { values: ['GA10', 'FF32', 'FF62'], weights: [45, 25, 30] },
} as const;

const PROCEDURE_GROUP: Record<string, string> = {
  lapChole: 'GA10',
  herniaRepair: 'FF62',
  bowelResection: 'FF32',
  hipReplacement: 'HN12',
  kneeReplacement: 'HN22',
  arthroscopy: 'HN25',
  hysterectomy: 'MA07',
  hysteroscopy: 'MA10',
  turp: 'LB25',
  cystoscopy: 'LB72',
};

/** An elective case list with each case's group set from its procedure. */
/** The case-mix group of an elective procedure, or undefined. */
export function procedureGroup(procedure: string): string | undefined {
  return PROCEDURE_GROUP[procedure];
}

export function withProcedureGroups(list: ListArrivals): ListArrivals {
  return {
    ...list,
    entries: list.entries.map((e) => {
      const procedure = String(e.attributes?.['procedure']);
      const group = PROCEDURE_GROUP[procedure];
      if (!group) throw new Error(`general hospital: procedure "${procedure}" has no case-mix group`);
      return { ...e, attributes: { ...e.attributes, drg: group } };
    }),
  };
}
