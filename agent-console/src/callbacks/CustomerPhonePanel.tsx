import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import { useQueues } from '../data/directoryQueries';
import { usePlaceCall } from './callbackMutations';
import { CustomerCallbacks } from './CustomerCallbacks';
import { ScheduleCallbackForm } from './ScheduleCallbackForm';
import { useCallbacks } from './useCallbacks';

const NO_STATUSES = [] as const;

/**
 * The phone on a customer's page: call one of their numbers now (the agent's phone or browser rings first — a browser
 * device answers by itself, the agent asked for this call — then the customer; the call is logged on a new ticket,
 * which opens), book a callback, and the customer's callbacks.
 */
export function CustomerPhonePanel({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queues = useQueues();
  const callbacks = useCallbacks({ customerId: customer.id, statuses: NO_STATUSES });
  const dial = usePlaceCall();
  // Still dialling after success: the new ticket opens.
  const dialing = dial.isPending || dial.isSuccess ? (dial.variables?.phoneNumber ?? null) : null;
  const problem = dial.error ? errorMessage(dial.error, t) : null;
  const phones = customer.identities.filter((identity) => identity.kind === 'phone').map((identity) => identity.value);
  const queueList = queues.data?.queues ?? [];

  const call = (phoneNumber: string) =>
    dial.mutate(
      { customerId: customer.id, phoneNumber },
      { onSuccess: ({ ticketId }) => void navigate({ to: '/tickets/$ticketId', params: { ticketId } }) },
    );

  return (
    <section className="panel customer-phone" data-testid="customer-phone">
      <h2>{t('callbacks.phoneHeading')}</h2>
      {phones.length === 0 ? (
        <p className="muted">{t('callbacks.noPhones')}</p>
      ) : (
        <ul className="plain-list">
          {phones.map((phone) => (
            <li key={phone} className="plain-list__row">
              <span className="plain-list__grow">{phone}</span>
              <button
                type="button"
                className="button button--small"
                data-testid="click-to-dial"
                data-phone={phone}
                disabled={dialing !== null}
                onClick={() => call(phone)}
              >
                {dialing === phone ? t('callbacks.dialing') : t('callbacks.call')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="notice notice--error" data-testid="click-to-dial-error">
          {problem}
        </p>
      )}
      {phones.length > 0 && <ScheduleCallbackForm customerId={customer.id} phones={phones} queues={queueList} />}
      {callbacks.data && callbacks.data.length > 0 && (
        <>
          <h3 className="panel__subheading">{t('callbacks.customerHeading')}</h3>
          <CustomerCallbacks callbacks={callbacks.data} queues={queueList} />
        </>
      )}
    </section>
  );
}
