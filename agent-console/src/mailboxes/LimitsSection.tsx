import { useTranslation } from 'react-i18next';
import { CheckboxField } from './CheckboxField';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

/** The attachment limit (typed in MB, sent in bytes) and whether the mailbox is read at all. */
export function LimitsSection({ values, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('mailboxForm.attachments')}</legend>
      <TextField
        label={t('mailboxForm.maxAttachmentMb')}
        field="maxAttachmentBytes"
        type="number"
        value={values.maxAttachmentMb}
        onChange={(maxAttachmentMb) => update({ maxAttachmentMb })}
        errors={errors}
        hint={t('mailboxForm.maxAttachmentHint')}
      />
      <CheckboxField
        label={t('mailboxForm.active')}
        field="active"
        checked={values.active}
        onChange={(active) => update({ active })}
        errors={errors}
      />
    </fieldset>
  );
}
