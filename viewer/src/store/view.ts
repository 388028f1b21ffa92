/** What the page shows: one run or a comparison, how patients are coloured, and what is selected. */
import { create } from 'zustand';
import type { ColourMode } from '../replay/index.js';

/** 0: the run (or side A), 1: side B, 2: the Today snapshot. */
export type SceneSide = 0 | 1 | 2;
export const TODAY_SIDE = 2;

export interface Selection {
  side: SceneSide;
  kind: 'patient' | 'slot';
  id: number;
}

export type ViewMode = 'run' | 'cases' | 'compare' | 'today';

interface ViewState {
  /** 'cases': the shown run's cost per case (a run view without the replay); 'today': a snapshot's forecast. */
  mode: ViewMode;
  colourMode: ColourMode;
  selection: Selection | null;
  /** The series "Next peak" looks for peaks of (a chart series id; ED waiting by default). */
  peakMeasure: string;
}

export const useView = create<ViewState>(() => ({ mode: 'run', colourMode: 'acuity', selection: null, peakMeasure: 'edWaiting' }));
