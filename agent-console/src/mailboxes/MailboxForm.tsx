import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/ApiRequestError';
import type { QueueEntry } from '../api/directoryEndpoints';
import { errorMessage } from '../api/errorMessage';
import type { MailboxSettings } from '../api/mailboxEndpoints';
import { fieldErrors, hasShownField, type FieldErrors } from '../campaigns/fieldErrors';
import { AutoAckSection } from './AutoAckSection';
import { MailboxSignatureSection } from './MailboxSignatureSection';
import { GeneralSection } from './GeneralSection';
import { ImapSection } from './ImapSection';
import { LimitsSection } from './LimitsSection';
import { useSaveMailbox } from './mailboxQueries';
import { EMPTY_MAILBOX_FORM, formValuesFrom, toMailboxRequest, type MailboxFormValues } from './mailboxFormValues';
import { RoutingSection } from './RoutingSection';
import { SmtpSection } from './SmtpSection';

const FIELDS = Object.keys(EMPTY_MAILBOX_FORM).map((field) =>
  field === 'maxAttachmentMb' ? 'maxAttachmentBytes' : field,
);

type Problem = { fields: FieldErrors; message: string | null } | null;

interface Props {
  /** The mailbox to edit; null adds a new one. */
  mailbox: MailboxSettings | null;
  queues: QueueEntry[];
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds or edits a mailbox; the server checks everything and says what is wrong per field (409 at the top). */
export function MailboxForm({ mailbox, queues, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const editing = mailbox !== null;
  const [values, setValues] = useState<MailboxFormValues>(() =>
    mailbox ? formValuesFrom(mailbox) : EMPTY_MAILBOX_FORM,
  );
  const save = useSaveMailbox(mailbox?.id ?? null);
  // Still busy after success: the form closes with the answer.
  const busy = save.isPending || save.isSuccess;
  const [problem, setProblem] = useState<Problem>(null);
  const update = (change: Partial<MailboxFormValues>) => setValues((previous) => ({ ...previous, ...change }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, invalid } = toMailboxRequest(values, editing);
    if (invalid.length > 0) {
      setProblem({
        fields: Object.fromEntries(invalid.map((field) => [field, [t('mailboxForm.invalidNumber')]])),
        message: null,
      });
      return;
    }
    setProblem(null);
    save.mutate(input, {
      onSuccess: onSaved,
      onError: (failure) => {
        const fields = fieldErrors(failure);
        const conflict = failure instanceof ApiRequestError && failure.status === 409;
        setProblem({ fields, message: conflict || !hasShownField(fields, FIELDS) ? errorMessage(failure, t) : null });
      },
    });
  };

  const errors = problem?.fields ?? {};
  const sectionProps = { values, update, errors, editing };
  return (
    <form className="form card card--wide mailbox-form" data-testid="mailbox-form" onSubmit={submit} noValidate>
      <h2>{editing ? t('mailboxForm.editHeading', { name: mailbox.name }) : t('mailboxForm.newHeading')}</h2>
      {problem?.message && (
        <p role="alert" className="notice notice--error" data-testid="mailbox-error">
          {problem.message}
        </p>
      )}
      <GeneralSection {...sectionProps} />
      <ImapSection {...sectionProps} />
      <SmtpSection {...sectionProps} />
      <RoutingSection {...sectionProps} queues={queues} />
      <AutoAckSection {...sectionProps} />
      <MailboxSignatureSection {...sectionProps} />
      <LimitsSection {...sectionProps} />
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="save-mailbox" disabled={busy}>
          {busy ? t('mailboxForm.saving') : t('mailboxForm.save')}
        </button>
        <button type="button" className="button" data-testid="cancel-mailbox" onClick={onCancel}>
          {t('mailboxForm.cancel')}
        </button>
      </div>
    </form>
  );
}
