/**
 * The answer of a comparison in one sentence, as a manager would say it:
 * "B costs 553,179 more over 365 days (+27 per patient) and moves 4-hour
 * performance from 74.7% to 77.5%; ED length of stay does not change
 * significantly; boarding rises 1,154 h." Each clause carries whether it is
 * better or worse for the hospital, by the figure's direction in the catalogue.
 */
import type { FigureContext, Scenario } from '../../../scenarios/index.js';
import type { FigureDifference } from '../../../workers/index.js';
import { differenceText, figureInfo, valueText, verdictOf } from '../format/figure-text.js';

export interface Clause {
  text: string;
  tone: 'better' | 'worse' | 'neutral';
}

/** Figures the sentence speaks of after cost and the 4-hour share, in this order. */
const FOLLOW = ['ed.los.mean', 'boarding.hours', 'ed.leftUnseen', 'cancellations', 'overtime.hours'];

/** Plural subjects take "rise", "do not". */
const PLURAL = new Set(['ed.leftUnseen', 'cancellations']);

const NOUN: Record<string, string> = {
  'ed.los.mean': 'ED length of stay',
  'boarding.hours': 'boarding',
  'ed.leftUnseen': 'patients leaving the ED unseen',
  cancellations: 'cancellations',
  'overtime.hours': 'overtime',
  'ed.within4h': '4-hour performance',
};

function period(days: number): string {
  return Math.abs(days - 365) < 1 ? 'a year' : `over ${days} day${days === 1 ? '' : 's'}`;
}

const money = (x: number): string => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.abs(Math.round(x)));

/** A label as the subject of a sentence: "Wait for server, mean" -> "mean wait for server". */
function nounOf(label: string): string {
  const m = /^(.*), (mean|median|90th percentile|95th percentile)$/.exec(label);
  const lower = (t: string): string => t.charAt(0).toLowerCase() + t.slice(1);
  if (!m) return lower(label);
  return `${m[2]} ${lower(m[1]!).replace(/^patients waiting/, 'number of patients waiting')}`;
}

/**
 * `also`: figures to speak of right after the cost, when they changed: what B
 * buys for its money (an optimisation's objective, "mean wait for server from
 * 35.2 to 2.2 min"). Money is rounded as the table of differences rounds it.
 */
export function verdictClauses(diff: Record<string, FigureDifference>, ctx: FigureContext, horizonDays: number, also: readonly string[] = []): Clause[] {
  const out: Clause[] = [];
  const total = diff['cost.total'];
  if (total) {
    const per = diff['cost.perPatient'];
    const signed = (id: string, x: number): string => differenceText(figureInfo(id, ctx), x);
    const size = (x: number): string => differenceText(figureInfo('cost.total', ctx), Math.abs(x)).replace(/^\+/, '');
    const perText = per ? ` (${signed('cost.perPatient', per.mean)} per patient)` : '';
    out.push(
      total.significant
        ? {
            text: `B costs ${size(total.mean)} ${total.mean > 0 ? 'more' : 'less'} ${period(horizonDays)}${perText}`,
            tone: total.mean > 0 ? 'worse' : 'better',
          }
        : {
            text: `B's total cost does not differ significantly from A's (${signed('cost.total', total.mean)} ${period(horizonDays)})`,
            tone: 'neutral',
          },
    );
  }
  for (const id of also) {
    const d = diff[id];
    if (!d || !d.significant) continue;
    const info = figureInfo(id, ctx);
    out.push({
      text: `moves ${nounOf(info.label)} from ${valueText(info, d.meanA)} to ${valueText(info, d.meanB)}`,
      tone: verdictOf(info, d.mean, true),
    });
  }
  const four = diff['ed.within4h'];
  if (four) {
    const info = figureInfo('ed.within4h', ctx);
    const tone = verdictOf(info, four.mean, four.significant);
    out.push({
      text: four.significant
        ? `moves 4-hour performance from ${valueText(info, four.meanA)} to ${valueText(info, four.meanB)}`
        : `leaves 4-hour performance at about ${valueText(info, four.meanA)} (no significant change)`,
      tone,
    });
  }
  for (const id of FOLLOW) {
    const d = diff[id];
    if (!d) continue;
    const info = figureInfo(id, ctx);
    const noun = NOUN[id] ?? info.label;
    if (!d.significant) {
      if (id === 'ed.los.mean' || Math.abs(d.mean) > 0)
        out.push({ text: `${noun} ${PLURAL.has(id) ? 'do' : 'does'} not change significantly`, tone: 'neutral' });
      continue;
    }
    const magnitude = differenceText(info, Math.abs(d.mean)).replace(/^\+/, '');
    const verb = (d.mean > 0 ? 'rise' : 'fall') + (PLURAL.has(id) ? '' : 's');
    out.push({ text: `${noun} ${verb} ${info.unit === 'patients' || info.unit === 'events' ? 'by ' : ''}${magnitude}`, tone: verdictOf(info, d.mean, true) });
  }
  return out;
}

/** The clauses as one sentence: the first two joined by "and", the rest by semicolons. */
export function verdictSentence(clauses: readonly Clause[]): string {
  if (clauses.length === 0) return '';
  const [first, second, ...rest] = clauses;
  const head = second ? `${first!.text} and ${second.text}` : first!.text;
  return `${[head, ...rest.map((c) => c.text)].join('; ')}.`;
}

export interface CostDriver {
  type: string;
  text: string;
}

/** Why a cost line moved, in words, from the figures that drive it and the scenarios' rates. */
export function costDrivers(diff: Record<string, FigureDifference>, ctx: FigureContext, a: Scenario, b: Scenario): CostDriver[] {
  const out: CostDriver[] = [];
  const said = (id: string): string | null => {
    const d = diff[id];
    if (!d || !d.significant) return null;
    return `${NOUN[id] ?? figureInfo(id, ctx).label} ${d.mean > 0 ? 'up' : 'down'} ${differenceText(figureInfo(id, ctx), Math.abs(d.mean)).replace(/^\+/, '')}`;
  };
  const pen = diff['cost.penalties'];
  if (pen?.significant) {
    const p = b.costs.penalties;
    const why = [
      p.boardingHour > 0 ? said('boarding.hours')?.concat(` at ${money(p.boardingHour)} an hour`) : null,
      p.leftUnseen > 0 ? said('ed.leftUnseen')?.concat(` at ${money(p.leftUnseen)} each`) : null,
      p.cancelledCase > 0 ? said('cancellations')?.concat(` at ${money(p.cancelledCase)} each`) : null,
    ].filter((x): x is string => !!x);
    out.push({ type: 'penalties', text: `Penalties ${pen.mean > 0 ? 'up' : 'down'}${why.length > 0 ? ` because ${why.join(', ')}` : ''}.` });
  }
  const ot = diff['cost.overtime'];
  if (ot?.significant)
    out.push({ type: 'overtime', text: `Overtime premium ${ot.mean > 0 ? 'up' : 'down'}${said('overtime.hours') ? `: ${said('overtime.hours')}` : ''}.` });
  const staff = diff['cost.staff'];
  if (staff?.significant) {
    const heads = (s: Scenario): number => s.staff.reduce((n, g) => n + g.shifts.reduce((m, sh) => m + sh.count, 0), 0);
    const change = heads(b) - heads(a);
    out.push({
      type: 'staff',
      text: `Staff ${staff.mean > 0 ? 'up' : 'down'}: staff are paid for their rostered hours${change !== 0 ? ` (B's rosters put ${Math.abs(change)} ${change > 0 ? 'more' : 'fewer'} people on shift)` : ''}.`,
    });
  }
  const bedsCost = diff['cost.beds'];
  if (bedsCost?.significant) {
    const beds = (s: Scenario): number => s.wards.reduce((n, w) => n + w.beds, 0);
    const change = beds(b) - beds(a);
    out.push({
      type: 'beds',
      text: `Beds ${bedsCost.mean > 0 ? 'up' : 'down'}${change !== 0 ? `: B has ${Math.abs(change)} ${change > 0 ? 'more' : 'fewer'} beds, each paid per bed-day` : ': more bed-days used'}.`,
    });
  }
  return out;
}
