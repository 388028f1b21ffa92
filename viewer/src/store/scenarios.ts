/** The scenarios a manager can pick: the built-ins, files loaded from disk, and edited versions. */
import { create } from 'zustand';
import { BUILTIN_SCENARIOS, parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../../scenarios/index.js';

export interface ScenarioChoice {
  key: string;
  label: string;
  origin: 'builtin' | 'file' | 'edited' | 'calibrated';
  summary: string;
  scenario: Scenario;
}

export interface LoadError {
  source: string;
  /** The CLI's message, word for word. */
  message: string;
  issues: ScenarioIssue[];
}

interface ScenarioState {
  choices: ScenarioChoice[];
  selected: string | null;
  loadError: LoadError | null;
}

function builtinChoices(): ScenarioChoice[] {
  const out: ScenarioChoice[] = [];
  for (const b of BUILTIN_SCENARIOS) {
    try {
      out.push({ key: `builtin:${b.name}`, label: b.name, origin: 'builtin', summary: b.summary, scenario: parseScenario(b.document, b.name) });
    } catch (e) {
      console.warn(`built-in scenario ${b.name} is not valid`, e instanceof ScenarioError ? e.message : e);
    }
  }
  return out;
}

const initial = builtinChoices();

export const useScenarios = create<ScenarioState>(() => ({
  choices: initial,
  selected: initial[0]?.key ?? null,
  loadError: null,
}));

export function choiceByKey(key: string | null): ScenarioChoice | undefined {
  return useScenarios.getState().choices.find((c) => c.key === key);
}

/** Adds (or replaces) a choice and selects it. */
export function addChoice(choice: ScenarioChoice, select = true): void {
  useScenarios.setState((s) => ({
    choices: [...s.choices.filter((c) => c.key !== choice.key), choice],
    selected: select ? choice.key : s.selected,
    loadError: select ? null : s.loadError,
  }));
}
