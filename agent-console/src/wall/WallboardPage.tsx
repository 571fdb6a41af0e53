import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { useRealtime } from '../realtime/realtimeContext';
import { ToggleGroup } from './ToggleGroup';
import { useFullscreen } from './useFullscreen';
import { useLiveWall } from './useLiveWall';
import { WallFiguresTable } from './WallFiguresTable';
import { WallNotices } from './WallNotices';
import { WallTiles } from './WallTiles';
import type { WallWindow } from './wallFigures';
import './wall.css';

/**
 * The wall for a TV: large figures over the whole window, none of the console's chrome, full screen at a click
 * (browsers allow full screen only from one). The same live figures and notifications as the supervisor page.
 */
export function WallboardPage() {
  const { t } = useTranslation();
  const board = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(board);
  const { state } = useRealtime();
  const [figureWindow, setFigureWindow] = useState<WallWindow>('today');
  const wall = useLiveWall(figureWindow, 'queue');

  return (
    <div
      ref={board}
      className="wallboard"
      data-testid="wallboard"
      data-fullscreen={fullscreen.active}
      data-connection={state}
    >
      <header className="wallboard__bar">
        <h1>{t('wallboard.title')}</h1>
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
        {state !== 'connected' && <span className="wallboard__stale">{t('wall.stale')}</span>}
        <span className="wallboard__spacer" />
        {fullscreen.supported && (
          <button
            type="button"
            className="button"
            data-testid="wallboard-fullscreen"
            onClick={() => void fullscreen.toggle()}
          >
            {fullscreen.active ? t('wallboard.exitFullscreen') : t('wallboard.enterFullscreen')}
          </button>
        )}
        <Link to="/supervisor" className="button" data-testid="wallboard-close">
          {t('wallboard.close')}
        </Link>
      </header>
      <WallNotices notices={wall.notices} onDismiss={wall.dismiss} />
      <LoadStatus data={wall.data} error={wall.error} />
      {wall.lines && (
        <>
          <WallTiles row={wall.lines.total} thresholds={wall.thresholds} />
          {wall.lines.rows.length > 1 && (
            <WallFiguresTable
              rows={wall.lines.rows}
              total={wall.lines.total}
              scope="queue"
              thresholds={wall.thresholds}
            />
          )}
        </>
      )}
    </div>
  );
}
