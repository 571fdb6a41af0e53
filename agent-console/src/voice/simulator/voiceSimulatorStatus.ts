import type { SimulatorStatus } from '../../../../server/http/apiTypes';

/**
 * The voice simulator's status. A server that does not report it yet runs it exactly when it runs the SMS simulator
 * (both mean: no Twilio credentials), on the same company number.
 */
export function voiceSimulatorOf(status: SimulatorStatus): { enabled: boolean; companyNumber: string } {
  return status.voice ?? { enabled: status.sms.enabled, companyNumber: status.sms.companyNumber };
}
