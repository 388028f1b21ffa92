/**
 * The case-mix rows of the "Cost per case" view: a group with no relative
 * weight (a calibrated scenario's DRG) has no payment figures, and its row
 * says its payment is not known rather than missing.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../../scenarios/index.js';
import { groupRows, type Figures } from './case-rows.js';

const scenario = (caseMix: ScenarioInput['caseMix']) =>
  parseScenario({
    name: 'rows',
    start: '2026-01-05T00:00',
    horizonDays: 7,
    resources: [{ id: 'bay', department: 'clinic', units: 1 }],
    patientClasses: [
      {
        id: 'p',
        department: 'clinic',
        arrivals: { type: 'weekly', perDay: 1 },
        attributes: { drg: { values: ['A', 'B'], weights: [1, 1] } },
        pathway: 'p',
      },
    ],
    pathways: { p: [{ seize: ['bay'] }, { hold: { type: 'constant', value: 5 }, activity: 'care' }, { release: 'all' }] },
    caseMix,
  });

const s = (mean: number) => ({ mean, ci95: [mean, mean] as const, n: 2 });

describe('case-mix rows', () => {
  it('mark a group with no weight as payment not known, and the total with it', () => {
    const figures: Figures = {
      'casemix.A.cases': s(3),
      'casemix.A.costPerCase': s(10),
      'casemix.A.paymentPerCase': s(15),
      'casemix.A.marginPerCase': s(5),
      'casemix.A.margin': s(15),
      'casemix.A.lossShare': s(0),
      'casemix.B.cases': s(2),
      'casemix.B.costPerCase': s(20),
      'casemix.cases': s(5),
      'casemix.cost': s(70),
    };
    const { groups, total } = groupRows(scenario({ baseRate: 10, groups: [{ code: 'A', weight: 1.5 }, { code: 'B' }] }), figures);
    expect(groups.map((g) => [g.code, g.paymentKnown, g.payment?.mean ?? null])).toEqual([
      ['A', true, 15],
      ['B', false, null],
    ]);
    expect(total?.paymentKnown).toBe(false);
    expect(total?.payment).toBeNull();
    expect(total?.cost?.mean).toBe(14);
  });

  it('with every group weighted, payment is known everywhere', () => {
    const { groups, total } = groupRows(
      scenario({
        baseRate: 10,
        groups: [
          { code: 'A', weight: 1 },
          { code: 'B', weight: 2 },
        ],
      }),
      { 'casemix.A.cases': s(1), 'casemix.B.cases': s(1), 'casemix.cases': s(2) },
    );
    expect(groups.every((g) => g.paymentKnown) && total?.paymentKnown).toBe(true);
  });
});
