/** The scenario being edited: a copy of a chosen scenario with the manager's changes. */
import { create } from 'zustand';
import type { Scenario, ScenarioIssue } from '../../../scenarios/index.js';

interface EditState {
  /** The choice it started from. */
  baseKey: string | null;
  draft: Scenario | null;
  /** Problems found in the draft (it cannot run until they are fixed). */
  issues: ScenarioIssue[];
  /** Human-readable list of what changed. */
  changes: string[];
  versions: number;
}

export const useEdit = create<EditState>(() => ({ baseKey: null, draft: null, issues: [], changes: [], versions: 0 }));
