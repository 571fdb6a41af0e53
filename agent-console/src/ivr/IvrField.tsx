import type { ReactNode } from 'react';
import { FieldError } from '../campaigns/FieldError';
import type { PathErrors } from './ivrErrors';

interface Props {
  label: string;
  /** The request path whose server errors show under the control, e.g. "menus.0.prompt". */
  path: string;
  errors: PathErrors;
  hint?: ReactNode;
  className?: string;
  /** False when the caller shows the messages elsewhere (a narrow column). */
  showErrors?: boolean;
  children: ReactNode;
}

/** A labelled control of the phone-line form with the server's complaints about its path right under it. */
export function IvrField({ label, path, errors, hint, className = 'form__field', showErrors = true, children }: Props) {
  return (
    <label className={className}>
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
      {showErrors && <FieldError field={path} messages={errors[path]} />}
    </label>
  );
}
