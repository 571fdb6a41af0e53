import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import type { BusinessHoursEntry, IvrLanguage } from '../api/ivrEndpoints';
import type { DraftMessageField, IvrDraft } from './ivrDraft';
import type { PathErrors } from './ivrErrors';
import { IvrField } from './IvrField';
import { QueueSelect } from './QueueSelect';

const LANGUAGES: readonly IvrLanguage[] = ['en-US', 'en-GB', 'zh-CN'];
const MESSAGES: readonly DraftMessageField[] = ['greeting', 'closedMessage', 'voicemailPrompt', 'holdMessage'];

interface Props {
  draft: IvrDraft;
  update: (change: Partial<IvrDraft>) => void;
  errors: PathErrors;
  queues: QueueEntry[];
  businessHours: BusinessHoursEntry[];
}

/** The line as a whole: language, hours, what is said, where voicemail goes, hold audio and the callback key. */
export function IvrGeneralSection({ draft, update, errors, queues, businessHours }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('ivr.general')}</legend>
      <div className="form__row">
        <IvrField label={t('ivr.language')} path="language" errors={errors}>
          <select
            data-testid="ivr-language"
            value={draft.language}
            onChange={(event) => update({ language: event.target.value as IvrLanguage })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`ivr.languages.${language}`)}
              </option>
            ))}
          </select>
        </IvrField>
        <IvrField label={t('ivr.businessHours')} path="businessHoursId" errors={errors}>
          <select
            data-testid="ivr-businessHoursId"
            value={draft.businessHoursId}
            onChange={(event) => update({ businessHoursId: event.target.value })}
          >
            <option value="">{t('ivr.alwaysOpen')}</option>
            {businessHours.map((hours) => (
              <option key={hours.id} value={hours.id}>
                {hours.name} ({hours.timezone})
              </option>
            ))}
          </select>
        </IvrField>
      </div>
      {MESSAGES.map((field) => (
        <IvrField key={field} label={t(`ivr.${field}`)} path={field} errors={errors} hint={t(`ivr.hints.${field}`)}>
          <textarea
            name={field}
            data-testid={`ivr-${field}`}
            rows={2}
            value={draft[field]}
            onChange={(event) => update({ [field]: event.target.value })}
          />
        </IvrField>
      ))}
      <div className="form__row">
        <IvrField
          label={t('ivr.voicemailQueue')}
          path="voicemailQueueId"
          errors={errors}
          hint={t('ivr.hints.voicemailQueue')}
        >
          <QueueSelect
            testId="ivr-voicemailQueueId"
            value={draft.voicemailQueueId}
            onChange={(voicemailQueueId) => update({ voicemailQueueId })}
            queues={queues}
            emptyLabel={t('ivr.entryQueue')}
          />
        </IvrField>
        <IvrField label={t('ivr.callbackKey')} path="callbackKey" errors={errors} hint={t('ivr.hints.callbackKey')}>
          <input
            name="callbackKey"
            data-testid="ivr-callbackKey"
            className="ivr-key"
            maxLength={1}
            value={draft.callbackKey}
            onChange={(event) => update({ callbackKey: event.target.value.trim() })}
          />
        </IvrField>
      </div>
      <IvrField label={t('ivr.holdMusicUrl')} path="holdMusicUrl" errors={errors} hint={t('ivr.hints.holdMusicUrl')}>
        <input
          name="holdMusicUrl"
          data-testid="ivr-holdMusicUrl"
          type="url"
          value={draft.holdMusicUrl}
          placeholder="https://"
          onChange={(event) => update({ holdMusicUrl: event.target.value })}
        />
      </IvrField>
    </fieldset>
  );
}
