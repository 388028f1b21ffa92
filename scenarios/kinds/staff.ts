/** Staff groups on a weekly roster of shifts: paid for every hour on duty, busy or idle, with overtime at a premium. */
import { z } from 'zod';
import { ClockTime, count, Days, Id, nonNegative } from '../schema/common.js';
import { weeklyRoster } from '../compile/weekly-profile.js';
import { plainId } from '../plain-id.js';
import { defineKind } from './kind.js';

const Shift = z.strictObject({
  days: Days,
  start: ClockTime,
  end: ClockTime,
  count: count(),
});

const StaffGroup = z.strictObject({
  id: Id,
  name: z.string().optional(),
  department: Id,
  hourlyCost: nonNegative(),
  /** Extra paid for an overtime hour, as a fraction of the hourly cost (0.5 = time and a half). */
  overtimePremium: nonNegative().default(0.5),
  shifts: z.array(Shift).min(1, 'must have at least one shift'),
});

export const staff = defineKind({
  section: 'staff',
  schema: StaffGroup,
  kinds: ['staff'],
  noun: 'a staff group',
  element: 'staff group',
  eventLogNoun: 'staff',
  figureSection: 'staff',
  today: 'onDuty',
  compile: (g) => ({
    name: g.id,
    kind: 'staff',
    department: g.department,
    capacity: 0,
    roster: weeklyRoster(g.shifts),
    costPerBusyHour: g.hourlyCost,
    costPerIdleHour: g.hourlyCost,
    overtimePremiumPerHour: g.hourlyCost * g.overtimePremium,
    fixedCostPerDay: 0,
  }),
  plainName: (g) => g.name,
  layout: (g) => ({ label: g.name ?? plainId(g.id), shape: 'staff', station: true }),
});
