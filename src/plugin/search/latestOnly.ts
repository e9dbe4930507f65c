/**
 * Debounces an async lookup for type-ahead: each call waits `delayMs`; when another call comes in
 * first, the earlier ones are not run and instead get the newer call's answer. So whatever order the
 * caller's promises settle in, every one of them ends with the latest query's result.
 */
export type Schedule = (ms: number, fn: () => void) => () => void;

export function latestOnly<A, R>(lookup: (arg: A) => Promise<R>, delayMs: number, schedule: Schedule): (arg: A) => Promise<R> {
  let waiting: { resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let cancelTimer: (() => void) | null = null;
  return (arg: A) =>
    new Promise<R>((resolve, reject) => {
      cancelTimer?.();
      waiting.push({ resolve, reject });
      cancelTimer = schedule(delayMs, () => {
        cancelTimer = null;
        const settle = waiting;
        waiting = [];
        lookup(arg).then(
          (value) => settle.forEach((w) => w.resolve(value)),
          (error: unknown) => settle.forEach((w) => w.reject(error)),
        );
      });
    });
}
