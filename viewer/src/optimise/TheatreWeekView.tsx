/**
 * A theatre schedule optimisation's result (theatre-schedule.json): the answer
 * in a sentence, the week as a grid of theatres by weekday with the proposed
 * list of each theatre-day against the one that runs today, what each list
 * holds, and the figures of the proposal against the schedules in use.
 */
import { THEATRE_FIGURES_SHOWN } from '../../../workers/index.js';
import { listWords, useTheatreWeek, WEEKDAY_WORDS, type Interval, type TheatreWeek, type WeekSchedule } from './theatre-week-file.js';

const num = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function value(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'share') return `${num.format(x * 100)}%`;
  // Money, and any figure in the thousands (the weighted objective), in whole units.
  return unit === 'money' || Math.abs(x) >= 1000 ? money.format(x) : num.format(x);
}

function IntervalCell({ v, unit, signed }: { v: Interval | undefined; unit: string; signed?: boolean }) {
  if (!v) return <td className="num">–</td>;
  const sign = signed && v.mean > 0 ? '+' : '';
  return (
    <td className="num" data-signed={signed ? '' : undefined}>
      {sign}
      {value(v.mean, unit)}
      <span className="ci">± {value(v.half, unit)}</span>
    </td>
  );
}

const scheduleName = (s: WeekSchedule, week: TheatreWeek): string =>
  s.name === 'current' ? 'Your scenario’s week' : `Schedule ${s.name}${s === week.current ? ' (today)' : ''}`;

/** Theatre-days whose list the proposal changes from today's. */
function changedDays(week: TheatreWeek): number {
  const now = week.current?.schedule;
  if (!now) return NaN;
  return week.chosen.schedule.reduce((n, row, t) => n + row.filter((x, d) => x !== now[t]![d]).length, 0);
}

function WeekCell({ week, t, d }: { week: TheatreWeek; t: number; d: number }) {
  const proposed = week.chosen.schedule[t]![d] ?? null;
  if (!week.open[t]![d] && proposed === null) return <td className="muted">Closed</td>;
  const now = week.current?.schedule[t]![d];
  const changed = now !== undefined && now !== proposed;
  return (
    <td className={changed ? 'changed' : undefined} data-testid={`week-cell-${t}-${d}`}>
      <strong>{proposed === null ? 'No list' : listWords(proposed)}</strong>
      {now !== undefined && <span className="week-now">{changed ? `changed from ${now === null ? 'no list' : listWords(now)}` : 'as today'}</span>}
    </td>
  );
}

function TheatreWeekReport({ week }: { week: TheatreWeek }) {
  const level = `${Math.round(week.confidence * 100)}%`;
  const objective = THEATRE_FIGURES_SHOWN[THEATRE_FIGURES_SHOWN.length - 1]!;
  const a = week.builtins.find((b) => b.name === 'A');
  const d = week.chosen.vsA?.[objective.id];
  const changed = changedDays(week);
  const days = week.open.flat().filter(Boolean).length;
  const today = week.current ? scheduleName(week.current, week).replace(' (today)', '') : '';
  const verdict = d && (d.mean + d.half < 0 ? 'beats' : d.mean - d.half > 0 ? 'is worse than' : 'ties with');
  return (
    <div className="report-overlay optimise-report" data-testid="theatre-week-report" role="dialog" aria-label={`Theatre schedule ${week.name}`}>
      <div className="report-bar">
        <strong>Theatre schedule · {week.name}</strong>
        <span className="muted">{week.fileName}</span>
        <button onClick={() => useTheatreWeek.setState({ open: false })}>Close</button>
      </div>
      <div className="optimise-body">
        <p data-testid="theatre-week-answer">
          {week.chosenBuiltin !== undefined
            ? `None of the proposed weeks was better than ${week.chosenBuiltin === 'current' ? 'your scenario’s own week' : `schedule ${week.chosenBuiltin}`}: it is kept${week.current ? `, so ${changed === 0 ? 'no theatre-day changes' : `${changed} of ${days} theatre-days change from today`}` : ''}.`
            : week.current
              ? `The proposed week changes ${changed} of ${days} theatre-days from today (${today}).`
              : `The proposed week fills ${days} theatre-days.`}{' '}
          {a && d && verdict
            ? `It ${verdict} schedule A on the schedule objective (lower is better): ${value(week.chosen.figures[objective.id]!.mean, objective.unit)} against ${value(a.figures[objective.id]!.mean, objective.unit)}, a paired difference of ${value(d.mean, objective.unit)} ± ${value(d.half, objective.unit)} (${level} interval, ${week.replications} replications each).`
            : `${week.replications} replications.`}
          {week.scenario ? ` Scenario: ${week.scenario}.` : ''}
        </p>
        <h2 id="theatre-week-grid">Theatre week: proposed lists{week.current ? ' against today’s' : ''}</h2>
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="theatre-week-grid">
          <table className="cases-table week-grid" data-testid="theatre-week-grid">
            <caption className="muted">
              Each cell: the list the proposal runs in that theatre on that day{week.current ? `, and whether it changes from ${today}` : ''}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Theatre</th>
                {WEEKDAY_WORDS.map((w) => (
                  <th scope="col" key={w}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {week.theatres.map((theatre, t) => (
                <tr key={theatre}>
                  <th scope="row">Theatre {theatre}</th>
                  {WEEKDAY_WORDS.map((w, d) => (
                    <WeekCell key={w} week={week} t={t} d={d} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 id="theatre-week-lists">What each list holds</h2>
        <ul className="week-lists" aria-labelledby="theatre-week-lists">
          {Object.entries(week.lists).map(([id, cases]) => (
            <li key={id}>
              <strong>{listWords(id)}</strong>: {cases.map(([p, n]) => `${n} × ${p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`).join(', ')}
            </li>
          ))}
        </ul>
        <h2 id="theatre-week-figures">Figures ({level} intervals, the same replications for every week)</h2>
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="theatre-week-figures">
          <table className="cases-table" data-testid="theatre-week-figures">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Proposed</th>
                {week.builtins.map((b) => (
                  <th scope="col" key={b.name}>
                    {scheduleName(b, week)}
                  </th>
                ))}
                {a && <th scope="col">Proposed − schedule A</th>}
              </tr>
            </thead>
            <tbody>
              {THEATRE_FIGURES_SHOWN.filter((f) => week.chosen.figures[f.id] !== undefined).map((f) => (
                <tr key={f.id}>
                  <th scope="row" title={`theatre-schedule.json: ${f.id}`}>
                    {f.label} ({f.unit === 'share' ? '%' : f.unit})
                  </th>
                  <IntervalCell v={week.chosen.figures[f.id]} unit={f.unit} />
                  {week.builtins.map((b) => (
                    <IntervalCell key={b.name} v={b.figures[f.id]} unit={f.unit} />
                  ))}
                  {a && <IntervalCell v={week.chosen.vsA?.[f.id]} unit={f.unit} signed />}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

/** The open theatre week, or a button to show it again once closed. */
export function TheatreWeekView() {
  const { week, open } = useTheatreWeek();
  if (!week) return null;
  if (open) return <TheatreWeekReport week={week} />;
  return (
    <div className="buttons">
      <button data-testid="theatre-week-show" onClick={() => useTheatreWeek.setState({ open: true })}>
        Show theatre week {week.name}
      </button>
    </div>
  );
}
