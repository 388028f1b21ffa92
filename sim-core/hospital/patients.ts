/**
 * The patients in the hospital, by slot: typed columns grown by doubling, so
 * writing a time allocates nothing. A slot is given back when its patient
 * leaves and reused by the next arrival, so the columns stay as long as the
 * most patients ever in at once (hundreds), not the year's arrivals (tens of
 * thousands). Patients are numbered by arrival (their serial) in the trace and
 * the cost ledger.
 */
export class PatientTable {
  /** The patient's number by arrival (0, 1, 2, …): its id in the trace and the ledger; -1 for a free slot. */
  serialOf = new Int32Array(0);
  klass = new Int32Array(0);
  pathwayOf = new Int32Array(0);
  /** The pathway step the patient is at. */
  step = new Int32Array(0);
  arrivedAt = new Float64Array(0);
  /** Attribute value indices, `attributeCount` per slot; -1 for none. */
  attrs = new Int32Array(0);
  /** Claims each patient holds, in the order taken; the arrays are kept and reused with the slot. */
  readonly held: number[][] = [];
  /** The claim the patient waits for; -1 for none. */
  waitingClaim = new Int32Array(0);
  /** Event handles are doubles (slot · 2³² + sequence); -1 for none. */
  renegeTimer = new Float64Array(0);
  /** When the patient began boarding (waiting for a bed while holding a place elsewhere); NaN for not boarding (a placed patient's may be negative). */
  boardingSince = new Float64Array(0);
  waitingQuantity = new Float64Array(0);
  /** 1 while an ED patient is still in the ED: until admitted to a ward of another department, or gone. */
  inEd = new Uint8Array(0);
  /** Patients with `inEd` 1 (kept as they change, so the hourly census need not scan every slot). */
  inEdCount = 0;
  /** 1 if the patient's length of stay and ED time count: arrived after warm-up (or placed, when there is none). */
  counted = new Uint8Array(0);
  /** For a patient in parallel branches (split): the branches still running; 0 otherwise. */
  branchesLeft = new Int32Array(0);
  /** For a branch of a split: the slot of the patient it runs for; -1 otherwise. */
  parentOf = new Int32Array(0);
  /** The step a patient in parallel branches goes on at when they are all done. */
  joinAt = new Int32Array(0);
  /** A clinic patient's own queue priority (NaN: the class's or the step's). */
  ownPriority = new Float64Array(0);
  /** A clinic patient's appointment time (a walk-in's arrival); NaN for none. */
  due = new Float64Array(0);
  /** A clinic patient's session: its index in the class's sessions (-1: none), planned start, and slot (1 first; 0 a walk-in). */
  clinicSession = new Int32Array(0);
  sessionStart = new Float64Array(0);
  clinicSlot = new Int32Array(0);
  /** Slots in use at some time (the high-water mark). */
  slotsUsed = 0;
  /** Patients numbered so far (the next serial). */
  count = 0;
  private readonly freeSlots: number[] = [];

  constructor(readonly attributeCount: number) {}

  /** A slot for a new patient, numbered next, at step 0 with nothing held or awaited and no attributes yet. */
  take(classIndex: number, pathway: number, arrivedAt: number, inEd: boolean, counted: boolean): number {
    if (this.freeSlots.length === 0 && this.slotsUsed === this.serialOf.length) this.grow();
    const p = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slotsUsed++;
    this.serialOf[p] = this.count++;
    this.klass[p] = classIndex;
    this.pathwayOf[p] = pathway;
    this.step[p] = 0;
    this.arrivedAt[p] = arrivedAt;
    if (this.held[p] === undefined) this.held[p] = [];
    else emptied(this.held[p]!);
    this.waitingClaim[p] = -1;
    this.renegeTimer[p] = -1;
    this.boardingSince[p] = NaN;
    this.inEd[p] = inEd ? 1 : 0;
    if (inEd) this.inEdCount++;
    this.counted[p] = counted ? 1 : 0;
    this.branchesLeft[p] = 0;
    this.parentOf[p] = -1;
    this.ownPriority[p] = NaN;
    this.due[p] = NaN;
    this.clinicSession[p] = -1;
    this.sessionStart[p] = NaN;
    this.clinicSlot[p] = -1;
    const n = this.attributeCount;
    for (let a = 0; a < n; a++) this.attrs[p * n + a] = -1;
    return p;
  }

  /**
   * A slot for one branch of patient `parent`'s split, starting at `step`: the
   * same patient (serial, class, attributes, arrival) doing one more thing at once,
   * holding nothing yet; its ED time stays with the parent.
   */
  takeBranch(parent: number, step: number): number {
    if (this.freeSlots.length === 0 && this.slotsUsed === this.serialOf.length) this.grow();
    const p = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slotsUsed++;
    this.serialOf[p] = this.serialOf[parent]!;
    this.klass[p] = this.klass[parent]!;
    this.pathwayOf[p] = this.pathwayOf[parent]!;
    this.step[p] = step;
    this.arrivedAt[p] = this.arrivedAt[parent]!;
    if (this.held[p] === undefined) this.held[p] = [];
    else emptied(this.held[p]!);
    this.waitingClaim[p] = -1;
    this.renegeTimer[p] = -1;
    this.boardingSince[p] = NaN;
    this.inEd[p] = 0;
    this.counted[p] = this.counted[parent]!;
    this.branchesLeft[p] = 0;
    this.parentOf[p] = parent;
    this.ownPriority[p] = this.ownPriority[parent]!;
    this.due[p] = this.due[parent]!;
    this.clinicSession[p] = this.clinicSession[parent]!;
    this.sessionStart[p] = this.sessionStart[parent]!;
    this.clinicSlot[p] = this.clinicSlot[parent]!;
    const n = this.attributeCount;
    for (let a = 0; a < n; a++) this.attrs[p * n + a] = this.attrs[parent * n + a]!;
    return p;
  }

  /** The patient is out of the ED (admitted, or gone). */
  leaveEd(p: number): void {
    if (this.inEd[p] !== 1) return;
    this.inEd[p] = 0;
    this.inEdCount--;
  }

  /** The patient has left: the slot is free for the next arrival. */
  free(p: number): void {
    this.leaveEd(p);
    this.serialOf[p] = -1;
    this.freeSlots.push(p);
  }

  /** The patient's value index of attribute `a` (-1: none). */
  attribute(p: number, a: number): number {
    return this.attrs[p * this.attributeCount + a]!;
  }

  /** Slots of the patients still in, in order of serial (arrival). */
  stillIn(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.slotsUsed; p++) if (this.serialOf[p]! >= 0) out.push(p);
    return out.sort((a, b) => this.serialOf[a]! - this.serialOf[b]!);
  }

  private grow(): void {
    const n = Math.max(256, 2 * this.serialOf.length);
    this.serialOf = resized(this.serialOf, n);
    this.klass = resized(this.klass, n);
    this.pathwayOf = resized(this.pathwayOf, n);
    this.step = resized(this.step, n);
    this.arrivedAt = resized(this.arrivedAt, n);
    this.attrs = resized(this.attrs, n * this.attributeCount);
    this.waitingClaim = resized(this.waitingClaim, n);
    this.renegeTimer = resized(this.renegeTimer, n);
    this.boardingSince = resized(this.boardingSince, n);
    this.waitingQuantity = resized(this.waitingQuantity, n);
    this.inEd = resized(this.inEd, n);
    this.counted = resized(this.counted, n);
    this.branchesLeft = resized(this.branchesLeft, n);
    this.parentOf = resized(this.parentOf, n);
    this.joinAt = resized(this.joinAt, n);
    this.ownPriority = resized(this.ownPriority, n);
    this.due = resized(this.due, n);
    this.clinicSession = resized(this.clinicSession, n);
    this.sessionStart = resized(this.sessionStart, n);
    this.clinicSlot = resized(this.clinicSlot, n);
  }
}

/**
 * Empties a reused claim list. A leaving patient's list is already empty (its
 * claims were given back one by one), and setting `length` is a call into the
 * runtime even when nothing changes: about 1% of a replication's profile.
 */
function emptied(list: number[]): void {
  if (list.length !== 0) list.length = 0;
}

/** A copy of `a`, `length` long (longer: zeros after). */
export function resized<A extends Float64Array | Int32Array | Uint8Array>(a: A, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}
