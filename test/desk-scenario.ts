/**
 * The M/M/2 desk the queue tests send through Redis: one office with two
 * desks, 60 visitors a day, 40-minute exponential service. Each test picks its
 * name, length and replications (a long desk is one a worker can be killed in
 * the middle of).
 */
export function deskScenario(o: { name: string; days: number; replications: number }): string {
  return `
name: ${o.name}
start: "2026-01-05T00:00"
horizonDays: ${o.days}
warmupDays: 2
replications: ${o.replications}
seed: 7
resources: [{ id: desk, department: office, units: 2 }]
patientClasses:
  - { id: visitor, department: office, arrivals: { type: weekly, perDay: 60 }, pathway: visit }
pathways:
  visit:
    - { seize: [desk] }
    - { hold: { type: exponential, mean: 40 }, activity: service }
    - { release: all }
`;
}
