// The parameters Twilio posts to voice webhooks, read once here. Twilio posts many more than these; the
// signature covers them all, so unknown ones are accepted and ignored.

export class InvalidVoiceWebhookError extends Error {}

export interface VoiceWebhook {
  callSid: string;
  from: string;
  to: string;
  callStatus: string | null;
  digits: string | null;
  speech: string | null;
  all: Record<string, string>;
}

export function parseVoiceWebhook(body: Record<string, unknown>): VoiceWebhook {
  const all = Object.fromEntries(Object.entries(body ?? {}).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  const { CallSid: callSid, From: from = '', To: to = '' } = all;
  if (!callSid || !/^CA[0-9a-fA-F]{32}$/.test(callSid))
    throw new InvalidVoiceWebhookError('CallSid is required: CA followed by 32 hex digits.');
  return {
    callSid,
    from,
    to,
    callStatus: all.CallStatus || null,
    digits: all.Digits || null,
    speech: all.SpeechResult?.trim() || null,
    all,
  };
}

/** The menu option a caller chose: the key they pressed, else the first option whose word they said. */
export function chooseOption<O extends { key: string; words: string[] }>(
  options: O[],
  input: { digits: string | null; speech: string | null },
): O | null {
  if (input.digits) return options.find((o) => o.key === input.digits![0]) ?? null;
  if (!input.speech) return null;
  const said = input.speech.toLowerCase();
  return (
    options.find((o) =>
      o.words.some((w) => new RegExp(`(^|\\W)${escapeRegExp(w.toLowerCase())}($|\\W)`, 'u').test(said)),
    ) ?? null
  );
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
