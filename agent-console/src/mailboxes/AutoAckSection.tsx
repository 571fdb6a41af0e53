import { useTranslation } from 'react-i18next';
import { CheckboxField } from './CheckboxField';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

// Not translated: the server replaces these exact words.
const PLACEHOLDERS = ['{{ticketNumber}}', '{{subject}}', '{{customerName}}'];

export function AutoAckSection({ values, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('mailboxForm.autoAck')}</legend>
      <CheckboxField
        label={t('mailboxForm.autoAckEnabled')}
        field="autoAckEnabled"
        checked={values.autoAckEnabled}
        onChange={(autoAckEnabled) => update({ autoAckEnabled })}
        errors={errors}
      />
      <TextField
        label={t('mailboxForm.autoAckSubject')}
        field="autoAckSubject"
        value={values.autoAckSubject}
        onChange={(autoAckSubject) => update({ autoAckSubject })}
        errors={errors}
      />
      <TextField
        label={t('mailboxForm.autoAckBody')}
        field="autoAckBody"
        multiline
        value={values.autoAckBody}
        onChange={(autoAckBody) => update({ autoAckBody })}
        errors={errors}
        hint={
          <>
            {t('mailboxForm.autoAckHint')}{' '}
            {PLACEHOLDERS.map((placeholder, index) => (
              <span key={placeholder}>
                {index > 0 && ', '}
                <code>{placeholder}</code>
              </span>
            ))}
          </>
        }
      />
    </fieldset>
  );
}
