/**
 * The part of a network that a merged hospital scenario keeps: its sites (with
 * the prefix their names carry and where they are) and the travel times
 * between them. The transfer verb reads it to choose a destination and draw
 * the trip; a hospital on its own has none.
 */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { DistributionSchema } from '../schema/distribution.js';
import { SharedServiceRef } from './shared-services.js';

export const SiteRef = z.strictObject({
  id: Id,
  name: z.string().optional(),
  /** What this site's resources, classes, pathways and steps are prefixed with in the merged model ("" for a network of one). */
  prefix: z.string(),
  /** Position on the region's map plane, in km. */
  xKm: z.number().finite(),
  yKm: z.number().finite(),
});

export const TravelTime = z.strictObject({
  from: Id,
  to: Id,
  /** Minutes by road, one draw per trip. */
  minutes: DistributionSchema,
  /** The same time applies from `to` to `from` unless that pair is listed too. */
  bothWays: z.boolean().default(true),
});

export const NetworkSection = z.strictObject({
  sites: z.array(SiteRef).min(1, 'must have at least one site'),
  travel: z.array(TravelTime).default([]),
  /** Minutes per km of straight-line distance, for pairs the travel list does not give (default 1.5: 40 km/h). */
  minutesPerKm: z.number().finite().nonnegative('must be 0 or more').default(1.5),
  /** Shared devices: their owner, merged resource id, price and booking (shared-services.ts). */
  services: z.array(SharedServiceRef).default([]),
});

export type NetworkSectionInput = z.input<typeof NetworkSection>;
export type NetworkSectionSpec = z.output<typeof NetworkSection>;
