/** Figures grouped the way the CLI report reads: headline first, then by subject. */
export const HEADLINE = ['ed.within4h', 'ed.los.mean', 'ed.leftUnseenShare', 'boarding.hours', 'cancellations', 'overtime.hours', 'cost.total', 'cost.perPatient'];

const GROUPS: [string, RegExp][] = [
  ['Emergency department', /^ed\./],
  ['Waits', /^wait\./],
  ['Beds', /^(occupancy|beds)\./],
  ['Resources', /^(utilisation|queue|refused)\./],
  ['Overtime', /^overtime\./],
  ['Imaging', /^imaging\./],
  ['Stock', /^stock\./],
  ['Patients', /^(arrivals|throughput|cancellations|turnedAway|leftUnseen|los)(\.|$)/],
  ['Costs', /^cost\./],
];

export function groupOf(id: string): string {
  return GROUPS.find(([, re]) => re.test(id))?.[0] ?? 'Other';
}

export const GROUP_ORDER = [...GROUPS.map(([g]) => g), 'Other'];

/** "wait.edDoctor.p90" → "wait edDoctor p90" (ids stay visible: scripts use them). */
export function figureLabel(id: string): string {
  return id.replaceAll('.', ' · ');
}
