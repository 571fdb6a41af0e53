interface Props<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  testId: string;
}

/** A row of buttons of which one is on (today / last 30 minutes, by queue / by channel). */
export function ToggleGroup<T extends string>({ label, options, value, onChange, testId }: Props<T>) {
  return (
    <div className="toggle-group" role="group" aria-label={label} data-testid={testId} data-value={value}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="toggle-group__option"
          aria-pressed={option.value === value}
          data-value={option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
