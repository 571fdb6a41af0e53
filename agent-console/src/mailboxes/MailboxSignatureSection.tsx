import { useTranslation } from 'react-i18next';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

/** The mailbox's signature, under every email reply it sends (after the agent's own). */
export function MailboxSignatureSection({ values, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('signature.mailboxLabel')}</legend>
      <TextField
        label={t('signature.label')}
        field="signature"
        multiline
        value={values.signature}
        onChange={(signature) => update({ signature })}
        errors={errors}
        hint={t('signature.mailboxHint')}
      />
    </fieldset>
  );
}
