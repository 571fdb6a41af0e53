/**
 * Whether a ticket change can alter this user's inbox (their open assigned tickets): it is theirs now, or it is
 * listed (it may have left them), or the sender did not say whose it is. Changes to other people's tickets in
 * the user's queues, most events on a busy floor, leave it as it is.
 */
export function concernsInbox(
  event: { ticketId: string; assigneeId?: string | null },
  userId: string,
  listed: readonly { id: string }[] | undefined,
) {
  return (
    event.assigneeId === undefined ||
    event.assigneeId === userId ||
    (listed ?? []).some((ticket) => ticket.id === event.ticketId)
  );
}
