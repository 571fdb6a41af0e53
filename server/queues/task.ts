import type { Config } from '../config';
import type { AppContext } from '../context';
import type { QueueName } from './queues';

/** A job type: its queue, its name, what it does, and optionally a schedule that repeats it. */
export interface Task<Data> {
  queue: QueueName;
  name: string;
  /** Repeats the job every so many milliseconds; the scheduler id is the task name, so every process upserts the same one. */
  schedule?: (config: Config) => { every: number };
  /** `lastAttempt`: no retry follows if this run fails, so a task can record the failure for good. */
  perform(ctx: AppContext, data: Data, run: { lastAttempt: boolean }): Promise<unknown>;
}
