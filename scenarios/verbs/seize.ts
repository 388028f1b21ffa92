/** seize: take the named resources, all at once (or one of them, `oneOf`), waiting in line if need be. */
import { maxOf, minOf } from '../limits.js';
import { z } from 'zod';
import { makeDistribution, type DistributionSpec, type StepModel } from '../../sim-core/index.js';
import { ownValue } from '../own-key.js';
import { Id, positive } from '../schema/common.js';
import { compileDuration } from './durations.js';
import { sequencePriority, sequenceProblem, SequenceRule } from './sequence.js';
import { defineVerb, type CompileContext } from './verb.js';

export const Target = z.array(Id).min(1, 'must name at least one resource');

const schema = z.strictObject({
  seize: Target,
  /** Name of this step in figures (waits per step). */
  id: Id.optional(),
  /** Take one of the named resources (the first free, else the shortest line) instead of all of them. */
  oneOf: z.boolean().default(false),
  priority: z
    .union([z.number(), z.strictObject({ byAttribute: z.string(), cases: z.record(z.string(), z.number()), otherwise: z.number().default(0) })])
    .optional(),
  /** Minutes after which a waiting patient leaves unseen. */
  maxWait: positive().optional(),
  /** What a patient who waited `maxWait` counts as. */
  onTimeout: z.enum(['leftUnseen', 'cancelled']).default('leftUnseen'),
  /** Waiting here while holding an ED resource counts as boarding. */
  boarding: z.boolean().default(false),
  /**
   * The order of cases waiting here (a theatre list): asBooked, shortestFirst, longestFirst,
   * lowestVarianceFirst or shortStayFirst, by the following operation hold (see sequence.ts).
   * Sets priorities just below the step's own (a number, default 0).
   */
  sequence: SequenceRule.optional(),
});

type SeizeModel = Extract<StepModel, { op: 'seize' }>;

/** Its wait figure: the step's id, else the pathway and what it seizes ("ed.edDoctor+edNurse"). */
function waitFigure(s: z.output<typeof schema>, pathway: string): string {
  return s.id ?? `${pathway}.${s.seize.join('+')}`;
}

export const seize = defineVerb({
  key: 'seize',
  schema,
  check(st, at, ctx) {
    st.seize.forEach((id, j) => ctx.checkResource(id, `${at}.seize[${j}]`));
    st.seize.forEach((id, j) => {
      // A set takes one unit of each resource it names; the same one twice would
      // be granted with one unit free and then hold two.
      const first = st.seize.indexOf(id);
      if (first < j)
        ctx.problem(
          `${at}.seize[${j}]`,
          `names "${id}" again (seize[${first}] already does): a step takes one unit of each resource it names, so name each once`,
        );
    });
    if (!st.oneOf) {
      const lowest =
        st.priority === undefined
          ? minOf(ctx.classPriorities)
          : typeof st.priority === 'number'
            ? st.priority
            : minOf(Object.values(st.priority.cases), st.priority.otherwise);
      st.seize.forEach((id, j) => {
        if (ctx.emergencyRooms.has(id) && lowest <= 0) {
          ctx.problem(
            `${at}.seize[${j}]`,
            `seizes the emergency-only room "${id}" at priority ${lowest}: give the step or its classes a priority above 0, or use oneOf with other rooms`,
          );
        }
      });
    }
    if (st.sequence !== undefined) {
      if (st.priority !== undefined && typeof st.priority !== 'number')
        ctx.problem(`${at}.sequence`, 'orders cases by priority, so the step may have only a fixed priority (a number), not one by attribute');
      const why = sequenceProblem(st.sequence, ctx.steps, ctx.index);
      if (why !== null) ctx.problem(`${at}.sequence`, why);
    }
    if (st.priority !== undefined && typeof st.priority !== 'number') {
      ctx.checkAttribute(st.priority.byAttribute, Object.keys(st.priority.cases), `${at}.priority.byAttribute`);
    }
  },
  waitFigure,
  compile(s, ctx) {
    const expected = expectedNextHold(ctx);
    return [
      {
        op: 'seize',
        figure: waitFigure(s, ctx.pathway),
        resources: s.seize.map((r) => ctx.resourceIndex.get(r)!),
        oneOf: s.oneOf,
        priority: compileStepPriority(s, ctx),
        maxWait: s.maxWait ?? Infinity,
        onTimeout: s.onTimeout,
        boarding: s.boarding,
        expectedMinutes: expected.minutes,
        ...(expected.byValue ? { expectedMinutesByValue: expected.byValue } : {}),
      },
    ];
  },
});

function compileStepPriority(s: z.output<typeof schema>, ctx: CompileContext): SeizeModel['priority'] {
  const sequenced = s.sequence === undefined ? null : sequencePriority(s.sequence, typeof s.priority === 'number' ? s.priority : 0, ctx);
  if (sequenced !== null) return sequenced;
  return s.priority === undefined ? null : typeof s.priority === 'number' ? s.priority : compilePriority(s.priority, ctx);
}

function compilePriority(
  p: { byAttribute: string; cases: Record<string, number>; otherwise: number },
  ctx: CompileContext,
): Exclude<SeizeModel['priority'], number | null> {
  const a = ctx.attributeIndex.get(p.byAttribute)!;
  const byValue = ctx.attributes[a]!.values.map((v) => ownValue(p.cases, String(v)) ?? p.otherwise);
  return { attribute: a, byValue, otherwise: p.otherwise };
}

/**
 * Expected minutes of the first hold after this step. When it depends on an
 * attribute, the mean for each value (the patient's own procedure) and, for
 * a patient without a case, the longest mean.
 */
function expectedNextHold(ctx: CompileContext): { minutes: number; byValue?: { attribute: number; minutes: number[] } } {
  for (let j = ctx.index + 1; j < ctx.steps.length; j++) {
    const s = ctx.steps[j] as { hold?: Parameters<typeof compileDuration>[0] };
    if (s.hold !== undefined) {
      const d = compileDuration(s.hold, ctx);
      if (d.kind === 'fixed') return { minutes: makeDistribution(d.distribution).mean };
      const mean = (x: DistributionSpec | null): number => (x === null ? -1 : makeDistribution(x).mean);
      const otherwise = mean(d.otherwise);
      const longest = maxOf(d.byValue.map(mean), otherwise);
      return { minutes: longest, byValue: { attribute: d.attribute, minutes: d.byValue.map((x) => (x === null ? otherwise : mean(x))) } };
    }
  }
  return { minutes: 0 };
}
