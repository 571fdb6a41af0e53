import { useTranslation } from 'react-i18next';
import { AdminField } from '../admin/AdminField';
import type { PolicySectionProps } from './policySectionProps';

/** Who hears of a breach by SMS and email, and the hours those alarms wait out. */
export function PolicyAlarmsSection({ draft, update, errors, timeZones }: PolicySectionProps & { timeZones: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section" data-testid="policy-alarms">
      <legend>{t('sla.policies.alarmsHeading')}</legend>
      <small className="muted">{t('sla.policies.alarmsHint')}</small>
      <div className="form__row">
        <AdminField
          label={t('sla.policies.smsRecipients')}
          path="smsRecipients"
          errors={errors}
          hint={t('sla.policies.smsRecipientsHint')}
        >
          <input
            data-testid="policy-sms-recipients"
            value={draft.smsRecipients}
            onChange={(e) => update({ smsRecipients: e.target.value })}
          />
        </AdminField>
        <AdminField
          label={t('sla.policies.emailRecipients')}
          path="emailRecipients"
          errors={errors}
          hint={t('sla.policies.emailRecipientsHint')}
        >
          <input
            data-testid="policy-email-recipients"
            value={draft.emailRecipients}
            onChange={(e) => update({ emailRecipients: e.target.value })}
          />
        </AdminField>
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="policy-quiet-hours"
          checked={draft.quietHoursOn}
          onChange={(e) => update({ quietHoursOn: e.target.checked })}
        />
        {t('sla.policies.quietHours')}
      </label>
      <small className="muted">{t('sla.policies.quietHoursHint')}</small>
      {draft.quietHoursOn && (
        <div className="form__row">
          <AdminField label={t('sla.policies.quietStart')} path="quietHours.start" errors={errors}>
            <input
              type="time"
              data-testid="policy-quiet-start"
              value={draft.quietStart}
              onChange={(e) => update({ quietStart: e.target.value })}
            />
          </AdminField>
          <AdminField label={t('sla.policies.quietEnd')} path="quietHours.end" errors={errors}>
            <input
              type="time"
              data-testid="policy-quiet-end"
              value={draft.quietEnd}
              onChange={(e) => update({ quietEnd: e.target.value })}
            />
          </AdminField>
          <AdminField label={t('sla.policies.quietTimezone')} path="quietHours.timezone" errors={errors}>
            <input
              data-testid="policy-quiet-timezone"
              list={timeZones}
              value={draft.quietTimezone}
              onChange={(e) => update({ quietTimezone: e.target.value })}
            />
          </AdminField>
        </div>
      )}
    </fieldset>
  );
}
