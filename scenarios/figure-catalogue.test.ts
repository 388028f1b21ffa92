import { describe, expect, it } from 'vitest';
import { describeFigure, shownInterval, type FigureContext } from './index.js';

const ctx: FigureContext = { kindOf: new Map([['medicalWard', 'ward']]), surgicalClasses: new Set(), names: new Map([['medicalWard', 'Medical wards']]) };

describe('the figure catalogue shared by the CLI and the viewer', () => {
  it('gives the headline figures the words a manager searches for', () => {
    expect(describeFigure('ed.within4h', ctx).label).toMatch(/4-hour/);
    expect(describeFigure('occupancy.medicalWard', ctx).label).toBe('Bed occupancy: Medical wards');
    expect(describeFigure('cost.perPatient', ctx).label).toMatch(/^Cost per patient/);
  });

  it('knows which way is better: a higher 4-hour share, fewer cancellations, neither for occupancy', () => {
    expect(describeFigure('ed.within4h', ctx).direction).toBe('higherIsBetter');
    expect(describeFigure('cancellations', ctx).direction).toBe('lowerIsBetter');
    expect(describeFigure('cost.total', ctx).direction).toBe('lowerIsBetter');
    expect(describeFigure('occupancy.medicalWard', ctx).direction).toBe('neither');
  });

  it('clips the interval of a figure that cannot be negative at 0 (boarding hours [-193, 452] shows [0, 452]), and no other', () => {
    const boarding = describeFigure('boarding.hours', ctx);
    expect(boarding.nonNegative).toBe(true);
    expect(shownInterval(boarding, [-193, 452])).toEqual({ lo: 0, hi: 452, clippedAtZero: true });
    const unknown = describeFigure('something.new', ctx);
    expect(unknown.nonNegative).toBe(false);
    expect(shownInterval(unknown, [-193, 452])).toEqual({ lo: -193, hi: 452, clippedAtZero: false });
  });

  it('describes cost per case, case mix, patient time, census and the new wait, resource and stock figures; only margins can be negative', () => {
    const ids = [
      'cases.walkIn',
      'cost.perCase.walkIn.mean',
      'cost.perCase.all.p90',
      'cost.perCase.pathway.visit.cases',
      'cost.perCase.attribute.acuity.2.p50',
      'cost.perCase.walkIn.byType.beds',
      'casemix.F62C.paymentPerCase',
      'casemix.F62C.lossShare',
      'casemix.cost',
      'patientTime.cost',
      'wait.triage.pWait',
      'wait.triage.withinTarget',
      'census.medicalWard.h08.p90',
      'census.ed.mon.h16.mean',
      'requests.medicalWard',
      'timeInSystem.medicalWard.mean',
      'stock.gloves.outOfStockShare',
      'stock.gloves.meanOnOrder',
      'stock.gloves.meanBackorders',
    ];
    for (const id of ids) {
      const info = describeFigure(id, ctx);
      expect(info.section, id).not.toBe('other');
      expect(info.nonNegative, id).toBe(true);
      expect(info.label, id).not.toBe(id);
    }
    for (const id of ['casemix.F62C.marginPerCase', 'casemix.F62C.margin', 'casemix.margin']) {
      const info = describeFigure(id, ctx);
      expect(info.nonNegative, id).toBe(false);
      expect(info.direction, id).toBe('higherIsBetter');
      expect(info.unit, id).toBe('money');
      expect(shownInterval(info, [-50, 20])).toEqual({ lo: -50, hi: 20, clippedAtZero: false });
    }
    expect(describeFigure('cost.perCase.walkIn.mean', ctx).unit).toBe('money');
    expect(describeFigure('census.medicalWard.h08.mean', ctx).label).toBe('Census, Medical wards: at 08:00, mean');
    expect(describeFigure('census.medicalWard.h08.mean', ctx).section).toBe('census');
    expect(describeFigure('requests.medicalWard', ctx).section).toBe('wards');
    expect(describeFigure('wait.triage.withinTarget', ctx).direction).toBe('higherIsBetter');
    expect(describeFigure('stock.gloves.meanBackorders', ctx).quietWhenZero).toBe(true);
  });
  it('describes the outlying figures in the wards section, in words, fewer being better', () => {
    expect(describeFigure('beds.medicalWard.outliedBedDays', ctx).label).toBe("Medical wards: bed-days of other wards' patients here (outliers)");
    expect(describeFigure('beds.medicalWard.outliedAwayBedDays', ctx).label).toBe('Medical wards: bed-days its patients spent in other wards (outliers)');
    for (const id of ['beds.medicalWard.outliedBedDays', 'beds.medicalWard.outliedAwayBedDays', 'outlied.gpAdmission.share', 'outlied.gpAdmission.bedDays']) {
      const info = describeFigure(id, ctx);
      expect(info.section, id).toBe('wards');
      expect(info.direction, id).toBe('lowerIsBetter');
      expect(info.nonNegative, id).toBe(true);
    }
    expect(describeFigure('outlied.gpAdmission.share', ctx).unit).toBe('share');
    expect(describeFigure('outlied.gpAdmission.bedDays', ctx).unit).toBe('days');
  });
  it('stops a share at 100%: no 4-hour performance of 101.4%', () => {
    expect(shownInterval({ nonNegative: true, unit: 'share' }, [0.957, 1.014])).toEqual({ lo: 0.957, hi: 1, clippedAtZero: false });
  });
});
