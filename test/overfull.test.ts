/**
 * A replication holding more patients than it may stops with a message that
 * says why: a line that never moves is blamed on its resource; a scenario that
 * is simply that large is told so, not blamed on "a resource never available"
 * (issue 16, item 13).
 */
import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario } from '../scenarios/index.js';

function clinic(units: number, hold: number) {
  return compileScenario(
    parseScenario(
      {
        name: 'overfull',
        start: '2026-01-05T00:00',
        horizonDays: 3,
        resources: [{ id: 'desk', department: 'office', units }],
        patientClasses: [{ id: 'visitor', department: 'office', arrivals: { type: 'weekly', perDay: 400 }, pathway: 'visit' }],
        pathways: { visit: [{ seize: ['desk'] }, { hold: { type: 'constant', value: hold }, activity: 'visit' }] },
      },
      'overfull',
    ),
  );
}

describe('a replication with more patients than it may hold', () => {
  it('blames the resource whose line holds most of them', () => {
    expect(() => runHospital(clinic(1, 1440), { seed: 1, replication: 1, maxPatientsInSystem: 200 })).toThrow(
      /waiting for "desk" \(1 on duty now\): it is never available or far too small/,
    );
  });
  it('says the scenario is that large when no line holds them', () => {
    expect(() => runHospital(clinic(100_000, 1440 * 10), { seed: 1, replication: 1, maxPatientsInSystem: 200 })).toThrow(
      /most of them not waiting for any resource: the scenario holds more patients at once than one replication may \(200\)/,
    );
  });
});
