/**
 * Group commit: messages pipelined on one connection, and sent from several
 * connections at once, are stored in fewer transactions than messages, and
 * every ACK still comes in its connection's order, after its commit: a
 * refusal (AR) in the middle does not overtake the AA of the message before it.
 */
import { describe, expect, it } from 'vitest';
import { adtMessage } from '../../live/index.js';
import { exchange, getJson, startTwin } from './live-helpers.js';

const register = (i: number, prefix = 'G') =>
  adtMessage({
    controlId: `${prefix}${i}`,
    trigger: 'A04',
    eventTime: new Date((Date.UTC(2150, 0, 1) / 60_000 + i) * 60_000).toISOString().slice(0, 16),
    visit: `${prefix}V${i}`,
    patientClass: 'E',
    location: 'Emergency Department',
  });

describe('group commit', () => {
  it('stores pipelined messages in fewer commits than messages, and answers each in order after its commit', async () => {
    const twin = await startTwin();
    try {
      const texts = Array.from({ length: 60 }, (_, i) => register(i));
      texts.splice(30, 0, 'MSH|^~\\&|X|Y|Z|W|20500101||ORU^R01|BAD1|P|2.5\r');
      texts.push(register(5)); // a resend in the same group
      const acks = await exchange(twin.mllpPort, texts);
      expect(acks.map((a) => a.controlId)).toEqual([
        ...Array.from({ length: 30 }, (_, i) => `G${i}`),
        'BAD1',
        ...Array.from({ length: 30 }, (_, i) => `G${i + 30}`),
        'G5',
      ]);
      expect(acks[30]!.code).toBe('AR');
      expect(acks.filter((a) => a.code === 'AA')).toHaveLength(61);
      expect(acks.at(-1)!.text).toMatch(/already stored/);
      expect(twin.twin.journal.count).toBe(60);
      expect(twin.twin.journal.groups).toBeGreaterThan(0);
      expect(twin.twin.journal.groups).toBeLessThan(60);
      expect((await getJson(twin.httpPort, '/health')).body.messages).toBe(60);
    } finally {
      await twin.close();
    }
  });

  it('folds messages from several connections, interleaved in event time, as one ordered state', async () => {
    const twin = await startTwin();
    try {
      const streams = Array.from({ length: 6 }, (_, k) => Array.from({ length: 20 }, (_, i) => register(i * 6 + k, 'C')));
      const acks = await Promise.all(streams.map((s) => exchange(twin.mllpPort, s)));
      expect(acks.flat().every((a) => a.code === 'AA')).toBe(true);
      const state = (await getJson(twin.httpPort, '/state')).body;
      expect(state.patients).toHaveLength(120);
      expect(state.asOf).toBe(new Date((Date.UTC(2150, 0, 1) / 60_000 + 119) * 60_000).toISOString().slice(0, 16));
      expect(twin.twin.journal.groups).toBeLessThan(120);
    } finally {
      await twin.close();
    }
  });
});
