import type { SimClock } from '../simClock';
import { SimQueue } from './simQueue';

/** Queues by name and by SID; a name used by `<Enqueue>` for the first time creates its queue. */
export class QueueRegistry {
  private readonly byName = new Map<string, SimQueue>();

  constructor(private readonly clock: SimClock) {}

  getOrCreate(name: string) {
    return this.byName.get(name) ?? this.create(name);
  }

  create(name: string, maxSize?: number) {
    const queue = new SimQueue(name, this.clock);
    if (maxSize) queue.maxSize = maxSize;
    this.byName.set(name, queue);
    return queue;
  }

  byFriendlyName(name: string) {
    return this.byName.get(name);
  }

  bySid(sid: string) {
    return this.list().find((q) => q.sid === sid);
  }

  list() {
    return [...this.byName.values()];
  }

  rename(queue: SimQueue, name: string) {
    this.byName.delete(queue.name);
    queue.name = name;
    this.byName.set(name, queue);
  }

  delete(queue: SimQueue) {
    this.byName.delete(queue.name);
  }
}
