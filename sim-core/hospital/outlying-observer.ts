/**
 * Outlying (bed pooling): at a pooled ward step a patient takes a bed in its
 * own ward (the list's first) or, that one being full, in another listed ward:
 * an outlier. Counts the stays begun at each pooled step after the warm-up and
 * how many were outliers, and the bed-days outliers spent outside their own
 * ward (from the warm-up to the end, as occupancy counts them), by step, by
 * the ward they were in (host) and by their own ward (home). Built only for a
 * model with a pooled step, so other runs pay nothing for it.
 */
import { stepVerb, type SeizeStep } from '../verbs/index.js';
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';

interface PooledFigure {
  name: string;
  begun: number;
  outliers: number;
  minutes: number;
}

export class OutlyingObserver {
  /** Per pathway and step: the pooled step's figure (for its seize and the stay's hold after it), or null. */
  private readonly figureAt: (PooledFigure | null)[][];
  private readonly wardsAt: (readonly number[] | null)[][];
  private readonly figures: PooledFigure[] = [];
  /** Bed-minutes of outliers by the ward they were in, and by their own ward. */
  private readonly hostMinutes: Float64Array;
  private readonly homeMinutes: Float64Array;
  private readonly inAnyList: boolean[];
  /** Outliers in a bed now, by serial × resources + ward: their own ward and step figure. */
  private readonly open = new Map<number, { home: number; figure: PooledFigure }>();
  private readonly n: number;

  constructor(private readonly run: ObserverContext) {
    const model = run.model;
    this.n = Math.max(1, model.resources.length);
    this.hostMinutes = new Float64Array(model.resources.length);
    this.homeMinutes = new Float64Array(model.resources.length);
    this.inAnyList = model.resources.map(() => false);
    const byName = new Map<string, PooledFigure>();
    this.figureAt = model.pathways.map((p) => p.steps.map(() => null));
    this.wardsAt = model.pathways.map((p) => p.steps.map(() => null));
    model.pathways.forEach((p, pw) =>
      p.steps.forEach((step, i) => {
        // Only a seize has `pooled`.
        if ((step as Partial<SeizeStep>).pooled !== true) return;
        const s = step as SeizeStep;
        let f = byName.get(s.figure);
        if (!f) {
          f = { name: s.figure, begun: 0, outliers: 0, minutes: 0 };
          byName.set(s.figure, f);
          this.figures.push(f);
        }
        for (const r of s.resources) this.inAnyList[r] = true;
        // A patient placed in the stay itself is at the hold that follows.
        for (const at of [i, i + 1]) {
          if (at >= p.steps.length || (at > i && stepVerb(p.steps[at]!).standing?.kind !== 'activity')) continue;
          this.figureAt[pw]![at] = f;
          this.wardsAt[pw]![at] = s.resources;
        }
      }),
    );
  }

  /** Whether the model has a pooled step at all (else there is nothing to observe). */
  static wanted(model: HospitalModel): boolean {
    return model.pathways.some((p) => p.steps.some((s) => (s as Partial<SeizeStep>).pooled === true));
  }

  seized(p: number, r: number): void {
    const pt = this.run.patients;
    const pw = pt.pathwayOf[p]!;
    const i = pt.step[p]!;
    const wards = this.wardsAt[pw]![i];
    if (!wards || !wards.includes(r)) return;
    const figure = this.figureAt[pw]![i]!;
    const counted = this.run.sim.now >= this.run.warmupEnd;
    if (counted) figure.begun++;
    if (r === wards[0]) return;
    if (counted) figure.outliers++;
    this.open.set(pt.serialOf[p]! * this.n + r, { home: wards[0]!, figure });
  }

  used(serial: number, _pathway: number, r: number, from: number, grantedAt: number): void {
    // The patient's time in the bed only (from the grant), not cleaning after it.
    if (from !== grantedAt) return;
    const key = serial * this.n + r;
    const stay = this.open.get(key);
    if (stay === undefined) return;
    this.open.delete(key);
    const minutes = Math.min(this.run.sim.now, this.run.end) - Math.max(from, this.run.warmupEnd);
    if (minutes <= 0) return;
    stay.figure.minutes += minutes;
    this.hostMinutes[r]! += minutes;
    this.homeMinutes[stay.home]! += minutes;
  }

  /** Puts the outlying figures (see the README's figure table). */
  close(into: RunFindings): void {
    const f = into.figures;
    for (const x of this.figures) {
      f[`outlied.${x.name}.share`] = x.begun > 0 ? x.outliers / x.begun : NaN;
      f[`outlied.${x.name}.bedDays`] = x.minutes / 1440;
    }
    this.run.model.resources.forEach((m, r) => {
      if (!this.inAnyList[r]) return;
      f[`beds.${m.name}.outliedBedDays`] = this.hostMinutes[r]! / 1440;
      f[`beds.${m.name}.outliedAwayBedDays`] = this.homeMinutes[r]! / 1440;
    });
  }
}
