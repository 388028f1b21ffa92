/**
 * One solution evaluated by an optimisation, with the best so far, against the
 * replications used: a row of optimise.json's history, as `optimise` writes it
 * and the viewer plots it (this file imports nothing, so the browser can read it).
 */
export interface OptimiseHistoryPoint {
  used: number;
  solution: string;
  mean: number;
  feasible: boolean;
  bestMean: number;
  bestFeasible: boolean;
  phase: 'search' | 'selection';
}
