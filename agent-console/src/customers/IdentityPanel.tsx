import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import type { IdentityKind } from '../api/customerEndpoints';
import { OptedOutBadge } from '../sms/OptedOutBadge';
import { useIdentityChange, type IdentityChange } from './customerQueries';
import { extractCustomerId } from './extractCustomerId';

interface Props {
  customer: CustomerView;
  /** The identity belongs to another customer: offer to merge that one into this one. */
  onProposeMerge: (sourceCustomerId: string) => void;
}

type Problem = { kind: 'taken'; identity: string; ownerId: string | null } | { kind: 'error'; message: string } | null;

/** Phone numbers and email addresses: list, remove, add (with a way out when another customer holds one). */
export function IdentityPanel({ customer, onProposeMerge }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IdentityKind>('phone');
  const [value, setValue] = useState('');
  const mutation = useIdentityChange(customer.id);
  const busy = mutation.isPending;
  const [problem, setProblem] = useState<Problem>(null);

  /** `identity` names it in a refusal. */
  const run = (change: IdentityChange, identity: string, afterSuccess?: () => void) => {
    setProblem(null);
    mutation.mutate(change, {
      onSuccess: () => afterSuccess?.(),
      onError: (failure) => {
        if (failure instanceof ApiRequestError && failure.code === 'identity_taken') {
          const ownerId = extractCustomerId(failure.message, ...failure.fields.map((field) => field.message));
          setProblem({ kind: 'taken', identity, ownerId: ownerId === customer.id ? null : ownerId });
        } else {
          setProblem({ kind: 'error', message: errorMessage(failure, t) });
        }
      },
    });
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value.trim()) return;
    run({ add: { kind, value: value.trim() } }, `${t(`identityKind.${kind}`)} ${value.trim()}`, () => setValue(''));
  };

  return (
    <section className="card card--wide">
      <h2>{t('customer.identitiesHeading')}</h2>
      {customer.identities.length === 0 ? (
        <p className="muted">{t('customer.noIdentities')}</p>
      ) : (
        <ul className="plain-list" data-testid="identity-list">
          {customer.identities.map((identity) => (
            <li
              key={identity.id}
              className="plain-list__row"
              data-testid="identity"
              data-identity-id={identity.id}
              data-kind={identity.kind}
            >
              <span className="muted identity-kind">{t(`identityKind.${identity.kind}`)}</span>
              <span className="identity-value">
                {identity.value}
                {identity.smsOptedOutAt && (
                  <>
                    {' '}
                    <OptedOutBadge at={identity.smsOptedOutAt} />
                  </>
                )}
              </span>
              <button
                type="button"
                className="link-button"
                data-testid="remove-identity"
                disabled={busy}
                onClick={() => run({ removeId: identity.id }, identity.value)}
              >
                {t('customer.removeIdentity')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="identity-form" data-testid="identity-form" onSubmit={add} noValidate>
        <label>
          <span className="visually-hidden">{t('customer.identityKind')}</span>
          <select
            name="kind"
            data-testid="identity-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as IdentityKind)}
          >
            <option value="phone">{t('identityKind.phone')}</option>
            <option value="email">{t('identityKind.email')}</option>
          </select>
        </label>
        <label className="identity-form__value">
          <span className="visually-hidden">{t('customer.identityValue')}</span>
          <input
            name="value"
            data-testid="identity-value"
            type={kind === 'email' ? 'email' : 'tel'}
            value={value}
            placeholder={kind === 'email' ? t('customer.emailPlaceholder') : t('customer.phonePlaceholder')}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="add-identity" disabled={busy || !value.trim()}>
          {t('customer.addIdentity')}
        </button>
      </form>
      {problem?.kind === 'taken' && (
        <div role="alert" className="notice notice--error" data-testid="identity-taken">
          <p>{t('customer.identityTaken', { identity: problem.identity })}</p>
          {problem.ownerId && (
            <button
              type="button"
              className="button"
              data-testid="merge-identity-owner"
              onClick={() => onProposeMerge(problem.ownerId!)}
            >
              {t('customer.mergeOwner')}
            </button>
          )}
        </div>
      )}
      {problem?.kind === 'error' && (
        <p role="alert" className="notice notice--error">
          {problem.message}
        </p>
      )}
    </section>
  );
}
