import type { ResourceKind, ZoneKind } from './types.js';

export interface DepartmentFacts {
  resourceKinds: Set<ResourceKind>;
  wardTypes: Set<string>;
  /** A patient class of this department counts against the ED's 4-hour target. */
  emergencyClass: boolean;
}

/** What a department is, judged from what it holds (an OR makes it the theatres, a CT imaging). */
export function zoneKind(department: string, facts: DepartmentFacts): ZoneKind {
  if (facts.resourceKinds.has('room')) return 'theatres';
  if (facts.resourceKinds.has('device')) return 'imaging';
  if (facts.wardTypes.has('ed') || facts.emergencyClass || /^(ed|ae|a-e|a&e|er|emergency.*)$/i.test(department)) return 'ed';
  if (facts.wardTypes.has('icu')) return 'icu';
  if (facts.wardTypes.size > 0) return 'ward';
  return 'other';
}

/** Left to right along the corridor. */
export const ZONE_ORDER: Record<ZoneKind, number> = { ed: 0, imaging: 1, theatres: 2, other: 3, icu: 4, ward: 5 };

export function zoneLabel(kind: ZoneKind, department: string, wardNames: string[]): string {
  switch (kind) {
    case 'ed':
      return 'Emergency department';
    case 'imaging':
      return 'Imaging';
    case 'theatres':
      return 'Operating theatres';
    case 'icu':
      return wardNames.length === 1 && wardNames[0] !== department ? wardNames[0]! : department.length <= 4 ? department.toUpperCase() : department;
    case 'ward':
      return wardNames.length === 1 ? `Ward: ${wardNames[0]!}` : `Wards: ${department}`;
    case 'other':
      return department;
  }
}
