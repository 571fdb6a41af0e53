import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { ToggleGroup } from './ToggleGroup';
import { useLiveWall } from './useLiveWall';
import { WallFiguresTable } from './WallFiguresTable';
import { WallNotices } from './WallNotices';
import { WallTiles } from './WallTiles';
import type { WallWindow } from './wallFigures';
import type { WallScope } from './wallRows';

/** The live queue figures on the supervisor page: the window and grouping to show, the total as tiles, the table. */
export function LiveWallSection() {
  const { t, i18n } = useTranslation();
  const [figureWindow, setFigureWindow] = useState<WallWindow>('today');
  const [scope, setScope] = useState<WallScope>('queue');
  const wall = useLiveWall(figureWindow, scope);
  // Queues may start their day at different times; said only when they all agree.
  const starts = new Set(wall.live?.queues.map((queue) => queue.figures.todaySince));
  const todaySince = starts.size === 1 ? [...starts][0] : null;

  return (
    <section className="live-wall" data-testid="live-wall" aria-label={t('wall.title')}>
      <div className="live-wall__controls">
        <ToggleGroup
          label={t('wall.windowLabel')}
          testId="wall-window"
          value={figureWindow}
          onChange={setFigureWindow}
          options={[
            { value: 'today', label: t('wall.window.today') },
            { value: 'last30Minutes', label: t('wall.window.last30') },
          ]}
        />
        <ToggleGroup
          label={t('wall.scopeLabel')}
          testId="wall-scope"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'queue', label: t('wall.scope.queue') },
            { value: 'channel', label: t('wall.scope.channel') },
          ]}
        />
        {figureWindow === 'today' && todaySince && (
          <span className="muted small" data-testid="wall-today-since">
            {t('wall.todaySince', { time: new Date(todaySince).toLocaleString(i18n.language) })}
          </span>
        )}
        {wall.live && (
          <span className="muted small" data-testid="wall-updated-at">
            {t('wall.updatedAt', { time: new Date(wall.live.total.at).toLocaleTimeString(i18n.language) })}
          </span>
        )}
      </div>
      <WallNotices notices={wall.notices} onDismiss={wall.dismiss} />
      <LoadStatus data={wall.data} error={wall.error} />
      {wall.lines && wall.lines.rows.length === 0 && scope === 'queue' && <p className="muted">{t('wall.noQueues')}</p>}
      {wall.lines && (
        <>
          <WallTiles row={wall.lines.total} thresholds={wall.thresholds} />
          <WallFiguresTable
            rows={wall.lines.rows}
            total={wall.lines.total}
            scope={scope}
            thresholds={wall.thresholds}
          />
        </>
      )}
    </section>
  );
}
