/**
 * The catalogue's entries for a network's transfers (sim-core's transfer
 * observer): patients moved by reason and the hours they travelled, and each
 * site's transfers out and in. Kept apart from figure-catalogue.ts, which asks
 * here first.
 */
import type { FigureInfo, FigureUnit } from './figure-catalogue.js';

/** The entry of a transfer id, or null for any other id. `nameOf` gives a site's or reason's plain name. */
export function describeNetworkFigure(id: string, nameOf: (subject: string) => string): FigureInfo | null {
  const entry = (subject: string, measure: string, unit: FigureUnit, label: string): FigureInfo => ({
    section: 'network',
    // The subject heads the report's rows: a site's or a reason's plain name, as the network file gives it.
    subject: subject === 'diversion' ? 'Diverted arrivals' : nameOf(subject),
    measure,
    unit,
    quietWhenZero: false,
    rank: 0,
    label,
    // Transfers are volumes: more is neither better nor worse in itself.
    direction: 'neither',
    nonNegative: true,
  });
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^transfers\.(.+)\.count$/))) return entry(m[1]!, 'patients transferred', 'patients', `Transfers for ${nameOf(m[1]!)}: patients moved`);
  if ((m = id.match(/^transfers\.(.+)\.travelHours$/)))
    return entry(m[1]!, 'hours travelling', 'hours', `Transfers for ${nameOf(m[1]!)}: hours patients spent travelling`);
  if ((m = id.match(/^transfers\.(.+)\.out$/))) return entry(m[1]!, 'patients transferred out', 'patients', `Site ${nameOf(m[1]!)}: patients transferred out`);
  if ((m = id.match(/^transfers\.(.+)\.in$/))) return entry(m[1]!, 'patients transferred in', 'patients', `Site ${nameOf(m[1]!)}: patients transferred in`);
  // Ambulance diversion (sim-core's diversion observer): hours on diversion are worse the more there are.
  if ((m = id.match(/^diversion\.(.+)\.hours$/)))
    return { ...entry(m[1]!, 'hours on diversion', 'hours', `Site ${nameOf(m[1]!)}: hours on ambulance diversion`), direction: 'lowerIsBetter' };
  if ((m = id.match(/^diversion\.(.+)\.divertedOut$/)))
    return entry(m[1]!, 'arrivals diverted away', 'patients', `Site ${nameOf(m[1]!)}: ambulance arrivals diverted to another site`);
  if ((m = id.match(/^diversion\.(.+)\.divertedIn$/)))
    return entry(m[1]!, 'diverted arrivals taken in', 'patients', `Site ${nameOf(m[1]!)}: ambulance arrivals taken in from a site on diversion`);
  if (id === 'diversion.travelHours')
    return entry('diversion', 'extra hours travelling', 'hours', 'Diverted ambulance arrivals: extra hours travelling to another site');
  return null;
}
