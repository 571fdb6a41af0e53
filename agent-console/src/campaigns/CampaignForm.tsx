import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../server/http/apiTypes';
import { errorMessage } from '../api/errorMessage';
import type { NewCampaign } from '../api/campaignEndpoints';
import { SmsSegmentCount } from '../sms/SmsSegmentCount';
import { useCreateCampaign } from './campaignQueries';
import { ChosenRecipients } from './ChosenRecipients';
import { FieldError } from './FieldError';
import { fieldErrors, hasShownField, type FieldErrors } from './fieldErrors';
import { addRecipients, recipientIds, removeRecipient, type Recipient } from './recipientList';
import { RecipientSearch } from './RecipientSearch';
import { isoToLocalInput, localInputToIso } from './scheduleTime';

const FIELDS = ['name', 'text', 'customerIds', 'scheduledAt', 'ratePerMinute'] as const;
const DEFAULT_RATE = '60'; // The server's default too.

type Problem = { fields: FieldErrors; message: string | null } | null;

/** Name, text, recipients, optional start time and rate; the server checks it all and says what is wrong per field. */
export function CampaignForm({ onCreated }: { onCreated: (campaign: CampaignSummary) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [schedule, setSchedule] = useState('');
  const [rate, setRate] = useState(DEFAULT_RATE);
  const create = useCreateCampaign();
  // Still busy after success: the report of the new campaign opens.
  const busy = create.isPending || create.isSuccess;
  const [problem, setProblem] = useState<Problem>(null);
  const chosenIds = useMemo(() => new Set(recipientIds(recipients)), [recipients]);
  const scheduledAt = localInputToIso(schedule);
  const scheduleInvalid = schedule !== '' && scheduledAt === null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (scheduleInvalid) {
      setProblem({ fields: { scheduledAt: [t('campaignForm.invalidSchedule')] }, message: null });
      return;
    }
    const campaign: NewCampaign = { name: name.trim(), text, customerIds: recipientIds(recipients) };
    if (scheduledAt) campaign.scheduledAt = scheduledAt;
    // An emptied box means the server's default; anything else goes as typed, and the server says what is wrong with it.
    if (rate.trim() !== '') campaign.ratePerMinute = Number(rate);
    setProblem(null);
    create.mutate(campaign, {
      onSuccess: ({ campaign: created }) => onCreated(created),
      onError: (failure) => {
        const fields = fieldErrors(failure);
        setProblem({ fields, message: hasShownField(fields, FIELDS) ? null : errorMessage(failure, t) });
      },
    });
  };

  const errors = problem?.fields ?? {};
  return (
    <form className="form card card--wide campaign-form" data-testid="campaign-form" onSubmit={submit} noValidate>
      <h2>{t('campaignForm.heading')}</h2>
      <label className="form__field">
        <span>{t('campaignForm.name')}</span>
        <input
          name="name"
          data-testid="campaign-name"
          value={name}
          placeholder={t('campaignForm.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldError field="name" messages={errors.name} />
      </label>
      <label className="form__field">
        <span>{t('campaignForm.text')}</span>
        <textarea
          name="text"
          data-testid="campaign-text"
          rows={4}
          value={text}
          placeholder={t('campaignForm.textPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <SmsSegmentCount text={text} />
        <FieldError field="text" messages={errors.text} />
      </label>
      <fieldset className="recipient-picker" data-testid="recipient-picker">
        <legend>{t('campaignForm.recipients')}</legend>
        <div className="recipient-picker__columns">
          <RecipientSearch
            chosenIds={chosenIds}
            onAdd={(added) => setRecipients((list) => addRecipients(list, added))}
          />
          <ChosenRecipients
            recipients={recipients}
            onRemove={(id) => setRecipients((list) => removeRecipient(list, id))}
            onClear={() => setRecipients([])}
          />
        </div>
        <FieldError field="customerIds" messages={errors.customerIds} />
      </fieldset>
      <div className="form__row">
        <div className="form__field">
          <label htmlFor="campaign-schedule">{t('campaignForm.schedule')}</label>
          <input
            id="campaign-schedule"
            type="datetime-local"
            name="scheduledAt"
            data-testid="campaign-schedule"
            value={schedule}
            min={isoToLocalInput(new Date())}
            onChange={(event) => setSchedule(event.target.value)}
          />
          <small className="muted">
            {t('campaignForm.scheduleHint')}{' '}
            {schedule && (
              <button
                type="button"
                className="link-button"
                data-testid="clear-schedule"
                onClick={() => setSchedule('')}
              >
                {t('campaignForm.clearSchedule')}
              </button>
            )}
          </small>
          <FieldError field="scheduledAt" messages={errors.scheduledAt} />
        </div>
        <label className="form__field">
          <span>{t('campaignForm.rate')}</span>
          <input
            type="number"
            name="ratePerMinute"
            data-testid="campaign-rate"
            inputMode="numeric"
            min={1}
            max={600}
            step={1}
            value={rate}
            onChange={(event) => setRate(event.target.value)}
          />
          <small className="muted">{t('campaignForm.rateHint')}</small>
          <FieldError field="ratePerMinute" messages={errors.ratePerMinute} />
        </label>
      </div>
      {problem?.message && (
        <p role="alert" className="notice notice--error" data-testid="campaign-error">
          {problem.message}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="create-campaign"
          data-scheduled={scheduledAt ? 'true' : 'false'}
          disabled={busy}
        >
          {busy
            ? t('campaignForm.creating')
            : scheduledAt
              ? t('campaignForm.scheduleButton')
              : t('campaignForm.sendNow')}
        </button>
      </div>
    </form>
  );
}
