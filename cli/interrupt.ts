/**
 * Ctrl-C while replications run: the first one asks the run to stop between
 * replications (what finished is still reported); a second one quits at once.
 */
export interface Interrupt {
  signal: AbortSignal;
  /** Stop listening for Ctrl-C. */
  dispose(): void;
}

export function listenForInterrupt(onFirst: () => void = () => {}): Interrupt {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    onFirst();
  };
  process.on('SIGINT', handler);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', handler) };
}
