/**
 * Where a transfer can go and how long the trip takes: the network's sites,
 * the travel list (a distribution per pair, one way or both), and for pairs it
 * does not list, the straight-line distance at the network's minutes per km.
 */
import type { DistributionInput } from '../schema/distribution.js';
import type { NetworkSectionSpec } from './network-section.js';

type Site = NetworkSectionSpec['sites'][number];

/** The travel time from one site to another as written (a constant from the distance if no pair is listed). */
export function travelBetween(network: NetworkSectionSpec, from: string, to: string): DistributionInput {
  const direct = network.travel.find((t) => t.from === from && t.to === to);
  if (direct) return direct.minutes;
  const back = network.travel.find((t) => t.from === to && t.to === from && t.bothWays);
  if (back) return back.minutes;
  const a = siteOf(network, from);
  const b = siteOf(network, to);
  const km = a && b ? Math.hypot(a.xKm - b.xKm, a.yKm - b.yKm) : 0;
  return { type: 'constant', value: km * network.minutesPerKm };
}

export function siteOf(network: NetworkSectionSpec, id: string): Site | undefined {
  return network.sites.find((s) => s.id === id);
}

/** The site a pathway of the merged scenario belongs to: the one whose prefix it carries (the only one in a network of one). */
export function siteOfPathway(network: NetworkSectionSpec, pathway: string): Site | undefined {
  if (network.sites.length === 1) return network.sites[0];
  return network.sites.find((s) => s.prefix !== '' && pathway.startsWith(s.prefix));
}

/**
 * The travel time for a trip that starts in each hour of the day (24 entries), when the pair lists hours of
 * its own (`byHour`); null when it does not (every hour alike: `travelBetween`).
 */
export function travelByHour(network: NetworkSectionSpec, from: string, to: string): DistributionInput[] | null {
  const pair = network.travel.find((t) => t.from === from && t.to === to) ?? network.travel.find((t) => t.from === to && t.to === from && t.bothWays);
  if (pair?.byHour === undefined || pair.byHour.length === 0) return null;
  return Array.from({ length: 24 }, (_, h) => pair.byHour!.find((w) => w.from <= h && h < w.to)?.minutes ?? pair.minutes);
}
