import twilio from 'twilio';
import type { AppContext } from '../context';
import type { VoiceDeviceResponse } from '../http/voiceApiTypes';
import { clientIdentity } from './voiceUrls';

const TOKEN_TTL_SECONDS = 3600;

/**
 * How this agent takes calls. Their own phone when their profile has a number; otherwise the browser: with Twilio, a
 * Voice SDK access token for their identity (incoming calls only: every call starts from the server); with the
 * simulator, the console's simulated device.
 */
export async function voiceDeviceFor(ctx: AppContext, userId: string): Promise<VoiceDeviceResponse> {
  const [user] = await ctx.sql<{ phoneNumber: string | null }[]>`select phone_number from users where id = ${userId}`;
  const identity = clientIdentity(userId);
  const base = {
    mode: ctx.voice.mode,
    identity,
    phoneNumber: user?.phoneNumber ?? null,
    token: null,
    tokenExpiresAt: null,
  };
  if (user?.phoneNumber) return { ...base, endpoint: 'phone' };
  if (ctx.voice.mode === 'simulator') return { ...base, endpoint: 'browser' };
  if (!ctx.voice.apiKey) return { ...base, endpoint: 'none' };
  const token = new twilio.jwt.AccessToken(ctx.voice.accountSid, ctx.voice.apiKey.sid, ctx.voice.apiKey.secret, {
    identity,
    ttl: TOKEN_TTL_SECONDS,
  });
  token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ incomingAllow: true }));
  return {
    ...base,
    endpoint: 'browser',
    token: token.toJwt(),
    tokenExpiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}
