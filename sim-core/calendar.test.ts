import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from './calendar.js';

/** Pops everything, returning (time, priority, entity) in order. */
function drain(cal: EventCalendar): { time: number; priority: number; entity: number }[] {
  const out = [];
  while (cal.pop()) out.push({ time: cal.poppedTime, priority: cal.poppedPriority, entity: cal.poppedEntity });
  return out;
}

describe('event calendar', () => {
  it('never runs an event before an earlier one, and breaks ties by priority then insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ time: fc.integer({ min: 0, max: 50 }), priority: fc.integer({ min: 0, max: 3 }) }), { maxLength: 300 }), (events) => {
        const cal = new EventCalendar(16);
        events.forEach((e, i) => cal.schedule(e.time, e.priority, 0, i, 0));
        const popped = drain(cal);
        expect(popped).toHaveLength(events.length);
        // The expected order is a stable sort by (time, priority): insertion order within ties.
        const expected = events.map((e, i) => ({ ...e, entity: i })).sort((a, b) => a.time - b.time || a.priority - b.priority || a.entity - b.entity);
        expect(popped.map((p) => p.entity)).toEqual(expected.map((e) => e.entity));
      }),
      { numRuns: 300 },
    );
  });

  it('drops cancelled events and only those, even interleaved with pops and reused slots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('add' as const), time: fc.double({ min: 0, max: 100, noNaN: true }) }),
            fc.record({ op: fc.constant('cancel' as const), which: fc.nat() }),
            fc.record({ op: fc.constant('pop' as const) }),
          ),
          { maxLength: 400 },
        ),
        (ops) => {
          const cal = new EventCalendar(16);
          // A reference model: live events as (time, seq, id).
          const live = new Map<number, { time: number; seq: number }>();
          const handles: { handle: number; id: number }[] = [];
          let seq = 0;
          let now = 0;
          for (const op of ops) {
            if (op.op === 'add') {
              const t = now + op.time;
              const id = seq++;
              handles.push({ handle: cal.schedule(t, 0, 0, id, 0), id });
              live.set(id, { time: t, seq: id });
            } else if (op.op === 'cancel' && handles.length > 0) {
              const h = handles[op.which % handles.length]!;
              expect(cal.cancel(h.handle)).toBe(live.has(h.id));
              live.delete(h.id);
            } else if (op.op === 'pop') {
              const expected = [...live.entries()].sort((a, b) => a[1].time - b[1].time || a[1].seq - b[1].seq)[0];
              expect(cal.pop()).toBe(expected !== undefined);
              if (expected) {
                expect(cal.poppedEntity).toBe(expected[0]);
                expect(cal.poppedTime).toBeGreaterThanOrEqual(now);
                now = cal.poppedTime;
                live.delete(expected[0]);
              }
            }
            expect(cal.size).toBe(live.size);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('runs events scheduled at the current instant in (priority, insertion) order among those already due, with cancellations', () => {
    // Delays of 0 go to the same-instant lane unless they would come before its tail; the order must not show it.
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('add' as const), delay: fc.constantFrom(0, 0, 0, 1, 2.5), priority: fc.integer({ min: 0, max: 3 }) }),
            fc.record({ op: fc.constant('cancel' as const), which: fc.nat() }),
            fc.record({ op: fc.constant('pop' as const) }),
          ),
          { maxLength: 400 },
        ),
        (ops) => {
          const cal = new EventCalendar(16);
          const live = new Map<number, { time: number; priority: number }>();
          const handles: { handle: number; id: number }[] = [];
          let id = 0;
          let now = 0;
          for (const op of ops) {
            if (op.op === 'add') {
              handles.push({ handle: cal.schedule(now + op.delay, op.priority, 0, id, 0), id });
              live.set(id, { time: now + op.delay, priority: op.priority });
              id++;
            } else if (op.op === 'cancel' && handles.length > 0) {
              const h = handles[op.which % handles.length]!;
              expect(cal.cancel(h.handle)).toBe(live.has(h.id));
              live.delete(h.id);
            } else if (op.op === 'pop') {
              const expected = [...live.entries()].sort((a, b) => a[1].time - b[1].time || a[1].priority - b[1].priority || a[0] - b[0])[0];
              expect(cal.peekTime()).toBe(expected ? expected[1].time : Infinity);
              expect(cal.pop()).toBe(expected !== undefined);
              if (expected) {
                expect(cal.poppedEntity).toBe(expected[0]);
                now = cal.poppedTime;
                live.delete(expected[0]);
              }
            }
            expect(cal.size).toBe(live.size);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses to cancel an event that already ran', () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 0, 7, 0);
    expect(cal.pop()).toBe(true);
    expect(cal.cancel(h)).toBe(false);
    // The slot is reused by the next event; the old handle must not cancel it.
    cal.schedule(2, 0, 0, 8, 0);
    expect(cal.cancel(h)).toBe(false);
    expect(cal.pop()).toBe(true);
    expect(cal.poppedEntity).toBe(8);
  });

  it('refuses an old handle whose slot now holds an event added without one', () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 0, 7, 0);
    expect(cal.pop()).toBe(true);
    cal.add(2, 0, 0, 9, 0);
    expect(cal.cancel(h)).toBe(false);
    expect(cal.size).toBe(1);
    expect(cal.pop()).toBe(true);
    expect(cal.poppedEntity).toBe(9);
    // And a handle cancels its own event while it is pending, once.
    const k = cal.schedule(3, 0, 0, 10, 0);
    expect(cal.cancel(k)).toBe(true);
    expect(cal.cancel(k)).toBe(false);
    expect(cal.pop()).toBe(false);
  });

  it('orders events added at the current instant, with and without handles, as it orders any others', () => {
    // Events due now go to the lane unless they carry a handle (those go to the
    // heap) or would come before its tail: all must still come out in
    // (priority, insertion) order.
    const how = fc.constantFrom('add' as const, 'addAtPopped' as const, 'schedule' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ priority: fc.integer({ min: 0, max: 9 }), how, later: fc.boolean() }), { maxLength: 60 }), (events) => {
        const cal = new EventCalendar(16);
        cal.add(5, 0, 0, -1, 0);
        expect(cal.pop()).toBe(true);
        events.forEach((e, i) => {
          const time = e.later ? 6 : 5;
          if (e.how === 'schedule') cal.schedule(time, e.priority, 0, i, 0);
          else if (e.how === 'addAtPopped' && !e.later) cal.addAtPopped(e.priority, 0, i, 0);
          else cal.add(time, e.priority, 0, i, 0);
        });
        const expected = events.map((e, i) => ({ ...e, i })).sort((a, b) => Number(a.later) - Number(b.later) || a.priority - b.priority || a.i - b.i);
        expect(drain(cal).map((p) => p.entity)).toEqual(expected.map((e) => e.i));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an event whose entity, arg or priority is not an integer it can keep exactly', () => {
    const cal = new EventCalendar();
    expect(() => cal.add(1, 0, 0, 1.5, 0)).toThrow('schedule: entity must be an integer in [-2147483648, 2147483647], got 1.5');
    expect(() => cal.add(1, 0, 0, 0, 2 ** 31)).toThrow('schedule: arg must be an integer in [-2147483648, 2147483647], got 2147483648');
    expect(() => cal.schedule(1, 0.5, 0, 0, 0)).toThrow('schedule: priority must be an integer in [-32768, 32767], got 0.5');
    // Nothing refused was added, and the calendar goes on as before.
    expect(cal.size).toBe(0);
    cal.add(1, 0, 0, -7, 2 ** 31 - 1);
    expect(cal.pop()).toBe(true);
    expect([cal.poppedEntity, cal.poppedArg]).toEqual([-7, 2 ** 31 - 1]);
  });
});
