import { useTranslation } from 'react-i18next';
import { AdminField } from '../admin/AdminField';
import type { PolicyDraft } from './policyDraft';
import type { PolicySectionProps } from './policySectionProps';

type MinutesField =
  'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' | 'warnMinutesBefore' | 'warnPercentUsed';

/** One whole-number field of the policy; the request path is the field's own name. */
function MinutesInput({
  field,
  label,
  draft,
  update,
  errors,
}: PolicySectionProps & { field: MinutesField; label: string }) {
  return (
    <AdminField label={label} path={field} errors={errors}>
      <input
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        data-testid={`policy-${field}`}
        value={draft[field]}
        onChange={(e) => update({ [field]: e.target.value } as Partial<PolicyDraft>)}
      />
    </AdminField>
  );
}

/** The three targets in business minutes, and when to warn before them. */
export function PolicyTargetsSection(props: PolicySectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="form-section" data-testid="policy-targets">
        <legend>{t('sla.policies.targetsHeading')}</legend>
        <small className="muted">{t('sla.policies.targetsHint')}</small>
        <div className="form__row">
          <MinutesInput {...props} field="firstResponseMinutes" label={t('sla.policies.firstResponseMinutes')} />
          <MinutesInput {...props} field="nextResponseMinutes" label={t('sla.policies.nextResponseMinutes')} />
          <MinutesInput {...props} field="resolutionMinutes" label={t('sla.policies.resolutionMinutes')} />
        </div>
      </fieldset>
      <fieldset className="form-section" data-testid="policy-warning">
        <legend>{t('sla.policies.warningHeading')}</legend>
        <small className="muted">{t('sla.policies.warningHint')}</small>
        <div className="form__row">
          <MinutesInput {...props} field="warnMinutesBefore" label={t('sla.policies.warnMinutesBefore')} />
          <MinutesInput {...props} field="warnPercentUsed" label={t('sla.policies.warnPercentUsed')} />
        </div>
      </fieldset>
    </>
  );
}
