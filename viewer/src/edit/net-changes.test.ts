import { describe, expect, it } from 'vitest';
import { addNetChange } from './net-changes.js';

describe('the edit list shows the net change', () => {
  it('a field edited twice reads from the original to the latest value', () => {
    const once = addNetChange([], 'medicalWard beds: 148 → 150');
    expect(addNetChange(once, 'medicalWard beds: 150 → 153')).toEqual(['medicalWard beds: 148 → 153']);
  });
  it('a field put back where it started drops out, so the exported header lists nothing for it', () => {
    const once = addNetChange(['icu beds: 7 → 8'], 'medicalWard beds: 148 → 150');
    expect(addNetChange(once, 'medicalWard beds: 150 → 148')).toEqual(['icu beds: 7 → 8']);
  });
  it('changes without a before and after are kept as they come', () => {
    expect(addNetChange(['a: 1 → 2'], 'edWalkIn: yearly wave added')).toEqual(['a: 1 → 2', 'edWalkIn: yearly wave added']);
  });
});
