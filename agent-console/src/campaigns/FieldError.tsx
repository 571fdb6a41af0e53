/** The server's complaints about one form field, right under it. */
export function FieldError({ field, messages }: { field: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <small className="field-error" role="alert" data-testid="field-error" data-field={field}>
      {messages.join(' ')}
    </small>
  );
}
