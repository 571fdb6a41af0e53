export { FakeTwilioVoice } from './fakeTwilioVoice';
export { VoiceSimulatorError, type VoiceSimulatorErrorCode } from './simulatorError';
export type * from './types';
