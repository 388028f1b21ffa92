/**
 * Stations (where a patient is from when) to keyframes (a path to interpolate).
 * A move starts at the event that causes it and takes at most `walk` minutes,
 * less if the next move comes sooner; between zones it follows the corridor.
 */
import type { Replay } from './types.js';

/** A station is (time, x, z, lying 0/1, zone or -1 for the entrance). */
export const STATION_STRIDE = 5;

export interface KeyframeOptions {
  walk: number;
  corridor: number;
  /** -1 or +1 per zone: which side of the corridor it is on. */
  zoneSide: readonly number[];
}

type Keyframes = Pick<Replay, 'kfStart' | 'kfT' | 'kfX' | 'kfZ' | 'kfLying'>;

export function buildKeyframes(stations: readonly number[][], options: KeyframeOptions): Keyframes {
  const n = stations.length;
  // At most: first station 1, then 5 per move (hold, two corridor points, arrival).
  let capacity = 0;
  for (const s of stations) capacity += s.length === 0 ? 0 : 1 + 4 * (s.length / STATION_STRIDE - 1);
  const kfT = new Float64Array(capacity);
  const kfX = new Float32Array(capacity);
  const kfZ = new Float32Array(capacity);
  const kfLying = new Uint8Array(capacity);
  const kfStart = new Int32Array(n + 1);
  let k = 0;
  const push = (t: number, x: number, z: number, lying: number): void => {
    kfT[k] = t;
    kfX[k] = x;
    kfZ[k] = z;
    kfLying[k] = lying;
    k++;
  };
  const lane = (zone: number): number => (zone < 0 ? 0 : (options.zoneSide[zone] ?? 0) * options.corridor * 0.45);
  const path = { x: [0, 0, 0, 0], z: [0, 0, 0, 0] };

  for (let e = 0; e < n; e++) {
    kfStart[e] = k;
    const s = stations[e]!;
    const count = s.length / STATION_STRIDE;
    if (count === 0) continue;
    push(s[0]!, s[1]!, s[2]!, s[3]!);
    for (let j = 1; j < count; j++) {
      const o = j * STATION_STRIDE;
      const p = o - STATION_STRIDE;
      const t = s[o]!;
      const nextT = j + 1 < count ? s[o + STATION_STRIDE]! : Infinity;
      const w = Math.max(0, Math.min(options.walk, (nextT - t) * 0.45));
      const x0 = s[p + 1]!;
      const z0 = s[p + 2]!;
      const x1 = s[o + 1]!;
      const z1 = s[o + 2]!;
      const zone0 = s[p + 4]!;
      const zone1 = s[o + 4]!;
      // End of the stay where it was (skipped if the previous keyframe is already at t).
      if (kfT[k - 1]! < t) push(t, x0, z0, 0);
      else kfLying[k - 1] = 0;
      if (w === 0) {
        push(t, x1, z1, s[o + 3]!);
        continue;
      }
      let points = 0;
      if (zone0 !== zone1 || zone0 < 0) {
        path.x[0] = x0;
        path.z[0] = lane(zone0);
        path.x[1] = x1;
        path.z[1] = lane(zone1);
        points = 2;
      }
      let total = 0;
      let px = x0;
      let pz = z0;
      for (let q = 0; q < points; q++) {
        total += dist(path.x[q]! - px, path.z[q]! - pz);
        px = path.x[q]!;
        pz = path.z[q]!;
      }
      total += dist(x1 - px, z1 - pz);
      px = x0;
      pz = z0;
      let walked = 0;
      for (let q = 0; q < points; q++) {
        walked += dist(path.x[q]! - px, path.z[q]! - pz);
        px = path.x[q]!;
        pz = path.z[q]!;
        push(t + (total > 0 ? (w * walked) / total : 0), px, pz, 0);
      }
      push(t + w, x1, z1, s[o + 3]!);
    }
  }
  kfStart[n] = k;
  return { kfStart, kfT: kfT.slice(0, k), kfX: kfX.slice(0, k), kfZ: kfZ.slice(0, k), kfLying: kfLying.slice(0, k) };
}

function dist(dx: number, dz: number): number {
  return Math.sqrt(dx * dx + dz * dz);
}
