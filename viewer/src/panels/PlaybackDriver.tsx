/** Advances the clock while playing, once per animation frame; tells React a few times a second. */
import { useEffect } from 'react';
import { clock, SPEEDS, usePlayback } from '../store/playback.js';

const PUBLISH_MS = 120;

export function PlaybackDriver() {
  useEffect(() => {
    let last = performance.now();
    let published = 0;
    let id = 0;
    const tick = (now: number): void => {
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const s = usePlayback.getState();
      if (s.playing) {
        clock.time = Math.min(s.end, clock.time + dt * SPEEDS[s.speed]!.minutesPerSecond);
        if (clock.time >= s.end) usePlayback.setState({ playing: false, time: clock.time });
        else if (now - published > PUBLISH_MS) {
          published = now;
          usePlayback.setState({ time: clock.time });
        }
      }
      id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, []);
  return null;
}
