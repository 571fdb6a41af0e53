import { FieldError } from '../campaigns/FieldError';
import type { FieldErrors } from '../campaigns/fieldErrors';
import type { MailboxField } from './mailboxFormValues';

interface Props {
  label: string;
  field: MailboxField;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors: FieldErrors;
}

export function CheckboxField({ label, field, checked, onChange, errors }: Props) {
  return (
    <div className="form__field">
      <label className="checkbox-field">
        <input
          type="checkbox"
          name={field}
          data-testid={`mailbox-${field}`}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <FieldError field={field} messages={errors[field]} />
    </div>
  );
}
