import type { ThresholdFigure, ThresholdView } from '../../../../server/http/wallApiTypes';
import { THRESHOLD_FIGURES, WALL_FIGURES, type FigureKind } from '../wallFigures';

/** What the form holds per figure: the two levels as typed, in the unit shown (ratios as per cents). */
export type ThresholdDraft = Record<ThresholdFigure, { warning: string; critical: string }>;

export const kindOf = (figure: ThresholdFigure): FigureKind =>
  WALL_FIGURES.find((known) => known.key === figure)?.kind ?? 'count';

/** A stored level as the form shows it: ratios (0..1) as per cents, empty for none. */
export function toShown(value: number | null, kind: FigureKind): string {
  if (value === null) return '';
  return kind === 'ratio' ? String(Math.round(value * 1000) / 10) : String(value);
}

function toStored(text: string, kind: FigureKind): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || (kind === 'ratio' && value > 100)) return 'invalid';
  return kind === 'ratio' ? value / 100 : value;
}

/** The draft for one queue (null: the defaults for every queue): its own thresholds only, not the inherited ones. */
export function draftFor(thresholds: readonly ThresholdView[], queueId: string | null): ThresholdDraft {
  return Object.fromEntries(
    THRESHOLD_FIGURES.map((figure) => {
      const own = thresholds.find((t) => t.queueId === queueId && t.figure === figure);
      const kind = kindOf(figure);
      return [figure, { warning: toShown(own?.warning ?? null, kind), critical: toShown(own?.critical ?? null, kind) }];
    }),
  ) as ThresholdDraft;
}

/**
 * The whole set to store: every other queue's thresholds kept, this queue's replaced by the draft (a figure with
 * both levels empty has none). Or the figures whose levels are not numbers.
 */
export function applyDraft(
  thresholds: readonly ThresholdView[],
  queueId: string | null,
  draft: ThresholdDraft,
): { thresholds: ThresholdView[] } | { invalid: ThresholdFigure[] } {
  const invalid: ThresholdFigure[] = [];
  const mine: ThresholdView[] = [];
  for (const figure of THRESHOLD_FIGURES) {
    const kind = kindOf(figure);
    const warning = toStored(draft[figure].warning, kind);
    const critical = toStored(draft[figure].critical, kind);
    if (warning === 'invalid' || critical === 'invalid') invalid.push(figure);
    else if (warning !== null || critical !== null) mine.push({ queueId, figure, warning, critical });
  }
  if (invalid.length) return { invalid };
  return { thresholds: [...thresholds.filter((t) => t.queueId !== queueId), ...mine] };
}
