import type { AwayReasonView, PutAwayReasonsRequest } from '../../../server/http/apiTypes';
import type { PathErrors } from '../admin/fieldErrors';

/** One reason as being edited. `key` stays put while the code is typed; a saved reason's code is fixed. */
export interface AwayReasonRowDraft {
  key: string;
  code: string;
  en: string;
  zhCN: string;
  active: boolean;
  /** Not saved yet: its code can still be typed, and taking it off the list drops it. */
  isNew: boolean;
}

export const awayReasonsDraft = (reasons: readonly AwayReasonView[]): AwayReasonRowDraft[] =>
  reasons.map((r) => ({
    key: r.code,
    code: r.code,
    en: r.labels.en,
    zhCN: r.labels['zh-CN'],
    active: r.active,
    isNew: false,
  }));

export const newAwayReason = (key: string): AwayReasonRowDraft => ({
  key,
  code: '',
  en: '',
  zhCN: '',
  active: true,
  isNew: true,
});

/** Swaps a row with its neighbour above (-1) or below (+1); at either end nothing moves. */
export function moveAwayReason(rows: readonly AwayReasonRowDraft[], key: string, by: -1 | 1): AwayReasonRowDraft[] {
  const from = rows.findIndex((r) => r.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[from], moved[to]] = [moved[to], moved[from]];
  return moved;
}

/** Retiring an unsaved reason drops it: there is no history to keep. */
export function setAwayReasonActive(
  rows: readonly AwayReasonRowDraft[],
  key: string,
  active: boolean,
): AwayReasonRowDraft[] {
  return rows.flatMap((r) => {
    if (r.key !== key) return [r];
    if (!active && r.isNew) return [];
    return [{ ...r, active }];
  });
}

/** The PUT body: the active reasons in their order; a retired one is left out, which is how the server retires it. */
export const awayReasonsRequest = (rows: readonly AwayReasonRowDraft[]): PutAwayReasonsRequest => ({
  reasons: rows.filter((r) => r.active).map((r) => ({ code: r.code, labels: { en: r.en, 'zh-CN': r.zhCN } })),
});

/** The keys of the rows sent, in the order sent, so `reasons.<i>.…` errors find their row after any later edit. */
export const sentKeys = (rows: readonly AwayReasonRowDraft[]) => rows.filter((r) => r.active).map((r) => r.key);

/**
 * The server's complaints split by row ("reasons.2.labels.en" → row key → "labels.en"); those about the list as a
 * whole ("reasons": at least one, each code once) stay under `list`.
 */
export function awayReasonErrors(
  errors: PathErrors,
  keys: readonly string[],
): { list: PathErrors; rows: Record<string, PathErrors> } {
  const list: PathErrors = {};
  const rows: Record<string, PathErrors> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const match = /^reasons\.(\d+)\.(.+)$/.exec(path);
    const key = match ? keys[Number(match[1])] : undefined;
    if (match && key !== undefined) (rows[key] ??= {})[match[2]] = messages;
    else list[path] = messages;
  }
  return { list, rows };
}
