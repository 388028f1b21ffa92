/** MLLP framing: frames split across TCP chunks, several in one chunk, noise between them, one too large. */
import { describe, expect, it } from 'vitest';
import { mllpFrame, MllpReader } from './mllp.js';

describe('MLLP framing', () => {
  it('reads frames split across chunks and several in one chunk, skipping bytes outside frames', () => {
    const bytes = Buffer.concat([Buffer.from('noise'), mllpFrame('MSH|a'), mllpFrame('MSH|b'), mllpFrame('MSH|ccc')]);
    const r = new MllpReader(100);
    const out = [bytes.subarray(0, 9), bytes.subarray(9, 17), bytes.subarray(17)].flatMap((c) => r.push(c));
    expect(out).toEqual([{ message: 'MSH|a' }, { message: 'MSH|b' }, { message: 'MSH|ccc' }]);
  });

  it('reports a frame over the limit once, by its size, and reads the next one', () => {
    const r = new MllpReader(10);
    expect(r.push(Buffer.concat([mllpFrame('x'.repeat(25)), mllpFrame('MSH|ok')]))).toEqual([{ tooLarge: 25 }, { message: 'MSH|ok' }]);
  });
});
