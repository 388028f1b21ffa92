/** Editing: start from a scenario, apply changes, run the edited version and compare it with the previous run. */
import { parseScenario, ScenarioError, type Scenario } from '../../../scenarios/index.js';
import { runComparison } from '../compare/compare-actions.js';
import { defaultSettings } from '../model/run-actions.js';
import { addChoice, choiceByKey } from '../store/scenarios.js';
import { useEdit } from '../store/edit.js';
import { runById, useRuns } from '../store/runs.js';
import type { Edited } from './edits.js';
import { addNetChange } from './net-changes.js';

export function startEditing(key: string): void {
  const choice = choiceByKey(key);
  if (!choice) return;
  useEdit.setState({ baseKey: key, draft: choice.scenario, issues: [], changes: [] });
}

export function applyEdit(edit: (s: Scenario) => Edited): void {
  const { draft, changes } = useEdit.getState();
  if (!draft) return;
  const next = edit(draft);
  let issues: { path: string; message: string }[] = [];
  try {
    parseScenario(next.scenario, next.scenario.name);
  } catch (e) {
    if (e instanceof ScenarioError) issues = [...e.issues];
    else throw e;
  }
  useEdit.setState({ draft: next.scenario, issues, changes: addNetChange(changes, next.change) });
}

export function resetEdits(): void {
  const { baseKey } = useEdit.getState();
  if (baseKey) startEditing(baseKey);
}

/**
 * Adds the draft as a scenario choice and compares it with the previous run of
 * the scenario it came from (same seed, replications and horizon).
 */
export async function runEditedAndCompare(): Promise<void> {
  const { draft, baseKey, issues, changes, versions } = useEdit.getState();
  if (!draft || !baseKey || issues.length > 0) return;
  const version = versions + 1;
  const base = choiceByKey(baseKey)!;
  const scenario = parseScenario({ ...draft, name: `${base.scenario.name}-edited-${version}` }, 'edited scenario');
  const key = `edited:${version}`;
  addChoice({ key, label: `${base.label} (edited ${version})`, origin: 'edited', summary: changes.join('; ') || 'no changes', scenario }, false);
  useEdit.setState({ versions: version });
  const shown = runById(useRuns.getState().shown);
  const previous = shown && shown.key === baseKey ? shown : [...useRuns.getState().runs].reverse().find((r) => r.key === baseKey);
  const settings = previous?.settings ?? useRuns.getState().settings ?? defaultSettings(base.scenario);
  await runComparison(baseKey, key, settings);
}
