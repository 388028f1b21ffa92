import { describe, expect, it } from 'vitest';
import { runHospital, surgeFactor } from '../../sim-core/index.js';
import { compileScenario } from '../compile/compile-scenario.js';
import { parseScenario } from '../load.js';
import { BUILTIN_SCENARIOS, builtinScenario } from './index.js';
import { LISTS, SCHEDULE_A, SCHEDULE_B, type BlockSchedule } from './or-block-schedule.js';

/** One replication of a built-in (seed 1), cached: each is a simulated year of about half a second. */
const runs = new Map<string, ReturnType<typeof runHospital>>();
function run(name: string): ReturnType<typeof runHospital> {
  let r = runs.get(name);
  if (!r) {
    const b = builtinScenario(name)!;
    r = runHospital(compileScenario(parseScenario(b.document, b.name)), { seed: 1, replication: 1 });
    runs.set(name, r);
  }
  return r;
}

describe('built-in scenarios', () => {
  it('all parse and compile, with unique names, the general hospital first and its variants next', () => {
    const names = BUILTIN_SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 6)).toEqual(['general-hospital', 'flu-season', 'flu-season-more-staff', 'or-block-schedule-b', 'ct-extended-hours', 'lean-stock']);
    for (const b of BUILTIN_SCENARIOS) {
      const scenario = parseScenario(b.document, b.name);
      expect(scenario.name).toBe(b.name);
      expect(b.summary.length).toBeGreaterThan(20);
      expect(() => compileScenario(scenario)).not.toThrow();
    }
  });

  it('variants are copies: building them left the base document untouched', () => {
    const base = parseScenario(builtinScenario('general-hospital')!.document);
    expect(base.patientClasses.every((c) => c.arrivals.type !== 'weekly' || c.arrivals.multiplier === 1)).toBe(true);
    expect(base.staff.find((g) => g.id === 'edDoctor')!.shifts.find((s) => s.start === '11:00')!.count).toBe(1);
    expect(base.imaging.find((d) => d.id === 'ct')!.openingHours[1]).toEqual({ days: 'weekdays', start: '09:00', end: '17:00' });
  });

  it('OR block schedule B runs the same operations a week as schedule A, on other days', () => {
    const weekly = (schedule: BlockSchedule): Record<string, number> => {
      const n: Record<string, number> = {};
      for (const room of Object.values(schedule)) {
        for (const list of Object.values(room)) for (const [procedure, count] of LISTS[list].cases) n[procedure] = (n[procedure] ?? 0) + count;
      }
      return n;
    };
    expect(weekly(SCHEDULE_B)).toEqual(weekly(SCHEDULE_A));
    expect(SCHEDULE_B).not.toEqual(SCHEDULE_A);
  });
});

describe('general hospital, one simulated year', () => {
  /**
   * Plausibility bands, not calibration targets. Where they come from:
   * - ED arrivals: 110 a day x 365 = 40,150; a Poisson year has sd ~200, so ±4% is far outside noise.
   * - ED 4-hour share: NHS England type-1 EDs ran at about 70–75% in 2023, the standard is 95%;
   *   a model ED outside 75–95% is either in crisis or unrealistically idle for its staffing.
   * - Left without being seen: 1–5% of attendances in English EDs; the model's low-acuity patients
   *   leave after 3 hours' wait, so a few hundred a year, never zero.
   * - Ward occupancy 78–95%: the NHS general and acute average is about 88–93%; 85% is the usual safe target.
   * - Elective theatre utilisation 70–90% (touch time plus turnover within sessions); the emergency
   *   theatre is open round the clock and kept with slack, 25–70%.
   * - Boarding: some (beds are not always free), but fewer than 20,000 hours a year (two patients at all times).
   * - Elective cancellations: on-the-day cancellations for all reasons are a few percent of cases.
   * - Stock: only the lean theatre items may run out, a few times a year.
   */
  it('gives figures within plausible bands', () => {
    const { figures: f } = run('general-hospital');
    expect(f['ed.arrivals']).toBeGreaterThan(38_500);
    expect(f['ed.arrivals']).toBeLessThan(41_800);
    expect(f['ed.within4h']).toBeGreaterThan(0.75);
    expect(f['ed.within4h']).toBeLessThan(0.95);
    expect(f['ed.los.mean']).toBeGreaterThan(1.5);
    expect(f['ed.los.mean']).toBeLessThan(5);
    expect(f['ed.leftUnseenShare']).toBeGreaterThan(0.002);
    expect(f['ed.leftUnseenShare']).toBeLessThan(0.05);
    for (const ward of ['medicalWard', 'surgicalWard']) {
      expect(f[`occupancy.${ward}`]).toBeGreaterThan(0.78);
      expect(f[`occupancy.${ward}`]).toBeLessThan(0.95);
    }
    for (const unit of ['icu', 'stepDown']) {
      expect(f[`occupancy.${unit}`]).toBeGreaterThan(0.4);
      expect(f[`occupancy.${unit}`]).toBeLessThan(0.9);
    }
    for (const room of ['or1', 'or2', 'or3']) {
      expect(f[`utilisation.${room}`]).toBeGreaterThan(0.7);
      expect(f[`utilisation.${room}`]).toBeLessThan(0.9);
    }
    expect(f['utilisation.or4']).toBeGreaterThan(0.25);
    expect(f['utilisation.or4']).toBeLessThan(0.7);
    expect(f['utilisation.edDoctor']).toBeGreaterThan(0.55);
    expect(f['utilisation.edDoctor']).toBeLessThan(0.85);
    expect(f['boarding.hours']).toBeGreaterThan(0);
    expect(f['boarding.hours']).toBeLessThan(20_000);

    const electives = ['electiveGeneral', 'electiveOrtho', 'electiveGynae', 'electiveUrology'];
    const cancelled = electives.reduce((s, c) => s + f[`cancellations.${c}`]!, 0);
    const booked = electives.reduce((s, c) => s + f[`arrivals.${c}`]!, 0);
    expect(booked).toBeGreaterThan(3000);
    expect(cancelled / booked).toBeGreaterThan(0);
    expect(cancelled / booked).toBeLessThan(0.06);

    const stockouts = Object.entries(f).filter(([k]) => k.endsWith('.stockouts'));
    expect(stockouts.length).toBeGreaterThanOrEqual(20);
    expect(stockouts.reduce((s, [, v]) => s + v, 0)).toBeLessThan(40);
    for (const [k, v] of Object.entries(f)) if (k.endsWith('.fillRate')) expect(v, k).toBeGreaterThan(0.97);
  });

  it('books every cost once: the patient, pathway, department, resource and type cuts all sum to the total', () => {
    const { ledger, figures } = run('general-hospital');
    const cuts = ledger.cutTotals();
    for (const sum of Object.values(cuts)) expect(sum / ledger.total).toBeCloseTo(1, 9);
    expect(figures['cost.total']).toBe(ledger.total);
    for (const type of ['staff', 'roomsAndDevices', 'beds', 'consumables', 'penalties']) expect(figures[`cost.${type}`]).toBeGreaterThan(0);
  });

  it('flu season brings the ED the extra arrivals its winter wave promises over the measured year', () => {
    // The promise, from the compiled model: the ED classes' rate × the surge factor, minute by minute.
    const model = compileScenario(parseScenario(builtinScenario('flu-season')!.document));
    let usual = 0;
    let withWave = 0;
    for (const c of model.classes) {
      if (!c.emergencyDepartment || c.arrivals.type !== 'weekly') continue;
      expect(c.arrivals.surges?.length).toBeGreaterThan(0);
      for (let t = model.warmup; t < model.warmup + model.horizon; t++) {
        const rate = c.arrivals.ratePerMinute[Math.floor(((((t + model.startMinuteOfWeek) % 10_080) + 10_080) % 10_080) / 60)]!;
        usual += rate;
        withWave += rate * surgeFactor(c.arrivals.surges!, t + 0.5);
      }
    }
    const promised = withWave / usual;
    // A 16-week wave at +30% at its peak: 0.3 × 16 / 2 = 2.4 weeks' worth more in a year, about 4.6%.
    expect(promised).toBeGreaterThan(1.03);
    expect(promised).toBeLessThan(1.06);
    const base = run('general-hospital').figures['ed.arrivals']!;
    const flu = run('flu-season').figures['ed.arrivals']!;
    // Two Poisson counts of about 40,000: the ratio's sd is about √(1/flu + 1/base); 4 of them.
    expect(Math.abs(flu / base - promised)).toBeLessThan(4 * (flu / base) * Math.sqrt(1 / flu + 1 / base));
  });

  it('in flu season, 2 more ED doctors and 3 more nurses shorten the waits to be seen and fewer patients leave unseen', () => {
    const flu = run('flu-season').figures;
    const staffed = run('flu-season-more-staff').figures;
    expect(staffed['wait.majors.mean']).toBeLessThan(flu['wait.majors.mean']!);
    expect(staffed['wait.minors.mean']).toBeLessThan(flu['wait.minors.mean']!);
    expect(staffed['wait.triage.mean']).toBeLessThan(flu['wait.triage.mean']!);
    expect(staffed['ed.leftUnseen']).toBeLessThan(flu['ed.leftUnseen']!);
    expect(staffed['cost.staff']).toBeGreaterThan(flu['cost.staff']!);
  });
});
