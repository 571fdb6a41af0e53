/**
 * Gathers items per room for a short window and hands each room's items over at once. Queue and supervisor rooms
 * hold dozens of consoles: one event per ticket change would be one frame per console per change (at 50 contacts/s
 * and 60 agents, thousands of frames a second); one event per room per window carries the same news.
 */
export function createRoomBatches<T>(windowMs: number, send: (room: string, items: T[]) => void) {
  const pending = new Map<string, T[]>();
  let timer: NodeJS.Timeout | null = null;
  function flush() {
    timer = null;
    const batches = [...pending];
    pending.clear();
    for (const [room, items] of batches) send(room, items);
  }
  return {
    add(roomNames: readonly string[], item: T) {
      for (const room of roomNames) {
        const items = pending.get(room);
        if (items) items.push(item);
        else pending.set(room, [item]);
      }
      if (!timer && pending.size) timer = setTimeout(flush, windowMs).unref();
    },
    /** Sends what is gathered now (shutting down). */
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
