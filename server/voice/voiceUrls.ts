// Where Twilio posts for voice (http/webhooks/twilioVoiceWebhooks.ts, mounted at /webhooks/twilio/voice).
// Each URL names the call or leg it is about; the signature check covers the query string.

export const VOICE_BASE = '/webhooks/twilio/voice';

export const voicePaths = {
  /** The number's "A call comes in" webhook. */
  incoming: VOICE_BASE,
  /** The number's call status callback, and the customer leg's of outbound calls. */
  status: `${VOICE_BASE}/status`,
  menu: `${VOICE_BASE}/menu`,
  wait: `${VOICE_BASE}/wait`,
  waitChoice: `${VOICE_BASE}/wait-choice`,
  queueResult: `${VOICE_BASE}/queue-result`,
  callbackNumber: `${VOICE_BASE}/callback-number`,
  voicemail: `${VOICE_BASE}/voicemail`,
  transcription: `${VOICE_BASE}/transcription`,
  recording: `${VOICE_BASE}/recording`,
  /** The agent picked up their leg: join the conference. */
  leg: `${VOICE_BASE}/leg`,
  legStatus: `${VOICE_BASE}/leg/status`,
  /** The customer joins the call's conference. */
  join: `${VOICE_BASE}/join`,
  requeue: `${VOICE_BASE}/requeue`,
  holdMusic: `${VOICE_BASE}/hold-music`,
  goodbye: `${VOICE_BASE}/goodbye`,
} as const;

export type VoicePath = keyof typeof voicePaths;

/** The public URL Twilio is given (and signs) for a voice webhook, with its query. */
export function voiceUrl(publicUrl: string, path: VoicePath, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  return `${publicUrl}${voicePaths[path]}${qs ? `?${qs}` : ''}`;
}

/** The conference a call's customer and agents talk in. */
export const conferenceName = (callId: string) => `sb-${callId}`;

/** Who Twilio rings for an agent: their own phone when set, else their browser (Voice SDK identity). */
export function agentAddress(agent: { id: string; phoneNumber: string | null }) {
  return agent.phoneNumber ?? `client:${clientIdentity(agent.id)}`;
}
export const clientIdentity = (agentId: string) => `agent-${agentId}`;
