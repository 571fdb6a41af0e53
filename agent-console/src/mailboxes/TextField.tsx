import type { ReactNode } from 'react';
import { FieldError } from '../campaigns/FieldError';
import type { FieldErrors } from '../campaigns/fieldErrors';
import type { MailboxField } from './mailboxFormValues';

interface Props {
  label: string;
  /** The request field whose server errors show under the input. */
  field: MailboxField;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  type?: 'text' | 'email' | 'number' | 'password';
  hint?: ReactNode;
  multiline?: boolean;
}

export function TextField({ label, field, value, onChange, errors, type = 'text', hint, multiline = false }: Props) {
  return (
    <label className="form__field">
      <span>{label}</span>
      {multiline ? (
        <textarea
          name={field}
          data-testid={`mailbox-${field}`}
          rows={5}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          name={field}
          data-testid={`mailbox-${field}`}
          type={type}
          value={value}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint && <small className="muted">{hint}</small>}
      <FieldError field={field} messages={errors[field]} />
    </label>
  );
}
