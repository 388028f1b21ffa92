/**
 * Playback: the time shown, play/pause and speed. The scene reads `clock.time`
 * every frame without React; the store's `time` follows it a few times a
 * second, for what people read (the clock, the scrubber, chart cursors).
 */
import { create } from 'zustand';

export const clock = { time: 0 };

/** Simulated minutes per real second, from real time to a week a second. */
export const SPEEDS: { label: string; minutesPerSecond: number }[] = [
  { label: 'real time', minutesPerSecond: 1 / 60 },
  { label: '1 min/s', minutesPerSecond: 1 },
  { label: '10 min/s', minutesPerSecond: 10 },
  { label: '1 hour/s', minutesPerSecond: 60 },
  { label: '6 hours/s', minutesPerSecond: 360 },
  { label: '1 day/s', minutesPerSecond: 1440 },
  { label: '1 week/s', minutesPerSecond: 10080 },
];

interface PlaybackState {
  time: number;
  playing: boolean;
  speed: number;
  /** Where the timeline ends, and where the warm-up ends. */
  end: number;
  warmupEnd: number;
}

export const usePlayback = create<PlaybackState>(() => ({ time: 0, playing: false, speed: 3, end: 0, warmupEnd: 0 }));

export function seek(t: number): void {
  const { end } = usePlayback.getState();
  clock.time = Math.max(0, Math.min(end, t));
  usePlayback.setState({ time: clock.time });
}

export function setTimeline(end: number, warmupEnd: number, start = warmupEnd): void {
  usePlayback.setState({ end, warmupEnd });
  seek(start);
}
