/**
 * Two identical sites with no travel time between them, where each patient is
 * taken by whichever site has a free server (transfer with reserveBed: the
 * first unit to free at either site), behave as one pooled site:
 * P(wait) and mean wait of M/M/2c (Erlang C), and, with no room to wait, the
 * loss share of M/M/2c/2c (Erlang B), each inside the replications' own 99.9%
 * intervals (replicate.ts). Each site: c = 2 servers of mean 60 minutes and
 * 1.6 arrivals an hour, so the pool is 4 servers at an offered load of 3.2.
 */
import { describe, it } from 'vitest';
import { runHospital } from '../../sim-core/index.js';
import { compileScenario, parseScenario } from '../../scenarios/index.js';
import { erlangB, mmc } from './queueing-theory.js';
import { expectTheoryInInterval, replicate } from './replicate.js';

const PER_HOUR = 1.6;
const MEAN = 60;

function site(queueCapacity: number | undefined, horizonDays: number, warmupDays: number): Record<string, unknown> {
  return {
    name: 'site',
    start: '2026-01-05T00:00',
    horizonDays,
    warmupDays,
    resources: [{ id: 'server', department: 'clinic', units: 2, ...(queueCapacity === undefined ? {} : { queueCapacity }) }],
    patientClasses: [{ id: 'patient', department: 'clinic', arrivals: { type: 'weekly', perDay: PER_HOUR * 24 }, pathway: 'arrive' }],
    pathways: {
      arrive: [{ id: 'pool', transfer: { rule: 'first-available', among: ['a', 'b'] }, pathway: 'serve', bed: 'server', reserveBed: true }],
      serve: [{ hold: { type: 'exponential', mean: MEAN }, activity: 'service' }, { release: ['server'] }],
    },
  };
}

/** Per replication: arrivals, those who waited, total minutes waited and those turned away, both sites together. */
function runPooled(queueCapacity: number | undefined, horizonDays: number, warmupDays: number, seed: number) {
  const hospital = site(queueCapacity, horizonDays, warmupDays);
  const network = { name: 'pair', sites: ['a', 'b'].map((id) => ({ id, hospital: { scenario: hospital } })) };
  const f = runHospital(compileScenario(parseScenario(network, 'pair')), { seed, replication: 1 }).figures;
  let arrivals = 0;
  let waited = 0;
  let minutes = 0;
  let lost = 0;
  for (const s of ['a', 'b']) {
    const n = f[`arrivals.${s}_patient`]!;
    const served = n - (f[`turnedAway.${s}_patient`] ?? 0);
    arrivals += n;
    lost += f[`turnedAway.${s}_patient`] ?? 0;
    waited += f[`wait.${s}_pool.pWait`]! * served;
    minutes += f[`wait.${s}_pool.mean`]! * served;
  }
  return { pWait: waited / (arrivals - lost), meanWait: minutes / (arrivals - lost), loss: lost / arrivals };
}

describe('two sites that lend each other servers are one pooled site', () => {
  const lambda = (2 * PER_HOUR) / 60;
  it('P(wait) and mean wait are those of M/M/4 (Erlang C, a = 3.2, rho = 0.8)', { timeout: 600_000 }, () => {
    const theory = mmc(lambda, 1 / MEAN, 4);
    const runs = replicate(20, (seed) => runPooled(undefined, 700, 20, seed));
    expectTheoryInInterval(
      runs.map((r) => r.pWait),
      theory.probabilityOfWait,
      'pooled P(wait), Erlang C c=4 a=3.2',
    );
    expectTheoryInInterval(
      runs.map((r) => r.meanWait),
      theory.wq,
      'pooled mean wait, Erlang C c=4 a=3.2',
    );
  });

  it('with no room to wait, the share turned away is M/M/4/4 (Erlang B, a = 3.2)', { timeout: 600_000 }, () => {
    const runs = replicate(20, (seed) => runPooled(0, 200, 5, seed));
    expectTheoryInInterval(
      runs.map((r) => r.loss),
      erlangB(4, 3.2),
      'pooled loss share, Erlang B c=4 a=3.2',
    );
  });
});
