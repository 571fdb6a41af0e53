import type { QueueInput, QueueView } from './adminApi';

/** The queue form as typed ('' for "none" in the selects, text in the number inputs). */
export interface QueueDraft {
  name: string;
  teamId: string;
  skills: string[];
  businessHoursId: string;
  overflowQueueId: string;
  overflowAfterSeconds: string;
  entryForChannels: QueueInput['entryForChannels'];
  blendWithCalls: boolean;
  priority: string;
}

export const newQueueDraft = (): QueueDraft => ({
  name: '',
  teamId: '',
  skills: [],
  businessHoursId: '',
  overflowQueueId: '',
  overflowAfterSeconds: '',
  entryForChannels: [],
  blendWithCalls: false,
  priority: '0',
});

export const queueDraft = (queue: QueueView): QueueDraft => ({
  name: queue.name,
  teamId: queue.teamId ?? '',
  skills: queue.skills,
  businessHoursId: queue.businessHoursId ?? '',
  overflowQueueId: queue.overflowQueueId ?? '',
  overflowAfterSeconds: queue.overflowAfterSeconds === null ? '' : String(queue.overflowAfterSeconds),
  entryForChannels: queue.entryForChannels,
  blendWithCalls: queue.blendWithCalls,
  priority: String(queue.priority),
});

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** Every setting (the API replaces a queue whole); without an overflow queue there is no overflow time either. */
export const queueInputOf = (draft: QueueDraft): QueueInput => ({
  name: draft.name,
  teamId: draft.teamId || null,
  skills: draft.skills,
  businessHoursId: draft.businessHoursId || null,
  overflowQueueId: draft.overflowQueueId || null,
  overflowAfterSeconds: draft.overflowQueueId ? numberOrNull(draft.overflowAfterSeconds) : null,
  entryForChannels: draft.entryForChannels,
  blendWithCalls: draft.blendWithCalls,
  priority: numberOrNull(draft.priority) ?? 0,
});
