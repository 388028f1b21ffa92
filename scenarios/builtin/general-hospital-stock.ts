import type { ScenarioInput } from '../schema/scenario.js';

type Item = NonNullable<ScenarioInput['items']>[number];

const leadDays = (min: number, mode: number, max: number): Item['leadTimeDays'] => ({ type: 'triangular', min, mode, max });

/**
 * The general hospital's consumables: unit costs (pounds, NHS Supply Chain
 * catalogue order of magnitude), use per activity (in the pathways of
 * general-hospital.ts) and the policy that restocks them. Starting stock is
 * the order-up-to level. Theatre implants and kit are the lean, high-value
 * items: when the shelf is empty the case is cancelled. Everything a patient
 * cannot be left waiting for (ED, ward, ICU items) is stocked so that a
 * stock-out is rare, and waits for the delivery if it happens.
 */
export const GENERAL_HOSPITAL_ITEMS: Item[] = [
  // ED: about 50 majors patients a day use a cannula, blood bottles and ECG electrodes; 12 a day get IV fluids.
  {
    id: 'ivCannula',
    name: 'IV cannula',
    unitCost: 1.2,
    initialStock: 700,
    policy: { type: 'sS', s: 280, S: 700 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'bloodSampleSet',
    name: 'Blood sample bottles (set)',
    unitCost: 2.5,
    initialStock: 600,
    policy: { type: 'RQ', R: 200, Q: 400 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'ecgElectrodeSet',
    name: 'ECG electrodes (set of 10)',
    unitCost: 0.9,
    initialStock: 700,
    policy: { type: 'periodic', everyDays: 7, upTo: 700 },
    leadTimeDays: leadDays(1, 2, 3),
    onStockOut: 'wait',
  },
  {
    id: 'ivFluidBag',
    name: 'IV fluid bag 1 L',
    unitCost: 1.1,
    initialStock: 250,
    policy: { type: 'periodic', everyDays: 7, upTo: 250 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'woundDressingPack',
    name: 'Wound dressing pack',
    unitCost: 3.2,
    initialStock: 250,
    policy: { type: 'sS', s: 90, S: 250 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'plasterCastKit',
    name: 'Plaster / splint kit',
    unitCost: 9,
    initialStock: 90,
    policy: { type: 'RQ', R: 30, Q: 60 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  // Imaging contrast: about 30 iodinated doses a day (ED, inpatients, outpatients), 8 gadolinium doses.
  {
    id: 'ctContrast',
    name: 'Iodinated contrast 100 ml',
    unitCost: 18,
    initialStock: 450,
    policy: { type: 'periodic', everyDays: 7, upTo: 450 },
    leadTimeDays: leadDays(2, 3, 5),
    onStockOut: 'wait',
  },
  {
    id: 'mriContrast',
    name: 'Gadolinium contrast dose',
    unitCost: 40,
    initialStock: 130,
    policy: { type: 'RQ', R: 70, Q: 60 },
    leadTimeDays: leadDays(2, 4, 7),
    onStockOut: 'wait',
  },
  // Theatre implants and kit (cancel the case on a stock-out): weekly use hip 10, knee 5, stapler reloads 9, ports 15, mesh 12, TURP loops 6.
  // The hip reorder point covers four hips a day: block schedule B runs two arthroplasty lists on Mondays and Tuesdays.
  {
    id: 'hipProsthesis',
    name: 'Hip prosthesis (cemented, set)',
    unitCost: 1300,
    initialStock: 16,
    policy: { type: 'RQ', R: 8, Q: 8 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'cancel',
  },
  {
    id: 'kneeProsthesis',
    name: 'Knee prosthesis (total, set)',
    unitCost: 1600,
    initialStock: 8,
    policy: { type: 'sS', s: 3, S: 8 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'cancel',
  },
  {
    id: 'staplerReload',
    name: 'Linear stapler reload',
    unitCost: 150,
    initialStock: 24,
    policy: { type: 'sS', s: 9, S: 24 },
    leadTimeDays: leadDays(2, 3, 5),
    onStockOut: 'cancel',
  },
  {
    id: 'laparoscopicPortSet',
    name: 'Laparoscopic port set',
    unitCost: 85,
    initialStock: 30,
    policy: { type: 'RQ', R: 10, Q: 20 },
    leadTimeDays: leadDays(1, 3, 5),
    onStockOut: 'cancel',
  },
  {
    id: 'herniaMesh',
    name: 'Hernia mesh',
    unitCost: 110,
    initialStock: 20,
    policy: { type: 'sS', s: 6, S: 20 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'cancel',
  },
  {
    id: 'turpLoopElectrode',
    name: 'TURP loop electrode',
    unitCost: 70,
    initialStock: 14,
    policy: { type: 'RQ', R: 4, Q: 10 },
    leadTimeDays: leadDays(2, 3, 5),
    onStockOut: 'cancel',
  },
  // Every operation, elective or emergency (about 100 a week).
  {
    id: 'sutureSet',
    name: 'Suture set',
    unitCost: 14,
    initialStock: 220,
    policy: { type: 'periodic', everyDays: 7, upTo: 220 },
    leadTimeDays: leadDays(1, 2, 3),
    onStockOut: 'wait',
  },
  {
    id: 'surgicalDrapePack',
    name: 'Surgical drape pack',
    unitCost: 38,
    initialStock: 200,
    policy: { type: 'sS', s: 80, S: 200 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'anaestheticDrugPack',
    name: 'Anaesthetic drug pack',
    unitCost: 26,
    initialStock: 200,
    policy: { type: 'RQ', R: 80, Q: 120 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  // ICU: about 1.5 admissions a day, 60% ventilated.
  {
    id: 'centralLineKit',
    name: 'Central venous catheter kit',
    unitCost: 55,
    initialStock: 30,
    policy: { type: 'sS', s: 12, S: 30 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'ventilatorCircuit',
    name: 'Ventilator breathing circuit',
    unitCost: 30,
    initialStock: 21,
    policy: { type: 'RQ', R: 6, Q: 15 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  // Wards: every admission gets a giving set; 15% of medical admissions a catheter.
  {
    id: 'infusionGivingSet',
    name: 'Infusion giving set',
    unitCost: 4,
    initialStock: 500,
    policy: { type: 'periodic', everyDays: 7, upTo: 500 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
  {
    id: 'urinaryCatheterKit',
    name: 'Urinary catheter kit',
    unitCost: 6,
    initialStock: 80,
    policy: { type: 'sS', s: 25, S: 80 },
    leadTimeDays: leadDays(1, 2, 4),
    onStockOut: 'wait',
  },
];
