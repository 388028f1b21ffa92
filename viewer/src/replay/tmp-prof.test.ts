import { it } from 'vitest';
import { parseScenario } from '../../../scenarios/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { prepareReplay } from './prepare.js';
import { SYNTHETIC_SCENARIO, syntheticTrace } from './synthetic-trace.js';
it('prof', () => {
  let t0 = performance.now();
  const tr = syntheticTrace(10_000);
  console.log('gen', performance.now() - t0, tr.length);
  const layout = buildLayout(parseScenario(SYNTHETIC_SCENARIO, 's'));
  t0 = performance.now();
  prepareReplay(tr, layout, { endTime: 2880 });
  console.log('prep', performance.now() - t0);
});
