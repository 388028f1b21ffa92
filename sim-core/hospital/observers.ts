/**
 * The run's observers as one: the interpreter tells this what happened and it
 * tells, in the order they were listed, the observers that hear that event.
 * Each event keeps a plain array of its listeners, made once per replication,
 * so an event nobody hears costs a loop of length zero, and telling allocates
 * nothing.
 */
import type { Observer, RunFindings, RunObserver } from './observer.js';
import type { ExitKind } from './trace-words.js';
import type { UseLog, UseReader } from './use-log.js';

type Hearing<K extends keyof RunObserver> = Pick<RunObserver, K>;

/** The observers that have a method for `event`, in order. */
function hearing<K extends keyof RunObserver>(observers: readonly Observer[], event: K): Hearing<K>[] {
  return observers.filter((o) => typeof o[event] === 'function') as Hearing<K>[];
}

export class Observers implements RunObserver {
  private readonly onArrived: Hearing<'arrived'>[];
  private readonly onPlaced: Hearing<'placed'>[];
  private readonly onRequested: Hearing<'requested'>[];
  private readonly onWaited: Hearing<'waited'>[];
  private readonly onSeized: Hearing<'seized'>[];
  private readonly onReleased: Hearing<'released'>[];
  private readonly onTurnoverEnded: Hearing<'turnoverEnded'>[];
  private readonly onStarted: Hearing<'started'>[];
  private readonly onFinished: Hearing<'finished'>[];
  private readonly onStockOut: Hearing<'stockOut'>[];
  private readonly onConsumed: Hearing<'consumed'>[];
  private readonly onUsed: Hearing<'used'>[];
  private readonly onBoarded: Hearing<'boarded'>[];
  private readonly onLeftEd: Hearing<'leftEd'>[];
  private readonly onTransferred: Hearing<'transferred'>[];
  private readonly onTurnedAway: Hearing<'turnedAway'>[];
  private readonly onLeftUnseen: Hearing<'leftUnseen'>[];
  private readonly onCancelled: Hearing<'cancelled'>[];
  private readonly onLeft: Hearing<'left'>[];
  private readonly onBranchEnded: Hearing<'branchEnded'>[];
  private readonly onBrokeDown: Hearing<'brokeDown'>[];
  private readonly onDoctorLate: Hearing<'doctorLate'>[];
  private readonly onDiversionChanged: Hearing<'diversionChanged'>[];
  private readonly onDiverted: Hearing<'diverted'>[];

  constructor(
    readonly all: readonly Observer[],
    private readonly uses: UseLog,
  ) {
    this.onArrived = hearing(all, 'arrived');
    this.onPlaced = hearing(all, 'placed');
    this.onRequested = hearing(all, 'requested');
    this.onWaited = hearing(all, 'waited');
    this.onSeized = hearing(all, 'seized');
    this.onReleased = hearing(all, 'released');
    this.onTurnoverEnded = hearing(all, 'turnoverEnded');
    this.onStarted = hearing(all, 'started');
    this.onFinished = hearing(all, 'finished');
    this.onStockOut = hearing(all, 'stockOut');
    this.onConsumed = hearing(all, 'consumed');
    this.onUsed = hearing(all, 'used');
    this.onBoarded = hearing(all, 'boarded');
    this.onLeftEd = hearing(all, 'leftEd');
    this.onTransferred = hearing(all, 'transferred');
    this.onTurnedAway = hearing(all, 'turnedAway');
    this.onLeftUnseen = hearing(all, 'leftUnseen');
    this.onCancelled = hearing(all, 'cancelled');
    this.onLeft = hearing(all, 'left');
    this.onBranchEnded = hearing(all, 'branchEnded');
    this.onBrokeDown = hearing(all, 'brokeDown');
    this.onDoctorLate = hearing(all, 'doctorLate');
    this.onDiversionChanged = hearing(all, 'diversionChanged');
    this.onDiverted = hearing(all, 'diverted');
    // Uses are kept and told in batches only when every observer that hears them reads batches.
    const batches = this.onUsed.map((o) => o as Observer);
    if (batches.length > 0 && batches.every((o) => typeof o.usedMany === 'function')) uses.tellLater(batches as UseReader[]);
  }

  /** The run starts: each observer that starts something, in order. */
  start(): void {
    for (const o of this.all) o.start?.();
  }

  /** The run has ended: each observer puts its findings, in order. */
  close(into: RunFindings): void {
    this.uses.flush();
    for (const o of this.all) o.close?.(into);
  }

  arrived(p: number, c: number): void {
    const s = this.onArrived;
    for (let i = 0; i < s.length; i++) s[i]!.arrived(p, c);
  }

  placed(p: number, c: number): void {
    const s = this.onPlaced;
    for (let i = 0; i < s.length; i++) s[i]!.placed(p, c);
  }

  requested(p: number, first: number): void {
    const s = this.onRequested;
    for (let i = 0; i < s.length; i++) s[i]!.requested(p, first);
  }

  waited(p: number, pathway: number, step: number, minutes: number): void {
    const s = this.onWaited;
    for (let i = 0; i < s.length; i++) s[i]!.waited(p, pathway, step, minutes);
  }

  seized(p: number, r: number): void {
    const s = this.onSeized;
    for (let i = 0; i < s.length; i++) s[i]!.seized(p, r);
  }

  released(p: number, r: number): void {
    const s = this.onReleased;
    for (let i = 0; i < s.length; i++) s[i]!.released(p, r);
  }

  turnoverEnded(serial: number, r: number): void {
    const s = this.onTurnoverEnded;
    for (let i = 0; i < s.length; i++) s[i]!.turnoverEnded(serial, r);
  }

  started(p: number, activity: string): void {
    const s = this.onStarted;
    for (let i = 0; i < s.length; i++) s[i]!.started(p, activity);
  }

  finished(p: number, activity: string): void {
    const s = this.onFinished;
    for (let i = 0; i < s.length; i++) s[i]!.finished(p, activity);
  }

  stockOut(p: number, item: number): void {
    const s = this.onStockOut;
    for (let i = 0; i < s.length; i++) s[i]!.stockOut(p, item);
  }

  consumed(p: number, item: number, quantity: number): void {
    const s = this.onConsumed;
    for (let i = 0; i < s.length; i++) s[i]!.consumed(p, item, quantity);
  }

  used(serial: number, pathway: number, r: number, from: number, grantedAt: number, requestedAt: number): void {
    const s = this.onUsed;
    for (let i = 0; i < s.length; i++) s[i]!.used(serial, pathway, r, from, grantedAt, requestedAt);
  }

  boarded(p: number, since: number): void {
    const s = this.onBoarded;
    for (let i = 0; i < s.length; i++) s[i]!.boarded(p, since);
  }

  transferred(p: number, reason: string, from: number, to: number, minutes: number): void {
    const s = this.onTransferred;
    for (let i = 0; i < s.length; i++) s[i]!.transferred(p, reason, from, to, minutes);
  }

  leftEd(p: number, minutes: number): void {
    const s = this.onLeftEd;
    for (let i = 0; i < s.length; i++) s[i]!.leftEd(p, minutes);
  }

  turnedAway(p: number): void {
    const s = this.onTurnedAway;
    for (let i = 0; i < s.length; i++) s[i]!.turnedAway(p);
  }

  leftUnseen(p: number): void {
    const s = this.onLeftUnseen;
    for (let i = 0; i < s.length; i++) s[i]!.leftUnseen(p);
  }

  cancelled(p: number): void {
    const s = this.onCancelled;
    for (let i = 0; i < s.length; i++) s[i]!.cancelled(p);
  }

  left(p: number, how: ExitKind, completed: boolean): void {
    const s = this.onLeft;
    for (let i = 0; i < s.length; i++) s[i]!.left(p, how, completed);
  }

  branchEnded(p: number, how: ExitKind): void {
    const s = this.onBranchEnded;
    for (let i = 0; i < s.length; i++) s[i]!.branchEnded(p, how);
  }

  brokeDown(r: number, down: boolean): void {
    const s = this.onBrokeDown;
    for (let i = 0; i < s.length; i++) s[i]!.brokeDown(r, down);
  }

  doctorLate(classIndex: number, session: number, minutes: number): void {
    const s = this.onDoctorLate;
    for (let i = 0; i < s.length; i++) s[i]!.doctorLate(classIndex, session, minutes);
  }

  diversionChanged(site: string, on: boolean): void {
    const s = this.onDiversionChanged;
    for (let i = 0; i < s.length; i++) s[i]!.diversionChanged(site, on);
  }

  diverted(p: number, from: string, to: string, minutes: number): void {
    const s = this.onDiverted;
    for (let i = 0; i < s.length; i++) s[i]!.diverted(p, from, to, minutes);
  }
}
