/**
 * The headline tiles a manager reads first: 4-hour performance, patients
 * waiting in the ED, bed occupancy, elective cancellations, overtime, cost per
 * patient and total cost, each with its 95% interval across replications and,
 * where the scenario sets one, its target met or missed.
 */
import { atRate, declaredResources, type FigureInfo, type Scenario } from '../../../scenarios/index.js';
import { combinedFigure } from '../../../workers/index.js';
import { contextOf, figureInfo } from '../format/figure-text.js';
import type { BrowserExperimentResult } from '../model/runner.js';

export interface Kpi {
  id: string;
  /** The tile's heading: "4-hour performance". */
  short: string;
  /** What the number is and over what period: "average number waiting", "over 14 days". */
  note: string;
  info: FigureInfo;
  mean: number;
  ci95: readonly [number, number];
  target?: number;
  /** Met or missed, by the figure's better side (a ceiling where neither side is better); undefined without a target. */
  met?: boolean;
}

type Summary = { mean: number; ci95: readonly [number, number] } | null;

/** The resources the scenario puts in the ED by their own department (of every kind that has one). */
function edResources(s: Scenario): string[] {
  return declaredResources(s)
    .map((r) => r.element as { id: string; department?: string })
    .filter((r) => r.department === 'ed')
    .map((r) => r.id);
}

function electiveClasses(s: Scenario, surgical: ReadonlySet<string>): string[] {
  return s.patientClasses.filter((c) => surgical.has(c.id) && !atRate(c.arrivals) && !c.emergencyDepartment).map((c) => c.id);
}

/** "over 14 days", "over a year": the measured period after the warm-up. */
export function periodText(days: number): string {
  return Math.abs(days - 365) < 1 ? 'over a year' : `over ${days.toLocaleString('en-GB')} day${days === 1 ? '' : 's'}`;
}

export function headlineKpis(scenario: Scenario, result: BrowserExperimentResult): Kpi[] {
  const ctx = contextOf(scenario);
  const figures = result.figures;
  const per = result.perReplication;
  const direct = (id: string): Summary => (figures[id] && figures[id].n > 0 ? { mean: figures[id].mean, ci95: figures[id].ci95 } : null);
  const beds = scenario.wards.filter((w) => w.type !== 'ed');
  const totalBeds = beds.reduce((s, w) => s + w.beds, 0);
  const over = periodText(scenario.horizonDays);
  const made: [string, string, string, Summary][] = [
    ['ed.within4h', '4-hour performance', `of ED patients, ${over}`, direct('ed.within4h')],
    [
      'ed.waiting',
      'Waiting in the ED',
      'average number waiting',
      combinedFigure(
        per,
        edResources(scenario).map((r) => `queue.${r}.mean`),
      ),
    ],
    [
      'beds.occupancy',
      'Bed occupancy',
      // The same measure as the chart's "all beds" line, after the warm-up.
      `average share of all ${totalBeds} beds`,
      totalBeds > 0
        ? combinedFigure(
            per,
            beds.map((w) => `beds.${w.id}.meanOccupied`),
            1 / totalBeds,
          )
        : null,
    ],
    [
      'cancellations.elective',
      'Elective cancellations',
      `operations cancelled, ${over}`,
      combinedFigure(
        per,
        electiveClasses(scenario, ctx.surgicalClasses).map((c) => `cancellations.${c}`),
      ),
    ],
    ['overtime.hours', 'Overtime', `past shift ends, ${over}`, direct('overtime.hours')],
    ['cost.perPatient', 'Cost per patient', 'average per patient arriving', direct('cost.perPatient')],
    ['cost.total', 'Total cost', over, direct('cost.total')],
  ];
  const out: Kpi[] = [];
  for (const [id, short, note, s] of made) {
    if (!s || !Number.isFinite(s.mean)) continue;
    const info = figureInfo(id, ctx);
    const target = scenario.targets?.[id];
    const kpi: Kpi = { id, short, note, info, mean: s.mean, ci95: s.ci95 };
    if (target !== undefined) {
      kpi.target = target;
      // A target on a figure with no better side (occupancy) is a ceiling: "at most 85%".
      kpi.met = info.direction === 'higherIsBetter' ? s.mean >= target : s.mean <= target;
    }
    out.push(kpi);
  }
  return out;
}
