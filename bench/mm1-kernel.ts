/**
 * M/M/1 through the kernel's public API (a Simulation, a ClaimBook with one
 * server, named random streams, the exponential distribution), computing what
 * the bare loop computes and nothing more: the mean wait in queue of patients
 * served after the warm-up, and how many there were. The benchmark's ratio
 * then measures what the kernel costs over a hand-written loop of the same
 * model, not extra figures (the station network of the validation tests also
 * keeps time in system and the number in the system: its ratio is reported
 * beside this one).
 *
 * Written as the Simulation's documentation advises for speed: a class whose
 * methods are registered as handlers with the instance as target, and one
 * service-time distribution for every replication (as the hospital shares its
 * samplers per spec), so every replication runs the same functions and V8
 * keeps their optimised code (a fresh sampler per replication cannot be
 * inlined where it is called).
 */
import { ClaimBook, exponential, PRIORITY, Simulation, type Distribution, type RandomStream, type Resource } from '../sim-core/index.js';

export interface KernelMm1Result {
  meanWait: number;
  patients: number;
}

class SingleServerQueue {
  readonly sim: Simulation;
  readonly book: ClaimBook;
  readonly server: Resource;
  private readonly arrivals: RandomStream;
  private readonly services: RandomStream;
  private readonly arriveKind: number;
  private readonly doneKind: number;
  private readonly grantedOptions: { onGrant: number };
  /** Each patient's claim, by patient slot; slots are reused as patients leave. */
  private claimOf = new Int32Array(64);
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;

  constructor(
    seed: string,
    private readonly lambda: number,
    private readonly service: Distribution,
  ) {
    this.sim = new Simulation({ seed });
    this.book = new ClaimBook(this.sim);
    this.server = this.book.add({ name: 'server', capacity: 1 });
    this.arrivals = this.sim.stream('arrivals');
    this.services = this.sim.stream('services');
    this.arriveKind = this.sim.register('arrive', SingleServerQueue.prototype.arrive, this);
    this.doneKind = this.sim.register('done', SingleServerQueue.prototype.done, this);
    this.grantedOptions = { onGrant: this.sim.register('granted', SingleServerQueue.prototype.startService, this) };
  }

  scheduleArrival(): void {
    this.sim.schedule(-Math.log(1 - this.arrivals.next()) / this.lambda, this.arriveKind, 0, 0, PRIORITY.ARRIVAL);
  }

  private arrive(): void {
    const p = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.newSlot();
    const claim = this.book.seize(p, this.server.asSet, this.grantedOptions);
    this.claimOf[p] = claim;
    if (this.book.isHeld(claim)) this.startService(p);
    this.scheduleArrival();
  }

  private startService(p: number): void {
    this.sim.schedule(this.service.sample(this.services), this.doneKind, p, 0, PRIORITY.RELEASE);
  }

  private done(p: number): void {
    this.book.release(this.claimOf[p]!);
    this.freeSlots.push(p);
  }

  private newSlot(): number {
    if (this.slotsUsed === this.claimOf.length) {
      const grown = new Int32Array(this.claimOf.length * 2);
      grown.set(this.claimOf);
      this.claimOf = grown;
    }
    return this.slotsUsed++;
  }
}

/** Service-time samplers by mean, shared by every replication (they keep no state). */
const serviceByMean = new Map<number, Distribution>();

function serviceTime(mean: number): Distribution {
  let d = serviceByMean.get(mean);
  if (d === undefined) {
    d = exponential(mean);
    serviceByMean.set(mean, d);
  }
  return d;
}

/** Runs `warmup` minutes, forgets them, then `horizon` minutes more. */
export function mm1Kernel(lambda: number, mu: number, warmup: number, horizon: number, seed: string): KernelMm1Result {
  const model = new SingleServerQueue(seed, lambda, serviceTime(1 / mu));
  model.scheduleArrival();
  model.sim.run(warmup);
  model.book.resetStats(model.sim.now);
  model.sim.run(warmup + horizon);
  return { meanWait: model.server.waits.mean, patients: model.server.granted };
}
