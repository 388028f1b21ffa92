/**
 * Calibration as a worker API: the browser hands over the text of a log and of
 * its mapping, and gets back the calibrated scenario, its report and the
 * validation table. Calibration runs the calibrated scenario to validate it, so
 * it belongs off the page's thread, like every other simulation.
 */
import { calibrateText, CalibrationError, parseMappingText } from '../../calibration/text.js';

export interface CalibrationRequest {
  logText: string;
  /** The log's file name, as the report and the scenario's name show it. */
  logName: string;
  mappingText: string;
  mappingName: string;
  /** Replications of the validation run (default: the mapping's own). */
  replications?: number;
}

export type CalibrationOutcome =
  | {
      ok: true;
      scenarioName: string;
      /** The scenario as YAML, exactly as `hospital-twin calibrate` writes it. */
      scenarioText: string;
      /** The calibration report, a self-contained HTML page. */
      report: string;
      cases: number;
      badRows: number;
      validationReplications: number;
    }
  | { ok: false; message: string; problems: string[] };

export interface CalibrationApi {
  /** `onProgress` hears each finished validation replication. */
  calibrate(request: CalibrationRequest, onProgress?: (done: number, total: number) => void): Promise<CalibrationOutcome>;
}

export function createCalibrationApi(): CalibrationApi {
  return {
    async calibrate(request, onProgress) {
      try {
        const mapping = parseMappingText(request.mappingText, request.mappingName);
        const scenarioPath = `${request.logName.replace(/\.(csv|txt)(\.gz)?$/i, '')}.yaml`;
        const result = await calibrateText(request.logText, mapping, {
          logSource: request.logName,
          mapSource: request.mappingName,
          scenarioPath,
          format: 'yaml',
          ...(request.replications !== undefined ? { replications: request.replications } : {}),
          ...(onProgress ? { onProgress: (done: number, total: number) => void onProgress(done, total) } : {}),
        });
        return {
          ok: true,
          scenarioName: String(result.scenario.name),
          scenarioText: result.scenarioText,
          report: result.report,
          cases: result.calibration.flow.cases.length,
          badRows: result.calibration.flow.log.bad.length,
          validationReplications: request.replications ?? mapping.model.replications,
        };
      } catch (e) {
        // Input calibration refuses is shown as such; anything else is a bug, and its message is all we can say.
        if (e instanceof CalibrationError) return { ok: false, message: e.message, problems: [...e.problems] };
        return { ok: false, message: `calibration failed: ${e instanceof Error ? e.message : String(e)}`, problems: [] };
      }
    },
  };
}
