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
  /** Other times for trips that start within hours of the day (rush hours): `{ from, to, minutes }`, hours 0-24, `from` inclusive. */
  byHour: z
    .array(
      // That `to` comes after `from` is checked with the network's sites (parse-network.ts).
      z.strictObject({
        from: z.number().int('must be a whole hour').min(0, 'must be 0 to 23').max(23, 'must be 0 to 23'),
        to: z.number().int('must be a whole hour').min(1, 'must be 1 to 24').max(24, 'must be 1 to 24'),
        minutes: DistributionSchema,
      }),
    )
    .optional(),
});

/** A place patients live (a county, a district), on the region's map plane: a down-referral goes to the site nearest it. */
export const Area = z.strictObject({
  id: Id,
  name: z.string().optional(),
  xKm: z.number().finite(),
  yKm: z.number().finite(),
});

export const NetworkSection = z.strictObject({
  sites: z.array(SiteRef).min(1, 'must have at least one site'),
  travel: z.array(TravelTime).default([]),
  /** Minutes per km of straight-line distance, for pairs the travel list does not give (default 1.5: 40 km/h). */
  minutesPerKm: z.number().finite().nonnegative('must be 0 or more').default(1.5),
  /** Where patients live, for the transfer rule "nearest-home" (values of a patient attribute name an area or a site). */
  areas: z.array(Area).default([]),
  /** Shared devices: their owner, merged resource id, price and booking (shared-services.ts). */
  services: z.array(SharedServiceRef).default([]),
});

export type NetworkSectionInput = z.input<typeof NetworkSection>;
export type NetworkSectionSpec = z.output<typeof NetworkSection>;
