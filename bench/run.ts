/**
 * `npm run bench`: speed figures and ratios measured in one run (machines are
 * shared and noisy, so compare ratios, not absolute times). Prints each section
 * and writes every figure to bench/results.json. `--only NAME` runs one section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchHospitalParallel, benchHospitalYear, type Figures } from './hospital.js';
import { benchMm1 } from './mm1.js';
import { benchMmc1000 } from './mmc.js';
import { benchForecast } from './forecast.js';
import { benchForecastBacktest } from './forecast-backtest.js';
import { availableParallelism } from 'node:os';
import { builtinScenario, parseScenario } from '../scenarios/index.js';
import { NodeWorkerPool } from '../workers/node.js';
import { benchNetwork } from './network.js';
import { benchOptimise } from './optimise.js';
import { benchQueue } from './queue.js';
import { benchTheatre } from './theatre.js';
import { benchViewer } from './viewer.js';
import { benchLive } from './live.js';

interface Section {
  name: string;
  run: (log: (line: string) => void) => Promise<Figures>;
}

const SECTIONS: Section[] = [
  { name: 'mm1', run: benchMm1 },
  { name: 'mmc1000', run: benchMmc1000 },
  { name: 'hospital', run: () => benchHospitalYear() },
  { name: 'parallel', run: () => benchHospitalParallel() },
  { name: 'viewer', run: () => benchViewer() },
  { name: 'forecast', run: benchForecast },
  {
    name: 'forecast-backtest',
    run: async (log) => {
      const pool = new NodeWorkerPool(availableParallelism());
      try {
        return await benchForecastBacktest(log, pool, (name) => parseScenario(builtinScenario(name)!.document, name));
      } finally {
        await pool.close();
      }
    },
  },
  { name: 'optimise', run: benchOptimise },
  { name: 'queue', run: (log) => benchQueue(200, log) },
  { name: 'theatre', run: benchTheatre },
  { name: 'network', run: benchNetwork },
  { name: 'live', run: benchLive },
];

async function main(): Promise<void> {
  const at = process.argv.indexOf('--only');
  const only = at >= 0 ? process.argv[at + 1] : undefined;
  const chosen = only ? SECTIONS.filter((s) => s.name === only) : SECTIONS;
  if (chosen.length === 0) throw new Error(`--only: no section "${only}" (sections: ${SECTIONS.map((s) => s.name).join(', ')})`);
  const path = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
  // With --only, the other sections' figures from an earlier run are kept.
  const all: Figures = only && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Figures) : {};
  for (const section of chosen) {
    console.log(`\n== ${section.name} ==`);
    const figures = await section.run((line) => console.log(`  ${line}`));
    for (const [id, value] of Object.entries(figures)) {
      console.log(`  ${id.padEnd(44)} ${typeof value === 'number' ? formatNumber(value) : String(value)}`);
      all[id] = value;
    }
  }
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`\nwrote ${path}`);
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  return x.toPrecision(4);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
