import type { BuiltinScenario } from './types.js';

/**
 * The smallest scenarios: textbook queues whose answers are known in closed
 * form, so the whole path from file to report can be checked against theory.
 */

/** M/M/3: 2.7 patients an hour, each served for an exponential 60 minutes by one of 3 cubicles (ρ = 0.9). */
export const mmcQueue: BuiltinScenario = {
  name: 'textbook-mmc',
  summary: 'M/M/3 queue at 90% utilisation (Erlang C): one arrival stream, three cubicles',
  document: {
    name: 'textbook-mmc',
    description: 'M/M/c: Poisson arrivals at 2.7 per hour, exponential service of mean 60 minutes, 3 servers.',
    start: '2026-01-05T00:00',
    horizonDays: 400,
    warmupDays: 20,
    replications: 10,
    seed: 1,
    resources: [{ id: 'cubicle', department: 'clinic', units: 3 }],
    patientClasses: [{ id: 'patient', department: 'clinic', arrivals: { type: 'weekly', perDay: 2.7 * 24 }, pathway: 'visit' }],
    pathways: {
      visit: [{ seize: ['cubicle'], id: 'cubicle' }, { hold: { type: 'exponential', mean: 60 }, activity: 'treatment' }, { release: ['cubicle'] }],
    },
  },
};

/** M/M/40/40: the classic bed-capacity loss model (Erlang B), offered load 32 beds. */
export const bedLoss: BuiltinScenario = {
  name: 'textbook-bed-loss',
  summary: '40 beds with no waiting room at an offered load of 32 (Erlang B): patients who find it full are turned away',
  document: {
    name: 'textbook-bed-loss',
    description: 'M/M/c/c: 8 admissions a day, lengths of stay exponential with mean 4 days, 40 beds, no queue.',
    start: '2026-01-05T00:00',
    horizonDays: 3650,
    warmupDays: 30,
    replications: 10,
    seed: 1,
    wards: [{ id: 'ward', type: 'general', beds: 40, costPerBedDay: 500, queueCapacity: 0 }],
    patientClasses: [{ id: 'admission', department: 'medicine', arrivals: { type: 'weekly', perDay: 8 }, pathway: 'admit' }],
    pathways: {
      admit: [{ stay: 'ward', lengthOfStay: { type: 'exponential', mean: 4 * 1440 } }],
    },
  },
};
