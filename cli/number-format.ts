/** How a figure's numbers are written in the terminal, by its unit. */
import type { FigureUnit } from '../scenarios/index.js';

export type Unit = FigureUnit;

export const UNIT_SUFFIX: Record<Unit, string> = {
  share: '%',
  minutes: 'min',
  hours: 'h',
  days: 'days',
  patients: 'patients',
  beds: 'beds',
  units: 'units',
  events: '',
  money: '',
};

/** Decimals that show the figure's precision without noise: fewer as numbers grow. */
export function decimalsFor(unit: Unit, magnitude: number): number {
  if (magnitude === 0) return 0;
  if (unit === 'share') return 1;
  if (unit === 'money') return magnitude >= 100 ? 0 : 2;
  const m = Math.abs(magnitude);
  if (!Number.isFinite(m) || m >= 1000) return 0;
  if (m >= 10) return 1;
  if (m >= 1) return 2;
  return 3;
}

const formats = new Map<number, Intl.NumberFormat>();

/** A number in the unit's scale (shares as percent), with thousands separators. */
export function formatNumber(value: number, unit: Unit, decimals: number): string {
  if (!Number.isFinite(value)) return '–';
  const v = unit === 'share' ? value * 100 : value;
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, f);
  }
  const s = f.format(v);
  // "-0.0" says nothing a reader can use.
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}
