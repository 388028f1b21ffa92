/**
 * stay: a stay in a ward bed for a sampled length of stay; compiles to seize, hold, release.
 * With `outlyTo`, a patient who finds its own ward full takes a bed in the first
 * of those wards with one free (an outlier); if none is free it waits for the
 * first bed freed in any of them (bed pooling).
 */
import { z } from 'zod';
import { resourceKind } from '../../sim-core/index.js';
import { Id, positive } from '../schema/common.js';
import { DurationSchema } from '../schema/distribution.js';
import { compileDuration, durationTakesTime } from './durations.js';
import { defineVerb } from './verb.js';

export const stay = defineVerb({
  key: 'stay',
  schema: z.strictObject({
    stay: Id,
    lengthOfStay: DurationSchema,
    /** Wards to take a bed in when `stay`'s ward is full, in order of preference (an empty list: none). */
    outlyTo: z.array(Id).optional(),
    /** An outlier's length of stay is the one drawn times this (outliers stay longer, e.g. 1.1). */
    outliedStayFactor: positive().optional(),
    boarding: z.boolean().default(false),
    id: Id.optional(),
  }),
  size: () => 3,
  check(st, at, ctx) {
    const ward = (id: string, path: string): void => {
      // A stay is in beds: the resource's kind must be one whose units are beds.
      const kind = ctx.kindOf.get(id);
      if (!kind?.kinds.every((k) => resourceKind(k).bed))
        ctx.problem(path, kind ? `must name a ward, but "${id}" is ${kind.noun}` : `refers to a ward "${id}" that is not in wards`);
    };
    ward(st.stay, `${at}.stay`);
    const seen = new Set([st.stay]);
    (st.outlyTo ?? []).forEach((id, j) => {
      ward(id, `${at}.outlyTo[${j}]`);
      if (seen.has(id)) ctx.problem(`${at}.outlyTo[${j}]`, `names the ward "${id}" again: each ward may come once among stay and outlyTo`);
      seen.add(id);
    });
    if (st.outliedStayFactor !== undefined && (st.outlyTo ?? []).length === 0)
      ctx.problem(`${at}.outliedStayFactor`, 'applies to outliers only: name the wards to outly to in outlyTo');
    ctx.checkDuration(st.lengthOfStay, `${at}.lengthOfStay`);
  },
  next: (st, k) => (durationTakesTime(st.lengthOfStay) ? [] : [k + 1]),
  waitFigure: (s, pathway) => s.id ?? `${pathway}.${s.stay}`,
  durations: (s) => [s.lengthOfStay],
  compile(s, ctx) {
    const wards = [s.stay, ...(s.outlyTo ?? [])].map((w) => ctx.resourceIndex.get(w)!);
    const pooled = wards.length > 1;
    const factor = s.outliedStayFactor ?? 1;
    return [
      {
        op: 'seize',
        figure: s.id ?? `${ctx.pathway}.${s.stay}`, // as waitFigure names it
        resources: wards,
        oneOf: false,
        ...(pooled ? { pooled: true as const } : {}),
        priority: null,
        maxWait: Infinity,
        onTimeout: 'cancelled',
        boarding: s.boarding,
        expectedMinutes: 0,
      },
      {
        op: 'hold',
        activity: `stay:${s.stay}`,
        duration: compileDuration(s.lengthOfStay, ctx),
        ...(pooled && factor !== 1 ? { outlied: { wards, factor } } : {}),
      },
      { op: 'release', resources: wards },
    ];
  },
});
