import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { ChannelIcon } from '../channels/ChannelIcon';
import { useNow } from '../format/useNow';
import { AppLink } from '../navigation/AppLink';
import { ticketPath } from '../navigation/routes';
import { shouldAutoAnswer } from './autoAnswer';
import { callBarStatus } from './callBarStatus';
import { callClock, formatDuration } from './callClock';
import { CallControls } from './CallControls';
import { DeviceReadiness } from './DeviceReadiness';
import { currentCall, customerNumber } from './myCalls';
import { useAcceptedOffers } from './useAcceptedOffers';
import { useCustomerName } from './useCustomerName';
import { useMyCalls } from './useMyCalls';
import { useVoiceDevice } from './useVoiceDevice';
import { WrapUpForm } from './WrapUpForm';

/**
 * The softphone, always on screen once signed in: the current call with its customer, state and timer, the controls
 * that fit that state, and after-call work once it ends. Idle, it says where calls ring.
 */
export function CallBar({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const voice = useVoiceDevice();
  const { calls, applyAnswer } = useMyCalls(user.id);
  const accepted = useAcceptedOffers();
  const [error, setError] = useState<string | null>(null);
  const call = currentCall(calls);
  const ringing = voice.state.ringing[0] ?? null;
  const status = callBarStatus(call, user.id, ringing !== null);
  const now = useNow(1_000);
  const name = useCustomerName(call?.customerId ?? null);

  // The agent accepted this call's offer: picking up is what they meant, so the device answers by itself (once).
  const autoAnswered = useRef(new Set<string>());
  const ringingId = ringing?.id ?? null;
  const autoAnswer = ringingId !== null && shouldAutoAnswer(calls, accepted, user.id, now);
  const { device } = voice;
  useEffect(() => {
    if (!ringingId || !device || !autoAnswer || autoAnswered.current.has(ringingId)) return;
    autoAnswered.current.add(ringingId);
    device.answer(ringingId).catch((failure: unknown) => setError(errorMessage(failure, t)));
  }, [ringingId, device, autoAnswer, t]);

  const clock = call ? callClock(call, now) : null;
  const number = call ? customerNumber(call) : (ringing?.from ?? null);

  return (
    <section
      className={`call-bar call-bar--${status}`}
      data-testid="call-bar"
      data-status={status}
      data-phase={call?.phase ?? 'none'}
      data-call-id={call?.id}
      data-device={voice.kind ?? 'loading'}
      aria-label={t('voice.barLabel')}
    >
      <div className="call-bar__main">
        <ChannelIcon channel="voice" />
        {status === 'idle' ? (
          <DeviceReadiness info={voice.info} kind={voice.kind} state={voice.state} />
        ) : (
          <>
            <span className="call-bar__who" data-testid="call-customer">
              <strong>{name ?? number ?? t('voice.unknownCaller')}</strong>
              {name && number && <span className="muted"> {number}</span>}
            </span>
            <span className="call-bar__status" data-testid="call-status" role="status">
              {status === 'incoming' && autoAnswer ? t('voice.answering') : t(`voice.status.${status}`)}
            </span>
            {clock && (
              <span className="call-bar__timer" data-testid="call-timer" title={clock.kind === 'talk' ? t('voice.talkTime') : t('voice.waitTime')}>
                {formatDuration(clock.seconds)}
              </span>
            )}
            {status === 'ringing' && voice.kind === 'phone' && voice.info?.phoneNumber && (
              <span className="muted small">{t('voice.ringingPhone', { number: voice.info.phoneNumber })}</span>
            )}
            {call?.ticketId && (
              <AppLink to={ticketPath(call.ticketId)} className="call-bar__ticket" testId="call-ticket-link">
                {t('voice.openTicket')}
              </AppLink>
            )}
          </>
        )}
        <CallControls
          status={status}
          call={call}
          user={user}
          device={voice.device}
          ringingId={ringingId}
          answering={autoAnswer}
          onCall={applyAnswer}
          onError={setError}
        />
      </div>
      {status === 'wrapUp' && call && <WrapUpForm key={call.id} callId={call.id} onDone={applyAnswer} />}
      {error && (
        <p role="alert" className="notice notice--error call-bar__error">
          {error}{' '}
          <button type="button" className="link-button small" onClick={() => setError(null)}>
            {t('voice.dismiss')}
          </button>
        </p>
      )}
    </section>
  );
}
