import type { Sql } from '../db/client';
import type { ScreenPopVoice } from '../http/apiTypes';

/**
 * What a voice offer is about. A pending callback wins over the call it came from: the agent is offered the
 * callback, not the call that already ended.
 */
export async function findScreenPopVoice(sql: Sql, ticketId: string): Promise<ScreenPopVoice | null> {
  const [callback] = await sql<
    {
      phoneNumber: string;
      note: string;
      dueAt: Date;
      queuedSince: Date;
      attempts: number;
      maxAttempts: number;
      queueName: string | null;
    }[]
  >`
    select cb.phone_number, cb.note, cb.due_at, cb.queued_since, cb.attempts, cb.max_attempts, q.name as queue_name
    from callbacks cb left join queues q on q.id = cb.queue_id
    where cb.ticket_id = ${ticketId} and cb.status in ('pending', 'offered')
    order by cb.created_at desc limit 1`;
  if (callback) {
    const { phoneNumber, note, dueAt, queuedSince, attempts, maxAttempts, queueName } = callback;
    return {
      kind: 'callback',
      queueName,
      waitingSince: queuedSince.toISOString(),
      callback: { phoneNumber, note, dueAt: dueAt.toISOString(), attempts, maxAttempts },
    };
  }
  const [call] = await sql<
    { voicemail: boolean; enqueuedAt: Date | null; createdAt: Date; queueName: string | null }[]
  >`
    select c.voicemail, c.enqueued_at, c.created_at, q.name as queue_name
    from calls c left join queues q on q.id = c.queue_id
    where c.ticket_id = ${ticketId} and c.direction = 'inbound'
    order by c.created_at desc limit 1`;
  if (!call) return null;
  return {
    kind: call.voicemail ? 'voicemail' : 'call',
    queueName: call.queueName,
    waitingSince: (call.enqueuedAt ?? call.createdAt).toISOString(),
    callback: null,
  };
}
