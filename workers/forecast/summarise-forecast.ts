/**
 * Replications of a forecast summed up for a bed manager: per ward and hour,
 * the census's 10th, 50th and 90th percentiles across replications (an 80%
 * band), its mean and the chance the ward is full; ED waiting and boarding
 * the same way; each booked case's chance of cancellation by cause; staff
 * overtime expected before midnight.
 */
import { quantileSorted, resourceKind, type HospitalModel } from '../../sim-core/index.js';
import { formatLocal, localMinutes, type BookedCase } from '../../scenarios/index.js';
import { OUTCOME, type ForecastReplication } from './forecast-recorder.js';

/** A booked case counts as delayed (for a bed, a theatre, stock) past this many minutes. */
export const DELAY_MINUTES = 60;

export interface Band {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface WardHour extends Band {
  hour: number;
  /** Local date and time of the hour mark. */
  at: string;
  /** Share of replications in which every bed is taken. */
  pFull: number;
}

export interface ForecastSummary {
  asOf: string;
  hours: number;
  replications: number;
  wards: { ward: string; beds: number; byHour: WardHour[] }[];
  ed: { byHour: { hour: number; at: string; waiting: Band; boarding: Band }[] };
  booked: {
    booking: string;
    class: string;
    at: string;
    pCancelled: number;
    pCancelledForBed: number;
    pCancelledForTheatre: number;
    pCancelledForStock: number;
    pCancelledOther: number;
    /** Waited more than an hour for a bed or trolley (and was not cancelled). */
    pDelayedForBed: number;
    meanBedWaitMinutes: number;
    /** The operation's planned start, if the booking gives one. */
    start?: string;
    /** Got its theatre more than an hour after the planned start (and was not cancelled); NaN without a planned start. */
    pDelayedForTheatre: number;
    /** Waited more than an hour for a delivery of stock (and was not cancelled). */
    pDelayedForStock: number;
  }[];
  overtimeToday: { staff: string; meanHours: number }[];
  overtimeTodayHours: number;
}

export function band(values: readonly number[]): Band {
  // A typed array sorts numbers natively (no comparator called per pair): hundreds of bands per forecast.
  const sorted = Float64Array.from(values).sort();
  return {
    mean: values.reduce((s, x) => s + x, 0) / Math.max(1, values.length),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
  };
}

export function summariseForecast(
  model: HospitalModel,
  asOf: string,
  hours: number,
  booked: readonly BookedCase[],
  reps: readonly ForecastReplication[],
): ForecastSummary {
  const start = localMinutes(asOf.slice(0, 16));
  const at = (h: number): string => formatLocal(start + h * 60);
  const marks = Array.from({ length: hours + 1 }, (_, h) => h);
  const wardIndices = model.resources.flatMap((r, i) => (resourceKind(r.kind).bed ? [i] : []));
  const wards = wardIndices.map((r, k) => {
    const beds = model.resources[r]!.capacity;
    return {
      ward: model.resources[r]!.name,
      beds,
      byHour: marks.map((h) => {
        const values = reps.map((x) => x.census[k]![h]!);
        return { hour: h, at: at(h), ...band(values), pFull: values.filter((v) => v >= beds).length / reps.length };
      }),
    };
  });
  const ed = {
    byHour: marks.map((h) => ({ hour: h, at: at(h), waiting: band(reps.map((x) => x.edWaiting[h]!)), boarding: band(reps.map((x) => x.edBoarding[h]!)) })),
  };
  const share = (k: number, codes: number[]): number => reps.filter((x) => codes.includes(x.bookedOutcome[k]!)).length / reps.length;
  // Went ahead, and the condition held (a comparison with NaN, nothing asked, is false).
  const wentAnd = (k: number, late: (x: ForecastReplication) => boolean): number =>
    reps.filter((x) => x.bookedOutcome[k] === OUTCOME.went && late(x)).length / Math.max(1, reps.length);
  const cancelledCodes = [OUTCOME.cancelledBed, OUTCOME.cancelledTheatre, OUTCOME.cancelledStock, OUTCOME.cancelledOther];
  const bookedOut = booked.map((b, k) => {
    const waits = reps.map((x) => x.bookedBedWait[k]!).filter((w) => !Number.isNaN(w));
    return {
      booking: b.label,
      class: model.classes[b.classIndex]!.name,
      at: at(b.at / 60),
      pCancelled: share(k, cancelledCodes),
      pCancelledForBed: share(k, [OUTCOME.cancelledBed]),
      pCancelledForTheatre: share(k, [OUTCOME.cancelledTheatre]),
      pCancelledForStock: share(k, [OUTCOME.cancelledStock]),
      pCancelledOther: share(k, [OUTCOME.cancelledOther]),
      pDelayedForBed: wentAnd(k, (x) => x.bookedBedWait[k]! > DELAY_MINUTES),
      meanBedWaitMinutes: waits.length > 0 ? waits.reduce((s, w) => s + w, 0) / waits.length : NaN,
      ...(Number.isNaN(b.start) ? {} : { start: at(b.start / 60) }),
      pDelayedForTheatre: Number.isNaN(b.start) ? NaN : wentAnd(k, (x) => x.bookedTheatreAt[k]! - b.start > DELAY_MINUTES),
      pDelayedForStock: wentAnd(k, (x) => x.bookedStockWait[k]! > DELAY_MINUTES),
    };
  });
  // The staff groups whose overtime is the hospital's, in the recorder's order.
  const staff = model.resources.filter((r) => resourceKind(r.kind).staffOvertime);
  const overtimeToday = staff.map((r, s) => ({ staff: r.name, meanHours: reps.reduce((t, x) => t + x.overtimeToday[s]!, 0) / Math.max(1, reps.length) }));
  return {
    asOf,
    hours,
    replications: reps.length,
    wards,
    ed,
    booked: bookedOut,
    overtimeToday,
    overtimeTodayHours: overtimeToday.reduce((t, x) => t + x.meanHours, 0),
  };
}
