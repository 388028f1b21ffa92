/**
 * A network run as the region view shows it: the sites where the network
 * puts them (km on the map plane), the roads between them with their mean
 * travel time, each trip between sites (from the trace's transfer
 * activities), and each site's resources in use and waited for over time.
 * Everything is read from the merged scenario's `network` section and the
 * trace of replication 1; nothing is simulated here.
 */
import { compileScenario, distributionMean, type Scenario } from '../../../scenarios/index.js';
import type { TraceData } from '../../../sim-core/index.js';
import { EXIT_WORDS, TRACE_WORDS } from '../../../workers/index.js';

/** The trace's word for a trip between sites: "transfer:<reason>". */
export const TRIP_PREFIX = 'transfer:';

export interface RegionSite {
  id: string;
  /** A name for people (the id if the network gives none). */
  name: string;
  /** What the site's names start with in the merged model. */
  prefix: string;
  xKm: number;
  yKm: number;
}

export interface RegionRoad {
  from: number;
  to: number;
  km: number;
  /** Mean minutes by road (the travel list's distribution, or the straight line at the network's minutes per km). */
  minutes: number;
}

export interface RegionTrip {
  patient: number;
  /** Site indices; -1 when the trace does not show it (a trip still under way at the end). */
  from: number;
  to: number;
  start: number;
  end: number;
  reason: string;
}

/** A step function: value[k] holds from time[k] until time[k+1]. */
export interface StepSeries {
  time: number[];
  value: number[];
}

export interface SiteResource {
  /** The name as the site's hospital writes it (without the site's prefix). */
  name: string;
  units: number;
  inUse: StepSeries;
  waiting: StepSeries;
}

export interface RegionModel {
  sites: RegionSite[];
  roads: RegionRoad[];
  trips: RegionTrip[];
  /** Per site, its resources in the model's order. */
  resources: SiteResource[][];
}

/** Whether a scenario is a network of two sites or more (one site keeps its hospital's names: no region to show). */
export function isRegion(scenario: Scenario): boolean {
  return (scenario.network?.sites.length ?? 0) >= 2;
}

/** The site a merged name belongs to (by its prefix), or -1 for a region's own name (an ambulance, a trip). */
export function siteOfName(sites: readonly RegionSite[], name: string): number {
  return sites.findIndex((s) => s.prefix !== '' && name.startsWith(s.prefix));
}

/** Up to this many sites, every pair is drawn as a road; beyond, only the pairs the travel list gives (a region of 180 sites would have 16,000). */
export const ALL_ROADS_UP_TO = 12;

function roadsOf(scenario: Scenario, sites: RegionSite[]): RegionRoad[] {
  const network = scenario.network!;
  const roads: RegionRoad[] = [];
  for (let a = 0; a < sites.length; a++)
    for (let b = a + 1; b < sites.length; b++) {
      const A = sites[a]!;
      const B = sites[b]!;
      const km = Math.hypot(A.xKm - B.xKm, A.yKm - B.yKm);
      const listed = network.travel.find((t) => (t.from === A.id && t.to === B.id) || (t.bothWays && t.from === B.id && t.to === A.id));
      if (!listed && sites.length > ALL_ROADS_UP_TO) continue;
      const minutes = listed ? distributionMean(listed.minutes) : km * network.minutesPerKm;
      roads.push({ from: a, to: b, km, minutes });
    }
  return roads;
}

/** The value of a step series at time t (0 before its first change). */
export function valueAt(s: StepSeries, t: number): number {
  let lo = 0;
  let hi = s.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : s.value[lo - 1]!;
}

function push(s: StepSeries, t: number, v: number): void {
  const k = s.time.length;
  if (k > 0 && s.time[k - 1] === t) s.value[k - 1] = v;
  else {
    s.time.push(t);
    s.value.push(v);
  }
}

export function buildRegionModel(scenario: Scenario, trace: TraceData): RegionModel {
  const sites: RegionSite[] = scenario.network!.sites.map((s) => ({ id: s.id, name: s.name ?? s.id, prefix: s.prefix, xKm: s.xKm, yKm: s.yKm }));
  const compiled = compileScenario(scenario).resources;
  const resources: SiteResource[][] = sites.map(() => []);
  const byName = new Map<string, SiteResource>();
  for (const r of compiled) {
    const site = siteOfName(sites, r.name);
    if (site < 0) continue;
    const entry: SiteResource = {
      name: r.name.slice(sites[site]!.prefix.length),
      units: r.capacity,
      inUse: { time: [], value: [] },
      waiting: { time: [], value: [] },
    };
    resources[site]!.push(entry);
    byName.set(r.name, entry);
  }
  const word = (w: string): number => trace.whatNames.indexOf(w);
  const REQUEST = word(TRACE_WORDS.request);
  const SEIZE = word(TRACE_WORDS.seize);
  const RELEASE = word(TRACE_WORDS.release);
  const START = word(TRACE_WORDS.start);
  const FINISH = word(TRACE_WORDS.finish);
  const exits = new Set([...EXIT_WORDS].map(word).filter((w) => w >= 0));
  const placeRes = trace.whereNames.map((n) => byName.get(n) ?? null);
  const placeSite = trace.whereNames.map((n) => siteOfName(sites, n));
  const isTrip = trace.whereNames.map((n) => n.startsWith(TRIP_PREFIX));
  const inUse = new Map<SiteResource, number>();
  const waitingCount = new Map<SiteResource, number>();
  /** Per patient: the resource it waits for (one line at a time, as the replay counts it). */
  const waitingFor = new Map<number, SiteResource>();
  /** Per patient: the last site its rows named, and a trip under way. */
  const lastSite = new Map<number, number>();
  const open = new Map<number, RegionTrip>();
  const arriving: RegionTrip[] = [];
  const trips: RegionTrip[] = [];
  const endWait = (p: number, t: number): void => {
    const r = waitingFor.get(p);
    if (!r) return;
    waitingFor.delete(p);
    const n = (waitingCount.get(r) ?? 1) - 1;
    waitingCount.set(r, n);
    push(r.waiting, t, n);
  };
  for (let i = 0; i < trace.length; i++) {
    const p = trace.entity[i]!;
    const what = trace.what[i]!;
    const where = trace.where[i]!;
    const t = trace.time[i]!;
    const r = placeRes[where] ?? null;
    const site = placeSite[where]!;
    if (p >= 0 && site >= 0) {
      const trip = open.get(p);
      // The first row naming a site after a trip ended says where it went.
      if (trip && trip.end <= t && trip.to < 0) {
        trip.to = site;
        open.delete(p);
      }
      lastSite.set(p, site);
    }
    if (what === START && isTrip[where]) {
      const trip: RegionTrip = {
        patient: p,
        from: lastSite.get(p) ?? -1,
        to: -1,
        start: t,
        end: Infinity,
        reason: trace.whereNames[where]!.slice(TRIP_PREFIX.length),
      };
      trips.push(trip);
      open.set(p, trip);
    } else if (what === FINISH && isTrip[where]) {
      const trip = open.get(p);
      if (trip) {
        trip.end = t;
        arriving.push(trip);
      }
    } else if (r && what === REQUEST) {
      endWait(p, t);
      waitingFor.set(p, r);
      const n = (waitingCount.get(r) ?? 0) + 1;
      waitingCount.set(r, n);
      push(r.waiting, t, n);
    } else if (r && what === SEIZE) {
      endWait(p, t);
      const n = (inUse.get(r) ?? 0) + 1;
      inUse.set(r, n);
      push(r.inUse, t, n);
    } else if (r && what === RELEASE) {
      const n = (inUse.get(r) ?? 1) - 1;
      inUse.set(r, n);
      push(r.inUse, t, n);
    } else if (what === SEIZE || exits.has(what)) {
      // Granted something of the region (an ambulance), or gone: no longer in a site's line.
      endWait(p, t);
    }
  }
  return { sites, roads: roadsOf(scenario, sites), trips, resources };
}

/** Trips under way at time t, each with the share of its road done. */
export function tripsAt(model: RegionModel, t: number): { trip: RegionTrip; done: number }[] {
  const out: { trip: RegionTrip; done: number }[] = [];
  for (const trip of model.trips) {
    if (trip.start > t || trip.end <= t || trip.from < 0 || trip.to < 0) continue;
    const span = trip.end - trip.start;
    out.push({ trip, done: Number.isFinite(span) && span > 0 ? (t - trip.start) / span : 0 });
  }
  return out;
}
