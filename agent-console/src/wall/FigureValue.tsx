import { useTranslation } from 'react-i18next';
import { formatFigure } from './formatFigure';
import type { ThresholdLevel } from './thresholdLevel';
import type { FigureKind } from './wallFigures';

interface Props {
  figure: string;
  value: number | null;
  kind: FigureKind;
  level: ThresholdLevel;
}

/** A figure, amber or red past its thresholds; the level is also said in words for screen readers. */
export function FigureValue({ figure, value, kind, level }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <span
      className={`wall-figure wall-figure--${level}`}
      data-figure={figure}
      data-level={level}
      data-value={value ?? ''}
    >
      {formatFigure(value, kind, i18n.language)}
      {level !== 'normal' && <span className="visually-hidden"> ({t(`wall.level.${level}`)})</span>}
    </span>
  );
}
