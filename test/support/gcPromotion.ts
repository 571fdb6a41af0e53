import v8 from 'node:v8';

const oldSpace = (stats: v8.HeapSpaceStatistics[]) => stats.find((s) => s.spaceName === 'old_space')!.spaceUsedSize;

/**
 * What the young generation's scavenges moved into the old one while `work` ran, read from V8's own GC statistics:
 * the old space's growth across each scavenge, in bytes, and how many scavenges there were (none: nothing measured).
 */
export async function promotedDuring(work: () => Promise<void>) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  await work();
  const scavenges = profiler.stop().statistics.filter((s) => s.gcType === 'Scavenge');
  const bytes = scavenges.reduce(
    (sum, s) => sum + Math.max(0, oldSpace(s.afterGC.heapSpaceStatistics) - oldSpace(s.beforeGC.heapSpaceStatistics)),
    0,
  );
  return { bytes, scavenges: scavenges.length };
}
