/** Imaging devices: open by the hour, with breakdowns that take a unit out until it is repaired. */
import { z } from 'zod';
import { Id, nonNegative } from '../schema/common.js';
import { distributionMean } from '../distributions/index.js';
import { DistributionSchema } from '../schema/distribution.js';
import { weeklyRoster } from '../compile/weekly-profile.js';
import { checkNonNegativeSupport, toSpec } from '../verbs/index.js';
import { plainId } from '../plain-id.js';
import { defineKind } from './kind.js';
import { Hours } from './hours.js';

const ImagingDevice = z.strictObject({
  id: Id,
  kind: z.enum(['CT', 'MRI', 'XRay', 'Ultrasound', 'DSA']),
  units: z.number().int().positive().default(1),
  openingHours: z.array(Hours).min(1),
  breakdowns: z.strictObject({ timeBetweenFailures: DistributionSchema, timeToRepair: DistributionSchema }).optional(),
  costPerHour: nonNegative(),
  /** Cost of an open hour in which the device stands idle (capacity cost, as staff's idle hours are paid). */
  costPerIdleHour: nonNegative().default(0),
  fixedCostPerDay: nonNegative().default(0),
});

export const device = defineKind({
  section: 'imaging',
  schema: ImagingDevice,
  kinds: ['device'],
  noun: 'an imaging device',
  element: 'imaging device',
  eventLogNoun: 'imaging device',
  figureSection: 'imaging',
  today: 'outOfOrder',
  check(d, path, problem) {
    if (!d.breakdowns) return;
    checkNonNegativeSupport(d.breakdowns.timeBetweenFailures, `${path}.breakdowns.timeBetweenFailures`, problem);
    checkNonNegativeSupport(d.breakdowns.timeToRepair, `${path}.breakdowns.timeToRepair`, problem);
    if (distributionMean(d.breakdowns.timeBetweenFailures) <= 0) problem(`${path}.breakdowns.timeBetweenFailures`, 'must have a positive mean');
  },
  compile: (d) => ({
    name: d.id,
    kind: 'device',
    department: 'imaging',
    capacity: 0,
    roster: weeklyRoster(d.openingHours.map((h) => ({ ...h, count: d.units }))),
    ...(d.breakdowns ? { breakdowns: { timeBetweenFailures: toSpec(d.breakdowns.timeBetweenFailures), timeToRepair: toSpec(d.breakdowns.timeToRepair) } } : {}),
    costPerBusyHour: d.costPerHour,
    costPerIdleHour: d.costPerIdleHour,
    overtimePremiumPerHour: 0,
    fixedCostPerDay: d.fixedCostPerDay,
  }),
  plainName: (d) => plainId(d.id),
  layout: (d) => ({
    label: plainId(d.id).toLowerCase().startsWith(d.kind.toLowerCase()) ? plainId(d.id) : `${plainId(d.id)} (${d.kind})`,
    shape: 'device',
    zone: 'imaging',
    station: false,
  }),
});
