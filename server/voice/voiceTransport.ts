import twilio, { type Twilio } from 'twilio';
import type { Config } from '../config';
import type { Sql } from '../db/client';
import type { Publisher } from '../realtime/publisher';
import { rooms } from '../realtime/rooms';
import { deploymentSecret, localAddress, SIMULATOR_ACCOUNT_SID, SIMULATOR_COMPANY_NUMBER } from '../sms/smsTransport';
import type { FakeTwilioVoice } from './simulator/fakeTwilioVoice';
import { voiceUrl } from './voiceUrls';

export interface VoiceTransport {
  mode: 'twilio' | 'simulator';
  accountSid: string;
  /** Signs (simulator) and verifies (always) voice webhooks. */
  authToken: string;
  /** The company line: what customers dial, and the caller ID of calls we place. */
  companyNumber: string;
  client: Twilio;
  simulator: FakeTwilioVoice | null;
  /** Signs Voice SDK access tokens so agents can take calls in the browser; null when not configured. */
  apiKey: { sid: string; secret: string } | null;
}

interface Deps {
  config: Config;
  sql: Sql;
  publisher: Publisher;
  selfUrl: () => string | null;
}

/**
 * Twilio when its credentials are configured; otherwise the simulator: the same official client, pointed through its
 * `httpClient` at the built-in fake Voice platform, which runs TwiML like Twilio and posts the same signed webhooks.
 */
export async function createVoiceTransport({ config, sql, publisher, selfUrl }: Deps): Promise<VoiceTransport> {
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    return {
      mode: 'twilio',
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      companyNumber: config.TWILIO_VOICE_NUMBER ?? config.TWILIO_SMS_FROM!,
      client: twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN),
      simulator: null,
      apiKey:
        config.TWILIO_API_KEY_SID && config.TWILIO_API_KEY_SECRET
          ? { sid: config.TWILIO_API_KEY_SID, secret: config.TWILIO_API_KEY_SECRET }
          : null,
    };
  }
  // The same token the SMS simulator signs with: one simulated Twilio account.
  const authToken = await deploymentSecret(sql, 'twilio-simulator-auth-token');
  const companyNumber = SIMULATOR_COMPANY_NUMBER;
  // Loaded only when it runs: a deployment on Twilio never needs the simulator's code.
  const { FakeTwilioVoice } = await import('./simulator/fakeTwilioVoice');
  const simulator = new FakeTwilioVoice({
    accountSid: SIMULATOR_ACCOUNT_SID,
    authToken,
    deliveryAddress: (url) => localAddress(url, config.PUBLIC_URL, selfUrl()),
    // PUBLIC_URL is read when a call comes in: with PORT=0 it is only known once the server listens.
    timeScale: config.SIMULATOR_TIME_SCALE,
    incomingNumbers: () => ({
      [companyNumber]: {
        voiceUrl: voiceUrl(config.PUBLIC_URL, 'incoming'),
        statusCallback: voiceUrl(config.PUBLIC_URL, 'status'),
      },
    }),
    onChanged: (change) =>
      publisher.emit([rooms.simulator], 'voice.simulator.changed', {
        callSid: change.callSid,
        endpoints: [change.from, change.to],
      }),
  });
  return {
    mode: 'simulator',
    accountSid: SIMULATOR_ACCOUNT_SID,
    authToken,
    companyNumber,
    client: twilio(SIMULATOR_ACCOUNT_SID, authToken, { httpClient: simulator as never }),
    simulator,
    apiKey: null,
  };
}
