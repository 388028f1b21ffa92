/**
 * Figures in words and numbers, from the catalogue the CLI shares: a plain
 * label, the value in its unit, and an interval with its unit said once
 * ("0 – 452 h"). Intervals of non-negative figures are clipped at 0; paired
 * differences never are.
 */
import { describeFigure, scenarioFigureContext, shownInterval, type FigureContext, type FigureInfo, type Scenario } from '../../../scenarios/index.js';
import { numberFormat } from './number.js';

const contexts = new WeakMap<Scenario, FigureContext>();
const EMPTY: FigureContext = { kindOf: new Map(), surgicalClasses: new Set() };

/** The catalogue's reading of a scenario's figures (cached per scenario object). */
export function contextOf(scenario: Scenario | undefined): FigureContext {
  if (!scenario) return EMPTY;
  let ctx = contexts.get(scenario);
  if (!ctx) {
    try {
      ctx = scenarioFigureContext(scenario);
    } catch {
      // A scenario that does not compile has no run to describe; ids still get generic words.
      ctx = EMPTY;
    }
    contexts.set(scenario, ctx);
  }
  return ctx;
}

export function figureInfo(id: string, ctx: FigureContext): FigureInfo {
  return describeFigure(id, ctx);
}

/** Digits that carry information: fewer as numbers grow. */
function digits(x: number): number {
  const a = Math.abs(x);
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 1 : 2;
}

const SUFFIX: Record<FigureInfo['unit'], string> = {
  share: '%',
  minutes: ' min',
  hours: ' h',
  days: ' days',
  patients: '',
  beds: ' beds',
  units: ' units',
  events: '',
  money: '',
};

/**
 * A count of things that happen (patients cancelled, stock-outs), not an
 * average level ("patients waiting, mean"): shown in whole numbers, since
 * "2,142.3 cancellations" reads as a false precision. Differences keep theirs.
 */
export function isCount(info: FigureInfo): boolean {
  return info.unit === 'events' || (info.unit === 'patients' && !/\bmean\b/.test(info.measure));
}

/** The number alone, in the unit's scale (a share as percent), with no unit. */
function bare(info: FigureInfo, value: number, signed: boolean): string {
  if (!Number.isFinite(value)) return '–';
  let x = info.unit === 'share' ? value * 100 : value;
  if (Math.abs(x) < 1e-9 || (info.unit === 'money' && Math.abs(x) < 0.5)) x = 0;
  const d = info.unit === 'share' ? 1 : info.unit === 'money' ? (Math.abs(x) >= 100 ? 0 : 2) : !signed && isCount(info) ? 0 : digits(x);
  let s = numberFormat(d).format(x);
  if (/^-0([.,]0*)?$/.test(s)) s = s.slice(1);
  return signed && x > 0 ? `+${s}` : s;
}

/** The unit after a number: "%" for a value, " pts" (percentage points) for a difference of shares. */
export function unitText(info: FigureInfo, difference = false): string {
  return difference && info.unit === 'share' ? ' pts' : SUFFIX[info.unit];
}

/** "74.7%", "12.3 h", "553,179". */
export function valueText(info: FigureInfo, value: number): string {
  return `${bare(info, value, false)}${Number.isFinite(value) ? unitText(info) : ''}`;
}

/** A paired difference: "+2.8 pts", "-1,154 h", "+553,179". */
export function differenceText(info: FigureInfo, value: number): string {
  return `${bare(info, value, true)}${Number.isFinite(value) ? unitText(info, true) : ''}`;
}

/** The 95% interval of a figure across replications, clipped at 0 if it cannot be negative: "0 – 452 h". */
export function intervalText(info: FigureInfo, ci95: readonly [number, number]): string {
  if (!Number.isFinite(ci95[0]) || !Number.isFinite(ci95[1])) return 'one value: no interval';
  const { lo, hi } = shownInterval(info, ci95);
  return `${bare(info, lo, false)} – ${bare(info, hi, false)}${unitText(info)}`;
}

/** The 95% interval of a paired difference, never clipped: "-1,200 – +300 h". */
export function differenceIntervalText(info: FigureInfo, ci95: readonly [number, number]): string {
  if (!Number.isFinite(ci95[0]) || !Number.isFinite(ci95[1])) return 'no interval';
  return `${bare(info, ci95[0], true)} – ${bare(info, ci95[1], true)}${unitText(info, true)}`;
}

/** Whether a difference is an improvement, a worsening, or neither (not significant, or no better direction). */
export function verdictOf(info: FigureInfo, mean: number, significant: boolean): 'better' | 'worse' | 'neutral' {
  if (!significant || info.direction === 'neither' || mean === 0) return 'neutral';
  return mean > 0 === (info.direction === 'higherIsBetter') ? 'better' : 'worse';
}
