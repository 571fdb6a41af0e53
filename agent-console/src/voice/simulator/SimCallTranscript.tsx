import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedCallView } from '../../../../server/http/voiceApiTypes';
import { formatTimestamp } from '../../format/formatTimestamp';

const KNOWN_KINDS = new Set([
  'status',
  'say',
  'play',
  'pause',
  'gather',
  'digits',
  'speech',
  'record',
  'recorded',
  'enqueue',
  'dequeue',
  'dial',
  'bridged',
  'unbridged',
  'conference',
  'hold',
  'unhold',
  'mute',
  'unmute',
  'heard',
  'redirect',
  'reject',
  'hangup',
  'error',
]);

/** The line as the caller lives it, oldest first, scrolled to the newest: what was said and played, keys pressed, queue and agent moves. */
export function SimCallTranscript({ transcript }: { transcript: SimulatedCallView['transcript'] }) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [transcript.length]);

  return (
    <ol
      className="sim-call__transcript"
      data-testid="sim-call-transcript"
      aria-label={t('callSimulator.transcript')}
      aria-live="polite"
      ref={list}
    >
      {transcript.length === 0 && <li className="muted">{t('callSimulator.emptyTranscript')}</li>}
      {transcript.map((line, index) => (
        <li
          key={`${line.at}-${index}`}
          className={`sim-call__line sim-call__line--${line.kind}`}
          data-testid="sim-call-line"
          data-kind={line.kind}
        >
          <span className="sim-call__kind">
            {KNOWN_KINDS.has(line.kind) ? t(`callSimulator.line.${line.kind as 'say'}`) : line.kind}
          </span>
          {line.text && <span className="sim-call__text">{line.text}</span>}
          <time className="sim-call__time muted" dateTime={line.at}>
            {formatTimestamp(line.at, i18n.language)}
          </time>
        </li>
      ))}
    </ol>
  );
}
