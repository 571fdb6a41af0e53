export type VoiceSimulatorErrorCode =
  'unknown-call' | 'unknown-number' | 'call-ended' | 'not-ringing' | 'not-recording' | 'invalid-input';

const STATUS: Record<VoiceSimulatorErrorCode, number> = {
  'unknown-call': 404,
  'unknown-number': 404,
  'call-ended': 409,
  'not-ringing': 409,
  'not-recording': 409,
  'invalid-input': 400,
};

/** A driver action the simulated party cannot take; `status` is the HTTP status a route should answer with. */
export class VoiceSimulatorError extends Error {
  readonly status: number;
  constructor(
    readonly code: VoiceSimulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VoiceSimulatorError';
    this.status = STATUS[code];
  }
}
