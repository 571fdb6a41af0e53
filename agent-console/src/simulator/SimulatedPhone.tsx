import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage';
import { sendSimulatedSms } from '../api/simulatorEndpoints';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { mergeSimulated, type LocalSms } from './mergeSimulated';
import { compactPhone, looksLikePhone, randomSimPhone } from './simPhone';
import { SimComposer } from './SimComposer';
import { SimMessageList } from './SimMessageList';
import { SimPhoneNumber } from './SimPhoneNumber';
import { useRecentPhones } from './useRecentPhones';
import { useSimulatedConversation } from './useSimulatedConversation';

/** A phone-like panel: pick or type the phone's number, read its texts with the company, send new ones. */
export function SimulatedPhone() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(() => randomSimPhone());
  const [recent, remember] = useRecentPhones();
  const [local, setLocal] = useState<LocalSms[]>([]);
  const [sendError, setSendError] = useState<string | null>(null);
  const localCount = useRef(0);
  const settledPhone = useDebouncedValue(phone.trim(), 300);
  const asked = looksLikePhone(settledPhone) ? settledPhone : null;
  const { conversation, error, reload } = useSimulatedConversation(asked);
  const key = compactPhone(phone);
  const valid = looksLikePhone(phone);

  // Numbers other windows (or tests) text from count as recent too.
  useRealtimeEvent('simulator.changed', (event) => {
    if (event.phone) remember(event.phone);
  });

  const patchLocal = (sid: string, change: Partial<LocalSms>) =>
    setLocal((texts) => texts.map((sms) => (sms.sid === sid ? { ...sms, ...change } : sms)));

  const send = async (text: string) => {
    const from = phone.trim();
    const placeholder = `local-${++localCount.current}`;
    setSendError(null);
    setLocal((texts) => [
      ...texts,
      {
        sid: placeholder,
        phone: key,
        confirmed: false,
        direction: 'from_phone',
        text,
        status: 'sending',
        at: new Date().toISOString(),
      },
    ]);
    try {
      const { sid } = await sendSimulatedSms(from, text);
      patchLocal(placeholder, { sid, confirmed: true, status: 'sent' });
      remember(from);
      void reload();
    } catch (failure) {
      patchLocal(placeholder, { status: 'failed' });
      setSendError(errorMessage(failure, t));
    }
  };

  const messages = mergeSimulated(conversation?.messages ?? [], local, key);

  return (
    <section
      className="sim-phone"
      data-testid="sim-phone-panel"
      data-phone={conversation?.phone ?? key}
      aria-labelledby="sim-phone-heading"
    >
      <h2 id="sim-phone-heading" className="visually-hidden">
        {t('simulator.phoneHeading')}
      </h2>
      <SimPhoneNumber
        phone={phone}
        recent={recent}
        onChange={(value) => {
          setPhone(value);
          setSendError(null);
        }}
      />
      {!valid && phone.trim() !== '' && <p className="sim-phone__hint notice">{t('simulator.invalidPhone')}</p>}
      {error != null && valid && (
        <p role="alert" className="notice notice--error">
          {errorMessage(error, t)}
        </p>
      )}
      <SimMessageList messages={valid ? messages : []} loading={valid && !conversation && error == null} />
      {sendError && (
        <p role="alert" className="notice notice--error" data-testid="sim-error">
          {sendError}
        </p>
      )}
      <SimComposer disabled={!valid} onSend={(text) => void send(text)} />
    </section>
  );
}
