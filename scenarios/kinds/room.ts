/** Operating rooms: open in sessions, cleaned between cases, with a rule for a case that would overrun. */
import { z } from 'zod';
import { nonNegative, minutesOfDay, Id } from '../schema/common.js';
import { DistributionSchema } from '../schema/distribution.js';
import { weeklyRoster } from '../compile/weekly-profile.js';
import { checkNonNegativeSupport, toSpec } from '../verbs/index.js';
import { plainId } from '../plain-id.js';
import { defineKind } from './kind.js';
import { Hours } from './hours.js';

const OperatingRoom = z.strictObject({
  id: Id,
  /**
   * When the room is open. `specialty` labels a session for reports and the viewer;
   * it does not restrict who may use it. To reserve blocks for a specialty, declare
   * one room id per block (e.g. `or1-ortho` with Monday sessions, `or1-general` with
   * Tuesday's) and point each specialty's pathway at its own blocks, with `oneOf`.
   */
  sessions: z.array(Hours.extend({ specialty: z.string().optional() })).min(1),
  turnover: DistributionSchema,
  /** A case that would run past the session end: start it and pay overtime, or cancel it. */
  overrun: z.enum(['startAnyway', 'cancel']),
  /**
   * Kept free of elective cases for emergencies: when a step seizes `oneOf` several
   * rooms, only patients of priority above 0 may take this one (and a plain seize of
   * it must have such a priority). The other emergency policy, bumping, needs no flag:
   * give emergencies a higher priority, so they go first, and electives that then
   * would overrun their session are cancelled (`overrun: cancel`).
   */
  emergencyOnly: z.boolean().default(false),
  /**
   * Emergencies against this room's list: a case of priority above 0 that takes the
   * room bumps the first elective case waiting for it, which is then `cancel`led or
   * `move`d behind the emergency (and may overrun or be cancelled by `overrun`).
   * Reports the cases bumped and the emergencies' waits for the room. Absent: no
   * rule (emergencies still go first by priority, uncounted).
   */
  bumpedElective: z.enum(['cancel', 'move']).optional(),
  costPerHour: nonNegative(),
  fixedCostPerDay: nonNegative().default(0),
});

export const room = defineKind({
  section: 'operatingRooms',
  schema: OperatingRoom,
  kinds: ['room'],
  noun: 'an operating room',
  element: 'operating room',
  eventLogNoun: 'operating room',
  figureSection: 'theatres',
  today: 'outOfOrder',
  check(r, path, problem) {
    r.sessions.forEach((session, k) => {
      const start = minutesOfDay(session.start);
      const end = minutesOfDay(session.end);
      if (end <= start) problem(`${path}.sessions[${k}].end`, `must be after start (${session.start}), got ${session.end}`);
    });
    checkNonNegativeSupport(r.turnover, `${path}.turnover`, problem);
    if (r.bumpedElective !== undefined && r.emergencyOnly) {
      problem(
        `${path}.bumpedElective`,
        'is for a room with an elective list; this room is emergencyOnly (held for emergencies), so it has no elective case to bump',
      );
    }
  },
  compile: (r) => ({
    name: r.id,
    kind: 'room',
    department: 'theatres',
    capacity: 0,
    roster: weeklyRoster(r.sessions.map((x) => ({ ...x, count: 1 }))),
    turnover: toSpec(r.turnover),
    overrun: r.overrun,
    emergencyOnly: r.emergencyOnly,
    ...(r.bumpedElective !== undefined ? { bumpedElective: r.bumpedElective } : {}),
    costPerBusyHour: r.costPerHour,
    costPerIdleHour: 0,
    overtimePremiumPerHour: 0,
    fixedCostPerDay: r.fixedCostPerDay,
  }),
  plainName: (r) => plainId(r.id),
  layout: (r) => ({ label: plainId(r.id), shape: 'room', zone: 'theatres', station: false }),
});
