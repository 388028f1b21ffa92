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
import { defineVerb } from './verb.js';
import { quoteList } from './words.js';

export const DIVERSION_RULES = ['nearest', 'round-robin'] as const;

/** What puts a site on diversion: one of `waiting`, `boarding`, `noFree`, naming a resource. */
export const DiversionWhen = z.strictObject({
  /** More than `above` patients in the line for this resource (the ED's line). */
  waiting: Id.optional(),
  /** More than `above` patients in this resource's line who already hold a place (ED patients boarding for a ward bed). */
  boarding: Id.optional(),
  /** No unit of this resource free (no ICU bed). */
  noFree: Id.optional(),
  above: z.number().int('must be a whole number').nonnegative('must be 0 or more').default(0),
});

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
  /** Minutes between the site's reviews of its rule. */
  reviewMinutes: z.number().finite().positive('must be more than 0').default(15),
  id: Id.optional(),
});

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
      condition: { kind: c.kind, resource: ctx.resourceIndex.get(c.resource)!, above: st.when.above },
      reviewMinutes: st.reviewMinutes,
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
