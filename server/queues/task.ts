import type { AppContext } from '../context';
import type { QueueName } from './queues';

/** A job type: its queue, its name, what it does, and optionally a schedule that repeats it. */
export interface Task<Data> {
  queue: QueueName;
  name: string;
  /** Repeats the job; the scheduler id is the task name, so every process upserts the same one. */
  schedule?: { every: number };
  perform(ctx: AppContext, data: Data): Promise<unknown>;
}
