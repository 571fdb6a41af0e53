import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthReasonKind, HealthSettings } from '../../../server/http/surveyApiTypes';
import { useAdminMutation } from '../admin/adminQueries';
import { AdminField, FieldMessages } from '../admin/AdminField';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { surveyApi } from '../surveys/surveyApi';
import { HEALTH_REASONS } from '../surveys/surveyChoices';
import {
  healthSettingsDraft,
  healthSettingsOf,
  type HealthRuleDraft,
  type HealthSettingsDraft,
} from './healthSettingsDraft';

const NUMBER_FIELDS = [
  'atRiskThreshold',
  'lookbackDays',
  'repeatContactDays',
  'volumeFactor',
  'openTooLongDays',
] as const;

/** The threshold, the windows the signs are looked for in, the complaint words, and each sign's points. */
export function HealthSettingsForm({ settings }: { settings: HealthSettings }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<HealthSettingsDraft>(() => healthSettingsDraft(settings));
  const update = (change: Partial<HealthSettingsDraft>) => setDraft((current) => ({ ...current, ...change }));
  const updateRule = (kind: HealthReasonKind, change: Partial<HealthRuleDraft>) =>
    setDraft((current) => ({ ...current, rules: { ...current.rules, [kind]: { ...current.rules[kind], ...change } } }));
  const save = useAdminMutation((value: HealthSettingsDraft) => surveyApi.saveHealthSettings(healthSettingsOf(value)));
  const errors = errorsByPath(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="form card card--wide admin-form" data-testid="health-settings-form" onSubmit={submit} noValidate>
      <div className="form__row">
        {NUMBER_FIELDS.map((field) => (
          <AdminField key={field} label={t(`customerHealth.admin.${field}`)} path={field} errors={errors}>
            <input
              type="number"
              min={0}
              step={field === 'volumeFactor' ? 0.1 : 1}
              data-testid={`health-${field}`}
              value={draft[field]}
              onChange={(e) => update({ [field]: e.target.value })}
            />
          </AdminField>
        ))}
      </div>
      <AdminField
        label={t('customerHealth.admin.complaintWords')}
        path="complaintWords"
        errors={errors}
        hint={t('customerHealth.admin.complaintWordsHint')}
      >
        <textarea
          rows={5}
          data-testid="health-complaint-words"
          value={draft.complaintWords}
          onChange={(e) => update({ complaintWords: e.target.value })}
        />
      </AdminField>
      <fieldset className="form-section">
        <legend>{t('customerHealth.admin.rules')}</legend>
        <div className="table-scroll">
          <table className="data-table" data-testid="health-rules">
            <thead>
              <tr>
                <th scope="col">{t('customerHealth.admin.rule')}</th>
                <th scope="col">{t('customerHealth.admin.enabled')}</th>
                <th scope="col">{t('customerHealth.admin.weight')}</th>
                <th scope="col">{t('customerHealth.admin.maxPoints')}</th>
              </tr>
            </thead>
            <tbody>
              {HEALTH_REASONS.map((kind) => {
                const rule = draft.rules[kind];
                const name = t(`customerHealth.reasonName.${kind}`);
                return (
                  <tr key={kind} data-testid="health-rule" data-kind={kind}>
                    <th scope="row">{name}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name}: ${t('customerHealth.admin.enabled')}`}
                        checked={rule.enabled}
                        onChange={(e) => updateRule(kind, { enabled: e.target.checked })}
                      />
                      <FieldMessages path={`rules.${kind}.enabled`} errors={errors} />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        aria-label={`${name}: ${t('customerHealth.admin.weight')}`}
                        data-testid={`health-weight-${kind}`}
                        value={rule.weight}
                        onChange={(e) => updateRule(kind, { weight: e.target.value })}
                      />
                      <FieldMessages path={`rules.${kind}.weight`} errors={errors} />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        aria-label={`${name}: ${t('customerHealth.admin.maxPoints')}`}
                        value={rule.maxPoints}
                        onChange={(e) => updateRule(kind, { maxPoints: e.target.value })}
                      />
                      <FieldMessages path={`rules.${kind}.maxPoints`} errors={errors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="health-save" disabled={save.isPending}>
          {t('customerHealth.admin.save')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
