import { describe, expect, it } from 'vitest';
import { runHospital, type HospitalModel, type Observer, type ObserverContext, type RunFindings } from '../index.js';
import { Simulation } from '../simulation.js';
import { Observers } from './observers.js';
import { UseLog } from './use-log.js';

/** A clinic of one doctor: five patients on a list (three at minute 10, two at 100), each seen for 30 minutes. */
function clinic(): HospitalModel {
  return {
    startMinuteOfWeek: 0,
    warmup: 0,
    horizon: 1440,
    resources: [
      {
        name: 'doctor',
        kind: 'staff',
        department: 'clinic',
        capacity: 1,
        costPerBusyHour: 60,
        costPerIdleHour: 0,
        overtimePremiumPerHour: 0,
        fixedCostPerDay: 0,
      },
    ],
    items: [],
    attributes: [],
    classes: [
      {
        name: 'outpatient',
        department: 'clinic',
        emergencyDepartment: false,
        priority: 0,
        arrivals: {
          type: 'list',
          entries: [
            { at: 10, count: 3, attributes: [] },
            { at: 100, count: 2, attributes: [] },
          ],
        },
        attributes: [],
        pathway: 0,
      },
    ],
    pathways: [
      {
        name: 'visit',
        steps: [
          {
            op: 'seize',
            figure: 'doctor',
            resources: [0],
            oneOf: false,
            priority: null,
            maxWait: Infinity,
            onTimeout: 'leftUnseen',
            boarding: false,
            expectedMinutes: 30,
          },
          { op: 'hold', activity: 'consultation', duration: { kind: 'fixed', distribution: { type: 'constant', value: 30 } } },
          { op: 'release', resources: [0] },
        ],
      },
    ],
    penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 },
  };
}

/** Counts seizes of one resource, and the minutes the run had run when the last one happened. */
class SeizeCounter implements Observer {
  private seizes = 0;
  private lastAt = -1;

  constructor(
    private readonly run: ObserverContext,
    private readonly resource: number,
  ) {}

  seized(_p: number, r: number): void {
    if (r !== this.resource) return;
    this.seizes++;
    this.lastAt = this.run.sim.now;
  }

  close(into: RunFindings): void {
    const name = this.run.model.resources[this.resource]!.name;
    into.figures[`mine.seizes.${name}`] = this.seizes;
    into.figures[`mine.lastSeizeAt.${name}`] = this.lastAt;
  }
}

describe('observers given through options.observers', () => {
  it('hear the events they have a method for and put their own figure in the result', () => {
    const result = runHospital(clinic(), { seed: 1, replication: 1, observers: [(run) => new SeizeCounter(run, 0)] });
    expect(result.figures['mine.seizes.doctor']).toBe(5);
    // One doctor, 30 minutes each: the third of minute 10's patients starts at 70, the second of 100's at 130.
    expect(result.figures['mine.lastSeizeAt.doctor']).toBe(130);
    // The built-in figures are all still there, and agree.
    expect(result.figures['requests.doctor']).toBe(5);
    expect(result.figures['throughput.outpatient']).toBe(5);
  });

  it('are built afresh for each replication, and a factory may decline', () => {
    const options = { seed: 1, observers: [(run: ObserverContext) => new SeizeCounter(run, 0), () => null] };
    const first = runHospital(clinic(), { ...options, replication: 1 });
    const second = runHospital(clinic(), { ...options, replication: 2 });
    expect(first.figures['mine.seizes.doctor']).toBe(5);
    expect(second.figures['mine.seizes.doctor']).toBe(5);
  });

  it('are told with the built-in figures off, and leave every built-in figure alone when on', () => {
    const plain = runHospital(clinic(), { seed: 1, replication: 1 });
    const observed = runHospital(clinic(), { seed: 1, replication: 1, observers: [(run) => new SeizeCounter(run, 0)] });
    const { 'mine.seizes.doctor': seizes, 'mine.lastSeizeAt.doctor': _, ...builtIn } = observed.figures;
    expect(seizes).toBe(5);
    expect(builtIn).toEqual(plain.figures);
    const quiet = runHospital(clinic(), { seed: 1, replication: 1, figures: false, observers: [(run) => new SeizeCounter(run, 0)] });
    expect(quiet.figures).toEqual({ 'mine.seizes.doctor': 5, 'mine.lastSeizeAt.doctor': 130 });
  });
});

describe('the fan-out', () => {
  it('tells each event to the observers that have a method for it, in their order, and closes them in order', () => {
    const heard: string[] = [];
    const seizing: Observer = { seized: (p, r) => heard.push(`a seized ${p} ${r}`), close: () => heard.push('a closed') };
    const leaving: Observer = { left: (p, how) => heard.push(`b left ${p} ${how}`), start: () => heard.push('b started') };
    const both: Observer = { seized: (p) => heard.push(`c seized ${p}`), left: (p) => heard.push(`c left ${p}`), close: () => heard.push('c closed') };
    const fanOut = new Observers([seizing, leaving, both], new UseLog(new Simulation({ seed: 1 })));
    fanOut.start();
    fanOut.seized(1, 2);
    fanOut.released(1, 2);
    fanOut.left(1, 'leave', true);
    fanOut.close({ figures: {} });
    expect(heard).toEqual(['b started', 'a seized 1 2', 'c seized 1', 'b left 1 leave', 'c left 1', 'a closed', 'c closed']);
  });
});
