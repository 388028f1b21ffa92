/** Wards of beds: a bed is held for the whole stay, charged per bed-day, idle or not. */
import { z } from 'zod';
import { count, Id, nonNegative } from '../schema/common.js';
import { plainId } from '../plain-id.js';
import { defineKind } from './kind.js';

const Ward = z.strictObject({
  id: Id,
  name: z.string().optional(),
  type: z.enum(['general', 'icu', 'stepdown', 'ed']),
  department: Id.optional(),
  beds: z.number().int().positive('must be a positive integer'),
  costPerBedDay: nonNegative(),
  /** 0 = no waiting room: patients who find it full are turned away. */
  queueCapacity: count().optional(),
});

export const ward = defineKind({
  section: 'wards',
  schema: Ward,
  kinds: ['ward'],
  noun: 'a ward',
  element: 'ward',
  eventLogNoun: 'ward',
  figureSection: 'wards',
  today: 'closedBeds',
  compile: (w) => ({
    name: w.id,
    kind: 'ward',
    department: w.department ?? w.id,
    capacity: w.beds,
    ...(w.queueCapacity !== undefined ? { queueCapacity: w.queueCapacity } : {}),
    costPerBusyHour: w.costPerBedDay / 24,
    costPerIdleHour: w.costPerBedDay / 24,
    overtimePremiumPerHour: 0,
    fixedCostPerDay: 0,
  }),
  plainName: (w) => w.name ?? plainId(w.id),
  layout: (w) => ({
    label: w.name ?? plainId(w.id),
    shape: w.type === 'ed' ? 'trolley' : 'bed',
    zone: w.type === 'ed' ? 'ed' : w.type === 'icu' ? 'icu' : 'ward',
    station: false,
    zoneName: w.name ?? w.id,
  }),
});
