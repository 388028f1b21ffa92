/** A finished run made ready to watch: its floor plan, replay and charts, prepared in a worker. */
import { wrap, type Remote } from 'comlink';
import type { Scenario } from '../../../scenarios/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { prepareReplay, runSeries, type Replay, type RunSeries } from '../replay/index.js';
import type { PrepareApi } from '../replay/prepare-worker.js';
import type { BrowserExperimentResult } from './runner.js';

export function runEnd(scenario: Scenario): number {
  return (scenario.warmupDays + scenario.horizonDays) * 1440;
}

let worker: Remote<PrepareApi> | null = null;

function preparer(): Remote<PrepareApi> {
  worker ??= wrap<PrepareApi>(new Worker(new URL('../replay/prepare-worker.ts', import.meta.url), { type: 'module' }));
  return worker;
}

export async function prepareRun(scenario: Scenario, result: BrowserExperimentResult): Promise<{ replay: Replay | null; series: RunSeries | null }> {
  if (!result.trace) return { replay: null, series: null };
  const end = runEnd(scenario);
  try {
    return await preparer().prepare(result.trace, scenario, end);
  } catch (e) {
    // Without the worker (it failed to start), prepare here: slower for the page, but the run is not lost.
    console.warn('replay worker failed; preparing on the page', e);
    const layout = buildLayout(scenario);
    return { replay: prepareReplay(result.trace, layout, { endTime: end }), series: runSeries(result.trace, layout, end) };
  }
}
