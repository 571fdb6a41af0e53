import { useTranslation } from 'react-i18next';
import { useNow } from '../format/useNow';
import { formatCountdown, secondsLeft } from './countdown';

const HURRY_SECONDS = 10;

export function OfferCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const now = useNow(500);
  const left = secondsLeft(expiresAt, now);
  const state = left === 0 ? 'expired' : left <= HURRY_SECONDS ? 'hurry' : 'running';
  return (
    <span
      className={`offer-countdown offer-countdown--${state}`}
      data-testid="offer-countdown"
      data-seconds-left={left}
      role="timer"
    >
      {left === 0 ? (
        t('offer.expired')
      ) : (
        <>
          <span className="visually-hidden">{t('offer.expiresIn')} </span>
          {formatCountdown(left)}
        </>
      )}
    </span>
  );
}
