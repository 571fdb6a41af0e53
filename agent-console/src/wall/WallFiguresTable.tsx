import { useTranslation } from 'react-i18next';
import type { ThresholdView } from '../../../server/http/wallApiTypes';
import { FigureValue } from './FigureValue';
import { useRowLabel } from './useRowLabel';
import { WALL_FIGURES } from './wallFigures';
import { rowLevels, type WallRow, type WallScope } from './wallRows';

interface Props {
  rows: WallRow[];
  total: WallRow;
  scope: WallScope;
  thresholds: readonly ThresholdView[];
}

function FigureCells({ row, thresholds }: { row: WallRow; thresholds: readonly ThresholdView[] }) {
  const levels = rowLevels(row, thresholds);
  return (
    <>
      {WALL_FIGURES.map((figure) => (
        <td key={figure.key} className="numeric">
          <FigureValue
            figure={figure.key}
            value={row.figures[figure.key]}
            kind={figure.kind}
            level={levels[figure.key] ?? 'normal'}
          />
        </td>
      ))}
    </>
  );
}

/** Every figure per queue (or channel), the total last; amber and red past the thresholds. */
export function WallFiguresTable({ rows, total, scope, thresholds }: Props) {
  const { t } = useTranslation();
  const label = useRowLabel();
  return (
    <div className="table-scroll">
      <table className="data-table wall-table" data-testid="wall-table" data-scope={scope}>
        <thead>
          <tr>
            <th scope="col">{scope === 'queue' ? t('wall.queue') : t('wall.channelColumn')}</th>
            {WALL_FIGURES.map((figure) => (
              <th key={figure.key} scope="col" className="numeric" title={t(`wall.figureHint.${figure.key}`)}>
                {t(`wall.figure.${figure.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="wall-row" data-row={row.id} data-queue-name={row.name ?? undefined}>
              <th scope="row">{label(row)}</th>
              <FigureCells row={row} thresholds={thresholds} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="wall-row" data-row="total" className="wall-table__total">
            <th scope="row">{label(total)}</th>
            <FigureCells row={total} thresholds={thresholds} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
