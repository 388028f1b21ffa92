/**
 * Each patient in the hospital with what the forecast expects: remaining
 * stay and remaining cost (mean, and the 80% interval across replications)
 * and the chance of leaving today and tomorrow; sorted by any column (a
 * header's button), shortest stay first to begin with.
 */
import { useState } from 'react';
import type { PatientForecast } from '../../../workers/index.js';
import { pct } from './today-words.js';

type Key = 'patient' | 'where' | 'hoursIn' | 'stay' | 'cost' | 'today' | 'tomorrow';

const COLUMNS: { key: Key; label: string; value: (p: PatientForecast) => number | string }[] = [
  { key: 'patient', label: 'Patient', value: (p) => p.patient },
  { key: 'where', label: 'Ward or step', value: (p) => p.where },
  { key: 'hoursIn', label: 'In hospital for', value: (p) => p.hoursIn },
  { key: 'stay', label: 'Remaining stay (80% interval)', value: (p) => p.remainingHours.mean },
  { key: 'cost', label: 'Remaining cost (80% interval)', value: (p) => p.remainingCost.mean },
  { key: 'today', label: 'Leaves today', value: (p) => p.pLeaveToday },
  { key: 'tomorrow', label: 'Leaves tomorrow', value: (p) => p.pLeaveTomorrow },
];

/** "7 h", "2.5 d". */
export const hoursText = (h: number): string => (h >= 48 ? `${(h / 24).toFixed(1)} d` : `${Math.round(h)} h`);

export function PatientTable({
  patients,
  money,
  wardName,
}: {
  patients: readonly PatientForecast[];
  money: (x: number) => string;
  wardName: (id: string) => string;
}) {
  const [sort, setSort] = useState<{ key: Key; up: boolean }>({ key: 'stay', up: true });
  const column = COLUMNS.find((c) => c.key === sort.key)!;
  const rows = [...patients].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.up ? order : -order;
  });
  return (
    <div className="scroll patient-scroll" tabIndex={0} role="region" aria-label="Each patient's remaining stay and cost">
      <table className="cases-table" data-testid="today-patients-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
                <button className="sort" data-testid={`sort-${c.key}`} onClick={() => setSort((s) => ({ key: c.key, up: s.key === c.key ? !s.up : true }))}>
                  {c.label}
                  {sort.key === c.key ? (sort.up ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.patient} data-testid={`patient-${p.patient}`}>
              <th scope="row">{p.patient}</th>
              <td>
                {wardName(p.where)}
                {p.waiting ? ' (waiting)' : ''}
              </td>
              <td className="num">{hoursText(p.hoursIn)}</td>
              <td className="num interval" data-testid="stay">
                {p.pStillInAtCap >= 0.1 ? '≥ ' : ''}
                {hoursText(p.remainingHours.mean)} ({hoursText(p.remainingHours.p10)}–{hoursText(p.remainingHours.p90)})
              </td>
              <td className="num interval" data-testid="cost">
                {money(p.remainingCost.mean)} ({money(p.remainingCost.p10)}–{money(p.remainingCost.p90)})
              </td>
              <td className="num">{pct(p.pLeaveToday)}</td>
              <td className="num">{pct(p.pLeaveTomorrow)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
