/**
 * Resolves once `current()` reaches `count`, re-checked each time a listener in `listeners` is called; rejects with
 * `failure(current())` when the time is up. The stand-ins' "hold until N requests are in flight" waits use it.
 */
export function whenAtLeast(
  listeners: Set<() => void>,
  current: () => number,
  count: number,
  timeoutMs: number,
  failure: (reached: number) => string,
) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (current() < count) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(failure(current())));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      listeners.delete(check);
    };
    listeners.add(check);
    check();
  });
}
