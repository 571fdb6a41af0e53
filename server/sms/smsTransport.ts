import { randomBytes } from 'node:crypto';
import twilio, { type Twilio } from 'twilio';
import type { ChannelSender } from '../../channels/outbound';
import { createTwilioSmsSender } from '../../channels/sms/twilioSmsSender';
import type { Config } from '../config';
import type { Sql } from '../db/client';
import type { Publisher } from '../realtime/publisher';
import { rooms } from '../realtime/rooms';
import { FakeTwilioMessagesApi } from './fakeTwilioMessagesApi';
import { twilioHttpClientAt } from './twilioHttpClient';

export const SIMULATOR_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
// Twilio's test "from" number: valid, and obviously not a real company line.
export const SIMULATOR_COMPANY_NUMBER = '+15005550006';

export interface SmsTransport {
  mode: 'twilio' | 'simulator';
  /** Signs (simulator) and verifies (always) webhooks. */
  authToken: string;
  companyNumber: string;
  client: Twilio;
  simulator: FakeTwilioMessagesApi | null;
  sender: ChannelSender;
}

// Where Twilio posts (see http/webhooks/twilioSmsWebhooks.ts, mounted at /webhooks/twilio).
export const smsWebhookPath = '/webhooks/twilio/sms';
export const smsStatusPath = '/webhooks/twilio/sms/status';

interface Deps {
  config: Config;
  sql: Sql;
  publisher: Publisher;
  /** This process's own HTTP address, once it listens: where the simulator posts what it signs for PUBLIC_URL. */
  selfUrl: () => string | null;
}

/**
 * Twilio when its credentials are configured; otherwise the simulator: the same official client, pointed
 * through its `httpClient` at the built-in fake Messages API, with a signing token the deployment makes once.
 */
export async function createSmsTransport({ config, sql, publisher, selfUrl }: Deps): Promise<SmsTransport> {
  const statusCallbackUrl = (messageId: string, round: number) =>
    `${config.PUBLIC_URL}${smsStatusPath}?messageId=${messageId}&round=${round}`;
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_SMS_FROM) {
    // TWILIO_API_BASE_URL: a stand-in of Twilio's REST API (the crash tests' fake in another process); never set in production.
    const client = twilio(
      config.TWILIO_ACCOUNT_SID,
      config.TWILIO_AUTH_TOKEN,
      config.TWILIO_API_BASE_URL ? { httpClient: twilioHttpClientAt(config.TWILIO_API_BASE_URL) as never } : {},
    );
    return {
      mode: 'twilio',
      authToken: config.TWILIO_AUTH_TOKEN,
      companyNumber: config.TWILIO_SMS_FROM,
      client,
      simulator: null,
      sender: createTwilioSmsSender({ client, defaultFrom: config.TWILIO_SMS_FROM, statusCallbackUrl }),
    };
  }
  const authToken = await deploymentSecret(sql, 'twilio-simulator-auth-token');
  const simulator = new FakeTwilioMessagesApi({
    sql,
    accountSid: SIMULATOR_ACCOUNT_SID,
    authToken,
    deliveryAddress: (url) => localAddress(url, config.PUBLIC_URL, selfUrl()),
    onPhoneChanged: (phone) => publisher.emit([rooms.simulator], 'simulator.changed', { phone }),
  });
  const client = twilio(SIMULATOR_ACCOUNT_SID, authToken, { httpClient: simulator as never });
  return {
    mode: 'simulator',
    authToken,
    companyNumber: SIMULATOR_COMPANY_NUMBER,
    client,
    simulator,
    sender: createTwilioSmsSender({ client, defaultFrom: SIMULATOR_COMPANY_NUMBER, statusCallbackUrl }),
  };
}

/** A URL under PUBLIC_URL, re-aimed at this process when it serves HTTP (the public name may not resolve from inside). */
export function localAddress(url: string, publicUrl: string, selfUrl: string | null) {
  return selfUrl && url.startsWith(publicUrl) ? selfUrl + url.slice(publicUrl.length) : url;
}

export async function deploymentSecret(sql: Sql, name: string): Promise<string> {
  await sql`insert into app_secrets (name, value) values (${name}, ${randomBytes(24).toString('hex')}) on conflict (name) do nothing`;
  const [row] = await sql<{ value: string }[]>`select value from app_secrets where name = ${name}`;
  return row.value;
}
