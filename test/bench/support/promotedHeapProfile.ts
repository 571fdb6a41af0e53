import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/**
 * Preloaded into a benchmarked server when BENCH_HEAP_PROFILE_DIR is set (test/support/serverProcess.ts): a sampling
 * heap profile of what outlived the young generation, written as `promoted.<pid>.heapprofile` when the server exits
 * (Chrome DevTools, Memory, loads it). Objects a scavenge let die are left out, so what it shows is what the garbage
 * collector promoted and a full collection had to free, by the code that allocated it: how the README's "Where the
 * time goes" found the driver's queries and express's requests being promoted.
 */
const dir = process.env.BENCH_HEAP_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  });
  // The in-process session answers synchronously, so the profile is on disk before the process is gone.
  process.once('exit', () =>
    session.post('HeapProfiler.stopSampling', (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `promoted.${process.pid}.heapprofile`), JSON.stringify(result.profile));
    }),
  );
}
