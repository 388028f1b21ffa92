/**
 * One site's part of a network run's trace, for that site's 3D scene: the
 * rows of its own resources, activities and patients, with a patient that
 * leaves on a trip to another site shown leaving (a "leave" row at departure)
 * and one that comes in shown arriving (an "arrive" row when its first row
 * at this site is). The words and names keep their codes, so the replay reads
 * it as any trace.
 */
import type { TraceData } from '../../../sim-core/index.js';
import { EXIT_WORDS, TRACE_ATTRIBUTE_PREFIX, TRACE_PLACED, TRACE_WORDS } from '../../../workers/index.js';
import { siteOfName, TRIP_PREFIX, type RegionSite } from './region-model.js';

export function siteTrace(trace: TraceData, sites: readonly RegionSite[], site: number): TraceData {
  const whatNames = [...trace.whatNames];
  const code = (w: string): number => {
    let k = whatNames.indexOf(w);
    if (k < 0) k = whatNames.push(w) - 1;
    return k;
  };
  const ARRIVE = code(TRACE_WORDS.arrive);
  const LEAVE = code(TRACE_WORDS.leave);
  const START = code(TRACE_WORDS.start);
  const PLACED = trace.whatNames.indexOf(TRACE_PLACED);
  const exits = new Set([...EXIT_WORDS].map((w) => trace.whatNames.indexOf(w)).filter((w) => w >= 0));
  const isAttribute = trace.whatNames.map((w) => w.startsWith(TRACE_ATTRIBUTE_PREFIX));
  const placeSite = trace.whereNames.map((n) => siteOfName(sites, n));
  const isTrip = trace.whereNames.map((n) => n.startsWith(TRIP_PREFIX));
  const time: number[] = [];
  const entity: number[] = [];
  const what: number[] = [];
  const where: number[] = [];
  const row = (t: number, e: number, w: number, p: number): void => {
    time.push(t);
    entity.push(e);
    what.push(w);
    where.push(p);
  };
  /** Per patient: the class it arrived as (the place of its arrive row), whether it is at this site, whether it is between sites. */
  const klass = new Map<number, number>();
  const here = new Set<number>();
  const travelling = new Set<number>();
  for (let i = 0; i < trace.length; i++) {
    const t = trace.time[i]!;
    const e = trace.entity[i]!;
    const w = trace.what[i]!;
    const p = trace.where[i]!;
    const s = placeSite[p]!;
    if (e < 0) {
      if (s === site) row(t, e, w, p);
      continue;
    }
    if (w === ARRIVE || (w === PLACED && PLACED >= 0)) {
      klass.set(e, p);
      if (s === site) {
        here.add(e);
        row(t, e, w, p);
      }
      continue;
    }
    if (w === START && isTrip[p]) {
      if (here.delete(e)) row(t, e, LEAVE, klass.get(e) ?? p);
      travelling.add(e);
      continue;
    }
    if (travelling.has(e) && s >= 0) {
      // The first row at a site after a trip: the patient has arrived there.
      travelling.delete(e);
      if (s === site) {
        here.add(e);
        row(t, e, ARRIVE, klass.get(e) ?? p);
      }
    }
    if (isAttribute[w]) row(t, e, w, p);
    else if (here.has(e) && (s === site || exits.has(w))) {
      row(t, e, w, p);
      if (exits.has(w)) here.delete(e);
    }
  }
  return {
    length: time.length,
    time: Float64Array.from(time),
    entity: Int32Array.from(entity),
    what: Int32Array.from(what),
    where: Int32Array.from(where),
    whatNames,
    whereNames: [...trace.whereNames],
  };
}
