/** What the Calibrate panel does: run calibration in its worker, then offer the scenario to the picker. */
import { create } from 'zustand';
import { startCalibration, type CalibrationHandle, type CalibrationOutcome } from '../../../workers/browser/index.js';
import { parseScenarioText, ScenarioError } from '../../../scenarios/index.js';
import { addChoice } from '../store/scenarios.js';

export type CalibrationDone = Extract<CalibrationOutcome, { ok: true }> & { logName: string; scenarioKey: string };

interface CalibrationState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The last calibration that worked. */
  result: CalibrationDone | null;
  error: { source: string; message: string; problems: string[] } | null;
  reportOpen: boolean;
  /** Validation replications finished, of how many (null while reading and fitting). */
  progress: { done: number; total: number } | null;
}

export const useCalibration = create<CalibrationState>(() => ({ status: 'idle', result: null, error: null, reportOpen: false, progress: null }));

let active: CalibrationHandle | null = null;
let starting = false;

export interface CalibrationInput {
  log: File;
  mappingText: string;
  mappingName: string;
  replications: number;
}

export async function calibrateLog(input: CalibrationInput): Promise<void> {
  if (active || starting) return;
  starting = true;
  useCalibration.setState({ status: 'running', error: null, progress: null });
  try {
    const logText = await readLogText(input.log);
    const handle = startCalibration(
      { logText, logName: input.log.name, mappingText: input.mappingText, mappingName: input.mappingName, replications: input.replications },
      (done, total) => useCalibration.setState({ progress: { done, total } }),
    );
    active = handle;
    const outcome = await handle.promise;
    if (!outcome) {
      useCalibration.setState({ status: 'cancelled' });
      return;
    }
    if (!outcome.ok) {
      useCalibration.setState({ status: 'failed', error: { source: input.log.name, message: outcome.message, problems: outcome.problems } });
      return;
    }
    // The scenario goes through the same loader as any file, so the picker holds what the CLI would run.
    const scenario = parseScenarioText(outcome.scenarioText, `${outcome.scenarioName}.yaml`, 'yaml');
    const scenarioKey = `calibrated:${input.log.name}`;
    addChoice({
      key: scenarioKey,
      label: `${scenario.name} (calibrated from ${input.log.name})`,
      origin: 'calibrated',
      summary: `calibrated from ${input.log.name}: ${outcome.cases} cases`,
      scenario,
    });
    useCalibration.setState({ status: 'done', result: { ...outcome, logName: input.log.name, scenarioKey }, reportOpen: true });
  } catch (e) {
    const message =
      e instanceof ScenarioError ? `the calibrated scenario was refused (please report this):\n${e.message}` : e instanceof Error ? e.message : String(e);
    useCalibration.setState({ status: 'failed', error: { source: input.log.name, message, problems: [] } });
  } finally {
    active = null;
    starting = false;
  }
}

/** The log's text; a .gz file (as MIMIC ships its tables) is unzipped by the browser itself. */
async function readLogText(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith('.gz')) return file.text();
  return new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

export function cancelCalibration(): void {
  active?.cancel();
}
