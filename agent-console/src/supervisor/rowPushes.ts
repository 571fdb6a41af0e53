/** Rows pushed over the socket since the page opened, by id, with when each arrived (this browser's clock). */
export type RowPushes<T> = ReadonlyMap<string, { row: T; receivedAt: number }>;

export function rememberRowPush<T extends { id: string }>(pushes: RowPushes<T>, row: T, receivedAt: number) {
  return new Map(pushes).set(row.id, { row, receivedAt });
}

/**
 * A list read over HTTP with the rows pushed since that read started. A push that arrived before the read started
 * is already in it; one that arrived later may not be, so it wins. Kept apart from the read, a push landing while a
 * re-read is in flight is not lost when the older answer arrives. Pushed rows the read lacks are added, by name.
 */
export function applyRowPushes<T extends { id: string; name: string }>(
  rows: readonly T[],
  pushes: RowPushes<T>,
  readStartedAt: number,
): T[] {
  const fresh = new Map([...pushes].filter(([, push]) => push.receivedAt >= readStartedAt));
  if (fresh.size === 0) return [...rows];
  const merged = rows.map((row) => fresh.get(row.id)?.row ?? row);
  const added = [...fresh.values()].map((push) => push.row).filter((row) => !rows.some((known) => known.id === row.id));
  return added.length ? [...merged, ...added].sort((a, b) => a.name.localeCompare(b.name)) : merged;
}
