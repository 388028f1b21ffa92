/**
 * A medical consortium (sources and assumptions in SOURCES.md, "Consortium"):
 * one tertiary hospital and three county hospitals around it. The tertiary site
 * owns the region's DSA suite; county patients who need angiography book a slot
 * (reserved per county per week), travel there by road and back, and their
 * county pays the tertiary site 3,000 a use. Complex cases are referred up to the
 * tertiary hospital by ambulance and, after their acute care, referred down
 * again for rehabilitation at the county hospital nearest their home, as are
 * the tertiary site's own stroke patients who live in a county. When more than
 * a few of the tertiary ED's patients are boarding for a ward bed, its
 * ambulances are diverted to the nearest county hospital. The variant
 * `consortium-own-dsa` differs only in the DSA (each county buys its own), so
 * `compare` shows what sharing is worth in waits and in money.
 */
import type { ScenarioInput } from '../schema/scenario.js';
import type { NetworkInput } from '../network/network-schema.js';
import type { BuiltinScenario } from './types.js';

const START = '2026-01-05T00:00';
const HORIZON_DAYS = 91;
const TERTIARY_BEDS = 250;

/** The tertiary ED goes on diversion while more than 2 of its patients board for a ward bed; ambulances go to the nearest county. */
const TERTIARY_DIVERSION = {
  when: { boarding: 'medical', above: 2 },
  classes: ['ambulance'],
  to: { rule: 'nearest' as const, among: ['east', 'north', 'west'] },
  reviewMinutes: 15,
};

/** What a DSA costs its owner: 8 million bought, over 8 years, plus service, about 3,500 a day; 600 an hour in use. */
const DSA_FIXED_PER_DAY = 3500;
const DSA_PER_HOUR = 600;
const DSA = (id: string): Record<string, unknown> => ({
  id,
  kind: 'DSA',
  openingHours: [{ days: 'all', start: '00:00', end: '24:00' }],
  costPerHour: DSA_PER_HOUR,
  fixedCostPerDay: DSA_FIXED_PER_DAY,
});
const ANGIOGRAPHY = { type: 'triangular', min: 45, mode: 60, max: 120 } as const;
const COUNTIES = ['east', 'north', 'west'];

/** An ED of ambulance arrivals: assessed in a cubicle; a share admitted, boarding in the cubicle until a ward bed is free. */
function emergency(admitted: number, stayDays: number): Record<string, unknown>[] {
  return [
    { seize: ['ed'] },
    { hold: { type: 'lognormal', mean: 150, sd: 90 }, activity: 'assessment' },
    { branch: [{ p: 1 - admitted, goto: 'discharged' }] },
    { seize: ['medical'] },
    { release: ['ed'] },
    { hold: { type: 'lognormal', mean: stayDays * 1440, sd: (stayDays / 2) * 1440 }, activity: 'inpatient-care' },
    { release: ['medical'] },
    { leave: true },
    { release: ['ed'], id: 'discharged' },
  ];
}

/** Down-referral: to the county hospital nearest the patient's home (its attribute `home`), by ambulance, for rehabilitation. */
const DOWN_REFERRAL = {
  transfer: { rule: 'nearest-home', attribute: 'home', among: COUNTIES },
  pathway: 'rehabilitation',
  transport: 'ambulance',
  reason: 'down-referral',
};

const tertiary = {
  name: 'tertiary',
  start: START,
  horizonDays: HORIZON_DAYS,
  wards: [{ id: 'medical', name: 'Medical ward', type: 'general', beds: TERTIARY_BEDS, costPerBedDay: 900 }],
  imaging: [DSA('dsa')],
  resources: [{ id: 'ed', department: 'emergency', units: 8, costPerHour: 40 }],
  patientClasses: [
    { id: 'medical', name: 'Medical admissions', department: 'medicine', arrivals: { type: 'weekly', perDay: 18 }, pathway: 'admission' },
    { id: 'cardiac', name: 'Angiography patients', department: 'cardiology', arrivals: { type: 'weekly', perDay: 6 }, pathway: 'angiography' },
    {
      id: 'ambulance',
      name: 'Ambulance arrivals at the ED',
      department: 'emergency',
      emergencyDepartment: true,
      arrivals: { type: 'weekly', perDay: 30 },
      pathway: 'emergency',
    },
    {
      id: 'stroke',
      name: 'Stroke patients',
      department: 'medicine',
      arrivals: { type: 'weekly', perDay: 4 },
      attributes: { home: { values: ['city', 'eastTowns', 'northTowns', 'hills', 'westTowns'], weights: [0.55, 0.15, 0.1, 0.1, 0.1] } },
      pathway: 'stroke',
    },
  ],
  pathways: {
    admission: [{ stay: 'medical', lengthOfStay: { type: 'lognormal', mean: 7 * 1440, sd: 5 * 1440 } }],
    angiography: [
      { seize: ['medical'] },
      { hold: { type: 'exponential', mean: 720 }, activity: 'work-up' },
      { seize: ['dsa'], id: 'dsa' },
      { hold: ANGIOGRAPHY, activity: 'angiography' },
      { release: ['dsa'] },
      { hold: { type: 'lognormal', mean: 2 * 1440, sd: 1440 }, activity: 'recovery' },
      { release: ['medical'] },
    ],
    emergency: emergency(0.3, 4),
    // Acute care, then rehabilitation here for those who live in the city, at the county hospital nearest home for the others.
    stroke: [
      { seize: ['medical'] },
      { hold: { type: 'lognormal', mean: 5 * 1440, sd: 2 * 1440 }, activity: 'acute-care' },
      { branchOn: 'home', cases: { city: 'rehabilitation' } },
      DOWN_REFERRAL,
      { hold: { type: 'lognormal', mean: 10 * 1440, sd: 5 * 1440 }, activity: 'rehabilitation', id: 'rehabilitation' },
      { release: ['medical'] },
    ],
    // Up-referrals from the counties go on here, on arrival by ambulance; after acute care they go back down.
    referred: [{ seize: ['medical'] }, { hold: { type: 'lognormal', mean: 6 * 1440, sd: 4 * 1440 }, activity: 'acute-care' }, DOWN_REFERRAL],
  },
};

/** A county hospital: medical admissions, angiography at the shared DSA (or its own), complex cases referred up by class. */
function county(site: string, perDay: number, ownDsa: boolean): Record<string, unknown> {
  const angiography = ownDsa
    ? [{ seize: ['dsa'], id: 'dsa' }, { hold: ANGIOGRAPHY, activity: 'angiography' }, { release: ['dsa'] }]
    : [{ useShared: 'dsa', duration: ANGIOGRAPHY, transport: 'ambulance', id: 'dsa' }];
  return {
    name: 'county',
    start: START,
    horizonDays: HORIZON_DAYS,
    wards: [{ id: 'medical', name: 'Medical ward', type: 'general', beds: Math.round(perDay * 9), costPerBedDay: 600 }],
    ...(ownDsa ? { imaging: [DSA('dsa')] } : {}),
    resources: [{ id: 'ed', department: 'emergency', units: 4, costPerHour: 40 }],
    patientClasses: [
      { id: 'medical', name: 'Medical admissions', department: 'medicine', arrivals: { type: 'weekly', perDay }, pathway: 'admission' },
      { id: 'cardiac', name: 'Angiography patients', department: 'cardiology', arrivals: { type: 'weekly', perDay: perDay / 8 }, pathway: 'angiography' },
      {
        id: 'complex',
        name: 'Complex cases (referred up)',
        department: 'medicine',
        arrivals: { type: 'weekly', perDay: perDay / 12 },
        // They live in the county: referred down again to it after their acute care at the tertiary site.
        attributes: { home: { values: [site], weights: [1] } },
        pathway: 'refer',
      },
      {
        id: 'ambulance',
        name: 'Ambulance arrivals at the ED',
        department: 'emergency',
        emergencyDepartment: true,
        arrivals: { type: 'weekly', perDay: perDay / 2 },
        pathway: 'emergency',
      },
    ],
    pathways: {
      admission: [{ stay: 'medical', lengthOfStay: { type: 'lognormal', mean: 5 * 1440, sd: 3 * 1440 } }],
      angiography: [
        { seize: ['medical'] },
        { hold: { type: 'exponential', mean: 720 }, activity: 'work-up' },
        ...angiography,
        { hold: { type: 'lognormal', mean: 2 * 1440, sd: 1440 }, activity: 'recovery' },
        { release: ['medical'] },
      ],
      refer: [
        { seize: ['medical'] },
        { hold: { type: 'lognormal', mean: 480, sd: 240 }, activity: 'assessment' },
        { transfer: 'tertiary', pathway: 'referred', transport: 'ambulance', reason: 'up-referral' },
      ],
      emergency: emergency(0.25, 4),
      // Down-referrals from the tertiary site go on here, on arrival by ambulance.
      rehabilitation: [{ stay: 'medical', lengthOfStay: { type: 'lognormal', mean: 8 * 1440, sd: 4 * 1440 } }],
    },
  };
}

/**
 * The network document. Built-ins are typed as hospital documents; a network is
 * one file as well, which the loader tells apart by its sites and merges into
 * one hospital model, so the built-in list carries it as it would be written.
 */
function consortiumDocument(ownDsa: boolean): ScenarioInput {
  const network: NetworkInput = {
    name: ownDsa ? 'consortium-own-dsa' : 'consortium',
    description: ownDsa
      ? 'The consortium with no sharing: each county hospital buys and runs its own DSA.'
      : 'A tertiary hospital and three county hospitals; the counties book slots at the tertiary DSA and refer complex cases up.',
    start: START,
    horizonDays: HORIZON_DAYS,
    warmupDays: 14,
    replications: 10,
    seed: 1,
    currency: 'CNY',
    sites: [
      { id: 'tertiary', name: 'City tertiary hospital', xKm: 0, yKm: 0, hospital: { scenario: tertiary }, diversion: TERTIARY_DIVERSION },
      { id: 'east', name: 'East county hospital', xKm: 30, yKm: 5, hospital: { scenario: county('east', 12, ownDsa) } },
      { id: 'north', name: 'North county hospital', xKm: -5, yKm: 40, hospital: { scenario: county('north', 9, ownDsa) } },
      { id: 'west', name: 'West county hospital', xKm: -55, yKm: -10, hospital: { scenario: county('west', 8, ownDsa) } },
    ],
    // Where the tertiary site's stroke patients live outside the city (nearest-home picks the county hospital nearest each).
    areas: [
      { id: 'eastTowns', name: 'East county towns', xKm: 38, yKm: 12 },
      { id: 'northTowns', name: 'North county towns', xKm: -2, yKm: 50 },
      { id: 'hills', name: 'The western hills', xKm: -30, yKm: 30 },
      { id: 'westTowns', name: 'West county towns', xKm: -62, yKm: -18 },
    ],
    travel: [
      { from: 'east', to: 'tertiary', minutes: { type: 'triangular', min: 35, mode: 40, max: 60 } },
      { from: 'north', to: 'tertiary', minutes: { type: 'triangular', min: 45, mode: 55, max: 80 } },
      { from: 'west', to: 'tertiary', minutes: { type: 'triangular', min: 65, mode: 75, max: 110 } },
    ],
    shared: { resources: [{ id: 'ambulance', department: 'transport', units: 3, costPerHour: 150 }] },
    ...(ownDsa
      ? {}
      : {
          services: [
            {
              id: 'dsa',
              name: 'DSA',
              owner: 'tertiary',
              resource: 'dsa',
              pricePerUse: 3000,
              booking: { slotsPerWeek: { east: 14, north: 11, west: 10 } },
            },
          ],
        }),
  };
  return network as unknown as ScenarioInput;
}

export const consortium: BuiltinScenario = {
  name: 'consortium',
  summary: 'A tertiary hospital and three county hospitals sharing one DSA, with up-referral by ambulance (a network)',
  document: consortiumDocument(false),
};

export const consortiumOwnDsa: BuiltinScenario = {
  name: 'consortium-own-dsa',
  summary: 'The consortium without sharing: each county hospital buys its own DSA',
  document: consortiumDocument(true),
};
