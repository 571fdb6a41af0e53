import type { PathErrors } from './fieldErrors';
import { FieldMessages } from './AdminField';

interface Props {
  legend: string;
  /** The request path of the whole list, whose server errors show under it. */
  path: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  errors: PathErrors;
  testId: string;
  empty?: string;
}

/** Several of a list (skills, teams, members, channels) as checkboxes. */
export function CheckboxList({ legend, path, options, chosen, onChange, errors, testId, empty }: Props) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((other) => other !== value));
  return (
    <fieldset className="form-section admin-checkboxes" data-testid={testId}>
      <legend>{legend}</legend>
      {options.length === 0 && empty && <p className="muted small">{empty}</p>}
      <div className="admin-checkboxes__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-field">
            <input
              type="checkbox"
              data-value={option.value}
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages path={path} errors={errors} />
    </fieldset>
  );
}
