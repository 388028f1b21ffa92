/**
 * The page's side of calibration: each calibration gets a fresh Web Worker,
 * ended when it is done or cancelled (a calibration cannot be paused half-way,
 * and ending the worker is the only way to stop it at once).
 */
import { proxy, wrap } from 'comlink';
import type { CalibrationApi, CalibrationOutcome, CalibrationRequest } from './calibration-api.js';

export type { CalibrationOutcome, CalibrationRequest };

export interface CalibrationHandle {
  /** Null if cancelled. */
  promise: Promise<CalibrationOutcome | null>;
  cancel(): void;
}

/** `onProgress` hears each finished validation replication. */
export function startCalibration(request: CalibrationRequest, onProgress?: (done: number, total: number) => void): CalibrationHandle {
  const worker = new Worker(new URL('./calibrate-worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<CalibrationApi>(worker);
  let cancel: () => void = () => undefined;
  const cancelled = new Promise<null>((resolve) => {
    cancel = () => {
      worker.terminate();
      resolve(null);
    };
  });
  // A worker that fails outside the API (a module that will not load) would otherwise leave the page waiting for ever.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`the calibration worker failed: ${e.message || 'it could not start'}`)));
  });
  const promise = Promise.race([api.calibrate(request, onProgress ? proxy(onProgress) : undefined), cancelled, failed]).finally(() => worker.terminate());
  return { promise, cancel };
}
