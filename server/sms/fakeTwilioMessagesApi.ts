import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import type { Sql } from '../db/client';

interface HttpRequest {
  method: string;
  uri: string;
  data?: Record<string, string>;
  params?: Record<string, string>;
}
interface HttpResponse {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

// Twilio's documented test numbers, so the simulator can show what a refused send looks like.
const MAGIC_RECIPIENTS: Record<string, { code: number; message: string }> = {
  '+15005550001': { code: 21211, message: "The 'To' number is not a valid phone number." },
  '+15005550004': { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+15005550009': { code: 21612, message: "The 'To' phone number is not currently reachable via SMS." },
};

export interface FakeTwilioOptions {
  sql: Sql;
  accountSid: string;
  authToken: string;
  /** Turns a public URL (what the callback is signed for) into the address to post it to. */
  deliveryAddress: (publicUrl: string) => string;
  onPhoneChanged: (phone: string) => void;
  /** Pause before each status callback, as the network would. */
  callbackDelayMs?: number;
  /** False: messages still move on to sent and delivered, but no callback is posted (Twilio does not promise one). */
  statusCallbacks?: boolean;
}

/**
 * A local stand-in for Twilio's Messages API, plugged into the official client as its `httpClient`. It keeps
 * what it accepts in `simulator_messages` (the simulated phones' inboxes) and reports delivery back with
 * signed status callbacks (sent, then delivered), as Twilio does. Used by the simulator and by the tests.
 */
export class FakeTwilioMessagesApi {
  private closed = false;

  constructor(private readonly options: FakeTwilioOptions) {}

  /** Stops reporting: delivery reports still pending are dropped, as a shut-down process can post nothing. */
  close() {
    this.closed = true;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const path = new URL(req.uri).pathname;
    if (!path.startsWith(`/2010-04-01/Accounts/${this.options.accountSid}/Messages`))
      return json(404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
    if (req.method.toLowerCase() === 'post' && path.endsWith('/Messages.json')) return this.create(req.data ?? {});
    if (req.method.toLowerCase() === 'get' && path.endsWith('/Messages.json')) return this.list(req.params ?? {});
    const one = req.method.toLowerCase() === 'get' ? /\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(path) : null;
    if (one) return this.fetch(one[1]);
    return json(405, { code: 20004, message: 'Method not allowed', status: 405 });
  }

  private async create(data: Record<string, string>): Promise<HttpResponse> {
    const { To: to, From: from, Body: body = '', StatusCallback: statusCallback } = data;
    if (!to || !from)
      return json(400, { code: 21604, message: "A 'To' and a 'From' phone number are required.", status: 400 });
    const refusal = MAGIC_RECIPIENTS[to];
    if (refusal)
      return json(400, { ...refusal, status: 400, more_info: `https://www.twilio.com/docs/errors/${refusal.code}` });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const [row] = await this.options.sql<{ createdAt: Date }[]>`
      insert into simulator_messages (sid, phone, company_number, direction, body, status, status_callback)
      values (${sid}, ${to}, ${from}, 'to_phone', ${body}, 'queued', ${statusCallback ?? null}) returning created_at`;
    this.options.onPhoneChanged(to);
    void this.reportDelivery(sid, to, from, statusCallback);
    return json(201, this.resource({ sid, to, from, body, status: 'queued', createdAt: row.createdAt }));
  }

  private async list(params: Record<string, string>): Promise<HttpResponse> {
    const since = params['DateSent>'] ?? params.DateSent;
    const rows = await this.options.sql<
      { sid: string; phone: string; companyNumber: string; body: string; status: string; createdAt: Date }[]
    >`
      select sid, phone, company_number, body, status, created_at from simulator_messages
      where direction = 'to_phone'
        ${params.To ? this.options.sql`and phone = ${params.To}` : this.options.sql``}
        ${params.From ? this.options.sql`and company_number = ${params.From}` : this.options.sql``}
        ${since ? this.options.sql`and created_at >= ${new Date(since)}` : this.options.sql``}
      order by created_at desc limit 50`;
    const messages = rows.map((r) =>
      this.resource({
        sid: r.sid,
        to: r.phone,
        from: r.companyNumber,
        body: r.body,
        status: r.status,
        createdAt: r.createdAt,
      }),
    );
    return json(200, {
      messages,
      page: 0,
      page_size: 50,
      first_page_uri: null,
      next_page_uri: null,
      previous_page_uri: null,
      uri: `/2010-04-01/Accounts/${this.options.accountSid}/Messages.json`,
    });
  }

  private async fetch(sid: string): Promise<HttpResponse> {
    const [r] = await this.options.sql<
      { sid: string; phone: string; companyNumber: string; body: string; status: string; createdAt: Date }[]
    >`
      select sid, phone, company_number, body, status, created_at from simulator_messages where sid = ${sid} and direction = 'to_phone'`;
    if (!r)
      return json(404, {
        code: 20404,
        message: `The requested resource /Messages/${sid}.json was not found`,
        status: 404,
      });
    return json(
      200,
      this.resource({
        sid: r.sid,
        to: r.phone,
        from: r.companyNumber,
        body: r.body,
        status: r.status,
        createdAt: r.createdAt,
      }),
    );
  }

  private resource(m: { sid: string; to: string; from: string; body: string; status: string; createdAt: Date }) {
    return {
      sid: m.sid,
      account_sid: this.options.accountSid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: m.status,
      direction: 'outbound-api',
      num_segments: '1',
      date_created: m.createdAt.toUTCString(),
      date_sent: m.createdAt.toUTCString(),
      error_code: null,
      api_version: '2010-04-01',
    };
  }

  /** Sent, then delivered: each stored, then posted to the status callback signed with the auth token. */
  private async reportDelivery(sid: string, to: string, from: string, statusCallback: string | undefined) {
    for (const status of ['sent', 'delivered']) {
      await new Promise((r) => setTimeout(r, this.options.callbackDelayMs ?? 150));
      if (this.closed) return;
      await this.options
        .sql`update simulator_messages set status = ${status}, updated_at = now() where sid = ${sid}`.catch(() => {});
      this.options.onPhoneChanged(to);
      if (!statusCallback || this.options.statusCallbacks === false) continue;
      const params = {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        AccountSid: this.options.accountSid,
        From: from,
        To: to,
        ApiVersion: '2010-04-01',
      };
      await postSigned(
        this.options.authToken,
        statusCallback,
        this.options.deliveryAddress(statusCallback),
        params,
      ).catch(() => {});
    }
  }
}

/** Posts form parameters signed exactly as Twilio signs its webhooks (the signature covers the public URL). */
export async function postSigned(
  authToken: string,
  signedUrl: string,
  deliverTo: string,
  params: Record<string, string>,
) {
  return fetch(deliverTo, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, signedUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

function json(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
