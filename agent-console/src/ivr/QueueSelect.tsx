import type { QueueEntry } from '../api/directoryEndpoints';

interface Props {
  value: string;
  onChange: (queueId: string) => void;
  queues: QueueEntry[];
  /** The text of the '' choice. */
  emptyLabel: string;
  testId: string;
}

/** A queue, or '' for none; a chosen queue that no longer exists stays visible by its id. */
export function QueueSelect({ value, onChange, queues, emptyLabel, testId }: Props) {
  const known = value === '' || queues.some((queue) => queue.id === value);
  return (
    <select data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {queues.map((queue) => (
        <option key={queue.id} value={queue.id}>
          {queue.name}
        </option>
      ))}
      {!known && <option value={value}>{value}</option>}
    </select>
  );
}
