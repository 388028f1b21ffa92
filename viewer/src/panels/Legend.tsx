/** What the colours mean, and whether patients are coloured by acuity or by class. */
import type { Scenario } from '../../../scenarios/index.js';
import { contextOf } from '../format/figure-text.js';
import { acuityHex, acuityOrder, classHex, NO_ACUITY_HEX, SLOT_HEX, SLOT_STATE_NAMES, type Replay } from '../replay/index.js';
import { useView } from '../store/view.js';

/**
 * `scenario`: the run's, whose class names people read ("East county: medical admissions") in place of the
 * trace's class ids (`east_medical`); without it the replay's own names are shown (a snapshot's are names already).
 */
export function Legend({ replay, scenario }: { replay: Replay; scenario?: Scenario }) {
  const mode = useView((s) => s.colourMode);
  const names = contextOf(scenario).names;
  const hasAcuity = replay.acuityValues.length > 0;
  const byAcuity = mode === 'acuity' && hasAcuity;
  const hex = acuityHex(replay.acuityValues);
  return (
    <div className="legend" data-testid="legend">
      <span className="title">Patients</span>
      {hasAcuity && (
        <select value={mode} onChange={(e) => useView.setState({ colourMode: e.target.value as 'acuity' | 'class' })} aria-label="Colour patients by">
          <option value="acuity">by acuity</option>
          <option value="class">by class</option>
        </select>
      )}
      {byAcuity
        ? [
            ...acuityOrder(replay.acuityValues).map((v) => (
              <span key={v} className="key">
                <i style={{ background: hex[v] }} /> acuity {replay.acuityValues[v]}
              </span>
            )),
            <span key="none" className="key">
              <i style={{ background: NO_ACUITY_HEX }} /> no acuity
            </span>,
          ]
        : replay.classNames.map((c, i) => (
            <span key={c} className="key">
              <i style={{ background: classHex(i) }} /> {names?.get(c) ?? c}
            </span>
          ))}
      <span className="title">Beds, rooms, devices, staff</span>
      {SLOT_STATE_NAMES.map((s, i) => (
        <span key={s} className="key">
          <i className="square" style={{ background: SLOT_HEX[i] }} /> {s === 'closed' ? 'closed / off duty' : s}
        </span>
      ))}
    </div>
  );
}
