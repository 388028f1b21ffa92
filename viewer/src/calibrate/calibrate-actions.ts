/** What the Calibrate panel does: run calibration in its worker, then offer the scenario to the picker. */
import { create } from 'zustand';
import { startCalibration, type CalibrationHandle, type CalibrationOutcome } from '../../../workers/browser/calibrate-client.js';
import { parseScenarioText, ScenarioError } from '../../../scenarios/index.js';
import { addChoice } from '../store/scenarios.js';

export type CalibrationDone = Extract<CalibrationOutcome, { ok: true }> & { logName: string; scenarioKey: string };

interface CalibrationState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The last calibration that worked. */
  result: CalibrationDone | null;
  error: { source: string; message: string; problems: string[] } | null;
  reportOpen: boolean;
}

export const useCalibration = create<CalibrationState>(() => ({ status: 'idle', result: null, error: null, reportOpen: false }));

let active: CalibrationHandle | null = null;

export interface CalibrationInput {
  log: File;
  mappingText: string;
  mappingName: string;
  replications: number;
}

export async function calibrateLog(input: CalibrationInput): Promise<void> {
  if (active) return;
  useCalibration.setState({ status: 'running', error: null });
  const logText = await input.log.text();
  const handle = startCalibration({ logText, logName: input.log.name, mappingText: input.mappingText, mappingName: input.mappingName, replications: input.replications });
  active = handle;
  try {
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
    addChoice({ key: scenarioKey, label: `${scenario.name} (calibrated from ${input.log.name})`, origin: 'calibrated', summary: `calibrated from ${input.log.name}: ${outcome.cases} cases`, scenario });
    useCalibration.setState({ status: 'done', result: { ...outcome, logName: input.log.name, scenarioKey }, reportOpen: true });
  } catch (e) {
    const message = e instanceof ScenarioError ? `the calibrated scenario was refused (please report this):\n${e.message}` : e instanceof Error ? e.message : String(e);
    useCalibration.setState({ status: 'failed', error: { source: input.log.name, message, problems: [] } });
  } finally {
    active = null;
  }
}

export function cancelCalibration(): void {
  active?.cancel();
}
