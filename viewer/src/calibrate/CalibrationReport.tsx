/** The calibration report over the scene: the HTML page calibration writes, in a sandboxed frame (it runs no scripts). */
import { useCalibration } from './calibrate-actions.js';

export function CalibrationReport() {
  const { result, reportOpen } = useCalibration();
  if (!result || !reportOpen) return null;
  return (
    <div className="report-overlay" data-testid="calibration-report" role="dialog" aria-label={`Calibration report of ${result.scenarioName}`}>
      <div className="report-bar">
        <strong>Calibration report · {result.logName}</strong>
        <span className="muted">validated with {result.validationReplications} replication{result.validationReplications === 1 ? '' : 's'}</span>
        <button onClick={() => useCalibration.setState({ reportOpen: false })}>Close</button>
      </div>
      <iframe title="Calibration report" sandbox="" srcDoc={result.report} data-testid="calibration-report-frame" />
    </div>
  );
}
