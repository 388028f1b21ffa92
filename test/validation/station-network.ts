/**
 * An open network of queueing stations built on the kernel's public API: the
 * model behind the queueing-theory validation tests and the M/M/1 benchmark.
 * Patients arrive at stations by Poisson streams, are served by c servers with
 * a given service distribution, and then leave or move on by routing
 * probabilities (a Jackson network when service is exponential).
 */
import { ClaimBook, PRIORITY, REFUSED, Simulation, Tally, type Distribution, type Resource, type TraceRecorder } from '../../sim-core/index.js';

export interface StationSpec {
  name: string;
  servers: number;
  service: Distribution;
  /** External Poisson arrival rate per minute (0 for none). */
  arrivalRate: number;
  /** 0 for a loss station (no waiting room). Default unlimited. */
  queueCapacity?: number;
  /** Probability of going next to each station (by index); the rest leave. */
  routing?: readonly number[];
}

export interface NetworkRunOptions {
  seed: number | string;
  /** Minutes of warm-up whose statistics are discarded. */
  warmup: number;
  /** Minutes measured after warm-up. */
  horizon: number;
  trace?: TraceRecorder;
  keepWaits?: boolean;
}

export interface StationResult {
  name: string;
  /** Mean wait in queue (Wq) of claims granted after warm-up. */
  meanWait: number;
  /** Share of granted claims that waited more than zero. */
  probabilityOfWait: number;
  /** Time-average number waiting (Lq). */
  meanQueue: number;
  /** Time-average number in service. */
  meanBusy: number;
  /** Share of arrivals turned away (loss stations). */
  blocking: number;
  arrivals: number;
  granted: number;
  waits: Tally;
}

export interface NetworkResult {
  stations: StationResult[];
  /** Mean time in system (W) of patients who arrived after warm-up and left. */
  meanSojourn: number;
  /** Time-average number in the system (L). */
  meanInSystem: number;
  /** Patients who left, after warm-up. */
  departures: number;
  /** External arrivals after warm-up. */
  arrivals: number;
  events: number;
}

export function runStationNetwork(stations: readonly StationSpec[], options: NetworkRunOptions): NetworkResult {
  const sim = new Simulation(options.trace ? { seed: options.seed, trace: options.trace } : { seed: options.seed });
  const book = new ClaimBook(sim);
  const resources: Resource[] = stations.map((s) =>
    book.add({
      name: s.name,
      capacity: s.servers,
      keepWaits: options.keepWaits ?? false,
      ...(s.queueCapacity !== undefined ? { queueCapacity: s.queueCapacity } : {}),
    }),
  );
  const arrivalStreams = stations.map((s) => sim.stream(`arrivals:${s.name}`));
  const serviceStreams = stations.map((s) => sim.stream(`service:${s.name}`));
  const routingStreams = stations.map((s) => sim.stream(`routing:${s.name}`));
  const trace = sim.trace;
  const codeArrive = trace ? trace.code('arrive') : 0;
  const codeStart = trace ? trace.code('start') : 0;
  const codeLeave = trace ? trace.code('leave') : 0;
  const places = trace ? stations.map((s) => trace.place(s.name)) : [];

  // Patient records, recycled: where they are, their claim, when they entered.
  let entityCount = 0;
  const freeEntities: number[] = [];
  const claimOf: number[] = [];
  const stationOf: number[] = [];
  const enteredAt: number[] = [];
  // Running sums live in an object, not in `let`s the closures capture: V8
  // boxes every double written to a captured variable (an allocation per event).
  const system = { count: 0, area: 0, lastChange: 0 };
  let measuring = options.warmup === 0;
  const sojourn = new Tally();
  let externalArrivals = 0;

  const changeInSystem = (delta: number): void => {
    if (measuring) system.area += system.count * (sim.now - system.lastChange);
    system.lastChange = sim.now;
    system.count += delta;
  };

  const startService = (patient: number): void => {
    const station = stationOf[patient]!;
    if (trace) trace.record(sim.now, patient, codeStart, places[station]!);
    sim.schedule(stations[station]!.service.sample(serviceStreams[station]!), endService, patient, 0, PRIORITY.RELEASE);
  };

  const enter = (patient: number, station: number): void => {
    stationOf[patient] = station;
    const claim = book.seize(patient, resources[station]!.asSet, seizeOptions);
    if (claim === REFUSED) {
      leave(patient);
      return;
    }
    claimOf[patient] = claim;
    if (book.isHeld(claim)) startService(patient);
  };

  const leave = (patient: number): void => {
    if (trace) trace.record(sim.now, patient, codeLeave, places[stationOf[patient]!]!);
    if (measuring && enteredAt[patient]! >= options.warmup) sojourn.add(sim.now - enteredAt[patient]!);
    changeInSystem(-1);
    freeEntities.push(patient);
  };

  const granted = sim.register('granted', (patient) => startService(patient));
  const seizeOptions = { onGrant: granted };

  const endService = sim.register('end-service', (patient) => {
    const station = stationOf[patient]!;
    book.release(claimOf[patient]!);
    const routing = stations[station]!.routing;
    if (routing !== undefined && routing.length > 0) {
      let u = routingStreams[station]!.next();
      for (let next = 0; next < routing.length; next++) {
        u -= routing[next]!;
        if (u < 0) {
          enter(patient, next);
          return;
        }
      }
    }
    leave(patient);
  });

  const arrive = sim.register('arrive', (station) => {
    const spec = stations[station]!;
    const patient = freeEntities.length > 0 ? freeEntities.pop()! : entityCount++;
    enteredAt[patient] = sim.now;
    if (measuring) externalArrivals++;
    changeInSystem(+1);
    if (trace) trace.record(sim.now, patient, codeArrive, places[station]!);
    enter(patient, station);
    sim.schedule(-Math.log(1 - arrivalStreams[station]!.next()) / spec.arrivalRate, arrive, station, 0, PRIORITY.ARRIVAL);
  });

  stations.forEach((s, i) => {
    if (s.arrivalRate > 0) {
      sim.schedule(-Math.log(1 - arrivalStreams[i]!.next()) / s.arrivalRate, arrive, i, 0, PRIORITY.ARRIVAL);
    }
  });

  if (options.warmup > 0) {
    sim.run(options.warmup);
    book.resetStats(sim.now);
    changeInSystem(0);
    measuring = true;
  }
  const end = options.warmup + options.horizon;
  sim.run(end);
  changeInSystem(0);

  return {
    stations: resources.map((r, i) => ({
      name: stations[i]!.name,
      meanWait: r.waits.mean,
      probabilityOfWait: r.granted > 0 ? r.delayed / r.granted : NaN,
      meanQueue: r.queueLength.mean(end),
      meanBusy: r.busyUnits.mean(end),
      blocking: r.requests > 0 ? r.refused / r.requests : 0,
      arrivals: r.requests,
      granted: r.granted,
      waits: r.waits,
    })),
    meanSojourn: sojourn.mean,
    meanInSystem: system.area / options.horizon,
    departures: sojourn.count,
    arrivals: externalArrivals,
    events: sim.eventsProcessed,
  };
}
