/** The calibration report over the scene: the HTML page calibration writes, in a sandboxed frame (it runs no scripts). */
import { useCalibration } from './calibrate-actions.js';

/**
 * A srcdoc page resolves links against the viewer's own address, so the
 * report's "#validation" links would load the viewer into the frame instead of
 * scrolling; a base of about:srcdoc keeps them inside the report.
 */
function framed(report: string): string {
  return report.replace(/<head>/i, '<head><base href="about:srcdoc">');
}

export function CalibrationReport() {
  const { result, reportOpen } = useCalibration();
  if (!result || !reportOpen) return null;
  return (
    <div className="report-overlay" data-testid="calibration-report" role="dialog" aria-label={`Calibration report of ${result.scenarioName}`}>
      <div className="report-bar">
        <strong>Calibration report · {result.logName}</strong>
        <span className="muted">
          validated with {result.validationReplications} replication{result.validationReplications === 1 ? '' : 's'}
        </span>
        <button onClick={() => useCalibration.setState({ reportOpen: false })}>Close</button>
      </div>
      <iframe title="Calibration report" sandbox="" srcDoc={framed(result.report)} data-testid="calibration-report-frame" />
    </div>
  );
}
