import { describe, expect, it } from 'vitest';
import { builtinScenario, compileScenario, parseScenario } from '../../../scenarios/index.js';
import { buildLayout } from './hospital-layout.js';

describe('the outpatient clinic built-ins drawn on the floor plan', () => {
  for (const name of ['outpatient-clinic', 'outpatient-clinic-booked']) {
    it(`${name}: every doctor, desk and test room has a block, doctors as staff, in zones that do not overlap`, () => {
      const scenario = parseScenario(builtinScenario(name)!.document);
      const layout = buildLayout(scenario);
      const model = compileScenario(scenario);
      for (const r of model.resources) expect(layout.blockOf.has(r.name), r.name).toBe(true);
      expect(layout.blocks[layout.blockOf.get('drMedicineA')!]!.shape).toBe('staff');
      expect(layout.blocks[layout.blockOf.get('registration')!]!.units).toBe(2);
      const zones = layout.zones;
      for (let i = 0; i < zones.length; i++) {
        for (let j = i + 1; j < zones.length; j++) {
          const a = zones[i]!;
          const b = zones[j]!;
          const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.z1 <= b.z0 || b.z1 <= a.z0;
          expect(apart, `${a.label} and ${b.label} overlap`).toBe(true);
        }
      }
    });
  }
});
