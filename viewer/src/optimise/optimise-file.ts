/**
 * An optimisation result (optimise.json, written by `hospital-twin optimise`)
 * as the viewer reads it: checked field by field, so a wrong file is refused
 * with every problem by its path, and its base and best scenarios parsed as
 * scenarios (the same messages as the CLI).
 */
import { parseScenario, ScenarioError, type Scenario } from '../../../scenarios/index.js';
import type { OptimiseHistoryPoint } from '../../../workers/index.js';

export type { OptimiseHistoryPoint };

export interface OptimiseCandidate {
  values: Record<string, unknown>;
  n: number;
  objective: { mean: number; lo: number; hi: number; level: number };
  constraints: { figure?: string; mean?: number; decision?: string }[];
  eliminated?: { at: number; reason: string };
}

export interface OptimiseResult {
  fileName: string;
  name: string;
  objective: { figure: string; order: 'min' | 'max' };
  constraints: { figure: string; kind: 'atLeast' | 'atMost'; bound: number; confidence: number }[];
  spaceSize: number;
  replicationsUsed: number;
  /** The seed the optimiser ran with: the comparison of best and base uses it too. */
  seed: number | string;
  stopped: boolean;
  chosen: (OptimiseCandidate & { shownFeasible: boolean }) | null;
  candidates: OptimiseCandidate[];
  history: OptimiseHistoryPoint[];
  baseName: string;
  base: Scenario;
  best: Scenario;
}

export class OptimiseFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      `${source} is not an optimisation result (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function readOptimiseResult(text: string, fileName: string): OptimiseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new OptimiseFileError(fileName, [`cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
  const problems: string[] = [];
  if (!isObject(doc)) throw new OptimiseFileError(fileName, ['(document): must be an object, as optimise.json is']);
  const need = (key: string, ok: (v: unknown) => boolean, what: string): void => {
    if (!ok(doc[key])) problems.push(`${key}: must be ${what}${doc[key] === undefined ? ', missing' : ''}`);
  };
  need('name', (v) => typeof v === 'string', 'a name');
  need(
    'objective',
    (v) => isObject(v) && typeof v.figure === 'string' && (v.order === 'min' || v.order === 'max'),
    'an objective { figure, order: min or max }',
  );
  need('history', Array.isArray, 'a list of evaluations');
  need('candidates', Array.isArray, 'a list of candidates');
  need('chosen', (v) => v === null || isObject(v), 'the chosen solution or null');
  need(
    'base',
    (v) => isObject(v) && typeof v.name === 'string' && isObject(v.scenario),
    'the base scenario { name, scenario } (written by hospital-twin optimise from this version on)',
  );
  need('bestScenario', isObject, 'the best solution as a scenario');
  if (problems.length > 0) throw new OptimiseFileError(fileName, problems);
  const baseInfo = doc.base as { name: string; scenario: unknown };
  let base: Scenario;
  let best: Scenario;
  try {
    base = parseScenario(baseInfo.scenario, `${fileName} base`);
    best = parseScenario(doc.bestScenario, `${fileName} bestScenario`);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new OptimiseFileError(
        fileName,
        e.issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`),
      );
    throw e;
  }
  const replications = isObject(doc.replications) && typeof doc.replications.used === 'number' ? doc.replications.used : NaN;
  return {
    fileName,
    name: doc.name as string,
    objective: doc.objective as OptimiseResult['objective'],
    constraints: Array.isArray(doc.constraints) ? (doc.constraints as OptimiseResult['constraints']) : [],
    spaceSize: typeof doc.spaceSize === 'number' ? doc.spaceSize : NaN,
    replicationsUsed: replications,
    seed: typeof doc.seed === 'number' || typeof doc.seed === 'string' ? doc.seed : base.seed,
    stopped: doc.stopped === true,
    chosen: doc.chosen as OptimiseResult['chosen'],
    candidates: doc.candidates as OptimiseCandidate[],
    history: doc.history as OptimiseHistoryPoint[],
    baseName: baseInfo.name,
    base,
    best,
  };
}

/** "servers = 7", "doctorsDay = 3, nursesNight = 4". */
export function valuesText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
