import { useTranslation } from 'react-i18next';
import { CheckboxField } from './CheckboxField';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

export function ImapSection({ values, update, errors, editing }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('mailboxForm.incoming')}</legend>
      <div className="form__row">
        <TextField
          label={t('mailboxForm.host')}
          field="imapHost"
          value={values.imapHost}
          onChange={(imapHost) => update({ imapHost })}
          errors={errors}
        />
        <TextField
          label={t('mailboxForm.port')}
          field="imapPort"
          type="number"
          value={values.imapPort}
          onChange={(imapPort) => update({ imapPort })}
          errors={errors}
        />
      </div>
      <CheckboxField
        label={t('mailboxForm.tls')}
        field="imapTls"
        checked={values.imapTls}
        onChange={(imapTls) => update({ imapTls })}
        errors={errors}
      />
      <div className="form__row">
        <TextField
          label={t('mailboxForm.user')}
          field="imapUser"
          value={values.imapUser}
          onChange={(imapUser) => update({ imapUser })}
          errors={errors}
        />
        <TextField
          label={t('mailboxForm.password')}
          field="imapPassword"
          type="password"
          value={values.imapPassword}
          onChange={(imapPassword) => update({ imapPassword })}
          errors={errors}
          hint={editing ? t('mailboxForm.keepPassword') : undefined}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('mailboxForm.folder')}
          field="folder"
          value={values.folder}
          onChange={(folder) => update({ folder })}
          errors={errors}
        />
        <TextField
          label={t('mailboxForm.processedFolder')}
          field="processedFolder"
          value={values.processedFolder}
          onChange={(processedFolder) => update({ processedFolder })}
          errors={errors}
          hint={t('mailboxForm.processedFolderHint')}
        />
      </div>
    </fieldset>
  );
}
