/**
 * Other resources: a plain pool of units (cubicles, a single server in a
 * textbook queue), or, with `units: unlimited`, room for everyone at once:
 * no one ever waits for it (an infinite-server station, M/G/inf), so its time
 * is a delay that depends on no one else (a lab's turnaround, recovery at home).
 */
import { z } from 'zod';
import { count, Id, nonNegative } from '../schema/common.js';
import { plainId } from '../plain-id.js';
import { defineKind } from './kind.js';

/** A whole number of units, or `unlimited` (YAML's `.inf` is no number a document can carry). */
const Units = z.custom<number | 'unlimited'>((v) => v === 'unlimited' || (typeof v === 'number' && Number.isInteger(v) && v > 0), {
  error: 'must be a positive whole number of units, or unlimited',
});

const Pool = z.strictObject({
  id: Id,
  department: Id,
  units: Units,
  queueCapacity: count().optional(),
  costPerHour: nonNegative().default(0),
  /** Cost of a unit-hour standing idle (capacity cost, as staff's idle hours are paid). */
  costPerIdleHour: nonNegative().default(0),
});

/** Units the viewer draws for a resource of unlimited units. */
const DRAWN_UNLIMITED = 12;

export const pool = defineKind({
  section: 'resources',
  schema: Pool,
  kinds: ['pool', 'unlimited'],
  noun: 'a resource',
  element: 'resource',
  eventLogNoun: 'resource pool',
  figureSection: 'otherResources',
  check(p, path, problem) {
    if (p.units !== 'unlimited') return;
    if (p.queueCapacity !== undefined) problem(`${path}.queueCapacity`, 'means nothing with units: unlimited (no one waits for it); remove it');
    if (p.costPerIdleHour > 0) problem(`${path}.costPerIdleHour`, 'must be 0 with units: unlimited (it has no idle units to pay for)');
  },
  compile: (p) => ({
    name: p.id,
    kind: p.units === 'unlimited' ? 'unlimited' : 'pool',
    department: p.department,
    // The kernel gives a resource of the unlimited kind more units than any run can hold.
    capacity: p.units === 'unlimited' ? 0 : p.units,
    ...(p.queueCapacity !== undefined ? { queueCapacity: p.queueCapacity } : {}),
    costPerBusyHour: p.costPerHour,
    costPerIdleHour: p.costPerIdleHour,
    overtimePremiumPerHour: 0,
    fixedCostPerDay: 0,
  }),
  plainName: (p) => plainId(p.id),
  layout: (p) => ({
    label: plainId(p.id),
    shape: 'unit',
    shapeInEd: 'trolley',
    station: false,
    ...(p.units === 'unlimited' ? { drawnUnits: DRAWN_UNLIMITED } : {}),
  }),
});
