/**
 * The catalogue's entries for outlying (bed pooling): a stay that lists
 * several wards (`outlyTo`) puts a patient in another ward's bed when its own
 * is full. Kept apart from figure-catalogue.ts, which asks here first.
 */
import type { FigureInfo, FigureUnit } from './figure-catalogue.js';

/** The entry of an outlying id, or null for any other id. `nameOf` gives a ward's or step's plain name. */
export function describeOutlyingFigure(id: string, nameOf: (subject: string) => string): FigureInfo | null {
  const entry = (subject: string, measure: string, unit: FigureUnit, label: string): FigureInfo => ({
    section: 'wards',
    subject,
    measure,
    unit,
    quietWhenZero: false,
    rank: 0,
    label,
    // Outliers are cared for away from their specialty and stay longer: fewer is better.
    direction: 'lowerIsBetter',
    nonNegative: true,
  });
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^beds\.(.+)\.outliedBedDays$/))) {
    const measure = "bed-days of other wards' patients here (outliers)";
    return entry(m[1]!, measure, 'days', `${nameOf(m[1]!)}: ${measure}`);
  }
  if ((m = id.match(/^beds\.(.+)\.outliedAwayBedDays$/))) {
    const measure = 'bed-days its patients spent in other wards (outliers)';
    return entry(m[1]!, measure, 'days', `${nameOf(m[1]!)}: ${measure}`);
  }
  if ((m = id.match(/^outlied\.(.+)\.share$/))) {
    const measure = 'share of stays in another ward (outliers)';
    return entry(m[1]!, measure, 'share', `Stay ${nameOf(m[1]!)}: ${measure}`);
  }
  if ((m = id.match(/^outlied\.(.+)\.bedDays$/))) {
    const measure = 'bed-days in other wards (outliers)';
    return entry(m[1]!, measure, 'days', `Stay ${nameOf(m[1]!)}: ${measure}`);
  }
  return null;
}
