/**
 * A host for the arrival kinds' unit tests: a real Simulation and streams,
 * and a record of who arrived when (what the replication would be told).
 * Only the tests import it.
 */
import { Simulation } from '../../simulation.js';
import type { RandomStream } from '../../random/stream.js';
import type { ClassModel } from '../model.js';
import type { ArrivalModel } from './index.js';
import { arrivalKind } from './index.js';
import type { ArrivalHost } from './kind.js';
import type { ClinicVisit } from './clinic.js';

export interface Recorded {
  /** Each patient: when, and the list entry it came by (-1: none). */
  arrivals: { at: number; entry: number }[];
  visits: (ClinicVisit & { at: number })[];
  late: { at: number; session: number; resource: number; minutes: number }[];
}

/** Runs the arrivals of one class from time 0 to `until` minutes (the week starting Monday 00:00 unless told). */
export function runArrivals(arrivals: ArrivalModel, until: number, seed = 1, startMinuteOfWeek = 0): Recorded {
  const sim = new Simulation({ seed });
  const rec: Recorded = { arrivals: [], visits: [], late: [] };
  const host: ArrivalHost = {
    sim,
    stream: (name: string): RandomStream => sim.stream(`${name}#1`),
    arrive: (_c, entry) => rec.arrivals.push({ at: sim.now, entry }),
    arriveForClinic: (_c, visit) => rec.visits.push({ ...visit, at: sim.now }),
    lateStart: (_c, session, resource, minutes) => rec.late.push({ at: sim.now, session, resource, minutes }),
  };
  const cls: ClassModel = { name: 'c', department: 'd', emergencyDepartment: false, priority: 0, arrivals, attributes: [], pathway: 0 };
  arrivalKind(arrivals).start(host, cls, 0, startMinuteOfWeek);
  sim.run(until);
  return rec;
}
