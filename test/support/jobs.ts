import type { Queue } from 'bullmq';
import { waitFor } from './waitFor';

/**
 * Waits until each BullMQ job has finished for good (completed, or failed with no retry left) and returns their
 * states. The gate before asserting "and nothing more happened": a second send or dial can only come from a job
 * that has not finished yet.
 */
export function untilJobsFinished(queue: Queue, jobIds: string[], timeoutMs?: number) {
  return waitFor(
    () => Promise.all(jobIds.map((id) => queue.getJobState(id))),
    (states) => states.every((state) => state === 'completed' || state === 'failed'),
    timeoutMs,
  );
}
