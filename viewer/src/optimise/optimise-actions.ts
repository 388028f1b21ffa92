/**
 * Opening an optimisation result: its base and best join the scenario picker;
 * comparing them runs both with common random numbers, as many replications
 * as the optimiser gave the best, over the base's own horizon.
 */
import { create } from 'zustand';
import { runComparison } from '../compare/compare-actions.js';
import { useCompare } from '../store/compare.js';
import { useRuns } from '../store/runs.js';
import { addChoice, useScenarios } from '../store/scenarios.js';
import { OptimiseFileError, readOptimiseResult, valuesText, type OptimiseResult } from './optimise-file.js';
import { openTheatreWeek, useTheatreWeek } from './theatre-week-file.js';

interface OptimiseState {
  result: OptimiseResult | null;
  open: boolean;
  error: OptimiseFileError | null;
  baseKey: string | null;
  bestKey: string | null;
}

export const useOptimise = create<OptimiseState>(() => ({ result: null, open: false, error: null, baseKey: null, bestKey: null }));

export async function openOptimiseFile(file: File): Promise<void> {
  try {
    const text = await file.text();
    // A theatre schedule's result (theatre-schedule.json) opens as its week grid.
    if (openTheatreWeek(text, file.name)) return useOptimise.setState({ error: null, open: false });
    const result = readOptimiseResult(text, file.name);
    const baseKey = `optimise:${result.name}:base`;
    const bestKey = `optimise:${result.name}:best`;
    addChoice(
      {
        key: baseKey,
        label: `${result.baseName} (base of ${result.name})`,
        origin: 'file',
        summary: `The base scenario of optimisation ${result.name}.`,
        scenario: result.base,
      },
      false,
    );
    // Not selected yet: the picker names what Run and Today show until the best has run.
    addChoice(
      {
        key: bestKey,
        label: `${result.name}: best`,
        origin: 'file',
        summary: `The best of optimisation ${result.name}: ${result.chosen ? valuesText(result.chosen.values) : 'no solution chosen'}.`,
        scenario: result.best,
      },
      false,
    );
    useOptimise.setState({ result, open: true, error: null, baseKey, bestKey });
    useTheatreWeek.setState({ open: false });
  } catch (e) {
    if (e instanceof OptimiseFileError) useOptimise.setState({ error: e });
    else throw e;
  }
}

/**
 * Runs the base (A) and the best (B) as a comparison with the optimiser's
 * seed, horizon and the best's replications (3 quick ones could not show what
 * 15 did). Then the best is what the picker, Run and Today show, so they agree.
 */
export async function compareBestWithBase(): Promise<void> {
  const { result, baseKey, bestKey } = useOptimise.getState();
  if (!result || !baseKey || !bestKey) return;
  useOptimise.setState({ open: false });
  const replications = Math.max(2, result.chosen?.n ?? result.base.replications);
  await runComparison(baseKey, bestKey, { replications, seed: result.seed, horizonDays: result.base.horizonDays });
  const { status, bRun, bKey } = useCompare.getState();
  if (status !== 'done' || bRun === null || bKey !== bestKey) return;
  useScenarios.setState({ selected: bestKey, loadError: null });
  useRuns.setState({ shown: bRun });
}
