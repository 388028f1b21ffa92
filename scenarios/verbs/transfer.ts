/**
 * transfer: the patient goes to another site of the network, named or chosen
 * by rule, by a transport resource if one is named (seized first: the patient
 * waits for an ambulance where it is), and goes on at a pathway of that site.
 * The origin's resources are given back at departure, or kept until arrival.
 */
import { z } from 'zod';
import type { DistributionSpec, StepModel } from '../../sim-core/index.js';
import type { DistributionInput } from '../schema/distribution.js';
import type { NetworkSectionSpec } from '../network/network-section.js';
import { makeDistribution, plainSeize } from '../../sim-core/index.js';
import { Id } from '../schema/common.js';
import { siteOf, siteOfPathway, travelBetween, travelByHour } from '../network/routes.js';
import { checkNonNegativeSupport, toSpec } from './durations.js';
import { defineVerb, type CompileContext } from './verb.js';
import { quoteList } from './words.js';

export const TRANSFER_RULES = [
  'nearest',
  'nearest-free-bed',
  'shortest-queue',
  'first-available',
  'round-robin',
  // Only sites whose `bed` has units on duty now (by roster) count.
  'nearest-available',
  'round-robin-available',
  'shortest-queue-available',
  // To the site nearest the patient's home: a patient attribute's value names a site or an area of the network.
  'nearest-home',
] as const;

const schema = z.strictObject({
  /** A site's id, or a rule that chooses among sites (default: every other site). */
  transfer: z.union([
    Id,
    z.strictObject({
      rule: z.enum(TRANSFER_RULES),
      among: z.array(Id).min(1).optional(),
      /** For "nearest-home": the patient attribute whose value names the patient's home site or area. */
      attribute: z.string().min(1).optional(),
    }),
  ]),
  /** The pathway the patient goes on at, as the destination site names it. */
  pathway: Id,
  /** A resource of the destination site, as it names it, whose free units and line the rules read (a ward). */
  bed: Id.optional(),
  /** A resource of the region (an ambulance pool) held for the trip. */
  transport: Id.optional(),
  /** The transport stays busy after the patient arrives for its trip back to the origin (travel time from the matrix). */
  returnTrip: z.boolean().default(false),
  /** Give back the origin's resources when the patient leaves, or keep them until it arrives. */
  origin: z.enum(['release', 'keepUntilArrival']).default('release'),
  /**
   * Wait where the patient is until a destination accepts it (a unit of `bed` there is free: whichever site's
   * frees first, preferring them in the order listed), then go there holding that unit: the destination's
   * pathway must not take it again.
   */
  reserveBed: z.boolean().default(false),
  /** Why (counted by reason): "up-referral", "down-referral", "diversion". */
  reason: Id.default('transfer'),
  /** The site the step belongs to; a network writes it when it merges its sites. */
  from: Id.optional(),
  id: Id.optional(),
});

type Transfer = z.output<typeof schema>;

/** The sites a step may go to. */
function destinations(st: Transfer, origin: string, all: readonly string[]): string[] {
  if (typeof st.transfer === 'string') return [st.transfer];
  return st.transfer.among ?? all.filter((s) => s !== origin);
}

export const transfer = defineVerb({
  key: 'transfer',
  schema,
  size: (st) => 1 + (st.transport === undefined ? 0 : 1) + (st.reserveBed ? 1 : 0),
  check(st, at, ctx) {
    const net = ctx.network;
    if (net === undefined) {
      ctx.problem(`${at}.transfer`, 'needs a network: a transfer goes to another site, and this scenario has none (write it as a network of sites)');
      return;
    }
    const ids = net.sites.map((s) => s.id);
    const origin = st.from ?? siteOfPathway(net, ctx.pathway)?.id;
    if (origin === undefined || !ids.includes(origin)) {
      ctx.problem(`${at}.from`, `must name the site of this pathway (sites: ${quoteList(ids)})`);
      return;
    }
    const to = destinations(st, origin, ids);
    if (to.length === 0) ctx.problem(`${at}.transfer`, 'has no site to go to');
    to.forEach((id, j) => {
      const path = typeof st.transfer === 'string' ? `${at}.transfer` : `${at}.transfer.among[${j}]`;
      const site = siteOf(net, id);
      if (site === undefined) return ctx.problem(path, `refers to a site "${id}" that is not in the network (sites: ${quoteList(ids)})`);
      if (!ctx.pathwayNames.has(site.prefix + st.pathway)) ctx.problem(`${at}.pathway`, `"${st.pathway}" is not a pathway of site "${id}"`);
      if (st.bed !== undefined) ctx.checkResource(site.prefix + st.bed, `${at}.bed`);
      checkNonNegativeSupport(travelBetween(net, origin, id), `${at}.transfer (travel from "${origin}" to "${id}")`, ctx.problem);
      travelByHour(net, origin, id)?.forEach((d, h) =>
        checkNonNegativeSupport(d, `${at}.transfer (travel from "${origin}" to "${id}" at hour ${h})`, ctx.problem),
      );
    });
    if (typeof st.transfer !== 'string' && st.transfer.rule === 'nearest-home') {
      if (st.transfer.attribute === undefined)
        ctx.problem(`${at}.transfer.attribute`, 'is needed by the rule "nearest-home": the patient attribute that names the home site or area');
      else ctx.checkAttribute(st.transfer.attribute, [], `${at}.transfer.attribute`);
    }
    const readsBed = (rule: string): boolean => rule !== 'nearest' && rule !== 'round-robin' && rule !== 'nearest-home';
    if (typeof st.transfer !== 'string' && readsBed(st.transfer.rule) && st.bed === undefined)
      ctx.problem(
        `${at}.bed`,
        `is needed by the rule "${typeof st.transfer === 'string' ? '' : st.transfer.rule}": the resource whose free units or line it reads`,
      );
    if (st.transport !== undefined) ctx.checkResource(st.transport, `${at}.transport`);
    else if (st.returnTrip) ctx.problem(`${at}.returnTrip`, 'needs a transport: it is the transport that comes back');
    if (st.returnTrip)
      to.forEach((id) => {
        if (siteOf(net, id) === undefined) return;
        checkNonNegativeSupport(travelBetween(net, id, origin), `${at}.returnTrip (travel from "${id}" back to "${origin}")`, ctx.problem);
        travelByHour(net, id, origin)?.forEach((d, h) =>
          checkNonNegativeSupport(d, `${at}.returnTrip (travel from "${id}" back to "${origin}" at hour ${h})`, ctx.problem),
        );
      });
  },
  // The patient goes on at another pathway: this one's path ends here.
  next: () => [],
  compile(st, ctx) {
    const net = ctx.network!;
    const origin = st.from ?? siteOfPathway(net, ctx.pathway)!.id;
    const transport = st.transport === undefined ? -1 : ctx.resourceIndex.get(st.transport)!;
    const out: StepModel[] = [];
    const ids = net.sites.map((s) => s.id);
    const to = destinations(st, origin, ids).map((id) => siteOf(net, id)!);
    if (st.reserveBed) {
      const beds = to.map((site) => ctx.resourceIndex.get(site.prefix + st.bed!)!);
      out.push({ ...waitFor(st.id ?? `${ctx.pathway}.${st.reason}`, beds), ...(beds.length > 1 ? { pooled: true as const } : {}) });
    }
    if (transport >= 0) out.push(waitFor(`${ctx.pathway}.${st.transport!}`, [transport]));
    const rule = typeof st.transfer === 'string' ? 'named' : st.transfer.rule;
    out.push({
      op: 'transfer',
      reason: st.reason,
      rule,
      transport,
      keepOrigin: st.origin === 'keepUntilArrival',
      reserved: st.reserveBed,
      ...(st.returnTrip ? { returnTrip: true } : {}),
      ...(typeof st.transfer !== 'string' && st.transfer.attribute !== undefined ? { home: homeChoice(st.transfer.attribute, to, ctx) } : {}),
      destinations: to.map((site) => {
        const travel = toSpec(travelBetween(net, origin, site.id));
        return {
          site: site.id,
          pathway: ctx.pathwayIndex.get(site.prefix + st.pathway)!,
          travel,
          meanMinutes: makeDistribution(travel).mean,
          bed: st.bed === undefined ? -1 : ctx.resourceIndex.get(site.prefix + st.bed)!,
          ...(st.returnTrip ? returnOf(net, site.id, origin) : {}),
          ...byHourOf(travelByHour(net, origin, site.id)),
        };
      }),
    });
    return out;
  },
  // The destination's pathway and resources keep the names the destination gives them; the step's own id is the site's.
  rename: (st, rename, site) => ({ ...(st as object), from: site, ...(st.id !== undefined ? { id: rename(st.id) } : {}) }),
});

/** A wait for a transport unit or a destination's bed, as a seize step (its waits are figures like any other). */
const waitFor = plainSeize;

/**
 * For each value of the home attribute, the destination nearest that home: a site's value, the least mean
 * travel from that site (itself, when listed); an area's, the least straight-line distance from it; any other, -1.
 */
function homeChoice(attribute: string, to: readonly { id: string; xKm: number; yKm: number }[], ctx: CompileContext): { attribute: number; choice: number[] } {
  const net = ctx.network!;
  const a = ctx.attributeIndex.get(attribute)!;
  const nearestBy = (cost: (d: { id: string; xKm: number; yKm: number }) => number): number => {
    let best = -1;
    to.forEach((d, k) => {
      if (best < 0 || cost(d) < cost(to[best]!)) best = k;
    });
    return best;
  };
  const choice = ctx.attributes[a]!.values.map((value) => {
    const home = String(value);
    if (siteOf(net, home) !== undefined) return nearestBy((d) => makeDistribution(toSpec(travelBetween(net, home, d.id))).mean);
    const area = net.areas.find((x) => x.id === home);
    if (area !== undefined) return nearestBy((d) => Math.hypot(d.xKm - area.xKm, d.yKm - area.yKm));
    return -1;
  });
  return { attribute: a, choice };
}

/** The trip back from a destination to the origin, and by the hour it leaves when that pair lists hours. */
function returnOf(net: NetworkSectionSpec, from: string, to: string): { returnTravel: DistributionSpec; returnTravelByHour?: DistributionSpec[] } {
  const hours = travelByHour(net, from, to);
  return { returnTravel: toSpec(travelBetween(net, from, to)), ...(hours ? { returnTravelByHour: hours.map((d) => toSpec(d)) } : {}) };
}

/** A destination's travel by hour of the day, when its pair lists hours of its own. */
function byHourOf(hours: readonly DistributionInput[] | null): { travelByHour?: DistributionSpec[]; meanByHour?: number[] } {
  if (hours === null) return {};
  const travelByHour = hours.map((d) => toSpec(d));
  return { travelByHour, meanByHour: travelByHour.map((d) => makeDistribution(d).mean) };
}
