import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { normalizeIdentity } from '../../customers/identity';
import { rooms } from '../../realtime/rooms';
import { postSigned } from '../../sms/fakeTwilioMessagesApi';
import { localAddress, smsWebhookPath } from '../../sms/smsTransport';
import type { SimulatedSms, SimulatorStatus } from '../apiTypes';
import { HttpError } from '../httpError';
import { ANY_ROLE, route } from '../route';

/** A phone number in E.164, or a 400 naming the field. */
function parsePhone(ctx: AppContext, value: string, field: string) {
  try {
    return normalizeIdentity('phone', value, ctx.config.DEFAULT_PHONE_REGION as never);
  } catch {
    throw new HttpError(400, 'invalid_input', `${field} must be a phone number, like +14155550100`, [{ path: field, message: 'must be a phone number' }]);
  }
}
const phoneInput = z.string().trim().min(1, 'is required').max(40);

function requireSimulator(ctx: AppContext) {
  if (ctx.sms.mode !== 'simulator') throw new HttpError(404, 'simulator_off', 'The simulator is off: Twilio credentials are configured, so real SMS are used.');
}

// The customer simulator: available while no Twilio credentials are configured.
export const simulatorRoutes = [
  route({
    method: 'get',
    path: '/api/simulator',
    access: ANY_ROLE,
    summary: 'Whether the simulator runs, and the company number simulated texts go to.',
    handler: async ({ ctx }): Promise<SimulatorStatus> => ({ sms: { enabled: ctx.sms.mode === 'simulator', companyNumber: ctx.sms.companyNumber } }),
  }),
  route({
    method: 'post',
    path: '/api/simulator/sms',
    access: ANY_ROLE,
    summary: 'Text the company as a simulated customer phone: posted to the SMS webhook, signed as Twilio signs.',
    body: z.object({ from: phoneInput, text: z.string().min(1, 'is required').max(1600, 'is longer than 1,600 characters') }),
    async handler({ ctx, body, res }) {
      requireSimulator(ctx);
      const from = parsePhone(ctx, body.from, 'from');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      await ctx.sql`
        insert into simulator_messages (sid, phone, company_number, direction, body, status)
        values (${sid}, ${from}, ${ctx.sms.companyNumber}, 'from_phone', ${body.text}, 'sent')`;
      // The parameters Twilio posts for an incoming SMS; the signature covers all of them.
      const params = {
        ToCountry: 'US', ToState: '', SmsMessageSid: sid, NumMedia: '0', ToCity: '', FromZip: '', SmsSid: sid, FromState: '',
        SmsStatus: 'received', FromCity: '', Body: body.text, FromCountry: '', To: ctx.sms.companyNumber, ToZip: '', NumSegments: '1',
        MessageSid: sid, AccountSid: `AC${'0'.repeat(32)}`, From: from, ApiVersion: '2010-04-01',
      };
      const url = ctx.config.PUBLIC_URL + smsWebhookPath;
      const answer = await postSigned(ctx.sms.authToken, url, localAddress(url, ctx.config.PUBLIC_URL, ctx.selfUrl), params);
      if (!answer.ok) throw new HttpError(502, 'webhook_failed', `The SMS webhook answered ${answer.status}: ${await answer.text()}`);
      ctx.publisher.emit([rooms.simulator], 'simulator.changed', { phone: from });
      res.status(202);
      return { sid };
    },
  }),
  route({
    method: 'get',
    path: '/api/simulator/sms/:phone',
    access: ANY_ROLE,
    summary: 'A simulated phone’s conversation: what it sent and the replies it received, with delivery status.',
    params: z.object({ phone: phoneInput }),
    async handler({ ctx, params }): Promise<{ phone: string; messages: SimulatedSms[] }> {
      requireSimulator(ctx);
      const number = parsePhone(ctx, params.phone, 'phone');
      const rows = await ctx.sql<{ sid: string; direction: SimulatedSms['direction']; body: string; status: string; createdAt: Date }[]>`
        select sid, direction, body, status, created_at from simulator_messages where phone = ${number} order by created_at, id`;
      return { phone: number, messages: rows.map((r) => ({ sid: r.sid, direction: r.direction, text: r.body, status: r.status, at: r.createdAt.toISOString() })) };
    },
  }),
];
