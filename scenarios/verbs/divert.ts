/**
 * divert: ambulance diversion, as a network writes it from a site's
 * `diversion` rule (network/diversion.ts): the only step of a diverted class's
 * own pathway. While the site is on diversion the patient goes to another site
 * by rule, with the travel time from the network's matrix, and goes on at that
 * site's pathway; otherwise it goes on at its own pathway (`pathway`). Its names
 * are the merged model's (prefixed by their sites).
 */
import { z } from 'zod';
import type { StepModel } from '../../sim-core/index.js';
import { makeDistribution } from '../../sim-core/index.js';
import { Id } from '../schema/common.js';
import { siteOf, travelBetween, travelByHour } from '../network/routes.js';
import { checkNonNegativeSupport, toSpec } from './durations.js';
import { defineVerb, type CompileContext } from './verb.js';
import { quoteList } from './words.js';

export const DIVERSION_RULES = ['nearest', 'round-robin'] as const;

/** How often a site reviews its rule, and how long a spell lasts at least: the same for a step and a network's site. */
export const DiversionTiming = {
  /** Minutes between the site's reviews of its rule (an ED coordinator's check). */
  reviewMinutes: z.number().finite().positive('must be more than 0').default(15),
  /** Once on, the site stays on diversion at least this long (minutes), whatever the reviews in between count. */
  minimumMinutes: z
    .number()
    .finite()
    .nonnegative('must be 0 or more')
    .max(7 * 1440, 'must be at most 10080 (a week): a longer spell is a closure, not a diversion')
    .optional(),
};

/** What puts a site on diversion: one of `waiting`, `boarding`, `noFree`, naming a resource. */
export const DiversionWhen = z.strictObject({
  /** More than `above` patients in the line for this resource (the ED's line). */
  waiting: Id.optional(),
  /** More than `above` patients in this resource's line who already hold a place (ED patients boarding for a ward bed). */
  boarding: Id.optional(),
  /** No unit of this resource free (no ICU bed). */
  noFree: Id.optional(),
  above: z.number().int('must be a whole number').nonnegative('must be 0 or more').default(0),
  /**
   * Hysteresis: once on, the site stays on diversion until a review finds fewer than this many
   * (waiting or boarding only). Absent: `above + 1`, i.e. off as soon as the count is no longer above.
   */
  endBelow: z.number().int('must be a whole number').nonnegative('must be 0 or more').optional(),
});

/** Divert only the patients whose attribute has one of these values (the more urgent acuities stay). */
export const DiversionOnly = z.strictObject({
  attribute: z.string().min(1),
  values: z.array(z.union([z.number(), z.string()])).min(1, 'must list at least one value'),
});

/** Problems of a `when`'s thresholds, as paths under `at` (the `when` itself). */
export function thresholdProblems(when: z.output<typeof DiversionWhen>, at: string): { path: string; message: string }[] {
  if (when.endBelow === undefined) return [];
  if (when.noFree !== undefined) return [{ path: `${at}.endBelow`, message: 'applies to waiting or boarding, not noFree' }];
  // above + 1 is no hysteresis at all (off once the count is no longer above); more would end a spell as it begins.
  if (when.endBelow > when.above + 1)
    return [{ path: `${at}.endBelow`, message: `must be at most above + 1 (${when.above + 1}): diversion ends when the count falls below it` }];
  return [];
}

/** The one condition a `when` names (the schema allows several fields; the checks refuse all but one). */
export function conditionOf(when: z.output<typeof DiversionWhen>): { kind: 'waiting' | 'boarding' | 'noFree'; resource: string } | undefined {
  const given = (['waiting', 'boarding', 'noFree'] as const).filter((k) => when[k] !== undefined);
  return given.length === 1 ? { kind: given[0]!, resource: when[given[0]!]! } : undefined;
}

const schema = z.strictObject({
  /** The site whose rule this is. */
  divert: Id,
  when: DiversionWhen,
  /** The pathway the patient goes on at when its site is not on diversion (its own). */
  pathway: Id,
  /** Where a diverted patient may go: a site and the pathway it goes on at there. */
  to: z.array(z.strictObject({ site: Id, pathway: Id })).min(1),
  rule: z.enum(DIVERSION_RULES).default('nearest'),
  ...DiversionTiming,
  /** Divert only the patients with one of these values of an attribute; the others stay. */
  only: DiversionOnly.optional(),
  id: Id.optional(),
});

/** Which values of the attribute are diverted, by value index. */
function onlyOf(only: z.output<typeof DiversionOnly>, ctx: CompileContext): { attribute: number; divert: boolean[] } {
  const a = ctx.attributeIndex.get(only.attribute)!;
  const divert = ctx.attributes[a]!.values.map(() => false);
  for (const v of only.values) {
    const vi = ctx.valueIndex(a, v);
    if (vi >= 0) divert[vi] = true;
  }
  return { attribute: a, divert };
}

export const divert = defineVerb({
  key: 'divert',
  schema,
  check(st, at, ctx) {
    const net = ctx.network;
    if (net === undefined) return ctx.problem(`${at}.divert`, 'needs a network: a diverted patient goes to another site');
    const ids = net.sites.map((s) => s.id);
    if (siteOf(net, st.divert) === undefined) return ctx.problem(`${at}.divert`, `is not a site of the network (sites: ${quoteList(ids)})`);
    const c = conditionOf(st.when);
    if (c === undefined) ctx.problem(`${at}.when`, 'must name exactly one of waiting, boarding or noFree');
    else ctx.checkResource(c.resource, `${at}.when.${c.kind}`);
    for (const p of thresholdProblems(st.when, `${at}.when`)) ctx.problem(p.path, p.message);
    if (st.only !== undefined) ctx.checkAttribute(st.only.attribute, st.only.values.map(String), `${at}.only`);
    if (!ctx.pathwayNames.has(st.pathway)) ctx.problem(`${at}.pathway`, `"${st.pathway}" is not a pathway`);
    st.to.forEach((t, j) => {
      if (siteOf(net, t.site) === undefined) return ctx.problem(`${at}.to[${j}].site`, `is not a site of the network (sites: ${quoteList(ids)})`);
      if (!ctx.pathwayNames.has(t.pathway)) ctx.problem(`${at}.to[${j}].pathway`, `"${t.pathway}" is not a pathway`);
      checkNonNegativeSupport(travelBetween(net, st.divert, t.site), `${at}.to[${j}] (travel from "${st.divert}" to "${t.site}")`, ctx.problem);
      travelByHour(net, st.divert, t.site)?.forEach((d, h) =>
        checkNonNegativeSupport(d, `${at}.to[${j}] (travel from "${st.divert}" to "${t.site}" at hour ${h})`, ctx.problem),
      );
    });
  },
  // The patient goes on at another pathway: this one's path ends here.
  next: () => [],
  compile(st, ctx) {
    const net = ctx.network!;
    const c = conditionOf(st.when)!;
    const step: StepModel = {
      op: 'divert',
      site: st.divert,
      condition: {
        kind: c.kind,
        resource: ctx.resourceIndex.get(c.resource)!,
        above: st.when.above,
        ...(st.when.endBelow !== undefined ? { endBelow: st.when.endBelow } : {}),
      },
      reviewMinutes: st.reviewMinutes,
      ...(st.minimumMinutes !== undefined ? { minimumMinutes: st.minimumMinutes } : {}),
      ...(st.only !== undefined ? { only: onlyOf(st.only, ctx) } : {}),
      stay: ctx.pathwayIndex.get(st.pathway)!,
      rule: st.rule,
      destinations: st.to.map((t) => {
        const travel = toSpec(travelBetween(net, st.divert, t.site));
        const hours = travelByHour(net, st.divert, t.site);
        return {
          site: t.site,
          pathway: ctx.pathwayIndex.get(t.pathway)!,
          travel,
          meanMinutes: makeDistribution(travel).mean,
          ...(hours ? { travelByHour: hours.map((h) => toSpec(h)) } : {}),
        };
      }),
    };
    return [step];
  },
  // Written by the merge with the merged names already.
  rename: (st) => st,
});
