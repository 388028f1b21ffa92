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
});
