/** The scenarios a manager can pick: the built-ins, files loaded from disk, and edited versions. */
import { create } from 'zustand';
import { BUILTIN_SCENARIOS, parseScenario, type Scenario, type ScenarioIssue } from '../../../scenarios/index.js';

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

/**
 * The built-ins, each read and checked when it is first used rather than all
 * at start-up: checking the six took a sixth of the page's start (and the
 * tests check that every built-in loads).
 */
function builtinChoices(): ScenarioChoice[] {
  return BUILTIN_SCENARIOS.map((b) => {
    let scenario: Scenario | undefined;
    return {
      key: `builtin:${b.name}`,
      label: b.name,
      origin: 'builtin' as const,
      summary: b.summary,
      get scenario(): Scenario {
        scenario ??= parseScenario(b.document, b.name);
        return scenario;
      },
    };
  });
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
