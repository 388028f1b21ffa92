/**
 * A forecast under two scenarios from the same state, with the same seed and
 * replication numbers (common random numbers): paired differences B − A of
 * each ward's census by hour, the chance it is full, ED boarding, each booked
 * case's chance of cancellation and the overtime expected today.
 */
import { pairedDifferenceInterval } from '../../sim-core/index.js';
import type { ForecastReplication } from './forecast-recorder.js';
import type { ForecastSummary } from './summarise-forecast.js';

export interface PairedDifference {
  /** Mean of B − A over paired replications, and its 95% interval. */
  mean: number;
  ci95: [number, number];
}

export interface ForecastComparison {
  replications: number;
  wards: { ward: string; bedsA: number; bedsB: number; byHour: { hour: number; at: string; census: PairedDifference; pFull: PairedDifference }[] }[];
  edBoarding: { hour: number; at: string; difference: PairedDifference }[];
  booked: { booking: string; pCancelled: PairedDifference }[];
  overtimeTodayHours: PairedDifference;
}

function paired(b: number[], a: number[]): PairedDifference {
  if (a.length < 2) return { mean: a.length ? b[0]! - a[0]! : NaN, ci95: [NaN, NaN] };
  const ci = pairedDifferenceInterval(b, a, 0.95);
  return { mean: ci.mean, ci95: [ci.lo, ci.hi] };
}

export function compareForecasts(
  sa: ForecastSummary,
  ra: readonly ForecastReplication[],
  sb: ForecastSummary,
  rb: readonly ForecastReplication[],
): ForecastComparison {
  const byRep = new Map(rb.map((r) => [r.replication, r]));
  const pairs = ra.flatMap((a) => {
    const b = byRep.get(a.replication);
    return b ? [[a, b] as const] : [];
  });
  const wards = sa.wards.flatMap((wa, ka) => {
    const kb = sb.wards.findIndex((w) => w.ward === wa.ward);
    if (kb < 0) return [];
    const wb = sb.wards[kb]!;
    return [
      {
        ward: wa.ward,
        bedsA: wa.beds,
        bedsB: wb.beds,
        byHour: wa.byHour.map((h) => {
          const xa = pairs.map(([a]) => a.census[ka]![h.hour]!);
          const xb = pairs.map(([, b]) => b.census[kb]![h.hour]!);
          return {
            hour: h.hour,
            at: h.at,
            census: paired(xb, xa),
            pFull: paired(
              xb.map((v) => (v >= wb.beds ? 1 : 0)),
              xa.map((v) => (v >= wa.beds ? 1 : 0)),
            ),
          };
        }),
      },
    ];
  });
  const edBoarding = sa.ed.byHour.map((h) => ({
    hour: h.hour,
    at: h.at,
    difference: paired(
      pairs.map(([, b]) => b.edBoarding[h.hour]!),
      pairs.map(([a]) => a.edBoarding[h.hour]!),
    ),
  }));
  const cancelled = (code: number): number => (code >= 1 && code <= 4 ? 1 : 0);
  const booked = sa.booked.map((bk, k) => ({
    booking: bk.booking,
    pCancelled: paired(
      pairs.map(([, b]) => cancelled(b.bookedOutcome[k]!)),
      pairs.map(([a]) => cancelled(a.bookedOutcome[k]!)),
    ),
  }));
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  return {
    replications: pairs.length,
    wards,
    edBoarding,
    booked,
    overtimeTodayHours: paired(
      pairs.map(([, b]) => sum(b.overtimeToday)),
      pairs.map(([a]) => sum(a.overtimeToday)),
    ),
  };
}
