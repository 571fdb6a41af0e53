import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedEmail } from '../../../../server/http/apiTypes';
import { errorMessage } from '../../api/errorMessage';
import { sendSimulatedEmail } from '../../api/simulatorEndpoints';
import { useDebouncedValue } from '../../data/useDebouncedValue';
import { useRealtimeEvent } from '../../realtime/useRealtimeEvent';
import { looksLikeEmail, normaliseEmail, randomSimEmail } from './simEmail';
import { SimEmailAddress } from './SimEmailAddress';
import { SimEmailComposer, type EmailDraft } from './SimEmailComposer';
import { SimEmailList } from './SimEmailList';
import { useRecentEmails } from './useRecentEmails';
import { useSimulatedMailbox } from './useSimulatedMailbox';

/** A customer's mail client: pick the address, read the mail exchanged with the company, write or answer. */
export function EmailSimulator({ supportAddress }: { supportAddress: string }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(() => randomSimEmail());
  const [name, setName] = useState('');
  const [replyTo, setReplyTo] = useState<SimulatedEmail | null>(null);
  const [recent, remember] = useRecentEmails();
  const settled = useDebouncedValue(normaliseEmail(address), 300);
  const { mailbox, error, reload } = useSimulatedMailbox(looksLikeEmail(settled) ? settled : null);
  const valid = looksLikeEmail(address);

  // Addresses other windows (or tests) write from count as recent too.
  useRealtimeEvent('simulator.changed', (event) => {
    if (event.email) remember(event.email);
  });

  const changeAddress = (value: string) => {
    setAddress(value);
    setReplyTo(null);
  };

  const send = async ({ subject, body, asHtml }: EmailDraft) => {
    await sendSimulatedEmail({
      from: address.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
      subject,
      ...(asHtml ? { html: body } : { text: body }),
      ...(replyTo ? { inReplyTo: replyTo.id } : {}),
    });
    remember(address);
    setReplyTo(null);
    void reload();
  };

  return (
    <section
      className="sim-email"
      data-testid="sim-email-panel"
      data-address={normaliseEmail(address)}
      aria-labelledby="sim-email-heading"
    >
      <h2 id="sim-email-heading" className="visually-hidden">
        {t('emailSimulator.heading')}
      </h2>
      <p className="muted" data-testid="sim-support-address" data-address={supportAddress}>
        {t('emailSimulator.intro', { address: supportAddress })}
      </p>
      <SimEmailAddress
        address={address}
        name={name}
        recent={recent}
        onAddressChange={changeAddress}
        onNameChange={setName}
      />
      {!valid && address.trim() !== '' && <p className="notice">{t('emailSimulator.invalidAddress')}</p>}
      {error != null && valid && (
        <p role="alert" className="notice notice--error">
          {errorMessage(error, t)}
        </p>
      )}
      <SimEmailList
        emails={valid ? (mailbox?.emails ?? []) : []}
        loading={valid && !mailbox && error == null}
        onReply={setReplyTo}
      />
      <SimEmailComposer
        key={replyTo?.id ?? 'new'}
        disabled={!valid}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSend={send}
      />
    </section>
  );
}
