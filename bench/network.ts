/**
 * A generated region: `sites` copies of the built-in general hospital, each
 * scaled up or down (beds, units, staff counts, case lists and arrival rates
 * times a factor), merged into one model, one simulated year on one core.
 * Its seconds per bed-year are compared with the general hospital's own in the
 * same run (`network.ratioToHospital`: 1 means a bed costs the same in a
 * network as in one hospital); then 20 replications through the Redis queue
 * with 2 worker processes against the local pool of 2 threads, each of
 * `NETWORK_QUEUE_DAYS` (2) days: the same document and figures to carry as a
 * year's, at a tenth of an hour of CPU instead of hours.
 * `NETWORK_SITES=4 node dist/bench/run.js --only network` checks it small.
 * `NETWORK_REFERRALS=1` adds referrals between sites (see `withReferrals`), so
 * that the year measures transfer rules over the whole region too.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import { builtinScenario, compileScenario, parseScenario, type Scenario } from '../scenarios/index.js';
import { runReplication } from '../workers/index.js';
import { NodeWorkerPool, parseRedisUrl, QueueRunner, redisServerInstalled, startLocalRedis } from '../workers/node.js';
import { cpuSeconds } from './cpu-time.js';
import type { Figures } from './hospital.js';
import { startWorker, stopWorkers, timed } from './queue.js';

/** Scale factors taken in turn (mean 0.64): 180 sites of the 234-bed general hospital make about 27,000 beds. */
const FACTORS = [0.4, 0.5, 0.65, 0.8, 0.85];
/** Fields scaled: whole numbers of beds, units and staff on a shift (or cases on a list), and arrivals a day. */
const WHOLE = new Set(['beds', 'units', 'count']);

function scaled(value: unknown, f: number): unknown {
  if (Array.isArray(value)) return value.map((v) => scaled(v, f));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (typeof v === 'number' && WHOLE.has(k)) return [k, Math.max(1, Math.round(v * f))];
      if (typeof v === 'number' && k === 'perDay') return [k, v * f];
      return [k, scaled(v, f)];
    }),
  );
}

function generalHospitalDocument(): Record<string, unknown> {
  const builtin = builtinScenario('general-hospital');
  if (!builtin) throw new Error('the built-in general-hospital scenario is missing');
  return builtin.document as unknown as Record<string, unknown>;
}

/** Sites scaled by at most this are county-type (they refer up); those by at least LARGER take the referrals. */
const COUNTY = 0.5;
const LARGER = 0.8;
/** Complex cases a county-type site refers up, a day per unit of scale (about 1 a day at a site of 0.4). */
const REFERRALS_PER_DAY = 2.5;

export interface GeneratedNetworkOptions {
  /** County-type sites refer complex cases up to the nearest larger site with a free medical bed, by ambulance. */
  referrals?: boolean;
}

/** The generated network, one year with no warm-up, sites on a 15-km grid. */
export function generatedNetwork(sites: number, options: GeneratedNetworkOptions = {}): Scenario {
  const base = { ...generalHospitalDocument(), horizonDays: 365, warmupDays: 0 };
  const side = Math.ceil(Math.sqrt(sites));
  const factor = (i: number): number => FACTORS[i % FACTORS.length]!;
  const ids = Array.from({ length: sites }, (_, i) => `s${i + 1}`);
  const larger = ids.filter((_, i) => factor(i) >= LARGER);
  const referring = options.referrals === true && larger.length > 0;
  const doc = {
    name: `generated network of ${sites} sites${referring ? ' with referrals' : ''}`,
    sites: ids.map((id, i) => {
      const hospital = scaled(base, factor(i)) as Record<string, unknown>;
      return {
        id,
        xKm: (i % side) * 15,
        yKm: Math.floor(i / side) * 15,
        hospital: { scenario: referring ? withReferrals(hospital, factor(i), larger) : hospital },
      };
    }),
    // The region's ambulances for the referrals: one per three sites.
    ...(referring
      ? { shared: { resources: [{ id: 'ambulance', department: 'transport', units: Math.max(1, Math.round(sites / 3)), costPerHour: 120 }] } }
      : {}),
  };
  return parseScenario(doc, 'generated network');
}

/**
 * A site's hospital with the referral pathways: a county-type site (scale <= COUNTY) gets a class of complex
 * cases, assessed half a day in a medical bed, then sent by ambulance to the nearest larger site with a free
 * medical bed (`nearest-free-bed` over every larger site: the rule walks ~70 destinations by distance); a larger
 * site (scale >= LARGER) gets the pathway they go on at, a medical stay. Other sites are unchanged.
 */
function withReferrals(hospital: Record<string, unknown>, f: number, larger: readonly string[]): Record<string, unknown> {
  const pathways = { ...(hospital['pathways'] as Record<string, unknown>) };
  const classes = [...(hospital['patientClasses'] as Record<string, unknown>[])];
  if (f >= LARGER) pathways['referred'] = [{ stay: 'medicalWard', lengthOfStay: { type: 'lognormal', mean: 5 * 1440, sd: 3 * 1440 } }];
  if (f <= COUNTY) {
    classes.push({
      id: 'complex',
      name: 'Complex cases (referred up)',
      department: 'medicine',
      arrivals: { type: 'weekly', perDay: REFERRALS_PER_DAY * f },
      pathway: 'referUp',
    });
    pathways['referUp'] = [
      { seize: ['medicalWard'] },
      { hold: { type: 'lognormal', mean: 720, sd: 360 }, activity: 'assessment before referral' },
      {
        transfer: { rule: 'nearest-free-bed', among: larger },
        bed: 'medicalWard',
        pathway: 'referred',
        transport: 'ambulance',
        reason: 'up-referral',
      },
    ];
  }
  return { ...hospital, patientClasses: classes, pathways };
}

function bedsOf(s: Scenario): number {
  return s.wards.reduce((sum, w) => sum + w.beds, 0);
}

interface YearTimes {
  seconds: number;
  cpuSeconds: number;
  events: number;
  /** Up-referrals that arrived (0 without referrals). */
  transfers: number;
  /** The garbage collector's pauses of the main thread during the year, in seconds of wall time. */
  gcSeconds: number;
}

/**
 * One simulated year, timed after a warm-up run of the same model: a whole year
 * for the hospital (a week left V8 half-warm, and the hospital's seconds, the
 * ratio's yardstick, came out about twice too long), one day for the network,
 * whose code the hospital's year has warmed already.
 */
function timeYear(s: Scenario, warmDays: number): YearTimes {
  const model = compileScenario(s);
  runReplication({ ...model, horizon: warmDays * 1440 }, 1, 999);
  const gc = new GCProfiler();
  gc.start();
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const r = runReplication(model, 1, 1);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  const pauses = gc.stop()?.statistics ?? [];
  return {
    seconds,
    cpuSeconds: cpu,
    events: r.events,
    transfers: r.figures['transfers.up-referral.count'] ?? 0,
    gcSeconds: pauses.reduce((sum, p) => sum + p.cost, 0) / 1e6,
  };
}

export async function benchNetwork(log: (line: string) => void = () => {}): Promise<Figures> {
  const sites = Number(process.env['NETWORK_SITES'] ?? 180);
  const referrals = process.env['NETWORK_REFERRALS'] === '1';
  const queueReplications = Number(process.env['NETWORK_QUEUE_REPLICATIONS'] ?? 20);
  const queueDays = Number(process.env['NETWORK_QUEUE_DAYS'] ?? 2);
  const hospital = parseScenario({ ...generalHospitalDocument(), horizonDays: 365, warmupDays: 0 }, 'general-hospital');
  const h = timeYear(hospital, 365);
  const t0 = performance.now();
  const network = generatedNetwork(sites, { referrals });
  const buildSeconds = (performance.now() - t0) / 1000;
  const beds = bedsOf(network);
  log(`${sites} sites${referrals ? ' with referrals' : ''}, ${beds.toLocaleString('en')} beds, checked and merged in ${buildSeconds.toFixed(1)} s`);
  const n = timeYear(network, 1);
  log(
    `one year: network ${n.seconds.toFixed(1)} s (${n.cpuSeconds.toFixed(1)} s CPU), general hospital ${h.seconds.toFixed(2)} s (${h.cpuSeconds.toFixed(2)} s CPU)`,
  );
  const perBed = (t: number, b: number): number => t / b;
  const figures: Figures = {
    'network.sites': sites,
    'network.beds': beds,
    'network.secondsToCheckAndMerge': buildSeconds,
    'network.secondsPerSimulatedYear': n.seconds,
    'network.cpuSecondsPerSimulatedYear': n.cpuSeconds,
    'network.eventsPerSimulatedYear': n.events,
    // With NETWORK_REFERRALS=1: up-referrals in the year, each choosing the nearest larger site with a free bed.
    ...(referrals ? { 'network.referrals.transfersPerSimulatedYear': n.transfers } : {}),
    'network.hospital.secondsPerSimulatedYear': h.seconds,
    'network.hospital.cpuSecondsPerSimulatedYear': h.cpuSeconds,
    // Seconds per bed-year of the network over the general hospital's, measured in this run (wall time, as the target says).
    'network.ratioToHospital': perBed(n.seconds, beds) / perBed(h.seconds, bedsOf(hospital)),
    // The same from CPU time, which a loaded machine moves less (see "What the ratios mean").
    'network.ratioToHospital.cpu': perBed(n.cpuSeconds, beds) / perBed(h.cpuSeconds, bedsOf(hospital)),
    // CPU per event of the network over the hospital's: how much dearer an event is in the larger model.
    'network.eventCostRatioToHospital': n.cpuSeconds / n.events / (h.cpuSeconds / h.events),
    // The garbage collector's pauses over the year's wall time: whether the larger heap, not the event's own work, is what costs.
    'network.gcShareOfYear': n.gcSeconds / n.seconds,
    'network.hospital.gcShareOfYear': h.gcSeconds / h.seconds,
    // The process's largest resident set so far (this section runs the biggest model of the bench).
    'network.peakMemoryMB': process.resourceUsage().maxRSS / 1024,
    // The machine's 1-minute load average at the end of the year's run: how shared the cores were.
    'network.loadAverage': loadavg()[0]!,
  };
  if (!redisServerInstalled()) {
    log('redis-server is not installed: network.queueRatio is not measured');
    return { ...figures, 'network.queueRatio': null };
  }
  const redis = await startLocalRedis();
  const pool = new NodeWorkerPool(2);
  const workers = [await startWorker(redis.url), await startWorker(redis.url)];
  let queue: QueueRunner | undefined;
  try {
    queue = await QueueRunner.connect(parseRedisUrl(redis.url), { pollMs: 100 });
    const reps = Array.from({ length: queueReplications }, (_, i) => i + 1);
    const short = { ...network, horizonDays: queueDays };
    const poolMs = await timed(pool, short, reps);
    const queueMs = await timed(queue, short, reps);
    log(`${queueReplications} replications of ${queueDays} days: pool ${(poolMs / 1000).toFixed(1)} s, queue ${(queueMs / 1000).toFixed(1)} s`);
    // Queue time over pool time for the same replications on the same 2 cores: 1 means the queue costs nothing.
    return {
      ...figures,
      'network.queueReplications': queueReplications,
      'network.queueReplicationDays': queueDays,
      'network.queueRatio': queueMs / poolMs,
    };
  } finally {
    await queue?.close();
    await pool.close();
    await stopWorkers(workers);
    await redis.stop();
  }
}
