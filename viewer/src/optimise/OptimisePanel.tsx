/**
 * Open an optimisation result (optimise.json): the answer in a sentence, the
 * objective against evaluations, the final selection's table, and a button
 * that compares the best with the base scenario it started from.
 */
import { useMemo, useRef } from 'react';
import { contextOf } from '../format/figure-text.js';
import { objectiveWords } from './objective-words.js';
import { compareBestWithBase, openOptimiseFile, useOptimise } from './optimise-actions.js';
import { valuesText, type OptimiseCandidate } from './optimise-file.js';
import { ObjectivePlot } from './ObjectivePlot.js';
import { TheatreWeekView } from './TheatreWeekView.js';

const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function objectiveText(c: OptimiseCandidate): string {
  return `${fmt.format(c.objective.mean)} (95% CI ${fmt.format(c.objective.lo)} to ${fmt.format(c.objective.hi)})`;
}

function OptimiseReportView() {
  const { result, open } = useOptimise();
  const words = useMemo(() => {
    if (!result) return null;
    const ctx = contextOf(result.base);
    return { objective: objectiveWords(result.objective.figure, ctx), of: (figure: string) => objectiveWords(figure, ctx) };
  }, [result]);
  if (!result || !open || !words) return null;
  const { chosen } = result;
  const goal = `${result.objective.order === 'min' ? 'minimise' : 'maximise'} ${words.objective}${result.constraints.map((c) => `, ${words.of(c.figure)} ${c.kind === 'atLeast' ? '≥' : '≤'} ${c.bound}`).join('')}`;
  return (
    <div className="report-overlay optimise-report" data-testid="optimise-report" role="dialog" aria-label={`Optimisation ${result.name}`}>
      <div className="report-bar">
        <strong>Optimisation · {result.name}</strong>
        <span className="muted">{result.fileName}</span>
        <button data-testid="optimise-compare" className="primary" onClick={() => void compareBestWithBase()} disabled={!chosen}>
          Compare best with base
        </button>
        <button onClick={() => useOptimise.setState({ open: false })}>Close</button>
      </div>
      <div className="optimise-body">
        <p data-testid="optimise-answer">
          {chosen ? (
            <>
              <strong>Best: {valuesText(chosen.values)}</strong>. {words.objective}: {objectiveText(chosen)} over {chosen.n} replications
              {chosen.shownFeasible ? ', shown to meet every constraint' : result.constraints.length > 0 ? ', not shown to meet every constraint' : ''}.
            </>
          ) : (
            'No solution was chosen.'
          )}{' '}
          Goal: {goal}. {result.replicationsUsed.toLocaleString('en-GB')} replications; base scenario {result.baseName}
          {Number.isFinite(result.spaceSize) ? `; ${result.spaceSize.toLocaleString('en-GB')} possible solutions` : ''}
          {result.stopped ? '; stopped before the selection finished (no guarantee)' : ''}.
        </p>
        <ObjectivePlot history={result.history} objective={words.objective} />
        <h2 id="optimise-selection">Final selection</h2>
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="optimise-selection">
          <table className="cases-table" data-testid="optimise-table">
            <thead>
              <tr>
                <th scope="col">Solution</th>
                <th scope="col">Replications</th>
                <th scope="col" title={`as optimise.json writes it: ${result.objective.figure}`}>
                  Mean of {words.objective} (95% CI)
                </th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {result.candidates.map((c, i) => {
                const isChosen = chosen !== null && valuesText(c.values) === valuesText(chosen.values);
                return (
                  <tr key={i} className={isChosen ? 'total' : ''} data-testid={isChosen ? 'optimise-chosen-row' : undefined}>
                    <th scope="row">{valuesText(c.values)}</th>
                    <td className="num">{c.n}</td>
                    <td className="num">
                      {fmt.format(c.objective.mean)}
                      <span className="ci">
                        {fmt.format(c.objective.lo)} – {fmt.format(c.objective.hi)}
                      </span>
                    </td>
                    <td>
                      {isChosen
                        ? 'chosen'
                        : c.eliminated
                          ? `left after ${c.eliminated.at} replications: ${c.eliminated.reason}`
                          : 'could not be told apart from the best'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

export function OptimisePanel() {
  const { result, error } = useOptimise();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="card" data-testid="optimise">
      <h2>Optimisation result</h2>
      <p className="muted">
        Open the <code>optimise.json</code> that <code>hospital-twin optimise</code> wrote: its plot and selection, and the best compared with the base; or a{' '}
        <code>theatre-schedule.json</code>: its week grid.
      </p>
      <div className="buttons">
        <button onClick={() => input.current?.click()}>Open optimise.json…</button>
        {result && (
          <button data-testid="optimise-show" onClick={() => useOptimise.setState({ open: true })}>
            Show {result.name}
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept=".json"
        hidden
        data-testid="optimise-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openOptimiseFile(f);
          e.target.value = '';
        }}
      />
      {error && (
        <div className="errors" role="alert" data-testid="optimise-errors">
          <strong>{error.source} could not be opened</strong>
          <ul>
            {error.problems.map((p, k) => (
              <li key={k}>{p}</li>
            ))}
          </ul>
          <button onClick={() => useOptimise.setState({ error: null })}>Dismiss</button>
        </div>
      )}
      <OptimiseReportView />
      <TheatreWeekView />
    </section>
  );
}
