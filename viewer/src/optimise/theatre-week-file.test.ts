import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptimiseFileError } from './optimise-file.js';
import { isTheatreWeekDocument, listWords, readTheatreWeek } from './theatre-week-file.js';

const FIXTURE = JSON.parse(readFileSync(new URL('../../../test/e2e/fixtures/theatre-week.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('a theatre schedule result as the viewer reads it', () => {
  it("reads the CLI's theatre-schedule.json: today is schedule A, every theatre open each weekday", () => {
    const week = readTheatreWeek(FIXTURE, 'theatre-week.json');
    expect(week.theatres).toEqual(['or1', 'or2', 'or3']);
    expect(week.current?.name).toBe('A');
    expect(week.open.every((row) => row.every(Boolean))).toBe(true);
    expect(Object.keys(week.lists)).toContain('arthroplasty');
  });

  it('tells a theatre result from an optimise.json', () => {
    expect(isTheatreWeekDocument(FIXTURE)).toBe(true);
    expect(isTheatreWeekDocument({ name: 'x', history: [], chosen: { values: {} } })).toBe(false);
  });

  it('refuses a damaged result with each problem by its path', () => {
    const bad = { ...FIXTURE, chosen: { name: 'chosen', schedule: [['a']], figures: {} }, builtins: 'A' };
    try {
      readTheatreWeek(bad, 'bad.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptimiseFileError);
      expect((e as OptimiseFileError).problems).toEqual([
        'chosen.schedule: must be a row per theatre (3)',
        'builtins: must be a list (empty when the hospital has no schedules in use)',
      ]);
    }
  });

  it('names lists in words, and any other id from its parts', () => {
    expect(listWords('generalMajor')).toBe('General surgery, major');
    expect(listWords('earNoseThroat')).toBe('Ear nose throat');
    expect(listWords('A')).toBe('List A');
  });
});
