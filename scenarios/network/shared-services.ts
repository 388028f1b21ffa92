/**
 * Shared devices and services of a network: a device or room of one site (the
 * owner) that patients of other sites use, travelling there and back, booked by
 * a rule (first come, or a number of slots reserved per user site per week), at
 * an internal price per use that the owner charges the user site. The network
 * file declares them; the merged model's `network` section keeps them with the
 * resource's merged id, and the `useShared` step reads them there.
 */
import { z } from 'zod';
import { Id, nonNegative } from '../schema/common.js';
import type { ScenarioIssue } from '../schema/errors.js';

/** Slots per week each user site may book; a site not listed books none. */
const Reserved = z.strictObject({ slotsPerWeek: z.record(Id, z.number().int('must be a whole number').nonnegative('must be 0 or more')) });

/** A shared service as the network file writes it. */
export const SharedService = z.strictObject({
  id: Id,
  /** A name for people: "DSA suite". */
  name: z.string().optional(),
  /** The site that owns the device and charges for its use. */
  owner: Id,
  /** The owner's resource, as the owner's hospital names it. */
  resource: Id,
  /** What the owner charges the user site per use, in the region's currency. */
  pricePerUse: nonNegative(),
  /** "firstCome": one queue for every site; or slots reserved per user site per week. */
  booking: z.union([z.literal('firstCome'), Reserved]).default('firstCome'),
});

/** The same in the merged model's network section: the resource by its merged id. */
export const SharedServiceRef = z.strictObject({
  id: Id,
  name: z.string().optional(),
  owner: Id,
  resource: Id,
  pricePerUse: nonNegative(),
  /** Slots per week by user site; absent: first come. */
  slotsPerWeek: z.record(Id, z.number().int().nonnegative()).optional(),
});

export type SharedServiceInput = z.output<typeof SharedService>;
export type SharedServiceSpec = z.output<typeof SharedServiceRef>;

/** Each service's owner and booking sites are sites of the network; ids are unique. */
export function checkSharedServices(
  services: readonly SharedServiceInput[],
  sites: ReadonlySet<string>,
  didYouMean: (name: string) => string,
): ScenarioIssue[] {
  const problems: ScenarioIssue[] = [];
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ path: `services[${i}].id`, message: `"${s.id}" is already used by another service` });
    seen.add(s.id);
    if (!sites.has(s.owner)) problems.push({ path: `services[${i}].owner`, message: `is not a site${didYouMean(s.owner)}` });
    if (s.booking !== 'firstCome')
      for (const site of Object.keys(s.booking.slotsPerWeek))
        if (!sites.has(site)) problems.push({ path: `services[${i}].booking.slotsPerWeek.${site}`, message: `is not a site${didYouMean(site)}` });
  });
  return problems;
}

/** The services as the merged model keeps them: each resource by the id its owner's prefix gives it. */
export function mergedServices(services: readonly SharedServiceInput[], prefixOf: (site: string) => string): SharedServiceSpec[] {
  return services.map((s) => ({
    id: s.id,
    ...(s.name !== undefined ? { name: s.name } : {}),
    owner: s.owner,
    resource: prefixOf(s.owner) + s.resource,
    pricePerUse: s.pricePerUse,
    ...(s.booking !== 'firstCome' ? { slotsPerWeek: s.booking.slotsPerWeek } : {}),
  }));
}
