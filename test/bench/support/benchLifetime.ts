/**
 * One benchmark script's lifetime. Whatever ends it (the work finishing or failing, SIGTERM from `run.ts`, Ctrl-C,
 * or the script's own time limit), the registered cleanups run once, newest first: servers stopped, databases
 * dropped, Redis keys removed. A cleanup that hangs is abandoned after a few seconds so the limit holds.
 */
const cleanups: { label: string; run: () => unknown }[] = [];
let finishing = false;

export function onCleanup(label: string, run: () => unknown) {
  cleanups.push({ label, run });
}

/** Runs `work` within `limitSeconds` (BENCH_LIMIT_SECONDS, which `run.ts` passes, overrides it). */
export async function runBenchmark(name: string, defaultLimitSeconds: number, work: () => Promise<void>) {
  const limitSeconds = envNumber('BENCH_LIMIT_SECONDS', defaultLimitSeconds);
  const limit = setTimeout(
    () => void finish(new Error(`${name} passed its limit of ${limitSeconds} s`)),
    limitSeconds * 1000,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void finish(new Error(`${name} stopped by ${signal}`)));
  try {
    await work();
    clearTimeout(limit);
    await finish(null);
  } catch (err) {
    await finish(err as Error);
  }
}

async function finish(err: Error | null) {
  if (finishing) return;
  finishing = true;
  if (err) console.error(`\n${err.stack ?? err.message}`);
  for (const { label, run } of cleanups.reverse()) {
    const abandoned = new Promise((resolve) =>
      setTimeout(() => resolve(`cleanup "${label}" abandoned after 15 s`), 15_000).unref(),
    );
    const outcome = await Promise.race([
      Promise.resolve()
        .then(run)
        .then(
          () => null,
          (e: Error) => `cleanup "${label}" failed: ${e.message}`,
        ),
      abandoned,
    ]);
    if (outcome) console.error(outcome);
  }
  process.exit(err ? 1 : 0);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A number from the environment (BENCH_SECONDS=5 for a quick run), or the script's own default. */
export function envNumber(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** A comma-separated list of rates from the environment (BENCH_P2_STEPS=200,400), or the default. */
export function envRates(name: string, fallback: number[]) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const rates = raw.split(',').map((s) => Number(s.trim()));
  if (rates.some((r) => !Number.isFinite(r) || r <= 0))
    throw new Error(`${name} must list positive rates, like 200,400,600; got "${raw}"`);
  return rates;
}
