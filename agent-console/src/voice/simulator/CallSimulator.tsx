import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedCallView } from '../../../../server/http/voiceApiTypes';
import { errorMessage } from '../../api/errorMessage';
import {
  hangUpSimulatedCall,
  leaveSimulatedRecording,
  placeSimulatedCall,
  pressSimulatedDigits,
  speakOnSimulatedCall,
} from '../../api/voiceEndpoints';
import { looksLikePhone, randomSimPhone } from '../../simulator/simPhone';
import { SimPhoneNumber } from '../../simulator/SimPhoneNumber';
import { useRecentPhones } from '../../simulator/useRecentPhones';
import { SimCallInputs } from './SimCallInputs';
import { SimCallParties } from './SimCallParties';
import { SimCallTranscript } from './SimCallTranscript';
import { isLive, simCallInputs, simCallState } from './simCallView';
import { SimKeypad } from './SimKeypad';
import { usePlacedCallSid, useSimulatedCall } from './useSimulatedCall';

/** The simulator page's Call tab. */
export function CallSimulator({ companyNumber }: { companyNumber: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted" data-testid="sim-call-company-number" data-number={companyNumber}>
        {t('callSimulator.intro', { number: companyNumber })}
      </p>
      <SimulatedCallPanel companyNumber={companyNumber} />
    </>
  );
}

/** A phone that calls the company line: pick its number, call, listen to the line, press keys, talk, leave a message, hang up. */
function SimulatedCallPanel({ companyNumber }: { companyNumber: string }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(() => randomSimPhone());
  // A caller who withholds their number reaches the line as Twilio reports them: "anonymous".
  const [withheld, setWithheld] = useState(false);
  const [recent, remember] = useRecentPhones();
  const [sid, setSid] = usePlacedCallSid();
  const { call, error, gone, apply } = useSimulatedCall(sid);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const live = call ? isLive(call) : sid !== null && error == null && !gone;
  const state = call ? simCallState(call) : null;
  const inputs = simCallInputs(call);

  /** Resolves whether it worked; a failure is shown. */
  const act = async (work: () => Promise<{ call: SimulatedCallView } | void>) => {
    setBusy(true);
    setActionError(null);
    try {
      const answer = await work();
      if (answer?.call) apply(answer.call);
      return true;
    } catch (failure) {
      setActionError(errorMessage(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    act(async () => {
      const from = withheld ? 'anonymous' : phone.trim();
      const { callSid } = await placeSimulatedCall(from);
      if (!withheld) remember(from);
      setSid(callSid);
    });

  return (
    <section className="sim-phone sim-call" data-testid="sim-call-panel" aria-labelledby="sim-call-heading">
      <h2 id="sim-call-heading" className="visually-hidden">
        {t('callSimulator.heading')}
      </h2>
      {!live && (
        <>
          {!withheld && <SimPhoneNumber phone={phone} recent={recent} onChange={setPhone} />}
          {!withheld && !looksLikePhone(phone) && phone.trim() !== '' && (
            <p className="sim-phone__hint notice">{t('simulator.invalidPhone')}</p>
          )}
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="sim-call-withhold"
              checked={withheld}
              onChange={(e) => setWithheld(e.target.checked)}
            />
            {t('callSimulator.withhold')}
          </label>
        </>
      )}
      {call && state && (
        <div
          className={`sim-call__status sim-call__status--${state}`}
          data-testid="sim-call-status"
          data-status={call.status}
          data-state={state}
        >
          <strong>{call.from}</strong> → {call.to}
          <span>{t('callSimulator.status', { status: t(`voice.callStatus.${call.status}`) })}</span>
          {call.queue && (
            <span data-testid="sim-call-queue" data-position={call.queue.position}>
              {t('callSimulator.queuePosition', { position: call.queue.position })}
            </span>
          )}
          {state === 'connected' && <strong data-testid="sim-call-connected">{t('callSimulator.connected')}</strong>}
          {state === 'onHold' && <strong>{t('callSimulator.onHold')}</strong>}
          {state === 'ended' && <span>{t('callSimulator.ended')}</span>}
        </div>
      )}
      {(error != null || actionError) && (
        <p role="alert" className="notice notice--error" data-testid="sim-call-error">
          {actionError ?? errorMessage(error, t)}
        </p>
      )}
      {call && live && call.conference && <SimCallParties participants={call.conference.participants} />}
      {call && <SimCallTranscript transcript={call.transcript} />}
      {call && live && (
        <>
          <SimKeypad
            enabled={inputs.keys && !busy}
            onPress={(key) => void act(() => pressSimulatedDigits(call.sid, key))}
          />
          <SimCallInputs
            speech={inputs.speech}
            message={inputs.message}
            busy={busy}
            onSay={(text) => act(() => speakOnSimulatedCall(call.sid, text))}
            onLeaveMessage={(text) => act(() => leaveSimulatedRecording(call.sid, text))}
          />
        </>
      )}
      <div className="button-row">
        {live ? (
          <button
            type="button"
            className="button button--danger"
            data-testid="sim-call-hangup"
            disabled={busy || !call}
            onClick={() => call && void act(() => hangUpSimulatedCall(call.sid))}
          >
            {t('callSimulator.hangUp')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--accept"
            data-testid="sim-call-start"
            disabled={busy || !(withheld || looksLikePhone(phone))}
            onClick={() => void start()}
          >
            {busy
              ? t('callSimulator.calling')
              : call
                ? t('callSimulator.callAgain')
                : t('callSimulator.call', { number: companyNumber })}
          </button>
        )}
      </div>
    </section>
  );
}
