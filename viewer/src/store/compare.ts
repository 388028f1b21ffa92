/** Comparison of two runs: which scenarios, their runs, and the paired differences. */
import { create } from 'zustand';
import type { FigureDifference } from '../../../workers/index.js';
import type { RunSettings } from '../model/runner.js';

interface CompareState {
  aKey: string | null;
  bKey: string | null;
  aRun: number | null;
  bRun: number | null;
  status: 'idle' | 'running' | 'done' | 'failed';
  progress: [number, number];
  diff: Record<string, FigureDifference> | null;
  message: string | null;
  /** What the last comparison ran with (the setup panel shows it). */
  settings: RunSettings | null;
}

export const useCompare = create<CompareState>(() => ({
  aKey: null,
  bKey: null,
  aRun: null,
  bRun: null,
  status: 'idle',
  progress: [0, 0],
  diff: null,
  message: null,
  settings: null,
}));
