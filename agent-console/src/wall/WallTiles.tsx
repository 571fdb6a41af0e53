import { useTranslation } from 'react-i18next';
import type { ThresholdView } from '../../../server/http/wallApiTypes';
import { FigureValue } from './FigureValue';
import { WALL_FIGURES } from './wallFigures';
import { rowLevels, type WallRow } from './wallRows';

/** The total's figures as large tiles, coloured by level: the top of the wall and the whole of a wallboard. */
export function WallTiles({ row, thresholds }: { row: WallRow; thresholds: readonly ThresholdView[] }) {
  const { t } = useTranslation();
  const levels = rowLevels(row, thresholds);
  return (
    <dl className="wall-tiles" data-testid="wall-tiles">
      {WALL_FIGURES.map((figure) => {
        const level = levels[figure.key] ?? 'normal';
        return (
          <div
            key={figure.key}
            className={`wall-tile wall-tile--${level}`}
            data-testid="wall-tile"
            data-figure={figure.key}
          >
            <dt title={t(`wall.figureHint.${figure.key}`)}>{t(`wall.figure.${figure.key}`)}</dt>
            <dd>
              <FigureValue figure={figure.key} value={row.figures[figure.key]} kind={figure.kind} level={level} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
