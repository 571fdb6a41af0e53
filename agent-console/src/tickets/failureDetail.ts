/**
 * What to say about a failed send: the provider's message, and its error code when the message does not
 * already contain it (e.g. "Twilio error 30005" needs no "(30005)"). Null when there is nothing to say.
 */
export function failureDetail(errorMessage: string | null, errorCode: string | null): { message: string | null; code: string | null } | null {
  const message = errorMessage?.trim() || null;
  const code = errorCode?.trim() || null;
  if (!message && !code) return null;
  return { message, code: code && !message?.includes(code) ? code : null };
}
