/**
 * useShared: a patient of one site uses a shared device of another (a DSA at
 * the tertiary hospital): it books a slot by the service's rule, travels there
 * (by a transport resource if one is named, its time from the network's travel
 * matrix), waits for the device with the owner's own patients, has its exam,
 * and travels back to go on at the next step. It keeps what it holds at home
 * (its bed) meanwhile. The owner charges the user site the service's price per
 * use (the shared-use figures).
 */
import { z } from 'zod';
import { plainSeize, type StepModel } from '../../sim-core/index.js';
import { Id } from '../schema/common.js';
import { DurationSchema } from '../schema/distribution.js';
import { siteOf, siteOfPathway, travelBetween } from '../network/routes.js';
import { checkNonNegativeSupport, compileDuration, durationTakesTime, toSpec } from './durations.js';
import { defineVerb } from './verb.js';
import { quoteList } from './words.js';

const schema = z.strictObject({
  /** The shared service's id, as the network's `services` names it. */
  useShared: Id,
  /** How long the use (the exam) takes at the device. */
  duration: DurationSchema,
  /** A resource of the region (an ambulance pool) held for each trip, there and back. */
  transport: Id.optional(),
  /** The site the step belongs to; a network writes it when it merges its sites. */
  from: Id.optional(),
  id: Id.optional(),
});

export const useShared = defineVerb({
  key: 'useShared',
  schema,
  // Booking; a trip there; seize, use, release the device; a trip back: each trip with its transport's seize and release.
  size: (st) => 7 + (st.transport === undefined ? 0 : 4),
  check(st, at, ctx) {
    const net = ctx.network;
    if (net === undefined) return ctx.problem(`${at}.useShared`, 'needs a network: a shared device belongs to another site, and this scenario has none');
    const service = net.services.find((s) => s.id === st.useShared);
    if (service === undefined)
      return ctx.problem(`${at}.useShared`, `is not a shared service of the network (services: ${quoteList(net.services.map((s) => s.id))})`);
    const user = st.from ?? siteOfPathway(net, ctx.pathway)?.id;
    if (user === undefined || siteOf(net, user) === undefined)
      return ctx.problem(`${at}.from`, `must name the site of this pathway (sites: ${quoteList(net.sites.map((s) => s.id))})`);
    if (user === service.owner)
      ctx.problem(`${at}.useShared`, `"${service.id}" belongs to this site ("${user}"): its own patients seize "${service.resource}" as any resource`);
    if (service.slotsPerWeek !== undefined && !((service.slotsPerWeek[user] ?? 0) > 0))
      ctx.problem(`${at}.useShared`, `"${service.id}" reserves no slots per week for site "${user}": give it some in services[].booking.slotsPerWeek`);
    ctx.checkResource(service.resource, `${at}.useShared (the service's resource)`);
    ctx.checkDuration(st.duration, `${at}.duration`);
    checkNonNegativeSupport(travelBetween(net, user, service.owner), `${at}.useShared (travel from "${user}" to "${service.owner}")`, ctx.problem);
    if (st.transport !== undefined) ctx.checkResource(st.transport, `${at}.transport`);
  },
  // Time passes unless there is no travel and no exam time; a slot's wait is counted as time passing only when it happens.
  next: (st, k) => (durationTakesTime(st.duration) ? [] : [k + 1]),
  durations: (s) => [s.duration],
  compile(st, ctx) {
    const net = ctx.network!;
    const service = net.services.find((s) => s.id === st.useShared)!;
    const user = st.from ?? siteOfPathway(net, ctx.pathway)!.id;
    const device = ctx.resourceIndex.get(service.resource)!;
    const transport = st.transport === undefined ? -1 : ctx.resourceIndex.get(st.transport)!;
    const trip = (to: string, there: string, back: string): StepModel[] => {
      const minutes = toSpec(travelBetween(net, there, back));
      const travel: StepModel = { op: 'hold', activity: `travel to ${to} for ${service.id}`, duration: { kind: 'fixed', distribution: minutes } };
      if (transport < 0) return [travel];
      return [seizeOf(`${ctx.pathway}.${st.transport!}-to-${to}`, transport), travel, { op: 'release', resources: [transport] }];
    };
    return [
      {
        op: 'useShared',
        service: service.id,
        owner: service.owner,
        user,
        pricePerUse: service.pricePerUse,
        slotsPerWeek: service.slotsPerWeek === undefined ? Infinity : service.slotsPerWeek[user]!,
        waitActivity: `waiting for a ${service.id} slot`,
        useActivity: `shared:${service.id}:${user}`,
      },
      ...trip(service.owner, user, service.owner),
      // The wait at the device is the step's id when it has one (`east_dsa`: comparable with a site's own device's wait).
      seizeOf(st.id ?? `${ctx.pathway}.${service.id}`, device),
      { op: 'hold', activity: `shared:${service.id}:${user}`, duration: compileDuration(st.duration, ctx) },
      { op: 'release', resources: [device] },
      ...trip(user, service.owner, user),
    ];
  },
  // The service and the transport are the region's; the step's own id is the site's.
  rename: (st, rename, site) => ({ ...(st as object), from: site, ...(st.id !== undefined ? { id: rename(st.id) } : {}) }),
});

/** A wait for one resource, as a seize step (its waits are figures like any other). */
const seizeOf = (figure: string, resource: number): Extract<StepModel, { op: 'seize' }> => plainSeize(figure, [resource]);
