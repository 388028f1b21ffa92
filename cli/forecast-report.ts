/**
 * The forecast as a bed manager reads it: the answer first (how full each
 * ward is now, when it is fullest, how likely it is to be full), then each
 * ward by hour, the ED, the booked cases most at risk and today's overtime.
 */
import type { ForecastComparison, ForecastSummary, PairedDifference } from '../workers/index.js';
import { renderBlocks } from './text-table.js';

const pct = (p: number): string => `${Math.round(p * 100)}%`;
const num = (x: number, d = 0): string => (Number.isFinite(x) ? x.toFixed(d) : '–');
const when = (at: string): string => at.replace('T', ' ');

export function renderForecast(s: ForecastSummary, scenario: string, seed: number | string): string {
  const step = s.hours <= 24 ? 2 : s.hours <= 72 ? 6 : 12;
  const out: string[] = [];
  out.push(`Forecast for ${scenario} from ${when(s.asOf)}, ${s.hours} hours ahead (${s.replications} replications, seed ${seed}).`);
  out.push('');
  for (const w of s.wards) {
    const now = w.byHour[0]!;
    const peak = w.byHour.reduce((a, b) => (b.p50 > a.p50 ? b : a));
    const risk = w.byHour.reduce((a, b) => (b.pFull > a.pFull ? b : a));
    out.push(
      `${w.ward}: ${num(now.p50)} of ${w.beds} beds taken now; fullest around ${when(peak.at)} with ${num(peak.p50)} (80% between ${num(peak.p10)} and ${num(peak.p90)}); ` +
        (risk.pFull > 0 ? `full with a chance of ${pct(risk.pFull)} at ${when(risk.at)}.` : 'never full in any replication.'),
    );
  }
  const wardBlocks = s.wards.map((w) => ({
    title: `${w.ward} (${w.beds} beds): patients in beds`,
    rows: w.byHour.filter((h) => h.hour % step === 0).map((h) => [when(h.at), num(h.p50), `${num(h.p10)}–${num(h.p90)}`, num(h.mean, 1), pct(h.pFull)]),
  }));
  out.push(renderBlocks(wardBlocks, [false, true, true, true, true], ['time', 'median', '80% band', 'mean', 'chance full']));
  out.push(
    renderBlocks(
      [
        {
          title: 'Emergency department: patients waiting to be seen or treated, and boarding (admitted, waiting for a ward bed)',
          rows: s.ed.byHour
            .filter((h) => h.hour % step === 0)
            .map((h) => [
              when(h.at),
              num(h.waiting.p50),
              `${num(h.waiting.p10)}–${num(h.waiting.p90)}`,
              num(h.boarding.p50),
              `${num(h.boarding.p10)}–${num(h.boarding.p90)}`,
              num(h.boarding.mean, 1),
            ]),
        },
      ],
      [false, true, true, true, true, true],
      ['time', 'waiting', '80% band', 'boarding', '80% band', 'mean boarding'],
    ),
  );
  if (s.booked.length > 0) {
    const risk = (b: (typeof s.booked)[number]): number =>
      b.pCancelled + b.pDelayedForBed + (Number.isNaN(b.pDelayedForTheatre) ? 0 : b.pDelayedForTheatre) + b.pDelayedForStock;
    const ranked = [...s.booked].sort((a, b) => risk(b) - risk(a));
    const planned = s.booked.some((b) => b.start !== undefined);
    out.push(
      renderBlocks(
        [
          {
            title:
              `Booked cases, most at risk first (${s.booked.length}): chance of cancellation by cause, and of a delay over an hour: waiting for a bed, ` +
              `starting after the planned time${planned ? '' : ' (no booking gives one)'}, waiting for stock`,
            rows: ranked.map((b) => [
              b.booking,
              b.class,
              when(b.at),
              pct(b.pCancelled),
              pct(b.pCancelledForBed),
              pct(b.pCancelledForTheatre),
              pct(b.pCancelledForStock),
              pct(b.pDelayedForBed),
              b.start !== undefined ? `${when(b.start).slice(-5)} ${pct(b.pDelayedForTheatre)}` : '–',
              pct(b.pDelayedForStock),
            ]),
          },
        ],
        [false, false, false, true, true, true, true, true, true, true],
        ['booking', 'class', 'due', 'cancelled', 'no bed', 'no theatre', 'no stock', 'bed wait > 1 h', 'planned start: late > 1 h', 'stock wait > 1 h'],
      ),
    );
  }
  out.push('');
  out.push(
    `Staff overtime expected before midnight: ${num(s.overtimeTodayHours, 1)} hours` +
      (s.overtimeTodayHours > 0
        ? ` (${s.overtimeToday
            .filter((o) => o.meanHours >= 0.05)
            .map((o) => `${o.staff} ${num(o.meanHours, 1)} h`)
            .join(', ')}).`
        : '.'),
  );
  return `${out.join('\n')}\n`;
}

/** Fixed digits, with no "-0" for a value that rounds to zero. */
const fixed = (x: number, digits: number): string => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
const diff = (d: PairedDifference, digits = 1, unit = ''): string =>
  Number.isFinite(d.mean)
    ? `${fixed(d.mean, digits).startsWith('-') ? '' : '+'}${fixed(d.mean, digits)}${unit} [${fixed(d.ci95[0], digits)}, ${fixed(d.ci95[1], digits)}]`
    : '–';

const same = (d: PairedDifference): boolean => d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0;

export function renderForecastComparison(c: ForecastComparison, a: string, b: string, hours: number): string {
  const step = hours <= 24 ? 2 : hours <= 72 ? 6 : 12;
  const out: string[] = [
    '',
    `What changes under ${b} compared with ${a}, from the same patients (${c.replications} paired replications, common random numbers; B − A with 95% interval):`,
  ];
  const unchanged: string[] = [];
  const blocks = c.wards.flatMap((w) => {
    if (w.byHour.every((h) => same(h.census) && same(h.pFull))) {
      unchanged.push(`${w.ward} (${w.bedsA} beds in A, ${w.bedsB} in B)`);
      return [];
    }
    return [
      {
        title: `${w.ward} (${w.bedsA} beds in A, ${w.bedsB} in B)`,
        rows: w.byHour
          .filter((h) => h.hour % step === 0)
          .map((h) => [when(h.at), diff(h.census), diff({ mean: h.pFull.mean * 100, ci95: [h.pFull.ci95[0] * 100, h.pFull.ci95[1] * 100] }, 0, ' pts')]),
      },
    ];
  });
  if (blocks.length > 0) out.push(renderBlocks(blocks, [false, true, true], ['time', 'patients in beds', 'chance full']));
  if (unchanged.length > 0) out.push('', `The same in every paired replication at every hour: ${unchanged.join(', ')}.`);
  if (c.edBoarding.some((h) => !same(h.difference))) {
    const boarding = c.edBoarding.filter((h) => h.hour % step === 0).map((h) => [when(h.at), diff(h.difference)]);
    out.push(renderBlocks([{ title: 'ED patients boarding', rows: boarding }], [false, true]));
  } else out.push('', 'ED patients boarding: the same in every paired replication.');
  const changedBookings = c.booked.filter((x) => !same(x.pCancelled));
  if (changedBookings.length > 0) {
    out.push(
      renderBlocks(
        [
          {
            title: 'Booked cases whose chance of cancellation changes',
            rows: changedBookings.map((x) => [
              x.booking,
              diff({ mean: x.pCancelled.mean * 100, ci95: [x.pCancelled.ci95[0] * 100, x.pCancelled.ci95[1] * 100] }, 0, ' pts'),
            ]),
          },
        ],
        [false, true],
      ),
    );
  } else if (c.booked.length > 0) out.push('', `Booked cases: the chance of cancellation is the same for all ${c.booked.length}.`);
  out.push('', `Staff overtime before midnight: ${diff(c.overtimeTodayHours, 1, ' hours')}`);
  return `${out.join('\n')}\n`;
}
