import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockReplications } from './job-data.js';
import { blockKey, replicationKey, seedTag, splitIntoBlocks } from './job-key.js';
import { parseRedisUrl, RedisUrlError } from './redis-url.js';
import { DamagedResultError, decodeResult, encodeResult } from './result-codec.js';
import { FUZZ_RUNS, FUZZ_SEED } from '../../test/fuzz/json-mutations.js';

describe('a result stored in Redis', () => {
  it('comes back with the same bits, NaN, -0 and infinities included (JSON alone would turn them into null and 0)', () => {
    const figures = { 'wait.mean': 0.1 + 0.2, 'wait.p95': Number.NaN, 'cost.delta': -0, ratio: Number.POSITIVE_INFINITY, tiny: 5e-324 };
    const trace = {
      length: 2,
      time: Float64Array.of(1.5, Number.NaN),
      entity: Int32Array.of(1, -2),
      what: Int32Array.of(0, 3),
      where: Int32Array.of(4, 5),
      whatNames: ['a'],
      whereNames: ['b'],
    };
    const back = decodeResult(encodeResult({ replication: 3, figures, events: 10, patients: 2 }, trace));
    expect(Object.keys(back.result.figures)).toEqual(Object.keys(figures));
    for (const [id, v] of Object.entries(figures)) expect(Object.is(back.result.figures[id], v), id).toBe(true);
    expect(back.result).toMatchObject({ replication: 3, events: 10, patients: 2 });
    expect(back.trace).toEqual(trace);
  });

  it('is refused as damaged, never half read, when it is not what was stored (it was an uncaught SyntaxError)', () => {
    const good = encodeResult({ replication: 3, figures: { a: 1, b: 2 }, events: 10, patients: 2 });
    const stored = JSON.parse(good) as Record<string, unknown>;
    const damaged = [
      'garbage{',
      good.slice(0, good.length / 2),
      'null',
      '[]',
      JSON.stringify({ ...stored, ids: 'a' }),
      JSON.stringify({ ...stored, values: 'AAA=' }),
      JSON.stringify({ ...stored, values: Buffer.from(Float64Array.of(1).buffer).toString('base64') }),
      JSON.stringify({ ...stored, trace: { length: 1, time: '', entity: '', what: '', where: '', whatNames: [], whereNames: [] } }),
    ];
    for (const text of damaged) expect(() => decodeResult(text), text).toThrow(DamagedResultError);
  });

  it('500 damaged stored results (cut, a character lost or inserted) each decode or are refused as damaged, never another error', () => {
    const text = encodeResult(
      { replication: 3, figures: { a: 1, b: Number.NaN }, events: 10, patients: 2 },
      { length: 1, time: Float64Array.of(1), entity: Int32Array.of(1), what: Int32Array.of(0), where: Int32Array.of(0), whatNames: ['a'], whereNames: ['b'] },
    );
    const inserts = ['"', '{', '}', ',', 'A', '=', '-1', 'null', '[]', '1e400'];
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(2), fc.nat(), fc.nat(), (kind, at, value) => {
        const i = at % text.length;
        const damaged = [text.slice(0, i), text.slice(0, i) + text.slice(i + 1), text.slice(0, i) + inserts[value % inserts.length]! + text.slice(i)][kind]!;
        try {
          decodeResult(damaged);
        } catch (e) {
          expect(e).toBeInstanceOf(DamagedResultError);
          refused++;
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(refused).toBeGreaterThan(200);
  });
});

describe('a replication key', () => {
  it('tells the seed 42 from the seed "42", and a traced replication from an untraced one', () => {
    expect(seedTag(42)).not.toBe(seedTag('42'));
    expect(replicationKey('h', 1, 2)).not.toBe(replicationKey('h', 1, 2, true));
    expect(replicationKey('h', 'a:b', 2)).not.toContain(':'); // BullMQ job ids may not hold ':'
  });
});

describe('--queue', () => {
  it('reads host, port, database and password, and hides the password in messages', () => {
    expect(parseRedisUrl('redis://:s3cret@10.0.0.5:6380/2')).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      password: 's3cret',
      shown: 'redis://:***@10.0.0.5:6380/2',
    });
    expect(parseRedisUrl('redis://localhost')).toMatchObject({ host: 'localhost', port: 6379, db: 0 });
    expect(parseRedisUrl('rediss://h:1/0').tls).toEqual({});
  });

  it('refuses what is not a Redis address, saying why', () => {
    expect(() => parseRedisUrl('http://h:6379')).toThrow(/scheme must be redis/);
    expect(() => parseRedisUrl('redis://h:6379/x')).toThrow(/whole number/);
    expect(() => parseRedisUrl('redis://h/16')).toThrow(/0 to 15/);
    expect(() => parseRedisUrl('10.0.0.5:6379')).toThrow(RedisUrlError);
  });
});

describe('blocks of replications', () => {
  it('cover the list once, in order, each at most the size asked, and the same list gives the same jobs', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (list, size, guided) => {
        const reps = [...new Set(list)];
        const blocks = splitIntoBlocks(reps, guided ? (left) => Math.min(size, Math.ceil(left / 3)) : size);
        const covered = blocks.flatMap((b) =>
          blockReplications({ scenarioHash: 'h', seed: 1, replication: b.first, count: b.count, step: b.step, trace: false }),
        );
        expect(covered).toEqual(reps);
        for (const b of blocks) expect(b.count).toBeLessThanOrEqual(size);
        expect(splitIntoBlocks(reps, guided ? (left) => Math.min(size, Math.ceil(left / 3)) : size)).toEqual(blocks);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it('make one job for each run of equal steps: consecutive numbers, or every eighth as the bench asks', () => {
    expect(splitIntoBlocks([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([
      { first: 0, count: 3, step: 1 },
      { first: 3, count: 3, step: 1 },
      { first: 6, count: 1, step: 1 },
    ]);
    // Guided: the replications left over 4 (two threads), so the last blocks are short.
    expect(splitIntoBlocks([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], (left) => Math.ceil(left / 4)).map((b) => b.count)).toEqual([3, 2, 2, 1, 1, 1]);
    expect(splitIntoBlocks([1, 9, 17, 25, 2], 16)).toEqual([
      { first: 1, count: 4, step: 8 },
      { first: 2, count: 1, step: 1 },
    ]);
  });

  it("have ids from scenario hash, seed, first replication, size and step; a block of one is its replication's key", () => {
    expect(blockKey('abc', 7, 4, 3)).toBe('abc.n7.4x3');
    expect(blockKey('abc', 'x', 1, 4, 8)).toBe('abc.seA.1x4s8');
    expect(blockKey('abc', 7, 4, 1)).toBe(replicationKey('abc', 7, 4));
    expect(blockKey('abc', 7, 4, 1, 1, true)).toBe(replicationKey('abc', 7, 4, true));
    // A block and a replication never share an id: a replication's key has no 'x'.
    expect(blockKey('abc', 7, 4, 2)).not.toBe(replicationKey('abc', 7, 4));
  });
});
