/** What an update changed, field by field, for the audit log: `{ role: { from: 'agent', to: 'supervisor' } }`. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields of `after` whose value differs from `before` (compared as JSON, so arrays and objects by content). */
export function changedFields<T extends object>(before: T, after: T): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const [from, to] = [before[key] ?? null, after[key] ?? null];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
