import { describe, expect, it } from 'vitest';
import { EventStreamParser, liveBase, LiveTwinProblem, refusedText, unreachableText } from './live-twin-client.js';

describe('the live twin client', () => {
  it('reads Server-Sent Events split anywhere across chunks, skipping comments', () => {
    const p = new EventStreamParser();
    expect(p.push(': hospital-twin live events\n\nevent: sta')).toEqual([]);
    expect(p.push('te\ndata: {"messages":3}\n\nevent: forecast\r\ndata: {"asOf":"2150-01-01T00:00"}\r\n')).toEqual([{ type: 'state', data: { messages: 3 } }]);
    expect(p.push('\r\n')).toEqual([{ type: 'forecast', data: { asOf: '2150-01-01T00:00' } }]);
  });

  it('takes an address with or without http://, and refuses one that is not http in words', () => {
    expect(liveBase(' 127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
    expect(liveBase('https://twin.example.org/api/')).toBe('https://twin.example.org/api');
    expect(() => liveBase('ftp://x')).toThrow(LiveTwinProblem);
    expect(() => liveBase('http://')).toThrow(/is not an address/);
  });

  it('says what to do when the twin cannot be reached or refuses the token', () => {
    expect(unreachableText('http://127.0.0.1:9', 'http://localhost:5173')).toMatch(
      /Cannot reach a live twin at http:\/\/127\.0\.0\.1:9.*--cors http:\/\/localhost:5173/,
    );
    expect(refusedText('http://h:1', 401, 'needs "Authorization: Bearer <token>"', false)).toMatch(/needs a token/);
    expect(refusedText('http://h:1', 403, "the token is not this twin's", true)).toMatch(/refused the token/);
  });
});
