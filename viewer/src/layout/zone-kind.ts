import type { ZoneKind } from './types.js';

export interface DepartmentFacts {
  /** The zones its resources make it (scenarios/kinds layout specs: an OR, theatres; a CT, imaging; an ICU ward, icu). */
  zones: Set<Exclude<ZoneKind, 'other'>>;
  /** A patient class of this department counts against the ED's 4-hour target. */
  emergencyClass: boolean;
}

/** What a department is, judged from what it holds (an OR makes it the theatres, a CT imaging). */
export function zoneKind(department: string, facts: DepartmentFacts): ZoneKind {
  if (facts.zones.has('theatres')) return 'theatres';
  if (facts.zones.has('imaging')) return 'imaging';
  if (facts.zones.has('ed') || facts.emergencyClass || /^(ed|ae|a-e|a&e|er|emergency.*)$/i.test(department)) return 'ed';
  if (facts.zones.has('icu')) return 'icu';
  if (facts.zones.has('ward')) return 'ward';
  return 'other';
}

/** Left to right along the corridor. */
export const ZONE_ORDER: Record<ZoneKind, number> = { ed: 0, imaging: 1, theatres: 2, other: 3, icu: 4, ward: 5 };

/** "criticalCare" → "Critical care", "ed" → "ED". */
export function prettyId(id: string): string {
  if (id.length <= 3) return id.toUpperCase();
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A ward's zone is named for its ward when it holds one (`wardNames`: the names of the wards in it). */
export function zoneLabel(kind: ZoneKind, department: string, wardNames: string[]): string {
  switch (kind) {
    case 'ed':
      return 'Emergency department';
    case 'imaging':
      return 'Imaging';
    case 'theatres':
      return 'Operating theatres';
    case 'icu':
    case 'ward':
      return wardNames.length === 1 ? wardNames[0]! : prettyId(department);
    case 'other':
      return prettyId(department);
  }
}
