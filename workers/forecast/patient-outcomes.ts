/**
 * What becomes of each patient of the state in one replication of a forecast:
 * when it leaves the hospital (minutes after asOf) and what it costs from
 * asOf until then, read from the run's own cost ledger (the cost per case
 * model: beds by the hour held, staff and rooms by the time they served it,
 * consumables, penalties). An observer, so the run is the forecast's own run
 * (same draws, same census), only kept going past the forecast's hours until
 * every patient of the state has left, or the cap.
 */
import { PRIORITY, type ObserverContext, type ObserverFactory, type RunFindings } from '../../sim-core/index.js';

/** A patient still in after this long is counted as staying at least this long (its remaining stay and cost are cut there). */
export const PATIENT_HORIZON_DAYS = 14;

/** Per patient of the state, in the state's order. */
export interface PatientReplication {
  /** Minutes after asOf when the patient left; NaN if still in when the run stopped (at the cap). */
  leftAt: number[];
  /** Cost caused by the patient from asOf until it left (or the cap). */
  cost: number[];
}

/** An observer factory and where its findings go once the run has closed. */
export function patientOutcomes(forecastMinutes: number): { factory: ObserverFactory; outcomes: () => PatientReplication } {
  let outcome: PatientReplication = { leftAt: [], cost: [] };
  const factory: ObserverFactory = (run) => {
    const o = new PatientOutcomes(run, forecastMinutes);
    outcome = o.outcome;
    return o;
  };
  return { factory, outcomes: () => outcome };
}

class PatientOutcomes {
  readonly outcome: PatientReplication = { leftAt: [], cost: [] };
  /** Serial number of each placed patient, in placement (state) order. */
  private readonly serials: number[] = [];
  /** Index in the state of each placed patient, by serial. */
  private readonly indexOfSerial = new Map<number, number>();
  private gone = 0;
  private kind = -1;

  constructor(
    private readonly run: ObserverContext,
    private readonly forecastMinutes: number,
  ) {}

  placed(p: number): void {
    const serial = this.run.patients.serialOf[p]!;
    this.indexOfSerial.set(serial, this.serials.length);
    this.serials.push(serial);
    this.outcome.leftAt.push(NaN);
  }

  /** Once the forecast's hours are over (everything at its last minute done), the run may stop when the last placed patient has gone. */
  start(): void {
    this.kind = this.run.sim.register('patients-all-gone', () => this.stopIfAllGone(), this);
    this.run.sim.at(this.forecastMinutes, this.kind, 0, 0, PRIORITY.SNAPSHOT);
  }

  left(p: number): void {
    const k = this.indexOfSerial.get(this.run.patients.serialOf[p]!);
    if (k === undefined) return;
    this.outcome.leftAt[k] = this.run.sim.now;
    this.gone++;
    if (this.run.sim.now > this.forecastMinutes) this.stopIfAllGone();
  }

  private stopIfAllGone(): void {
    if (this.gone === this.serials.length) this.run.sim.stop();
  }

  /** After the cost observer has charged what was still held: each placed patient's cost from asOf. */
  close(_into: RunFindings): void {
    const byPatient = this.run.ledger.byPatient;
    for (const [k, serial] of this.serials.entries()) this.outcome.cost[k] = byPatient[serial] ?? 0;
  }
}
