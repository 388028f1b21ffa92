/**
 * Bed turnover: patients through each bed a year, the figure bed managers
 * report ("35 to 42 turnovers a year by planning discharges"). For each ward
 * (a resource whose units are beds), the beds given back after the warm-up,
 * over its beds, scaled to 365 days of the measured window:
 * `beds.<ward>.turnoversPerYear`. An observer that hears only `released`.
 */
import type { ObserverContext, RunFindings } from './observer.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

const YEAR = 365 * 1440;

export class BedTurnover {
  /** Stays ended after the warm-up, by resource index (wards only; others stay 0). */
  private readonly ended: number[];
  private readonly isBed: boolean[];

  constructor(private readonly run: ObserverContext) {
    this.isBed = run.model.resources.map((r) => RESOURCE_KINDS[r.kind].bed);
    this.ended = this.isBed.map(() => 0);
  }

  released(_p: number, r: number): void {
    if (this.isBed[r] && this.run.sim.now >= this.run.warmupEnd) this.ended[r]!++;
  }

  close(into: RunFindings): void {
    const minutes = this.run.sim.now - Math.max(0, this.run.warmupEnd);
    if (!(minutes > 0)) return;
    this.run.model.resources.forEach((r, i) => {
      if (this.isBed[i] && r.capacity > 0) into.figures[`beds.${r.name}.turnoversPerYear`] = (this.ended[i]! / r.capacity) * (YEAR / minutes);
    });
  }
}
