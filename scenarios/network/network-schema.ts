/**
 * A network scenario as written: sites, each a hospital (a built-in by name,
 * or a hospital scenario inline), where each is on the map, the travel times
 * between them and the region's run settings. It compiles to one hospital
 * scenario whose names carry their site (merge-sites.ts), so one event
 * calendar runs the whole region.
 */
import { z } from 'zod';
import { Id, LocalDateTime, nonNegative, positive } from '../schema/common.js';
import { DiversionRule } from './diversion.js';
import { Area, TravelTime } from './network-section.js';
import { SharedService } from './shared-services.js';

const Hospital = z.union([
  z.strictObject({ builtin: z.string().min(1) }),
  /** A hospital scenario as a scenario file holds it (checked as one, then merged). */
  z.strictObject({ scenario: z.record(z.string(), z.unknown()) }),
]);

const Site = z.strictObject({
  id: Id,
  name: z.string().optional(),
  hospital: Hospital,
  /** Position on the region's map plane, in km from any origin. */
  xKm: z.number().finite().default(0),
  yKm: z.number().finite().default(0),
  /** Ambulance diversion: when this site sends new arrivals of some classes elsewhere (diversion.ts). */
  diversion: DiversionRule.optional(),
});

export const NetworkSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Run settings for the region; each absent one is the first site's. */
  start: LocalDateTime.optional(),
  horizonDays: positive().optional(),
  warmupDays: nonNegative().optional(),
  replications: z.number().int('must be a whole number').positive('must be at least 1').max(100_000, 'must be at most 100000').optional(),
  seed: z.union([z.number().int(), z.string().min(1)]).optional(),
  currency: z.string().optional(),
  sites: z.array(Site).min(1, 'must have at least one site'),
  travel: z.array(TravelTime).default([]),
  minutesPerKm: z.number().finite().nonnegative('must be 0 or more').default(1.5),
  /** Where patients live (`{ id, xKm, yKm }`): a patient attribute's values may name them, for the rule "nearest-home". */
  areas: z.array(Area).default([]),
  /**
   * Resources of the region (ambulances, a shared device), as a hospital scenario's resource sections write
   * them ({ pools: [...] }); they keep their own ids and any site's pathway may name them.
   */
  shared: z.record(z.string(), z.array(z.unknown())).default({}),
  /** Devices of one site that other sites' patients use, booked and paid for (shared-services.ts). */
  services: z.array(SharedService).default([]),
});

export type NetworkInput = z.input<typeof NetworkSchema>;
export type Network = z.output<typeof NetworkSchema>;
