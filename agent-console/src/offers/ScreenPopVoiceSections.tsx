import { useTranslation } from 'react-i18next';
import type { ScreenPop, ScreenPopVoice } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { useNow } from '../format/useNow';
import { formatCountdown } from './countdown';

/** A live call: which queue it came through and how long the caller has waited (not the IVR's raw message). */
export function OfferedCall({ pop, voice }: { pop: ScreenPop; voice: ScreenPopVoice }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <section className="screen-pop__section" data-testid="offer-call">
      <h3>{t('offer.callHeading')}</h3>
      <TicketLine pop={pop} />
      {voice.queueName && <p>{t('offer.callQueue', { queue: voice.queueName })}</p>}
      {voice.waitingSince && (
        <p data-testid="offer-call-waiting">
          {t('offer.callWaiting', { duration: formatCountdown((now - Date.parse(voice.waitingSince)) / 1000) })}
        </p>
      )}
    </section>
  );
}

/** A callback the agent will place: the note left for them, when it is due and how many tries came before. */
export function OfferedCallback({
  pop,
  callback,
}: {
  pop: ScreenPop;
  callback: NonNullable<ScreenPopVoice['callback']>;
}) {
  const { t } = useTranslation();
  return (
    <section className="screen-pop__section" data-testid="offer-callback">
      <h3>{t('offer.callbackHeading')}</h3>
      <TicketLine pop={pop} />
      {callback.note ? (
        <p className="screen-pop__message">{callback.note}</p>
      ) : (
        <p className="muted">{t('offer.callbackNoNote')}</p>
      )}
      <p>
        {t('offer.callbackDue')} <Timestamp iso={callback.dueAt} />
      </p>
      <p className="muted small">
        {t('offer.callbackAttempts', { attempts: callback.attempts, max: callback.maxAttempts })}
      </p>
    </section>
  );
}

function TicketLine({ pop }: { pop: ScreenPop }) {
  return (
    <p className="screen-pop__ticket">
      <span className="muted">#{pop.ticket.number}</span> {pop.ticket.subject}
    </p>
  );
}
