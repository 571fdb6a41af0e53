import type { ReactNode } from 'react';
import type { PathErrors } from './fieldErrors';

interface Props {
  label: string;
  /** The request path whose server errors show right under the control. */
  path: string;
  errors: PathErrors;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled control with the server's complaints about its field next to it. */
export function AdminField({ label, path, errors, hint, children }: Props) {
  return (
    <label className="form__field">
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
      <FieldMessages path={path} errors={errors} />
    </label>
  );
}

/** The messages for one path, for controls that are not a single labelled input (a list of checkboxes). */
export function FieldMessages({ path, errors }: { path: string; errors: PathErrors }) {
  const messages = errors[path];
  if (!messages?.length) return null;
  return (
    <small className="field-error" role="alert" data-testid="field-error" data-field={path}>
      {messages.join(' ')}
    </small>
  );
}
