/**
 * "Cost per case": what a finished case costs, by patient class, and with
 * case-mix groups what the payer pays for it and the margin left (loss in
 * red, gain in green, always said in words too). Means over replications
 * with their 95% intervals; costs never show a negative bound, margins can.
 */
import type { RunRecord } from '../store/runs.js';
import { BarChart, type Bar } from './BarChart.js';
import { classRows, groupRows, marginTone, type GroupRow, type Value } from './case-rows.js';

const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

function moneyText(x: number, signed = false): string {
  const s = money.format(Math.abs(x) < 0.5 ? 0 : x);
  return signed && x >= 0.5 ? `+${s}` : s;
}

function ciText(v: Value | null, signed = false, fmt: (x: number, s: boolean) => string = moneyText): string {
  if (!v || !Number.isFinite(v.lo) || !Number.isFinite(v.hi)) return '';
  return `${fmt(v.lo, signed)} – ${fmt(v.hi, signed)}`;
}

const TONE_WORD = { loss: 'Loss', gain: 'Gain', unclear: 'Not clear', plain: '' } as const;

/**
 * A margin in words: "loss −551", "gain +982"; when its interval spans 0,
 * "−380, could be a gain" (the sign says which way it leans, the words that it is not sure).
 */
function marginWords(v: Value): string {
  const tone = marginTone(v);
  if (tone !== 'unclear') return `${tone} ${moneyText(v.mean, true)}`;
  return `${moneyText(v.mean, true)}, could be a ${v.mean < 0 ? 'gain' : 'loss'}`;
}

function Margin({ v, perCase, known }: { v: Value | null; perCase: boolean; known: boolean }) {
  if (!v) return <td className="num">{known ? 'no data' : 'not known'}</td>;
  const tone = marginTone(v);
  return (
    <td className={`num margin ${tone}`}>
      {tone === 'unclear' ? (
        <span className="v">{marginWords(v)}</span>
      ) : (
        <>
          <span className="tone-word">{TONE_WORD[tone]}</span> <span className="v">{moneyText(v.mean, true)}</span>
        </>
      )}
      {perCase && <span className="ci">{ciText(v, true)}</span>}
    </td>
  );
}

function GroupTableRow({ g, total = false }: { g: GroupRow; total?: boolean }) {
  return (
    <tr data-testid={`casemix-row-${g.code}`} className={total ? 'total' : ''}>
      <th scope="row">{g.label}</th>
      <td className="num">{g.cases ? count.format(g.cases.mean) : '–'}</td>
      <td className="num">
        <span className="v">{g.cost ? moneyText(g.cost.mean) : '–'}</span>
        <span className="ci">{ciText(g.cost)}</span>
      </td>
      <td className="num">
        <span className="v">{g.payment ? moneyText(g.payment.mean) : g.paymentKnown ? '–' : 'not known'}</span>
      </td>
      <Margin v={g.marginPerCase} perCase known={g.paymentKnown} />
      <Margin v={g.margin} perCase={false} known={g.paymentKnown} />
      <td className="num">
        {g.lossShare ? `${(g.lossShare.mean * 100).toFixed(1)}%` : g.paymentKnown ? '–' : 'not known'}
        <span className="ci">{ciText(g.lossShare, false, (x) => `${(x * 100).toFixed(1)}%`)}</span>
      </td>
    </tr>
  );
}

export function CostPerCaseView({ run }: { run: RunRecord }) {
  const figures = run.result.figures;
  const classes = classRows(run.scenario, figures);
  const { groups, total } = groupRows(run.scenario, figures);
  const currency = run.scenario.currency ?? "the scenario's currency";
  if (classes.length === 0) {
    return <div className="empty">This run reports no cost per case (its figures come from an older version of the model).</div>;
  }
  const classBars: Bar[] = classes
    .filter((c) => c.cost)
    .map((c) => ({ key: c.id, label: c.label, value: c.cost!.mean, lo: c.cost!.lo, hi: c.cost!.hi, tone: 'plain', text: moneyText(c.cost!.mean) }));
  // Each group by its code and name, then all groups together: the margin the hospital makes per case overall.
  const marginBars: Bar[] = [...groups, ...(total ? [total] : [])]
    .filter((g) => g.marginPerCase)
    .map((g) => ({
      key: g.code,
      label: g.label,
      value: g.marginPerCase!.mean,
      lo: g.marginPerCase!.lo,
      hi: g.marginPerCase!.hi,
      tone: marginTone(g.marginPerCase),
      text: marginWords(g.marginPerCase!),
      ...(g === total ? { total: true } : {}),
    }));
  return (
    <div className="cases-view" data-testid="cost-per-case">
      <p className="muted">
        Run {run.id} · {run.label} · finished cases after the warm-up, mean of {run.result.replications} replications with 95% intervals · money in {currency}
      </p>
      <div className="cases-charts">
        <BarChart title="Cost per case by patient class" bars={classBars} testId="class-bars" />
        {marginBars.length > 0 && <BarChart title="Margin per case by case-mix group (payment − cost)" bars={marginBars} testId="margin-bars" />}
      </div>
      <section aria-labelledby="cpc-classes">
        <h2 id="cpc-classes">By patient class</h2>
        <div className="scroll" tabIndex={0} role="region" aria-label="Cost per case by patient class">
          <table className="cases-table" data-testid="class-table">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Cases</th>
                <th scope="col">Cost per case (95% CI)</th>
                <th scope="col">Across cases: p10 · median · p90</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id} data-testid={`class-row-${c.id}`}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{c.cases ? count.format(c.cases.mean) : '–'}</td>
                  <td className="num">
                    <span className="v">{c.cost ? moneyText(c.cost.mean) : 'no finished case'}</span>
                    <span className="ci">{ciText(c.cost)}</span>
                  </td>
                  <td className="num">{[c.p10, c.p50, c.p90].map((x) => (x === null ? '–' : moneyText(x))).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="cpc-groups">
        <h2 id="cpc-groups">By case-mix group</h2>
        {groups.length === 0 ? (
          <p className="muted" data-testid="no-casemix">
            This scenario declares no case-mix groups (DRG/DIP codes with a weight and a base rate), so there is no payment or margin to show. Add a{' '}
            <code>caseMix</code> section to its file.
          </p>
        ) : (
          <div className="scroll" tabIndex={0} role="region" aria-label="Cost, payment and margin by case-mix group">
            <table className="cases-table" data-testid="casemix-table">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Cases</th>
                  <th scope="col">Cost per case (95% CI)</th>
                  <th scope="col">Payment per case</th>
                  <th scope="col">Margin per case (95% CI)</th>
                  <th scope="col">Margin, total</th>
                  <th scope="col">Cases losing money</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <GroupTableRow key={g.code} g={g} />
                ))}
                {total && <GroupTableRow g={total} total />}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
