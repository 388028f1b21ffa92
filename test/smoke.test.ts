import { it } from 'vitest';
import { parseScenario, builtinScenario } from '../scenarios/index.js';
import { runScenario } from '../workers/index.js';
it('smoke', async () => {
  for (const name of ['textbook-mmc', 'textbook-bed-loss']) {
    const s = parseScenario(builtinScenario(name)!.document, name);
    const t0 = performance.now();
    const r = await runScenario(s, { replications: 3 });
    console.log(name, performance.now() - t0, JSON.stringify(Object.fromEntries(Object.entries(r.figures).map(([k, v]) => [k, +v.mean.toPrecision(4)]))));
  }
});
