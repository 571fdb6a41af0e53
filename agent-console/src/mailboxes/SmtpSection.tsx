import { useTranslation } from 'react-i18next';
import { CheckboxField } from './CheckboxField';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

export function SmtpSection({ values, update, errors, editing }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('mailboxForm.outgoing')}</legend>
      <div className="form__row">
        <TextField
          label={t('mailboxForm.host')}
          field="smtpHost"
          value={values.smtpHost}
          onChange={(smtpHost) => update({ smtpHost })}
          errors={errors}
        />
        <TextField
          label={t('mailboxForm.port')}
          field="smtpPort"
          type="number"
          value={values.smtpPort}
          onChange={(smtpPort) => update({ smtpPort })}
          errors={errors}
        />
      </div>
      <CheckboxField
        label={t('mailboxForm.tls')}
        field="smtpTls"
        checked={values.smtpTls}
        onChange={(smtpTls) => update({ smtpTls })}
        errors={errors}
      />
      <div className="form__row">
        <TextField
          label={t('mailboxForm.user')}
          field="smtpUser"
          value={values.smtpUser}
          onChange={(smtpUser) => update({ smtpUser })}
          errors={errors}
        />
        <TextField
          label={t('mailboxForm.password')}
          field="smtpPassword"
          type="password"
          value={values.smtpPassword}
          onChange={(smtpPassword) => update({ smtpPassword })}
          errors={errors}
          hint={editing ? t('mailboxForm.keepPassword') : undefined}
        />
      </div>
    </fieldset>
  );
}
