import { useTranslation } from 'react-i18next';
import type { SectionProps } from './sectionProps';
import { TextField } from './TextField';

/** Name and address: the first thing the form asks. */
export function GeneralSection({ values, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <div className="form__row">
      <TextField
        label={t('mailboxForm.name')}
        field="name"
        value={values.name}
        onChange={(name) => update({ name })}
        errors={errors}
      />
      <TextField
        label={t('mailboxForm.address')}
        field="address"
        type="email"
        value={values.address}
        onChange={(address) => update({ address })}
        errors={errors}
      />
    </div>
  );
}
