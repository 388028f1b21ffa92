/**
 * "Connect to a live twin": Today shows a running `serve`'s state and its
 * latest forecast, and follows its events, so the screen changes when the
 * hospital does. The scenario is the built-in the twin names, else the one it
 * serves (/scenario). A lost stream is retried; the feed's own warnings (a
 * stale feed, a failed forecast) are read from /health and the forecast.
 */
import { create } from 'zustand';
import { parseScenario, parseState, type HospitalState } from '../../../scenarios/index.js';
import type { ForecastSummary } from '../../../workers/index.js';
import { addChoice, choiceByKey } from '../store/scenarios.js';
import { followEvents, liveBase, liveGet, LiveTwinProblem, type LiveTarget } from './live-twin-client.js';
import { problemsOf, useToday } from './today-actions.js';

interface LiveState {
  status: 'off' | 'connecting' | 'live' | 'lost';
  base: string | null;
  /** What went wrong, in words (unreachable, token refused, stream lost). */
  problem: string | null;
  /** The twin's warnings: a stale feed, a failed forecast, visits left out, a partial feed. */
  warnings: string[];
  /** Local time (HH:MM:SS) of the last update from the twin. */
  updatedAt: string | null;
  /** The forecast shown: the state's moment it starts from, and the messages stored since it ("as of 07:02, 14 messages since"). */
  forecastAsOf: string | null;
  messagesSince: number | null;
}

export const useLive = create<LiveState>(() => ({
  status: 'off',
  base: null,
  problem: null,
  warnings: [],
  updatedAt: null,
  forecastAsOf: null,
  messagesSince: null,
}));

interface ServedForecast {
  asOf: string;
  /** Messages folded into the state it starts from. */
  messages: number;
  warnings: string[];
  summary: ForecastSummary;
}

const RETRY_MS = 5000;
const HEALTH_MS = 30_000;
let session: AbortController | null = null;

const clock = (): string => new Date().toTimeString().slice(0, 8);
const origin = (): string => globalThis.location?.origin ?? 'this page';

/** Connects Today to the twin at `url` (with `token`, if it needs one); replaces any connection before. */
export async function connectLive(url: string, token: string): Promise<void> {
  disconnectLive();
  let base: string;
  try {
    base = liveBase(url);
  } catch (e) {
    useLive.setState({ status: 'off', problem: (e as Error).message });
    return;
  }
  const own = new AbortController();
  session = own;
  useLive.setState({ status: 'connecting', base, problem: null, warnings: [] });
  await follow({ base, token: token.trim() }, own.signal, true);
}

export function disconnectLive(): void {
  session?.abort();
  session = null;
  useLive.setState({ status: 'off', problem: null, warnings: [], forecastAsOf: null, messagesSince: null });
}

/** The twin's /health: its warnings, and the messages it has stored. */
interface Health {
  warnings: string[];
  messages: number;
}

/** Reads everything, then follows /events; on a lost stream, tries again every few seconds until disconnected. */
async function follow(t: LiveTarget, signal: AbortSignal, first: boolean): Promise<void> {
  const alive = () => !signal.aborted;
  let reachedLive = false;
  try {
    let healthWarnings: string[] = [];
    let forecastWarnings: string[] = [];
    let stored = 0;
    let forecastMessages: number | null = null;
    const setWarnings = () =>
      useLive.setState({
        warnings: [...new Set([...healthWarnings, ...forecastWarnings])],
        messagesSince: forecastMessages === null ? null : Math.max(0, stored - forecastMessages),
      });
    const readHealth = (h: Health): void => {
      healthWarnings = h.warnings;
      stored = h.messages;
      setWarnings();
    };
    readHealth((await liveGet(t, '/health', origin(), signal)) as Health);
    const scenarioKey = await scenarioOf(t, signal);
    let refreshing: Promise<void> | null = null;
    let again = false;
    const refreshState = async (): Promise<void> => {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = (async () => {
        do {
          again = false;
          const doc = await liveGet(t, '/state', origin(), signal);
          if (!alive()) return;
          showState(parseState(doc, `live twin at ${t.base}`), t.base, scenarioKey);
          readHealth((await liveGet(t, '/health', origin(), signal)) as Health);
        } while (again);
      })().finally(() => (refreshing = null));
      await refreshing;
    };
    const showForecast = (f: ServedForecast | null): void => {
      forecastWarnings = f?.warnings ?? [];
      forecastMessages = f?.messages ?? null;
      useLive.setState({ forecastAsOf: f?.asOf ?? null });
      setWarnings();
      if (f) useToday.setState({ result: { summary: f.summary, failures: [], cancelled: false }, status: 'done' });
    };
    await refreshState();
    showForecast((await liveGet(t, '/forecast', origin(), signal)) as ServedForecast | null);
    useLive.setState({ status: 'live', problem: null, updatedAt: clock() });
    reachedLive = true;
    // The stale-feed warning comes from silence, which sends no event: ask now and then.
    const poll = setInterval(() => {
      void liveGet(t, '/health', origin(), signal)
        .then((h) => readHealth(h as Health))
        .catch(() => undefined);
    }, HEALTH_MS);
    try {
      await followEvents(
        t,
        origin(),
        (e) => {
          if (e.type === 'state') void refreshState().catch(() => undefined);
          else if (e.type === 'forecast') showForecast(e.data as ServedForecast);
          else if (e.type === 'forecast-failed') void liveGet(t, '/health', origin(), signal).then((h) => readHealth(h as Health));
          useLive.setState({ updatedAt: clock() });
        },
        signal,
      );
    } finally {
      clearInterval(poll);
    }
    if (!alive()) return;
    throw new LiveTwinProblem(`The connection to the live twin at ${t.base} was lost at ${clock()}`);
  } catch (e) {
    if (!alive()) return;
    const words = e instanceof LiveTwinProblem ? e.message : problemsOf(e).join('; ');
    // A first connection that fails is said and left; one that was live is tried again (the twin may be restarting).
    if (first && !reachedLive) {
      useLive.setState({ status: 'off', problem: words });
      return;
    }
    useLive.setState({ status: 'lost', problem: `${words}; trying again every ${RETRY_MS / 1000} seconds. What is shown is as it was then.` });
    await new Promise((r) => setTimeout(r, RETRY_MS));
    if (alive()) await follow(t, signal, false);
    return;
  }
}

/** The scenario to read the state against: the built-in the twin names, else the scenario it serves. */
async function scenarioOf(t: LiveTarget, signal: AbortSignal): Promise<string> {
  const doc = (await liveGet(t, '/scenario', origin(), signal)) as { name?: string };
  const builtin = `builtin:${doc.name ?? ''}`;
  if (choiceByKey(builtin)) return builtin;
  const key = `live:${t.base}`;
  const scenario = parseScenario(doc, `the scenario of the live twin at ${t.base}`);
  addChoice({ key, label: `${scenario.name} (live twin)`, origin: 'file', summary: `served by ${t.base}`, scenario }, false);
  return key;
}

function showState(state: HospitalState, base: string, scenarioKey: string): void {
  const { status } = useToday.getState();
  useToday.setState({
    state,
    source: `Live twin at ${base}`,
    scenarioKey,
    left: [],
    error: null,
    // A forecast run here is left to finish; otherwise the twin's own is what is shown.
    ...(status === 'running' ? {} : { status: useToday.getState().result ? 'done' : 'idle' }),
  });
}
