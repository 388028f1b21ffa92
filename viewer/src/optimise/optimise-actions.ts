/** Opening an optimisation result: its base and best join the scenario picker; comparing them runs both with common random numbers. */
import { create } from 'zustand';
import { runComparison } from '../compare/compare-actions.js';
import { quickSettings } from '../model/run-actions.js';
import { addChoice } from '../store/scenarios.js';
import { OptimiseFileError, readOptimiseResult, valuesText, type OptimiseResult } from './optimise-file.js';

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
    const result = readOptimiseResult(await file.text(), file.name);
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
    addChoice({
      key: bestKey,
      label: `${result.name}: best`,
      origin: 'file',
      summary: `The best of optimisation ${result.name}: ${result.chosen ? valuesText(result.chosen.values) : 'no solution chosen'}.`,
      scenario: result.best,
    });
    useOptimise.setState({ result, open: true, error: null, baseKey, bestKey });
  } catch (e) {
    if (e instanceof OptimiseFileError) useOptimise.setState({ error: e });
    else throw e;
  }
}

/** Runs the base (A) and the best (B) as a comparison, with the quick settings of the base. */
export function compareBestWithBase(): void {
  const { result, baseKey, bestKey } = useOptimise.getState();
  if (!result || !baseKey || !bestKey) return;
  useOptimise.setState({ open: false });
  void runComparison(baseKey, bestKey, quickSettings(result.base));
}
