import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeAutoAcknowledge } from '../../server/email/autoAcknowledge';
import { intakeContact } from '../../server/intake/intakeContact';
import { recipientJobId } from '../../server/campaigns/recipientSends';
import { sendJobId } from '../../server/outbound/sendMessageTask';
import { anEmail, anSms, aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startInterruptibleSmtp, type InterruptibleSmtp, type MailPlan } from '../support/mail/interruptibleSmtp';
import { untilJobsFinished } from '../support/jobs';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { startTwilioStandIn, type CreatePlan, type TwilioStandIn } from '../support/twilioStandIn';
import { waitFor } from '../support/waitFor';

// A worker process is killed (SIGKILL) in the middle of sends, at each point a send can be interrupted, and
// another worker process takes over. Whatever the point, every send settles: exactly one text or mail reaches
// the customer per row, its status is final within the (short, for the test) bounds, and never moves back.

const ACCOUNT_SID = `AC${'ab'.repeat(16)}`;
const AUTH_TOKEN = 'crash-test-auth-token-0123456789';
const COMPANY = '+15005550006';
// Generous for a loaded machine; with the bounds below, a send settles in seconds.
const SETTLE_MS = 90_000;

let db: TestDatabase;
let twilio: TwilioStandIn;
let smtp: InterruptibleSmtp;
let web: Awaited<ReturnType<typeof startTestServer>>;
let workerEnv: Record<string, string>;
let worker: ServerProcess;
let client: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  // Every status each send row ever had, in order, to show none moved back.
  await db.sql.unsafe(`
    create table test_status_trail (id bigserial primary key, row_id uuid not null, status text not null);
    create function test_trail_status() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' or new.status is distinct from old.status then
        insert into test_status_trail (row_id, status) values (new.id, new.status);
      end if;
      return new;
    end $$;
    create trigger test_trail_messages after insert or update of status on messages for each row execute function test_trail_status();
    create trigger test_trail_recipients after insert or update of status on sms_campaign_recipients for each row execute function test_trail_status();`);
  twilio = await startTwilioStandIn({ sql: db.sql, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  smtp = await startInterruptibleSmtp();
  const env = testEnv(db.url, {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_SMS_FROM: COMPANY,
    TWILIO_API_BASE_URL: twilio.url,
    OUTBOUND_STALE_SECONDS: '3',
    OUTBOUND_CONFIRM_GRACE_SECONDS: '3',
  });
  // The API and the status callbacks here; the jobs in a process of their own, which the tests kill.
  web = await startTestServer({ ...env, SERVICES: 'web,realtime' });
  workerEnv = { ...env, SERVICES: 'worker', PUBLIC_URL: web.url };
  worker = await spawnServer(workerEnv);
  await aQueue(db.sql, { entryForChannels: ['sms', 'email'] });
  const admin = await aUser(db.sql, 'admin');
  client = await new TestClient(web.url).signIn(admin.email, admin.password);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await web?.stop();
  await twilio?.stop();
  await smtp?.stop();
  await db?.drop();
});

const suffix = () => randomBytes(4).toString('hex');

async function killWorkerAndStartAnother() {
  worker.child.kill('SIGKILL');
  await worker.exited;
  twilio.dropHeld();
  smtp.forgetHeld();
  worker = await spawnServer(workerEnv);
}

interface SmsSend {
  kind: 'reply' | 'campaign';
  id: string;
  phone: string;
  plan: CreatePlan | null;
}

async function anSmsReply(plan: CreatePlan | null): Promise<SmsSend> {
  const phone = aPhone();
  if (plan) twilio.plan(phone, plan);
  const { ticketId } = await intakeContact(web.ctx, anSms(phone, 'Where is my parcel?'));
  const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: `It left today (${suffix()}).` });
  expect(res.status).toBe(201);
  return { kind: 'reply', id: res.body.message.id, phone, plan };
}

async function aCampaign(plans: (CreatePlan | null)[]): Promise<SmsSend[]> {
  const phones = plans.map(() => aPhone());
  phones.forEach((phone, i) => plans[i] && twilio.plan(phone, plans[i]));
  const customerIds = await Promise.all(phones.map((phone) => aCustomer(db.sql, { phone })));
  const res = await client.post('/api/sms-campaigns', {
    name: `Notice ${suffix()}`,
    text: `Store closes early today (${suffix()}).`,
    customerIds,
    ratePerMinute: 600,
  });
  expect(res.status).toBe(201);
  const rows = await db.sql<
    { id: string; phone: string }[]
  >`select id, phone from sms_campaign_recipients where campaign_id = ${res.body.campaign.id}`;
  return rows.map((r) => ({ kind: 'campaign', id: r.id, phone: r.phone, plan: plans[phones.indexOf(r.phone)] }));
}

const rowOf = async (send: { kind: 'reply' | 'campaign' | 'email'; id: string }) =>
  (send.kind === 'campaign'
    ? await db.sql<
        { status: string; providerId: string | null }[]
      >`select status, provider_id from sms_campaign_recipients where id = ${send.id}`
    : await db.sql<
        { status: string; providerId: string | null }[]
      >`select status, provider_id from messages where id = ${send.id}`)[0];

const UNSETTLED = ['pending', 'queued', 'sending'];
const settled = async (
  send: { kind: 'reply' | 'campaign' | 'email'; id: string },
  until: (status: string) => boolean = (s) => !UNSETTLED.includes(s),
) => {
  const row = await waitFor(
    () => rowOf(send),
    (r) => until(r.status),
    SETTLE_MS,
  );
  expect(UNSETTLED, `${send.kind} ${send.id} is still ${row.status}`).not.toContain(row.status);
  return row;
};

// Rank of a status in a send's life; once a send was taken by the provider, no later status may rank lower.
const RANK: Record<string, number> = {
  pending: 0,
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 4,
  failed: 4,
};
async function expectNeverBackwards(id: string) {
  const trail = (
    await db.sql<{ status: string }[]>`select status from test_status_trail where row_id = ${id} order by id`
  ).map((t) => t.status);
  let furthest = 0;
  for (const status of trail) {
    if (furthest >= RANK.sent) expect(RANK[status], `${id} went ${trail.join(' → ')}`).toBeGreaterThanOrEqual(furthest);
    furthest = Math.max(furthest, RANK[status]);
  }
  return trail;
}

/** The BullMQ job of a send's first round (the one a worker that was not killed runs to the end). */
const firstJobIdOf = (send: SmsSend) => (send.kind === 'campaign' ? recipientJobId(send.id, 0) : sendJobId(send.id, 0));

/** One text per row reached the phone, and the row holds its sid. */
async function expectSentOnce(send: SmsSend) {
  const received = await db.sql<
    { sid: string }[]
  >`select sid from simulator_messages where phone = ${send.phone} and direction = 'to_phone'`;
  expect(received, `texts to ${send.phone} (${send.kind}, ${send.plan?.kind ?? 'no interruption'})`).toHaveLength(1);
  expect((await rowOf(send)).providerId).toBe(received[0].sid);
}

describe('SMS sends when the worker dies', () => {
  it('when Twilio’s delivered callback beats its answer to the create call, then the message shows delivered, never sent after it', async () => {
    const late = { kind: 'answer-late', ms: 1500 } as const;
    const sends = [await anSmsReply(late), await anSmsReply(late), ...(await aCampaign([late, late]))];
    // The send job hears Twilio's answer last: look once every send job has heard it and finished.
    expect(await untilJobsFinished(web.ctx.queues.messaging, sends.map(firstJobIdOf), SETTLE_MS)).toEqual(
      sends.map(() => 'completed'),
    );
    expect(sends.every((send) => twilio.creates.some((c) => c.to === send.phone && c.answered))).toBe(true);
    for (const send of sends) {
      expect((await rowOf(send)).status).toBe('delivered');
      const trail = await expectNeverBackwards(send.id);
      expect(trail.slice(trail.indexOf('delivered'))).toEqual(['delivered']);
      await expectSentOnce(send);
    }
  });

  it.each([
    ['on', true],
    ['off', false],
  ])(
    'when the worker is killed before Twilio takes a text and after Twilio took one but before the answer was stored (status callbacks %s), then another worker settles each with exactly one text sent',
    async (_label, callbacks) => {
      twilio.statusCallbacks(callbacks);
      try {
        const unsent = { kind: 'hold-unsent' } as const;
        const accepted = { kind: 'hold-accepted' } as const;
        const sends = [await anSmsReply(unsent), await anSmsReply(accepted), ...(await aCampaign([unsent, accepted]))];
        await twilio.whenHeld(4);
        await killWorkerAndStartAnother();

        for (const send of sends) {
          // Taken by Twilio: its status is adopted (callbacks off: by asking Twilio). Never taken: sent again,
          // and then only a callback can tell delivered from sent.
          const expected = callbacks || send.plan?.kind === 'hold-accepted' ? 'delivered' : 'sent';
          const row = await settled(send, (status) => status === expected);
          expect(row.status).toBe(expected);
          await expectSentOnce(send);
          await expectNeverBackwards(send.id);
        }
        // The reply that never reached Twilio says so in the ticket's history.
        const resent = sends.find((s) => s.kind === 'reply' && s.plan?.kind === 'hold-unsent')!;
        const [history] =
          await db.sql`select data from audit_log where action = 'message.resent' and data->>'messageId' = ${resent.id}`;
        expect(history.data).toMatchObject({ reason: 'not_at_provider' });
      } finally {
        twilio.statusCallbacks(true);
      }
    },
    180_000,
  );
});

describe('email sends when the worker dies', () => {
  async function aMailbox(autoAck: boolean) {
    const address = `support-${suffix()}@switchboard.test`;
    const [{ id }] = await db.sql<{ id: string }[]>`
      insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, auto_ack_enabled, active)
      values (${`Support ${suffix()}`}, ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${smtp.host}, ${smtp.port}, false, ${autoAck}, false)
      returning id`;
    return { id, address };
  }

  async function anEmailTicket(mailbox: { id: string; address: string }) {
    const customer = `customer-${suffix()}@customer.example`;
    const providerId = `<${suffix()}@customer.example>`;
    const { ticketId, messageId } = await intakeContact(
      web.ctx,
      anEmail(customer, `Order ${suffix()} is late`, 'Where is my order?', {
        to: mailbox.address,
        providerId,
        metadata: { messageId: providerId, references: [] },
      }),
    );
    await db.sql`update messages set mailbox_id = ${mailbox.id} where id = ${messageId}`;
    return { ticketId, customer };
  }

  async function anEmailReply(plan: MailPlan) {
    const { ticketId, customer } = await anEmailTicket(await aMailbox(false));
    smtp.plan(customer, plan);
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'It ships today.' });
    return { kind: 'email' as const, id: res.body.message.id as string, to: customer, plan };
  }

  async function anAutoAcknowledgement(plan: MailPlan) {
    const mailbox = await aMailbox(true);
    const { ticketId, customer } = await anEmailTicket(mailbox);
    smtp.plan(customer, plan);
    expect(
      await maybeAutoAcknowledge(web.ctx, {
        mailboxId: mailbox.id,
        ticketId,
        customerEmail: customer,
        automated: false,
      }),
    ).toBe(true);
    const [{ id }] = await db.sql<
      { id: string }[]
    >`select id from messages where ticket_id = ${ticketId} and direction = 'outbound'`;
    return { kind: 'email' as const, id, to: customer, plan };
  }

  it('when the worker is killed before DATA and after DATA but before the 250, for replies and auto-acknowledgements, then each is sent again with its Message-ID and accepted exactly once', async () => {
    const sends = [
      await anEmailReply('hold-before-data'),
      await anEmailReply('hold-after-data'),
      await anAutoAcknowledgement('hold-before-data'),
      await anAutoAcknowledgement('hold-after-data'),
    ];
    await smtp.whenHeld(4);
    await killWorkerAndStartAnother();

    for (const send of sends) {
      const row = await settled(send);
      expect(row.status).toBe('sent');
      const [{ metadata }] = await db.sql`select metadata from messages where id = ${send.id}`;
      const mails = smtp.transmissions.filter((t) => t.to === send.to);
      // Every copy carries the Message-ID chosen when the row was stored, so a receiver that kept the interrupted
      // one folds the two; the server answered 250 to exactly one.
      expect(mails.map((m) => m.messageId)).toEqual(
        send.plan === 'hold-after-data' ? [metadata.messageId, metadata.messageId] : [metadata.messageId],
      );
      expect(mails.filter((m) => m.accepted)).toHaveLength(1);
      expect(row.providerId).toBe(metadata.messageId);
      await expectNeverBackwards(send.id);
    }
  }, 180_000);
});
