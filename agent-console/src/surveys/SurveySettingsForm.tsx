import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSurveySettings } from '../../../server/http/surveyApiTypes';
import { useAdminMutation } from '../admin/adminQueries';
import { AdminField } from '../admin/AdminField';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { surveyApi } from './surveyApi';
import { LOW_SCORE_ACTION_CHOICES, MESSAGE_LOCALES, SCALES, SURVEY_CHANNELS, VOICE_MODES } from './surveyChoices';
import { SurveyMessagesFields } from './SurveyMessagesFields';
import { SCALE_RANGE } from './surveyScale';
import { surveySettingsDraft, surveySettingsInputOf, withScale, type SurveySettingsDraft } from './surveySettingsDraft';

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One queue's survey: channel and delay, keypad survey after calls, questions, texts in both languages, limits, low scores. */
export function SurveySettingsForm({ settings }: { settings: QueueSurveySettings }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SurveySettingsDraft>(() => surveySettingsDraft(settings));
  const update = (change: Partial<SurveySettingsDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useAdminMutation((value: SurveySettingsDraft) =>
    surveyApi.saveSettings(settings.queueId, surveySettingsInputOf(value)),
  );
  const errors = errorsByPath(save.error);
  const range = SCALE_RANGE[draft.scale];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="form card card--wide admin-form" data-testid="survey-settings-form" onSubmit={submit} noValidate>
      <h2>{settings.queueName}</h2>
      <Section legend={t('surveys.admin.sending')}>
        <div className="form__row">
          <AdminField label={t('surveys.admin.channel')} path="channel" errors={errors}>
            <select
              data-testid="survey-channel"
              value={draft.channel}
              onChange={(e) => update({ channel: e.target.value as SurveySettingsDraft['channel'] })}
            >
              {SURVEY_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`surveys.admin.channels.${channel}`)}
                </option>
              ))}
            </select>
          </AdminField>
          <AdminField label={t('surveys.admin.delayMinutes')} path="delayMinutes" errors={errors}>
            <input
              type="number"
              min={0}
              data-testid="survey-delay"
              value={draft.delayMinutes}
              disabled={draft.channel === 'off'}
              onChange={(e) => update({ delayMinutes: e.target.value })}
            />
          </AdminField>
        </div>
        <AdminField
          label={t('surveys.admin.voiceMode')}
          path="voiceMode"
          errors={errors}
          hint={t('surveys.admin.voiceHint')}
        >
          <select
            data-testid="survey-voice-mode"
            value={draft.voiceMode}
            onChange={(e) => update({ voiceMode: e.target.value as SurveySettingsDraft['voiceMode'] })}
          >
            {VOICE_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`surveys.admin.voiceModes.${mode}`)}
              </option>
            ))}
          </select>
        </AdminField>
      </Section>
      <Section legend={t('surveys.admin.questions')}>
        <AdminField
          label={t('surveys.admin.scale')}
          path="scale"
          errors={errors}
          hint={t(`surveys.scaleRule.${draft.scale}`)}
        >
          <select
            data-testid="survey-scale"
            value={draft.scale}
            onChange={(e) => setDraft((current) => withScale(current, e.target.value as SurveySettingsDraft['scale']))}
          >
            {SCALES.map((scale) => (
              <option key={scale} value={scale}>
                {t(`surveys.scale.${scale}`)}
              </option>
            ))}
          </select>
        </AdminField>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="survey-ask-comment"
            checked={draft.askComment}
            onChange={(e) => update({ askComment: e.target.checked })}
          />
          {t('surveys.admin.askComment')}
        </label>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="survey-ask-second"
            checked={draft.askSecondQuestion}
            onChange={(e) => update({ askSecondQuestion: e.target.checked })}
          />
          {t('surveys.admin.askSecondQuestion')}
        </label>
      </Section>
      <Section legend={t('surveys.admin.messages')}>
        <p className="muted small">{t('surveys.admin.messagesHint')}</p>
        {MESSAGE_LOCALES.map((locale) => (
          <SurveyMessagesFields
            key={locale}
            locale={locale}
            messages={draft.messages[locale]}
            askComment={draft.askComment}
            askSecondQuestion={draft.askSecondQuestion}
            onChange={(messages) => update({ messages: { ...draft.messages, [locale]: messages } })}
            errors={errors}
          />
        ))}
      </Section>
      <Section legend={t('surveys.admin.rules')}>
        <div className="form__row">
          <AdminField
            label={t('surveys.admin.throttleDays')}
            path="throttleDays"
            errors={errors}
            hint={t('surveys.admin.throttleHint')}
          >
            <input
              type="number"
              min={0}
              data-testid="survey-throttle"
              value={draft.throttleDays}
              onChange={(e) => update({ throttleDays: e.target.value })}
            />
          </AdminField>
          <AdminField label={t('surveys.admin.expiryHours')} path="expiryHours" errors={errors}>
            <input
              type="number"
              min={1}
              data-testid="survey-expiry"
              value={draft.expiryHours}
              onChange={(e) => update({ expiryHours: e.target.value })}
            />
          </AdminField>
        </div>
      </Section>
      <Section legend={t('surveys.admin.lowScore')}>
        <div className="form__row">
          <AdminField label={t('surveys.admin.lowScoreThreshold')} path="lowScoreThreshold" errors={errors}>
            <input
              type="number"
              min={range.min}
              max={range.max}
              data-testid="survey-low-threshold"
              value={draft.lowScoreThreshold}
              onChange={(e) => update({ lowScoreThreshold: e.target.value })}
            />
          </AdminField>
          <AdminField label={t('surveys.admin.lowScoreAction')} path="lowScoreAction" errors={errors}>
            <select
              data-testid="survey-low-action"
              value={draft.lowScoreAction}
              onChange={(e) => update({ lowScoreAction: e.target.value as SurveySettingsDraft['lowScoreAction'] })}
            >
              {LOW_SCORE_ACTION_CHOICES.map((action) => (
                <option key={action} value={action}>
                  {t(`surveys.admin.lowScoreActions.${action}`)}
                </option>
              ))}
            </select>
          </AdminField>
        </div>
      </Section>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="survey-save" disabled={save.isPending}>
          {t('surveys.admin.save')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
