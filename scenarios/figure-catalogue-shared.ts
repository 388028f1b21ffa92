/**
 * The catalogue's entries for a network's shared devices and costs by site
 * (sim-core's shared-use and site-cost observers): uses of a shared device by
 * each user site, the internal charges each site earned and paid, and every
 * cost figure per site and for the region, in money of the scenario's
 * currency. Kept apart from figure-catalogue.ts, which asks here first.
 */
import type { FigureInfo, FigureUnit, SectionId } from './figure-catalogue.js';
import { COST_TYPE_WORDS } from './cost-type-words.js';

const COST_PART: Record<string, string> = {
  total: 'total',
  ...COST_TYPE_WORDS,
  capacity: 'of which idle rostered capacity',
  perPatient: 'per arrival',
  afterCharges: 'after internal charges (own cost + charges paid - charges earned)',
};

/** Order of the parts in a site's block of costs. */
const RANK = Object.keys(COST_PART);

/** The entry of a shared-device or site-cost id, or null for any other id. `nameOf` gives a site's or service's plain name. */
export function describeSharedFigure(id: string, nameOf: (subject: string) => string): FigureInfo | null {
  // The subject is what a comparison's rows are headed by: the site's name, as the network file gives it.
  const entry = (section: SectionId, subject: string, measure: string, unit: FigureUnit, label: string, rank = 0): FigureInfo => ({
    section,
    subject: subject === 'region' ? 'Region (all sites)' : nameOf(subject),
    measure,
    unit,
    quietWhenZero: false,
    rank,
    label,
    // Uses and charges move money between sites; costs are lower-is-better only as a whole, and per site they move.
    direction: section === 'siteCosts' && !id.includes('harges') ? 'lowerIsBetter' : 'neither',
    nonNegative: id !== 'regionCost.internalCharges',
  });
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^shared\.([^.]+)\.([^.]+)\.uses$/)))
    return entry('network', m[2]!, `uses of the shared ${nameOf(m[1]!)}`, 'events', `Shared ${nameOf(m[1]!)}: uses by patients of ${nameOf(m[2]!)}`);
  if ((m = id.match(/^charges\.([^.]+)\.(income|paid)$/))) {
    const earned = m[2] === 'income';
    return entry(
      'siteCosts',
      m[1]!,
      earned ? 'internal charges earned' : 'internal charges paid',
      'money',
      `${nameOf(m[1]!)}: internal charges ${earned ? 'earned from other sites' : 'paid to other sites'} for shared devices`,
      RANK.length + (earned ? 0 : 1),
    );
  }
  if ((m = id.match(/^siteCost\.([^.]+)\.([A-Za-z]+)$/)) && COST_PART[m[2]!] !== undefined)
    return entry('siteCosts', m[1]!, `cost, ${COST_PART[m[2]!]!}`, 'money', `Cost of ${nameOf(m[1]!)}: ${COST_PART[m[2]!]!}`, RANK.indexOf(m[2]!));
  if (id === 'regionCost.sharedResources')
    return entry('siteCosts', 'region', 'cost of shared resources', 'money', "Cost of the region's own resources (ambulances, no site's)", RANK.length + 2);
  if (id === 'regionCost.internalCharges')
    return entry(
      'siteCosts',
      'region',
      'internal charges, net',
      'money',
      'Internal charges netted over the region (paid less earned; 0 when they balance)',
      RANK.length + 3,
    );
  if ((m = id.match(/^regionCost\.([A-Za-z]+)$/)) && COST_PART[m[1]!] !== undefined)
    return entry('siteCosts', 'region', `cost, ${COST_PART[m[1]!]!}`, 'money', `Cost of the region (all sites): ${COST_PART[m[1]!]!}`, RANK.indexOf(m[1]!));
  return null;
}
