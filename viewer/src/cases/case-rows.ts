/**
 * The "Cost per case" view's rows, read from a run's figures: one row per
 * patient class (`cases.<class>`, `cost.perCase.<class>.*`) and, when the
 * scenario declares case-mix groups, one per group (`casemix.<code>.*`) and
 * their total. Costs, payments, counts and shares cannot be negative, so
 * their intervals are clipped at 0 (the catalogue's shownInterval); margins
 * can be, and are shown as they are.
 */
import { shownInterval, type Scenario } from '../../../scenarios/index.js';

export interface Summary {
  mean: number;
  ci95: readonly [number, number];
  n: number;
}

export interface Value {
  mean: number;
  /** The 95% interval as shown: clipped at 0 unless the value may be negative; NaN when there is none. */
  lo: number;
  hi: number;
}

export interface ClassRow {
  id: string;
  label: string;
  cases: Value | null;
  cost: Value | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  byType: Record<string, number>;
}

export interface GroupRow {
  code: string;
  label: string;
  cases: Value | null;
  cost: Value | null;
  payment: Value | null;
  marginPerCase: Value | null;
  margin: Value | null;
  lossShare: Value | null;
  /** False for a group with no relative weight (or no base rate): its payment and margin are not known, not missing. */
  paymentKnown: boolean;
}

export type Figures = Readonly<Record<string, Summary>>;

export function valueOf(figures: Figures, id: string, mayBeNegative = false): Value | null {
  const f = figures[id];
  if (!f || f.n === 0 || !Number.isFinite(f.mean)) return null;
  if (!Number.isFinite(f.ci95[0]) || !Number.isFinite(f.ci95[1])) return { mean: f.mean, lo: NaN, hi: NaN };
  const { lo, hi } = shownInterval({ nonNegative: !mayBeNegative }, f.ci95);
  return { mean: f.mean, lo, hi };
}

const meanOf = (figures: Figures, id: string): number | null => valueOf(figures, id)?.mean ?? null;

export function classRows(scenario: Scenario, figures: Figures): ClassRow[] {
  return scenario.patientClasses
    .filter((c) => figures[`cases.${c.id}`] !== undefined)
    .map((c) => {
      const base = `cost.perCase.${c.id}`;
      const byType: Record<string, number> = {};
      for (const id of Object.keys(figures)) {
        if (!id.startsWith(`${base}.byType.`)) continue;
        const m = meanOf(figures, id);
        if (m !== null) byType[id.slice(base.length + '.byType.'.length)] = m;
      }
      return {
        id: c.id,
        label: c.name ?? c.id,
        cases: valueOf(figures, `cases.${c.id}`),
        cost: valueOf(figures, `${base}.mean`),
        p10: meanOf(figures, `${base}.p10`),
        p50: meanOf(figures, `${base}.p50`),
        p90: meanOf(figures, `${base}.p90`),
        byType,
      };
    });
}

function groupRow(figures: Figures, prefix: string, code: string, label: string, paymentKnown: boolean): GroupRow {
  return {
    paymentKnown,
    code,
    label,
    cases: valueOf(figures, `${prefix}cases`),
    cost: valueOf(figures, `${prefix}costPerCase`),
    payment: valueOf(figures, `${prefix}paymentPerCase`),
    marginPerCase: valueOf(figures, `${prefix}marginPerCase`, true),
    margin: valueOf(figures, `${prefix}margin`, true),
    lossShare: valueOf(figures, `${prefix}lossShare`),
  };
}

/** One row per declared group that has figures, then "All groups" (its per-case values from the totals). */
export function groupRows(scenario: Scenario, figures: Figures): { groups: GroupRow[]; total: GroupRow | null } {
  const declared = scenario.caseMix?.groups ?? [];
  const paid = (g: { weight?: number | undefined } | undefined): boolean => scenario.caseMix?.baseRate !== undefined && g?.weight !== undefined;
  const groups = declared
    .map((g) => String(g.code))
    .filter((code) => figures[`casemix.${code}.cases`] !== undefined)
    .map((code) => {
      const group = declared.find((g) => String(g.code) === code);
      return groupRow(figures, `casemix.${code}.`, code, group?.name ? `${code} · ${group.name}` : code, paid(group));
    });
  if (figures['casemix.cases'] === undefined) return { groups, total: null };
  const cases = meanOf(figures, 'casemix.cases');
  const per = (id: string): Value | null => {
    const v = meanOf(figures, id);
    // A ratio of two means: no interval of its own.
    return v === null || !cases ? null : { mean: v / cases, lo: NaN, hi: NaN };
  };
  return {
    groups,
    total: {
      paymentKnown: declared.every(paid),
      code: 'all',
      label: 'All groups',
      cases: valueOf(figures, 'casemix.cases'),
      cost: per('casemix.cost'),
      payment: per('casemix.payment'),
      marginPerCase: per('casemix.margin'),
      margin: valueOf(figures, 'casemix.margin', true),
      lossShare: valueOf(figures, 'casemix.lossShare'),
    },
  };
}

/** A margin in words as well as colour: "loss", "gain", or "not clearly either" when its interval spans 0. */
export function marginTone(v: Value | null): 'loss' | 'gain' | 'unclear' {
  if (!v) return 'unclear';
  if (!Number.isFinite(v.lo)) return v.mean < 0 ? 'loss' : v.mean > 0 ? 'gain' : 'unclear';
  if (v.hi < 0) return 'loss';
  if (v.lo > 0) return 'gain';
  return 'unclear';
}
