/**
 * The HTTP API (fastify): GET /health, /state, /forecast, /events (Server-Sent
 * Events), POST /fhir (a Bundle). docs/live.md describes each for those who
 * wire a screen or an interface engine to it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { bundleItems, localMinutes, stateFromFhir, StateError, type FhirMapping, type HospitalState } from '../../scenarios/index.js';
import { requestAccess } from './access.js';
import { feedWarnings as feedWarningsNow } from './feed-watch.js';
import type { ForecastLoop } from './forecast-loop.js';
import type { LiveTwin, LogLine } from './live-twin.js';

export interface ApiOptions {
  token: string | undefined;
  mapping: FhirMapping;
  scenarioName: string;
  /** The scenario itself (data: a screen reads it to name wards and draw the plan). */
  scenario: unknown;
  /** Origins (e.g. "http://localhost:5173") whose pages may call this API from a browser. */
  cors: readonly string[];
  /** Largest request body (bytes). */
  bodyLimit: number;
  /** No message for this long: the forecast carries a stale-feed warning. */
  staleMs: number;
  log: LogLine;
  now?: () => number;
}

/** The state as the document `forecast --state` reads (its paths are for problems, not part of the file). */
export function stateDocument(state: HospitalState, scenario: string): Record<string, unknown> {
  const { patientPaths: _paths, ...doc } = state;
  return { ...doc, scenario };
}

const BUNDLE_TYPES = new Set(['batch', 'transaction', 'history', 'collection', 'subscription-notification']);

export function buildApi(twin: LiveTwin, loop: ForecastLoop<unknown>, o: ApiOptions): FastifyInstance {
  const now = o.now ?? Date.now;
  // SSE streams stay open: closing the service must end them, not wait for them.
  const app = Fastify({ bodyLimit: o.bodyLimit, logger: false, forceCloseConnections: true });

  // A screen served from another origin (the viewer) may read this twin only if that origin was named (--cors).
  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin !== undefined && o.cors.includes(origin)
      ? {
          'access-control-allow-origin': origin,
          vary: 'Origin',
          'access-control-allow-headers': 'Authorization, Content-Type',
          'access-control-allow-methods': 'GET, POST',
        }
      : {};

  app.addHook('onRequest', async (req, reply) => {
    const cors = corsHeaders(req.headers.origin);
    void reply.headers(cors);
    // A browser's preflight carries no token: it asks only whether the real request may be sent.
    if (req.method === 'OPTIONS' && cors['access-control-allow-origin']) return reply.code(204).send();
    const access = requestAccess({
      remote: req.socket.remoteAddress ?? '',
      write: req.method !== 'GET' && req.method !== 'HEAD',
      token: o.token,
      authorization: req.headers.authorization,
    });
    if (!access.ok) {
      o.log(`http: ${req.method} ${req.url.split('?')[0]} refused (${access.status})`);
      return reply.code(access.status).send({ error: access.reason });
    }
  });

  const feedWarnings = (): string[] => feedWarningsNow(twin, o.staleMs, now);

  // The last forecast failed: say why, and which forecast is shown instead (if any).
  const failureWarnings = (): string[] => {
    const f = loop.failure;
    if (!f) return [];
    const kept = loop.latest ? `the forecast shown is the last good one, as of ${loop.latest.asOf}` : 'there is no earlier forecast to show';
    return [`the forecast as of ${f.asOf} failed: ${f.reason}; ${kept}`];
  };

  app.get('/health', async () => {
    const v = twin.view();
    return {
      status: 'ok',
      messages: v.messages,
      asOf: twin.live.size > 0 ? v.state.asOf : null,
      patients: v.state.patients.length,
      lastMessageAt: twin.lastStoredAt === undefined ? null : new Date(twin.lastStoredAt).toISOString(),
      forecastAsOf: loop.latest?.asOf ?? null,
      forecastFailed: loop.failure ?? null,
      warnings: [...feedWarnings(), ...failureWarnings(), ...v.warnings],
    };
  });

  app.get<{ Querystring: { at?: string } }>('/state', async (req, reply) => {
    const at = req.query.at;
    if (at !== undefined && Number.isNaN(localMinutes(at)))
      return reply.code(400).send({ error: `at: must be a local date and time "YYYY-MM-DDTHH:MM", got ${JSON.stringify(at.slice(0, 40))}` });
    const v = at === undefined ? twin.view() : twin.live.view(at);
    return stateDocument(v.state, o.scenarioName);
  });

  // The scenario the twin forecasts with, for a screen that does not have it (the viewer's Today).
  app.get('/scenario', async () => o.scenario);

  // The latest forecast with the warnings that hold now (a feed gone stale since it ran): /forecast and /events alike.
  const forecastBody = () => {
    const f = loop.latest;
    return f && { ...f, failed: loop.failure ?? null, warnings: [...feedWarnings(), ...failureWarnings(), ...f.warnings] };
  };

  app.get('/forecast', async (_req, reply) => {
    const body = forecastBody();
    if (!body)
      return reply.code(503).send({
        error: 'no forecast yet: one runs after the first message, and every few minutes',
        failed: loop.failure ?? null,
        warnings: [...feedWarnings(), ...failureWarnings()],
      });
    return body;
  });

  app.get('/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...corsHeaders(req.headers.origin) });
    res.write(': hospital-twin live events\n\n');
    const off = twin.subscribe((e) => {
      const data =
        e.type === 'state'
          ? { messages: e.messages }
          : e.type === 'forecast'
            ? forecastBody()
            : e.type === 'stale'
              ? { lastMessageAt: new Date(e.lastStoredAt).toISOString(), warnings: feedWarnings() }
              : { ...loop.failure, lastGoodAsOf: loop.latest?.asOf ?? null };
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    req.raw.on('close', off);
  });

  app.post('/fhir', async (req, reply) => {
    const raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const bundle = req.body as { resourceType?: unknown; type?: unknown; id?: unknown; timestamp?: unknown };
    const refuse = (problems: { path: string; message: string }[]) => {
      o.log(`http: a FHIR Bundle refused (${problems.length} problem(s))`);
      return reply.code(422).send({ error: 'the Bundle was refused; nothing was stored', problems });
    };
    if (bundle?.resourceType !== 'Bundle') return refuse([{ path: 'resourceType', message: 'must be "Bundle"' }]);
    if (typeof bundle.type !== 'string' || !BUNDLE_TYPES.has(bundle.type))
      return refuse([{ path: 'type', message: `must be one of ${[...BUNDLE_TYPES].join(', ')}` }]);
    const at = typeof bundle.timestamp === 'string' ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)/.exec(bundle.timestamp)?.[1] : undefined;
    if (!at || Number.isNaN(localMinutes(at)))
      return refuse([{ path: 'timestamp', message: "is required: the Bundle's moment orders it among the ADT messages" }]);
    try {
      const { items } = bundleItems(bundle, 'Bundle');
      const kept = items.filter((i) => ['Encounter', 'Appointment'].includes((i.resource as { resourceType?: string })?.resourceType ?? ''));
      const missing = kept.filter((i) => typeof (i.resource as { id?: unknown }).id !== 'string');
      if (missing.length > 0) return refuse(missing.map((i) => ({ path: `${i.path}.id`, message: 'is required: a resource replaces the one with its id' })));
      // Read with the mapping now, so that a Bundle the state could not use is refused whole, before it is stored.
      stateFromFhir(kept, o.mapping, at, 'Bundle');
    } catch (e) {
      if (e instanceof StateError) return refuse(e.issues.map((i) => ({ path: i.path, message: i.message })));
      throw e;
    }
    const controlId = typeof bundle.id === 'string' && bundle.id !== '' ? `fhir:${bundle.id}` : `fhir:sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const r = await twin.ingestFhir(controlId, localMinutes(at), raw);
    return reply.code(r.code === 'AA' ? (r.stored ? 201 : 200) : 507).send({ result: r.code, text: r.text });
  });

  return app;
}
