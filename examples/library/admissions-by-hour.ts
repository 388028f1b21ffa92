/**
 * The kernel as a library: run a built-in hospital with an observer of your own.
 * This one counts admissions to a ward by hour of day (after the warm-up) and
 * puts them into the run's figures as `mine.admissions.<ward>.<hour>`, beside
 * every built-in figure. Run it with `npx tsx`, or import it (a test does).
 */
import { builtinScenario, compileScenario, parseScenario } from '../../scenarios/index.js';
import { runHospital, type HospitalRunResult, type Observer, type ObserverContext, type RunFindings } from '../../sim-core/index.js';

class AdmissionsByHour implements Observer {
  private readonly byHour = new Array<number>(24).fill(0);

  constructor(
    private readonly run: ObserverContext,
    private readonly ward: number,
  ) {}

  // Told whenever a patient takes a unit of any resource; only this ward's beds after the warm-up count.
  seized(_patient: number, resource: number): void {
    const now = this.run.sim.now;
    if (resource !== this.ward || now < this.run.model.warmup) return;
    const minuteOfDay = (now + this.run.model.startMinuteOfWeek) % 1440;
    this.byHour[Math.floor(minuteOfDay / 60)]!++;
  }

  close(into: RunFindings): void {
    const name = this.run.model.resources[this.ward]!.name;
    this.byHour.forEach((n, hour) => (into.figures[`mine.admissions.${name}.${hour}`] = n));
  }
}

/** One replication of the general hospital, with admissions to `ward` by hour of day among its figures. */
export function admissionsByHour(ward: string, seed: number, options: Pick<Parameters<typeof runHospital>[1], 'trace'> = {}): HospitalRunResult {
  const model = compileScenario(parseScenario(builtinScenario('general-hospital')!.document));
  const index = model.resources.findIndex((r) => r.name === ward);
  if (index < 0) throw new Error(`the general hospital has no resource "${ward}"`);
  return runHospital(model, { seed, replication: 1, ...options, observers: [(run) => new AdmissionsByHour(run, index)] });
}
