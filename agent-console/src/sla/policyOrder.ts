/** The ids with the one at `index` swapped with its neighbour (`by` -1: up, +1: down); unchanged at either end. */
export function movedOrder(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const other = index + by;
  if (index < 0 || index >= ids.length || other < 0 || other >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[other]] = [next[other], next[index]];
  return next;
}
