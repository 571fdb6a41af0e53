import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThresholdCrossing } from '../../../server/http/wallApiTypes';
import { showDesktopNotification } from '../offers/desktopNotifications';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { formatFigure } from './formatFigure';
import type { ThresholdLevel } from './thresholdLevel';
import { judgeObservations } from './thresholdNotices';
import { WALL_FIGURES } from './wallFigures';

/** A figure that turned amber or red, as the console tells it. */
export interface WallNotice {
  id: string;
  level: Exclude<ThresholdLevel, 'normal'>;
  text: string;
}

/** What is judged: a figure of a queue (or of the total) and its level now. */
export interface NoticeInput {
  key: string;
  level: ThresholdLevel;
  scope: string;
  figure: (typeof WALL_FIGURES)[number];
  value: number | null;
}

const MAX_NOTICES = 5;

/**
 * Console notifications (and a desktop one, where allowed) when a figure rises to amber or red: judged here from the
 * figures on screen, so a longest wait that ticks past its threshold rings without any event, and from the server's
 * `wall.threshold` crossings; each rise rings once, whichever saw it first.
 */
export function useThresholdNotices(inputs: readonly NoticeInput[]) {
  const { t, i18n } = useTranslation();
  const known = useRef<Map<string, ThresholdLevel> | null>(null);
  const [notices, setNotices] = useState<WallNotice[]>([]);

  const announce = useCallback(
    (rising: readonly NoticeInput[]) => {
      if (rising.length === 0) return;
      const fresh = rising
        .filter((input): input is NoticeInput & { level: WallNotice['level'] } => input.level !== 'normal')
        .map((input) => {
          const text = t('wall.notice', {
            level: t(`wall.level.${input.level}`),
            figure: t(`wall.figure.${input.figure.key}`),
            scope: input.scope,
            value: formatFigure(input.value, input.figure.kind, i18n.language),
          });
          showDesktopNotification(t('wall.title'), text, `wall:${input.key}`);
          return { id: `${input.key}:${input.level}:${Date.now()}`, level: input.level, text };
        });
      setNotices((shown) => [...fresh, ...shown].slice(0, MAX_NOTICES));
    },
    [t, i18n.language],
  );

  useEffect(() => {
    // Nothing to judge yet (figures or thresholds still loading): the first real look only records.
    if (inputs.length === 0) return;
    const judged = judgeObservations(known.current, inputs);
    known.current = judged.known;
    announce(judged.rising);
  }, [inputs, announce]);

  useRealtimeEvent('wall.threshold', (crossing: ThresholdCrossing) => {
    const figure = WALL_FIGURES.find((known) => known.key === crossing.figure);
    if (!figure || known.current === null) return;
    const input: NoticeInput = {
      key: `${crossing.queueId}:${crossing.figure}`,
      level: crossing.level,
      scope: crossing.queueName,
      figure,
      value: crossing.value,
    };
    const judged = judgeObservations(known.current, [input]);
    known.current = judged.known;
    announce(judged.rising);
  });

  const dismiss = useCallback((id: string) => setNotices((shown) => shown.filter((notice) => notice.id !== id)), []);
  return { notices, dismiss };
}
