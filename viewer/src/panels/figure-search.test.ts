import { describe, expect, it } from 'vitest';
import { searchFigures } from './figure-search.js';

const ROWS = [
  { id: 'cost.perPatient', label: 'Cost per patient' },
  { id: 'cost.total', label: 'Cost, total' },
  { id: 'cost.perCase.edWalkIn.mean', label: 'Cost per case, ED walk-in: mean' },
  { id: 'cost.perCase.edWalkIn.byType.beds', label: 'Cost per case, ED walk-in: beds, mean' },
  { id: 'arrivals.edWalkIn', label: 'ED walk-in: arrivals (patients)' },
  { id: 'occupancy.medicalWard', label: 'Bed occupancy: Medical wards' },
  { id: 'beds.medicalWard.meanOccupied', label: 'Medical wards: beds occupied, mean' },
  { id: 'ed.within4h', label: 'ED: out within 4 hours (4-hour target)' },
];
const ids = (filter: string): string[] => searchFigures(ROWS, filter).map((r) => r.id);

describe('searching figures by words', () => {
  it('finds "cost per patient" as the figure of that name, not every cost that mentions patients', () => {
    expect(ids('cost per patient')).toEqual(['cost.perPatient']);
  });
  it('finds words by their starts when no label holds the phrase', () => {
    expect(ids('occ medical')).toEqual(['occupancy.medicalWard', 'beds.medicalWard.meanOccupied']);
    expect(ids('walk-in beds')).toEqual(['cost.perCase.edWalkIn.byType.beds']);
  });
  it('finds a figure by its id, typed whole or in part', () => {
    expect(ids('cost.total')).toEqual(['cost.total']);
    expect(ids('4-hour')).toEqual(['ed.within4h']);
    expect(ids('bed occupancy')).toEqual(['occupancy.medicalWard']);
  });
  it('shows every row for an empty search, and none for words no figure has', () => {
    expect(ids('  ')).toHaveLength(ROWS.length);
    expect(ids('helicopter')).toEqual([]);
  });
});
