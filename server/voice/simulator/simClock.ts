/** Thrown into every pending wait once the simulator is closed. */
export class SimulatorStopped extends Error {
  constructor() {
    super('the voice simulator was closed');
    this.name = 'SimulatorStopped';
  }
}

/**
 * Simulated time: every duration is in simulated seconds, scaled to real milliseconds by `timeScale`, and every
 * wait can be cut short by an AbortSignal (its reason is thrown) or by `close()` (SimulatorStopped is thrown).
 */
export class SimClock {
  private readonly pending = new Set<() => void>();
  private closed = false;

  constructor(readonly timeScale: number) {}

  get isClosed() {
    return this.closed;
  }

  /** Whole simulated seconds between two real instants (ms since the epoch). */
  secondsBetween(fromMs: number, toMs = Date.now()) {
    return Math.max(0, Math.round((toMs - fromMs) / this.timeScale / 1000));
  }

  /** Waits `seconds` of simulated time; Infinity waits until aborted. */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      if (!Number.isFinite(seconds)) return;
      timer = setTimeout(resolve, Math.max(0, seconds * 1000 * this.timeScale));
      timer.unref?.();
    });
    return this.abortable(elapsed, signal).finally(() => clearTimeout(timer));
  }

  /** `promise`, unless the signal aborts or the simulator closes first. */
  abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new SimulatorStopped());
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => settle(() => reject(signal!.reason));
      const onClose = () => settle(() => reject(new SimulatorStopped()));
      const settle = (finish: () => void) => {
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(onClose);
        finish();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.add(onClose);
      promise.then(
        (value) => settle(() => resolve(value)),
        (error) => settle(() => reject(error)),
      );
    });
  }

  close() {
    this.closed = true;
    for (const stop of [...this.pending]) stop();
  }
}

/** A promise with its resolve handle, for events a simulated party or another call will cause. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const d = { settled: false } as Deferred<T>;
  d.promise = new Promise<T>((r) => (resolve = r));
  d.resolve = (value: T) => {
    if (d.settled) return;
    d.settled = true;
    resolve(value);
  };
  return d;
}
