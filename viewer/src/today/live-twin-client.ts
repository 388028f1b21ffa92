/**
 * Talking to a running `hospital-twin serve` (docs/live.md, "HTTP API"): its
 * address checked, each GET with the token if one is given, the answers a
 * manager can act on in plain words (not reachable, token refused), and its
 * Server-Sent Events read from a fetch stream (EventSource cannot send a token).
 */

/** A failure to show as it is: already in words for the person at the screen. */
export class LiveTwinProblem extends Error {
  override readonly name = 'LiveTwinProblem';
}

export interface LiveTarget {
  /** "http://host:port", no trailing slash. */
  base: string;
  token: string;
}

/** The address typed, as the base of every request; refused in words if it is not an http(s) address. */
export function liveBase(text: string): string {
  const t = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(t) ? t : `http://${t}`);
  } catch {
    throw new LiveTwinProblem(`"${t.slice(0, 80)}" is not an address: give the live twin's, e.g. http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LiveTwinProblem(`"${t.slice(0, 80)}" is not an http address: give the live twin's, e.g. http://127.0.0.1:8080`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function unreachableText(base: string, origin: string): string {
  return `Cannot reach a live twin at ${base}. Is "hospital-twin serve" running there, and was it started with --cors ${origin} so that this page may read it?`;
}

export function refusedText(base: string, status: number, reason: string | undefined, tokenGiven: boolean): string {
  if (status === 401 || !tokenGiven)
    return `The live twin at ${base} needs a token: enter the one it was started with (--token).${reason ? ` It said: ${reason}.` : ''}`;
  return `The live twin at ${base} refused the token: it is not the one the twin was started with.${reason ? ` It said: ${reason}.` : ''}`;
}

const headers = (t: LiveTarget): Record<string, string> => (t.token ? { authorization: `Bearer ${t.token}` } : {});

/** GET `path` as JSON; `null` for a 503 (no forecast yet); LiveTwinProblem in words otherwise. */
export async function liveGet(t: LiveTarget, path: string, origin: string, signal?: AbortSignal): Promise<unknown> {
  let r: Response;
  try {
    r = await fetch(`${t.base}${path}`, { headers: headers(t), ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new LiveTwinProblem(unreachableText(t.base, origin));
  }
  if (r.status === 401 || r.status === 403) {
    const body = (await r.json().catch(() => ({}))) as { error?: string };
    throw new LiveTwinProblem(refusedText(t.base, r.status, body.error, t.token !== ''));
  }
  if (r.status === 503) return null;
  if (!r.ok) throw new LiveTwinProblem(`The live twin at ${t.base} answered ${r.status} to ${path}: is it a hospital-twin serve of this version?`);
  return r.json();
}

export interface LiveEvent {
  type: string;
  data: unknown;
}

/** Server-Sent Events from a text stream: blocks of "event: X" / "data: Y" lines ended by a blank line. */
export class EventStreamParser {
  private buffer = '';

  push(text: string): LiveEvent[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: LiveEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.join('\n'));
      } catch {
        parsed = data.join('\n');
      }
      events.push({ type, data: parsed });
    }
    return events;
  }
}

/** Follows /events until the stream ends (resolves) or fails (LiveTwinProblem); `signal` stops it. */
export async function followEvents(t: LiveTarget, origin: string, onEvent: (e: LiveEvent) => void, signal: AbortSignal): Promise<void> {
  let r: Response;
  try {
    r = await fetch(`${t.base}/events`, { headers: headers(t), signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new LiveTwinProblem(unreachableText(t.base, origin));
  }
  if (r.status === 401 || r.status === 403) throw new LiveTwinProblem(refusedText(t.base, r.status, undefined, t.token !== ''));
  if (!r.ok || !r.body) throw new LiveTwinProblem(`The live twin at ${t.base} answered ${r.status} to /events`);
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const e of parser.push(decoder.decode(value, { stream: true }))) onEvent(e);
  }
}
