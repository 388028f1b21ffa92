import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY } from '../priorities.js';
import { Simulation } from '../simulation.js';
import { ClaimBook, REFUSED } from './claim-book.js';
import { followRoster } from './roster.js';

/** A simulation, a book, and a log of grants as (time, entity). */
function setup() {
  const sim = new Simulation({ seed: 1 });
  const book = new ClaimBook(sim);
  const grants: { time: number; entity: number; claim: number }[] = [];
  const onGrant = sim.register('grant', (entity, claim) => grants.push({ time: sim.now, entity, claim }));
  return { sim, book, grants, onGrant };
}

describe('resources: who gets served, and when', () => {
  it('serves waiting patients by priority, then first come first served', () => {
    const { sim, book, grants, onGrant } = setup();
    const doctor = book.add({ name: 'doctor', capacity: 1 });
    const first = book.seize(0, doctor.asSet, { onGrant });
    expect(book.isHeld(first)).toBe(true);
    book.seize(1, doctor.asSet, { onGrant, priority: 0 });
    book.seize(2, doctor.asSet, { onGrant, priority: 5 });
    book.seize(3, doctor.asSet, { onGrant, priority: 0 });
    book.seize(4, doctor.asSet, { onGrant, priority: 5 });
    const order: number[] = [];
    const release = sim.register('release', () => {
      const g = grants.shift();
      if (!g) return;
      order.push(g.entity);
      book.release(g.claim);
    });
    book.release(first);
    for (let t = 1; t <= 4; t++) sim.at(t, release);
    sim.run();
    expect(order).toEqual([2, 4, 1, 3]);
  });

  it('counts a unit given back and taken again at the same instant as busy throughout, and one with no one waiting as free', () => {
    const { sim, book, grants, onGrant } = setup();
    const nurse = book.add({ name: 'nurse', capacity: 1 });
    const first = book.seize(0, nurse.asSet, { onGrant });
    book.seize(1, nurse.asSet, { onGrant });
    sim.at(
      4,
      sim.register('first done', () => book.release(first)),
    );
    sim.at(
      10,
      sim.register('second done', () => book.release(grants[0]!.claim)),
    );
    sim.run(16);
    expect(grants.map((g) => g.time)).toEqual([4]);
    // Busy on [0, 10), free on [10, 16); one waiting on [0, 4).
    expect(nurse.busyUnits.area(16)).toBe(10);
    expect(nurse.busyUnits.value).toBe(0);
    expect(nurse.queueLength.area(16)).toBe(4);
  });

  it('gives back one resource of a set and keeps the rest; holds and holdsAt agree throughout', () => {
    const { sim, book, onGrant } = setup();
    const room = book.add({ name: 'room', capacity: 1 });
    const surgeon = book.add({ name: 'surgeon', capacity: 1 });
    const claim = book.seize(1, [room, surgeon], { onGrant });
    const agree = (): boolean[] =>
      [room, surgeon].map((r, k) => {
        expect(book.holdsAt(claim, k)).toBe(book.holds(claim, r));
        return book.holds(claim, r);
      });
    expect(agree()).toEqual([true, true]);
    book.releaseOne(claim, surgeon);
    expect(agree()).toEqual([true, false]);
    expect(surgeon.busy).toBe(0);
    expect(room.busy).toBe(1);
    book.releaseOne(claim, room);
    expect(agree()).toEqual([false, false]);
    expect(room.busy).toBe(0);
    expect(sim.now).toBe(0);
  });

  it('starts an operation only when room, surgeon and anaesthetist are all free, and lets a case that fits go first', () => {
    const { sim, book, grants, onGrant } = setup();
    const room = book.add({ name: 'or1', capacity: 1 });
    const surgeonA = book.add({ name: 'surgeonA', capacity: 1 });
    const surgeonB = book.add({ name: 'surgeonB', capacity: 1 });
    const anaesthetist = book.add({ name: 'anaesthetist', capacity: 1 });
    const busySurgeon = book.seize(99, surgeonA.asSet, { onGrant });
    const busyRoom = book.seize(98, room.asSet, { onGrant });
    const caseA = book.seize(1, [room, surgeonA, anaesthetist], { onGrant });
    const caseB = book.seize(2, [room, surgeonB, anaesthetist], { onGrant });
    expect(book.isWaiting(caseA) && book.isWaiting(caseB)).toBe(true);
    // Nothing of a waiting set is held: the anaesthetist is still free.
    expect(anaesthetist.busy).toBe(0);
    sim.at(
      10,
      sim.register('room free', () => book.release(busyRoom)),
    );
    sim.at(
      20,
      sim.register('surgeon free', () => book.release(busySurgeon)),
    );
    sim.run();
    // At 10 the room frees but surgeon A is busy: case B (surgeon B free) goes ahead.
    expect(grants.map((g) => [g.time, g.entity])).toEqual([[10, 2]]);
    // Case A still waits for the room; surgeon A, free at 20, is not held by a waiting set.
    expect([room.busy, surgeonB.busy, anaesthetist.busy, surgeonA.busy]).toEqual([1, 1, 1, 0]);
    expect(book.isWaiting(caseA)).toBe(true);
  });

  it('turns arrivals away when there is no waiting room, and counts them', () => {
    const { book, onGrant } = setup();
    const beds = book.add({ name: 'beds', capacity: 2, queueCapacity: 0 });
    expect(book.seize(1, beds.asSet, { onGrant })).not.toBe(REFUSED);
    expect(book.seize(2, beds.asSet, { onGrant })).not.toBe(REFUSED);
    expect(book.seize(3, beds.asSet, { onGrant })).toBe(REFUSED);
    expect(beds.refused).toBe(1);
    expect(beds.waiting.length).toBe(0);
  });

  it('keeps the ED cubicle while the patient waits for a ward bed (boarding)', () => {
    const { sim, book, grants, onGrant } = setup();
    const cubicle = book.add({ name: 'cubicle', capacity: 1 });
    const bed = book.add({ name: 'bed', capacity: 1 });
    const occupant = book.seize(50, bed.asSet, { onGrant });
    const c = book.seize(1, cubicle.asSet, { onGrant });
    const b = book.seize(1, bed.asSet, { onGrant });
    expect(book.isHeld(c) && book.isWaiting(b)).toBe(true);
    const next = book.seize(2, cubicle.asSet, { onGrant });
    expect(book.isWaiting(next)).toBe(true);
    sim.at(
      30,
      sim.register('discharge', () => book.release(occupant)),
    );
    sim.run();
    // The bed comes at 30; until then the cubicle stayed taken and patient 2 kept waiting.
    expect(grants).toEqual([{ time: 30, entity: 1, claim: b }]);
    expect(cubicle.waits.count).toBe(1);
    book.release(c);
    expect(book.isHeld(next)).toBe(true);
    expect(cubicle.busy).toBe(1);
  });

  it('preempts the lowest-priority holder for an urgent claim, and tells it', () => {
    const { sim, book, grants, onGrant } = setup();
    const preempted: number[] = [];
    const onPreempt = sim.register('preempted', (entity, claim) => {
      preempted.push(entity);
      book.release(claim);
    });
    const ct = book.add({ name: 'ct', capacity: 1, preemptive: true });
    const routine = book.seize(1, ct.asSet, { onGrant, onPreempt, priority: 1 });
    const stroke = book.seize(2, ct.asSet, { onGrant, onPreempt, priority: 9 });
    expect(book.isHeld(stroke)).toBe(true);
    expect(book.isHeld(routine)).toBe(false);
    sim.run();
    expect(preempted).toEqual([1]);
    expect(ct.busy).toBe(1);
    expect(ct.preempted).toBe(1);
    // A claim of equal or higher priority is never preempted.
    const other = book.seize(3, ct.asSet, { onGrant, onPreempt, priority: 9 });
    expect(book.isWaiting(other)).toBe(true);
    expect(grants).toHaveLength(0);
  });

  it('counts the time staff finish the task in hand after their shift as overtime', () => {
    const { sim, book, onGrant } = setup();
    const nurses = book.add({ name: 'nurses', capacity: 0 });
    // 2 nurses 08:00-16:00, 1 after; a daily cycle.
    followRoster(sim, book, nurses, {
      cycle: 1440,
      changes: [
        { at: 480, capacity: 2 },
        { at: 960, capacity: 1 },
        { at: 1320, capacity: 0 },
      ],
    });
    const claims: number[] = [];
    sim.at(
      900,
      sim.register('two tasks', () => {
        claims.push(book.seize(1, nurses.asSet, { onGrant }), book.seize(2, nurses.asSet, { onGrant }));
      }),
    );
    // Both tasks end at 17:00: one nurse worked an hour past 16:00.
    sim.at(
      1020,
      sim.register('done', () => claims.forEach((c) => book.release(c))),
      0,
      0,
      PRIORITY.RELEASE,
    );
    sim.run(1440);
    expect(nurses.overtimeUnits.area(1440)).toBeCloseTo(60, 9);
    expect(nurses.onDuty.area(1440)).toBeCloseTo(2 * 480 + 1 * 360, 9);
  });

  it('never exceeds capacity, never serves out of order, and gets every unit back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('seize' as const), set: fc.subarray([0, 1, 2], { minLength: 1 }), priority: fc.integer({ min: 0, max: 2 }) }),
            fc.record({ op: fc.constant('release' as const), which: fc.nat() }),
            fc.record({ op: fc.constant('renege' as const), which: fc.nat() }),
            fc.record({ op: fc.constant('capacity' as const), resource: fc.integer({ min: 0, max: 2 }), capacity: fc.integer({ min: 0, max: 3 }) }),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const { sim, book, onGrant } = setup();
          const rs = [0, 1, 2].map((i) => book.add({ name: `r${i}`, capacity: 2 }));
          const claims: number[] = [];
          // Units held per resource, from claims whose state says held.
          const heldUnits = (): number[] => rs.map((r) => claims.filter((c) => book.holds(c, r)).length);
          let t = 0;
          for (const op of ops) {
            sim.now = ++t;
            if (op.op === 'seize') {
              const c = book.seize(
                0,
                op.set.map((i) => rs[i]!),
                { onGrant, priority: op.priority },
              );
              if (c !== REFUSED) claims.push(c);
            } else if (op.op === 'release') {
              const held = claims.filter((c) => book.isHeld(c));
              if (held.length > 0) {
                const c = held[op.which % held.length]!;
                book.release(c);
                claims.splice(claims.indexOf(c), 1);
              }
            } else if (op.op === 'renege') {
              const waiting = claims.filter((c) => book.isWaiting(c));
              if (waiting.length > 0) {
                const c = waiting[op.which % waiting.length]!;
                expect(book.renege(c)).toBe(true);
                claims.splice(claims.indexOf(c), 1);
              }
            } else {
              const before = rs[op.resource]!.busy;
              book.setCapacity(rs[op.resource]!, op.capacity);
              // A capacity change never takes units from holders (they finish the task in hand).
              expect(rs[op.resource]!.busy).toBeGreaterThanOrEqual(before);
            }
            // Busy counts agree with the claims actually held.
            expect(rs.map((r) => r.busy)).toEqual(heldUnits());
            // No waiting claim fits while its resources have room (nobody idles in front of a queue).
            for (const c of claims) {
              if (book.isWaiting(c)) expect(book.resourcesOf(c).every((r) => r.free >= 1)).toBe(false);
            }
          }
          // Give everything back, serving the queue until it is empty.
          for (const r of rs) book.setCapacity(r, 3);
          let guard = 0;
          while (claims.some((c) => book.isHeld(c) || book.isWaiting(c)) && guard++ < 1000) {
            const held = claims.find((c) => book.isHeld(c));
            if (held === undefined) break;
            book.release(held);
            claims.splice(claims.indexOf(held), 1);
          }
          expect(claims.filter((c) => book.isWaiting(c))).toEqual([]);
          expect(rs.map((r) => r.busy)).toEqual([0, 0, 0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('resources: one unit of any of several (a bed in any listed ward)', () => {
  it('takes the first listed resource with a unit free, else the first unit freed in any, and gives back that one', () => {
    const { sim, book, grants, onGrant } = setup();
    const medical = book.add({ name: 'medical', capacity: 1 });
    const surgical = book.add({ name: 'surgical', capacity: 1 });
    const both = [medical, surgical];
    const own = book.seize(1, both, { onGrant, anyOf: true });
    expect(book.resourcesOf(own)).toEqual([medical]);
    const outlier = book.seize(2, both, { onGrant, anyOf: true });
    expect(book.resourcesOf(outlier)).toEqual([surgical]);
    const waiting = book.seize(3, both, { onGrant, anyOf: true });
    expect(book.isWaiting(waiting)).toBe(true);
    // It stands in both lines, and a request counts once, at the first choice.
    expect([medical.waiting.length, surgical.waiting.length]).toEqual([1, 1]);
    expect([medical.requests, surgical.requests]).toEqual([3, 0]);
    // A patient who wants the surgical ward only queues behind it.
    const surgicalOnly = book.seize(4, surgical.asSet, { onGrant });
    sim.at(
      5,
      sim.register('surgical bed frees', () => book.release(outlier)),
    );
    sim.run();
    expect(grants.map((g) => [g.time, g.entity])).toEqual([[5, 3]]);
    expect(book.resourcesOf(waiting)).toEqual([surgical]);
    expect([medical.waiting.length, surgical.waiting.length]).toEqual([0, 1]);
    expect([medical.busy, surgical.busy]).toEqual([1, 1]);
    expect(surgical.delayed).toBe(1);
    expect(medical.delayed).toBe(0);
    book.release(waiting);
    sim.run();
    expect(grants.map((g) => g.entity)).toEqual([3, 4]);
    expect(book.isHeld(surgicalOnly)).toBe(true);
    expect([medical.busy, surgical.busy]).toEqual([1, 1]);
    book.release(own);
    book.release(surgicalOnly);
    expect([medical.busy, surgical.busy]).toEqual([0, 0]);
  });

  it('waits only in the lines with room, and is turned away only when every line is full', () => {
    const { book, onGrant } = setup();
    const icu = book.add({ name: 'icu', capacity: 1, queueCapacity: 0 });
    const hdu = book.add({ name: 'hdu', capacity: 1, queueCapacity: 1 });
    const both = [icu, hdu];
    book.seize(1, both, { onGrant, anyOf: true });
    book.seize(2, both, { onGrant, anyOf: true });
    const waiting = book.seize(3, both, { onGrant, anyOf: true });
    expect(book.resourcesOf(waiting)).toEqual([hdu]);
    expect([icu.waiting.length, hdu.waiting.length]).toEqual([0, 1]);
    expect(book.seize(4, both, { onGrant, anyOf: true })).toBe(REFUSED);
    // Refused once, at the first choice.
    expect([icu.refused, hdu.refused]).toEqual([1, 0]);
  });

  it('serves a unit freed in either ward to the earliest waiting claim (one line across the pool)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 40 }), (patients) => {
        const { sim, book, grants } = setup();
        const a = book.add({ name: 'a', capacity: 2 });
        const b = book.add({ name: 'b', capacity: 2 });
        const done = sim.register('done', (_e, claim) => book.release(claim));
        const granted = sim.register('granted', (e, claim) => {
          grants.push({ time: sim.now, entity: e, claim });
          sim.schedule(patients[e]![1], done, e, claim, PRIORITY.RELEASE);
        });
        const arrive = sim.register('arrive', (e) => {
          const [prefersA, stay] = patients[e]!;
          const claim = book.seize(e, prefersA ? [a, b] : [b, a], { onGrant: granted, anyOf: true });
          if (book.isHeld(claim)) sim.schedule(stay, done, e, claim, PRIORITY.RELEASE);
          expect(a.busy <= a.capacity && b.busy <= b.capacity).toBe(true);
        });
        patients.forEach((_, e) => sim.at(e, arrive, e));
        sim.run();
        // Waiting patients were served in arrival order, and every bed came back.
        const order = grants.map((g) => g.entity);
        expect(order).toEqual([...order].sort((x, y) => x - y));
        expect([a.busy, b.busy]).toEqual([0, 0]);
        expect([a.waiting.length, b.waiting.length]).toEqual([0, 0]);
      }),
      { numRuns: 200 },
    );
  });
});
