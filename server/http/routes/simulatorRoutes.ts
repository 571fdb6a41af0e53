import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { sendSimulatedCustomerMail } from '../../email/simulatedCustomerMail';
import { emailSimulatorEnabled, SIMULATED_MAILBOX_ADDRESS } from '../../email/simulatedMailbox';
import { listSimulatedConversation } from '../../email/simulatorMailStore';
import { rooms } from '../../realtime/rooms';
import { postSigned } from '../../sms/fakeTwilioMessagesApi';
import { localAddress, smsWebhookPath } from '../../sms/smsTransport';
import type { SimulatedEmail, SimulatedSms, SimulatorStatus } from '../apiTypes';
import { HttpError } from '../httpError';
import { parsePhoneInput } from '../phoneInput';
import { ANY_ROLE, route } from '../route';

const phoneInput = z.string().trim().min(1, 'is required').max(40);

function requireSimulator(ctx: AppContext) {
  if (ctx.sms.mode !== 'simulator')
    throw new HttpError(
      404,
      'simulator_off',
      'The simulator is off: Twilio credentials are configured, so real SMS are used.',
    );
}

async function requireEmailSimulator(ctx: AppContext) {
  if (!(await emailSimulatorEnabled(ctx.sql)))
    throw new HttpError(
      404,
      'simulator_off',
      'The email simulator is off: a real mailbox is active, so real mail is used.',
    );
}

const emailInput = z.string().trim().toLowerCase().max(320, 'is too long').email('must be an email address');
const customerMail = z
  .object({
    from: emailInput,
    name: z.string().trim().max(200, 'is too long (200 characters at most)').optional(),
    subject: z.string().trim().max(300, 'is too long (300 characters at most)').default(''),
    text: z.string().max(100_000, 'is too long (100,000 characters at most)').default(''),
    html: z.string().max(500_000, 'is too long (500,000 characters at most)').optional(),
    inReplyTo: z.uuid('must be the id of a mail in this address’s inbox').optional(),
  })
  .refine((mail) => mail.text.trim() !== '' || Boolean(mail.html?.trim()), {
    path: ['text'],
    message: 'is required (or give html)',
  });

// The customer simulators: SMS while no Twilio credentials are configured, email while no real mailbox is active.
export const simulatorRoutes = [
  route({
    method: 'get',
    path: '/api/simulator',
    access: ANY_ROLE,
    summary:
      'Which simulators run, the company number simulated texts and calls go to and the support address simulated mail goes to.',
    handler: async ({ ctx }): Promise<SimulatorStatus> => ({
      sms: { enabled: ctx.sms.mode === 'simulator', companyNumber: ctx.sms.companyNumber },
      email: { enabled: await emailSimulatorEnabled(ctx.sql), address: SIMULATED_MAILBOX_ADDRESS },
      voice: { enabled: ctx.voice.mode === 'simulator', companyNumber: ctx.voice.companyNumber },
    }),
  }),
  route({
    method: 'post',
    path: '/api/simulator/sms',
    access: ANY_ROLE,
    summary: 'Text the company as a simulated customer phone: posted to the SMS webhook, signed as Twilio signs.',
    body: z.object({
      from: phoneInput,
      text: z.string().min(1, 'is required').max(1600, 'is longer than 1,600 characters'),
    }),
    async handler({ ctx, body, res }) {
      requireSimulator(ctx);
      const from = parsePhoneInput(ctx, body.from, 'from');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      await ctx.sql`
        insert into simulator_messages (sid, phone, company_number, direction, body, status)
        values (${sid}, ${from}, ${ctx.sms.companyNumber}, 'from_phone', ${body.text}, 'sent')`;
      // The parameters Twilio posts for an incoming SMS; the signature covers all of them.
      const params = {
        ToCountry: 'US',
        ToState: '',
        SmsMessageSid: sid,
        NumMedia: '0',
        ToCity: '',
        FromZip: '',
        SmsSid: sid,
        FromState: '',
        SmsStatus: 'received',
        FromCity: '',
        Body: body.text,
        FromCountry: '',
        To: ctx.sms.companyNumber,
        ToZip: '',
        NumSegments: '1',
        MessageSid: sid,
        AccountSid: `AC${'0'.repeat(32)}`,
        From: from,
        ApiVersion: '2010-04-01',
      };
      const url = ctx.config.PUBLIC_URL + smsWebhookPath;
      const answer = await postSigned(
        ctx.sms.authToken,
        url,
        localAddress(url, ctx.config.PUBLIC_URL, ctx.selfUrl),
        params,
      );
      if (!answer.ok)
        throw new HttpError(502, 'webhook_failed', `The SMS webhook answered ${answer.status}: ${await answer.text()}`);
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
      const number = parsePhoneInput(ctx, params.phone, 'phone');
      const rows = await ctx.sql<
        { sid: string; direction: SimulatedSms['direction']; body: string; status: string; createdAt: Date }[]
      >`
        select sid, direction, body, status, created_at from simulator_messages where phone = ${number} order by created_at, id`;
      return {
        phone: number,
        messages: rows.map((r) => ({
          sid: r.sid,
          direction: r.direction,
          text: r.body,
          status: r.status,
          at: r.createdAt.toISOString(),
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/simulator/email',
    access: ANY_ROLE,
    summary:
      'Write to the simulated support mailbox as a customer: an RFC 822 mail into the same intake as IMAP mail; inReplyTo answers a mail in their inbox.',
    body: customerMail,
    async handler({ ctx, body, res }) {
      await requireEmailSimulator(ctx);
      const sent = await sendSimulatedCustomerMail(ctx, body);
      res.status(201);
      return sent;
    },
  }),
  route({
    method: 'get',
    path: '/api/simulator/email/:address',
    access: ANY_ROLE,
    summary:
      'A simulated customer’s mailbox: the mail they sent and our replies, oldest first, with their threading headers.',
    params: z.object({ address: emailInput }),
    async handler({ ctx, params }): Promise<{ address: string; emails: SimulatedEmail[] }> {
      await requireEmailSimulator(ctx);
      return { address: params.address, emails: await listSimulatedConversation(ctx.sql, params.address) };
    },
  }),
];
