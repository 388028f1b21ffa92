import { describe, expect, it } from 'vitest';
import { weeklyRoster } from '../../../scenarios/index.js';
import { profileMax, rosterProfile, WEEK_MINUTES } from './week-profile.js';

const at = (day: number, time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return day * 1440 + h! * 60 + m!;
};

describe('the week profile the scene shows', () => {
  it('expands the compiled roster minute by minute, an overnight Sunday block running into Monday morning', () => {
    const profile = rosterProfile(
      weeklyRoster([
        { days: 'weekdays', start: '08:00', end: '16:00', count: 2 },
        { days: ['sun'], start: '20:00', end: '08:00', count: 1 },
        { days: 'all', start: '12:00', end: '13:00', count: 1 },
      ]),
    );
    expect(profile.length).toBe(WEEK_MINUTES);
    expect(profile[at(0, '07:59')]).toBe(1); // Sunday night's block, still on Monday morning
    expect(profile[at(0, '08:00')]).toBe(2); // it ends as the day shift starts
    expect(profile[at(0, '12:30')]).toBe(3);
    expect(profile[at(2, '15:59')]).toBe(2);
    expect(profile[at(2, '16:00')]).toBe(0);
    expect(profile[at(5, '12:00')]).toBe(1); // Saturday lunch only
    expect(profile[at(6, '19:59')]).toBe(0);
    expect(profile[at(6, '20:00')]).toBe(1);
    expect(profileMax(profile)).toBe(3);
  });
});
