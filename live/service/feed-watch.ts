/**
 * The stale-feed warning: no message stored for `staleMs` means the feed is
 * probably down (an interface engine stopped, a network cut), and a forecast
 * from the state is a forecast of the past. Said on /health and /forecast when
 * read, and announced once on /events when it happens (a stale feed sends no
 * message that would otherwise wake a screen).
 */
import type { LiveTwin } from './live-twin.js';

/** The feed's warnings now: nothing yet received, or no message for longer than `staleMs`. */
export function feedWarnings(twin: LiveTwin, staleMs: number, now: () => number): string[] {
  if (twin.lastStoredAt === undefined) return twin.live.size === 0 ? ['no message received yet: is the feed connected?'] : [];
  const idle = now() - twin.lastStoredAt;
  return idle > staleMs ? [`no message for ${idleWords(idle)}: is the feed down?`] : [];
}

/** "12 minute(s)", or seconds below two minutes (a --stale of a fraction of a minute). */
function idleWords(ms: number): string {
  return ms < 120_000 ? `${Math.floor(ms / 1000)} second(s)` : `${Math.floor(ms / 60_000)} minute(s)`;
}

/**
 * Emits `stale` on the twin once the feed has been quiet for `staleMs` (once
 * per quiet spell). The timer runs on real time; the quiet is measured on
 * `now`, so a service given another clock is judged by that clock.
 */
export function watchFeed(twin: LiveTwin, staleMs: number, now: () => number): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let told = false;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(1, Math.min(ms, 2 ** 31 - 1)));
    timer.unref();
  };
  function check(): void {
    if (twin.lastStoredAt === undefined || told) return;
    const idle = now() - twin.lastStoredAt;
    if (idle > staleMs) {
      told = true;
      twin.emit({ type: 'stale', lastStoredAt: twin.lastStoredAt });
    } else arm(staleMs - idle + 1);
  }
  const off = twin.subscribe((e) => {
    if (e.type !== 'state') return;
    told = false;
    arm(staleMs + 1);
  });
  if (twin.lastStoredAt !== undefined) arm(staleMs + 1);
  return {
    stop() {
      off();
      clearTimeout(timer);
    },
  };
}
