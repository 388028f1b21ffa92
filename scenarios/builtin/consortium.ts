/**
 * A medical consortium (sources and assumptions in SOURCES.md, "Consortium"):
 * one tertiary hospital and three county hospitals around it. The tertiary site
 * owns the region's DSA suite; county patients who need angiography book a slot
 * (reserved per county per week), travel there by road and back, and their
 * county pays the tertiary site 3,000 a use. Complex cases are referred up to the
 * tertiary hospital by ambulance. The variant `consortium-own-dsa` gives each
 * county its own DSA instead, so `compare` shows what sharing is worth in waits
 * and in money.
 */
import type { ScenarioInput } from '../schema/scenario.js';
import type { NetworkInput } from '../network/network-schema.js';
import type { BuiltinScenario } from './types.js';

const START = '2026-01-05T00:00';
const HORIZON_DAYS = 91;

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

const tertiary = {
  name: 'tertiary',
  start: START,
  horizonDays: HORIZON_DAYS,
  wards: [{ id: 'medical', name: 'Medical ward', type: 'general', beds: 240, costPerBedDay: 900 }],
  imaging: [DSA('dsa')],
  patientClasses: [
    { id: 'medical', name: 'Medical admissions', department: 'medicine', arrivals: { type: 'weekly', perDay: 24 }, pathway: 'admission' },
    { id: 'cardiac', name: 'Angiography patients', department: 'cardiology', arrivals: { type: 'weekly', perDay: 6 }, pathway: 'angiography' },
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
    // Up-referrals from the counties go on here, on arrival by ambulance.
    referred: [{ stay: 'medical', lengthOfStay: { type: 'lognormal', mean: 9 * 1440, sd: 6 * 1440 } }],
  },
};

/** A county hospital: medical admissions, angiography at the shared DSA (or its own), complex cases referred up by class. */
function county(perDay: number, ownDsa: boolean): Record<string, unknown> {
  const angiography = ownDsa
    ? [{ seize: ['dsa'], id: 'dsa' }, { hold: ANGIOGRAPHY, activity: 'angiography' }, { release: ['dsa'] }]
    : [{ useShared: 'dsa', duration: ANGIOGRAPHY, transport: 'ambulance', id: 'dsa' }];
  return {
    name: 'county',
    start: START,
    horizonDays: HORIZON_DAYS,
    wards: [{ id: 'medical', name: 'Medical ward', type: 'general', beds: Math.round(perDay * 7), costPerBedDay: 600 }],
    ...(ownDsa ? { imaging: [DSA('dsa')] } : {}),
    patientClasses: [
      { id: 'medical', name: 'Medical admissions', department: 'medicine', arrivals: { type: 'weekly', perDay }, pathway: 'admission' },
      { id: 'cardiac', name: 'Angiography patients', department: 'cardiology', arrivals: { type: 'weekly', perDay: perDay / 8 }, pathway: 'angiography' },
      { id: 'complex', name: 'Complex cases (referred up)', department: 'medicine', arrivals: { type: 'weekly', perDay: perDay / 12 }, pathway: 'refer' },
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
      { id: 'tertiary', name: 'City tertiary hospital', xKm: 0, yKm: 0, hospital: { scenario: tertiary } },
      { id: 'east', name: 'East county hospital', xKm: 30, yKm: 5, hospital: { scenario: county(12, ownDsa) } },
      { id: 'north', name: 'North county hospital', xKm: -5, yKm: 40, hospital: { scenario: county(9, ownDsa) } },
      { id: 'west', name: 'West county hospital', xKm: -55, yKm: -10, hospital: { scenario: county(8, ownDsa) } },
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
