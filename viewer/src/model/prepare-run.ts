/** A finished run made ready to watch: its floor plan, replay and charts. */
import type { Scenario } from '../../../scenarios/index.js';
import { buildLayout } from '../layout/hospital-layout.js';
import { prepareReplay, runSeries, type Replay, type RunSeries } from '../replay/index.js';
import type { BrowserExperimentResult } from './runner.js';

export function runEnd(scenario: Scenario): number {
  return (scenario.warmupDays + scenario.horizonDays) * 1440;
}

export function prepareRun(scenario: Scenario, result: BrowserExperimentResult): { replay: Replay | null; series: RunSeries | null } {
  if (!result.trace) return { replay: null, series: null };
  const layout = buildLayout(scenario);
  const end = runEnd(scenario);
  return { replay: prepareReplay(result.trace, layout, { endTime: end }), series: runSeries(result.trace, layout, end) };
}
