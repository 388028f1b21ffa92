/**
 * What managers change most: arrivals and their seasonal waves, staff on each
 * shift, beds per ward, the OR block schedule, imaging opening hours, reorder
 * points. Then run the edited scenario against the previous run, or export it
 * for the CLI.
 */
import {
  addSurge,
  daysText,
  setDayToDayCv,
  parseDays,
  POLICY_FIELDS,
  removeSurge,
  setArrivalsPerDay,
  setOpeningHours,
  setPolicyValue,
  setSession,
  setShiftCount,
  setSurge,
  setWardBeds,
  addSession,
  removeSession,
  type Days,
} from './edits.js';
import { atRate } from '../../../scenarios/index.js';
import { applyEdit, resetEdits, runEditedAndCompare, startEditing } from './edit-actions.js';
import { CommitInput } from './CommitInput.js';
import { download, scenarioJson, scenarioYaml } from './export.js';
import { useCompare } from '../store/compare.js';
import { useEdit } from '../store/edit.js';
import { choiceByKey, useScenarios } from '../store/scenarios.js';

const count = (text: string): number => Math.max(0, Math.round(Number(text)) || 0);
/** A whole number as typed, sign kept: -5 beds stays -5, and the problem names -5. */
const whole = (text: string): number => (text.trim() !== '' && Number.isFinite(Number(text)) ? Math.round(Number(text)) : 0);
/** A number as typed; what the schema refuses (0, negative, too large) is shown as a problem of the edit. */
const amount = (text: string): number => (Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : 0);

function DaysInput({ days, onDays, label }: { days: Days; onDays: (d: Days) => void; label: string }) {
  return (
    <CommitInput
      label={label}
      value={daysText(days)}
      width="6.5em"
      onCommit={(t) => {
        const d = parseDays(t);
        if (d) onDays(d);
      }}
    />
  );
}

export function EditPanel() {
  const selected = useScenarios((s) => s.selected);
  const { draft, baseKey, issues, changes } = useEdit();
  const comparing = useCompare((s) => s.status === 'running');
  if (!draft || !baseKey) {
    return (
      <section className="card">
        <h2>Edit</h2>
        <p className="muted">Change arrivals, staff, beds, OR sessions, imaging hours or reorder points, then run again and compare.</p>
        <button data-testid="edit-start" disabled={!selected} onClick={() => selected && startEditing(selected)}>
          Edit this scenario
        </button>
      </section>
    );
  }
  const base = choiceByKey(baseKey);
  const fileName = `${draft.name}-edited`;
  return (
    <section className="card edit" data-testid="edit-panel">
      <h2>Edit: {base?.label}</h2>
      {draft.patientClasses.some((c) => atRate(c.arrivals)) && (
        <details open>
          <summary>Arrivals</summary>
          {draft.patientClasses.map((c, ci) =>
            !atRate(c.arrivals) ? null : (
              <div key={c.id} className="edit-group">
                <div className="edit-row">
                  <strong>{c.name ?? c.id}</strong>
                  <span>
                    <CommitInput
                      type="number"
                      label={`${c.id} arrivals a day`}
                      testid={`edit-arrivals-${c.id}`}
                      width="4.5em"
                      value={c.arrivals.perDay}
                      onCommit={(t) => applyEdit((s) => setArrivalsPerDay(s, ci, amount(t)))}
                    />{' '}
                    a day
                    {(c.arrivals.multiplier ?? 1) !== 1 ? <em className="muted"> × {c.arrivals.multiplier}</em> : null}
                  </span>
                </div>
                <div className="edit-row wave">
                  <span className="muted" title="Busy and quiet days: each day's rate varies by this coefficient of variation (0: as Poisson)">
                    day-to-day cv
                  </span>
                  <CommitInput
                    type="number"
                    label={`${c.id} day-to-day cv`}
                    testid={`edit-day-cv-${c.id}`}
                    width="3.6em"
                    value={c.arrivals.dayToDayCv ?? 0}
                    onCommit={(t) => applyEdit((s) => setDayToDayCv(s, ci, amount(t)))}
                  />
                </div>
                {(c.arrivals.surges ?? []).map((w, wi) => (
                  <div key={wi} className="edit-row wave" data-testid={`edit-surge-${c.id}-${wi}`}>
                    <span className="muted">wave: peak</span>
                    <CommitInput
                      label={`${c.id} wave ${wi + 1} peak (MM-DD)`}
                      testid={`edit-surge-peak-${c.id}-${wi}`}
                      width="4.2em"
                      value={w.peak}
                      onCommit={(peak) => applyEdit((s) => setSurge(s, ci, wi, { peak: peak.trim() }))}
                    />
                    <span className="muted">over</span>
                    <CommitInput
                      type="number"
                      label={`${c.id} wave ${wi + 1} weeks`}
                      testid={`edit-surge-weeks-${c.id}-${wi}`}
                      width="3.4em"
                      value={w.weeks}
                      onCommit={(t) => applyEdit((s) => setSurge(s, ci, wi, { weeks: amount(t) }))}
                    />
                    <span className="muted">weeks, +</span>
                    <CommitInput
                      type="number"
                      label={`${c.id} wave ${wi + 1} extra at the peak (%)`}
                      testid={`edit-surge-extra-${c.id}-${wi}`}
                      width="3.6em"
                      value={Number((100 * w.extra).toFixed(4))}
                      onCommit={(t) => applyEdit((s) => setSurge(s, ci, wi, { extra: amount(t) / 100 }))}
                    />
                    <span className="muted">% at the peak</span>
                    <button className="link" title="Remove this wave" onClick={() => applyEdit((s) => removeSurge(s, ci, wi))}>
                      ✕
                    </button>
                  </div>
                ))}
                <button
                  className="link"
                  data-testid={`edit-add-surge-${c.id}`}
                  title="Extra arrivals every year around a peak date (a flu season)"
                  onClick={() => applyEdit((s) => addSurge(s, ci))}
                >
                  + yearly wave
                </button>
              </div>
            ),
          )}
        </details>
      )}
      {draft.staff.length > 0 && (
        <details open>
          <summary>Staff on each shift</summary>
          {draft.staff.map((g, gi) => (
            <div key={g.id} className="edit-group">
              <strong>{g.name ?? g.id}</strong>
              {g.shifts.map((sh, si) => (
                <div key={si} className="edit-row">
                  <span>
                    {daysText(sh.days)} {sh.start}–{sh.end}
                  </span>
                  <CommitInput
                    type="number"
                    label={`${g.id} shift ${si + 1}`}
                    testid={`edit-staff-${g.id}-${si}`}
                    width="4em"
                    value={sh.count}
                    onCommit={(t) => applyEdit((s) => setShiftCount(s, gi, si, whole(t)))}
                  />
                </div>
              ))}
            </div>
          ))}
        </details>
      )}
      {draft.wards.length > 0 && (
        <details open>
          <summary>Beds per ward</summary>
          {draft.wards.map((w, wi) => (
            <div key={w.id} className="edit-row">
              <span>
                {w.name ?? w.id} <em className="muted">{w.type}</em>
              </span>
              <CommitInput
                type="number"
                label={`${w.id} beds`}
                testid={`edit-beds-${w.id}`}
                width="4em"
                value={w.beds}
                onCommit={(t) => applyEdit((s) => setWardBeds(s, wi, whole(t)))}
              />
            </div>
          ))}
        </details>
      )}
      {draft.operatingRooms.length > 0 && (
        <details>
          <summary>OR block schedule</summary>
          {draft.operatingRooms.map((r, ri) => (
            <div key={r.id} className="edit-group">
              <strong>{r.id}</strong>
              {r.sessions.map((se, si) => (
                <div key={si} className="edit-row times">
                  <DaysInput label={`${r.id} session ${si + 1} days`} days={se.days} onDays={(days) => applyEdit((s) => setSession(s, ri, si, { days }))} />
                  <CommitInput
                    label={`${r.id} session ${si + 1} start`}
                    width="3.9em"
                    value={se.start}
                    onCommit={(start) => applyEdit((s) => setSession(s, ri, si, { start }))}
                  />
                  <CommitInput
                    label={`${r.id} session ${si + 1} end`}
                    width="3.9em"
                    value={se.end}
                    onCommit={(end) => applyEdit((s) => setSession(s, ri, si, { end }))}
                  />
                  <span className="muted">{se.specialty ?? ''}</span>
                  <button className="link" title="Remove this session" onClick={() => applyEdit((s) => removeSession(s, ri, si))}>
                    ✕
                  </button>
                </div>
              ))}
              <button className="link" onClick={() => applyEdit((s) => addSession(s, ri))}>
                + session
              </button>
            </div>
          ))}
        </details>
      )}
      {draft.imaging.length > 0 && (
        <details>
          <summary>Imaging opening hours</summary>
          {draft.imaging.map((d, di) => (
            <div key={d.id} className="edit-group">
              <strong>
                {d.id} <em className="muted">{d.kind}</em>
              </strong>
              {d.openingHours.map((h, hi) => (
                <div key={hi} className="edit-row times">
                  <DaysInput label={`${d.id} hours ${hi + 1} days`} days={h.days} onDays={(days) => applyEdit((s) => setOpeningHours(s, di, hi, { days }))} />
                  <CommitInput
                    label={`${d.id} opens`}
                    testid={`edit-open-${d.id}-${hi}`}
                    width="3.9em"
                    value={h.start}
                    onCommit={(start) => applyEdit((s) => setOpeningHours(s, di, hi, { start }))}
                  />
                  <CommitInput
                    label={`${d.id} closes`}
                    testid={`edit-close-${d.id}-${hi}`}
                    width="3.9em"
                    value={h.end}
                    onCommit={(end) => applyEdit((s) => setOpeningHours(s, di, hi, { end }))}
                  />
                </div>
              ))}
            </div>
          ))}
        </details>
      )}
      {draft.items.length > 0 && (
        <details>
          <summary>Reorder points</summary>
          {draft.items.map((it, ii) => (
            <div key={it.id} className="edit-group">
              <strong>{it.name ?? it.id}</strong>
              {POLICY_FIELDS[it.policy.type].map((f) => (
                <div key={f.key} className="edit-row">
                  <span>{f.label}</span>
                  <CommitInput
                    type="number"
                    label={`${it.id} ${f.key}`}
                    width="4.5em"
                    value={Number((it.policy as Record<string, unknown>)[f.key])}
                    onCommit={(t) => applyEdit((s) => setPolicyValue(s, ii, f.key, f.key === 'everyDays' ? Math.max(0, Number(t) || 0) : count(t)))}
                  />
                </div>
              ))}
            </div>
          ))}
        </details>
      )}
      {changes.length > 0 && (
        <ul className="changes" data-testid="edit-changes">
          {changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <div className="errors" role="alert" data-testid="edit-errors">
          <strong>This edit cannot run yet:</strong>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="buttons">
        <button className="primary" data-testid="edit-run-compare" disabled={issues.length > 0 || comparing} onClick={() => void runEditedAndCompare()}>
          Run and compare with previous run
        </button>
        <button
          data-testid="edit-export"
          disabled={issues.length > 0}
          onClick={() => download(`${fileName}.yaml`, scenarioYaml(draft, changes), 'application/yaml')}
        >
          Export YAML
        </button>
        <button disabled={issues.length > 0} onClick={() => download(`${fileName}.json`, scenarioJson(draft), 'application/json')}>
          Export JSON
        </button>
        <button className="link" onClick={resetEdits}>
          Reset
        </button>
        <button className="link" onClick={() => useEdit.setState({ draft: null, baseKey: null, changes: [], issues: [] })}>
          Close
        </button>
      </div>
    </section>
  );
}
