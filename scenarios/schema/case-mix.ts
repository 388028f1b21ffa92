/**
 * Case-mix groups (DRG/DIP) and what the payer pays for each: a case of group
 * g is paid weight(g) × baseRate, plus perDayWeight × baseRate for each day it
 * stays beyond the group's upper trim point (the long-stay outlier payment).
 * Which group a patient is in is a patient attribute (default `drg`), given
 * per class as a mix like any attribute (`attributes: { drg: { values, weights } }`).
 *
 * A group may have no weight (a calibrated scenario whose log gives each case
 * its DRG but not what the payer pays for it): its cases and cost per case are
 * reported, its payment and margin are not known and not reported.
 */
import { z } from 'zod';
import { Id, nonNegative, positive } from './common.js';

const CaseMixGroup = z
  .strictObject({
    /** The group's code as the attribute's values give it ("F62C"). */
    code: z.union([z.string().min(1), z.number()]),
    /** What the group is, in words ("Heart failure without complications"). */
    name: z.string().min(1).optional(),
    /** Relative weight (cost weight) of the group; absent: what the payer pays for it is not known. */
    weight: nonNegative().optional(),
    /** Long-stay outlier: days beyond `trimDays` are paid `perDayWeight` × base rate each. */
    outlier: z.strictObject({ trimDays: positive(), perDayWeight: nonNegative() }).optional(),
  })
  .refine((g) => g.outlier === undefined || g.weight !== undefined, { message: "a long-stay outlier payment needs the group's weight", path: ['outlier'] });

export const CaseMixSchema = z
  .strictObject({
    /** The patient attribute whose values are the group codes. */
    attribute: Id.default('drg'),
    /** Payment for a relative weight of 1 (in the scenario's currency); needed when any group has a weight. */
    baseRate: nonNegative().optional(),
    groups: z.array(CaseMixGroup).min(1, 'must have at least one group'),
  })
  .refine((m) => m.baseRate !== undefined || m.groups.every((g) => g.weight === undefined), {
    message: 'groups have relative weights, so a base rate is needed (the payment for a weight of 1)',
    path: ['baseRate'],
  });

export type CaseMixSpec = z.output<typeof CaseMixSchema>;
