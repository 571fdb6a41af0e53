import fc from 'fast-check';
import twilio from 'twilio';
import { formEncode, parsedForm, type Pair } from './formEncoding';
import type { FuzzRequest } from './fuzzRequest';
import { hugeText, nastyString, oddPhone, oneTimeIn, troubledText } from './nastyValues';

/** What a webhook fuzz needs from the running server and the rows set up for it. */
export interface WebhookTargets {
  authToken: string;
  publicUrl: string;
  /** Rows that exist: ids for the query strings we give Twilio, and the Sids Twilio knows them by. */
  ids: string[];
  callIds: string[];
  callSids: string[];
  messageSids: string[];
  /** An id that may be a row's, a UUID nothing has, or no UUID at all. */
  anyId: fc.Arbitrary<string>;
}

// What the customer said or typed, and the numbers they call from, arrive odd even from Twilio itself: NUL, broken
// surrogates, huge text, numbers in any shape. These are odd in every request.
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 160 }) },
  { weight: 3, arbitrary: troubledText },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: hugeText },
);
const digits = fc.oneof(fc.stringMatching(/^[0-9*#]{1,4}$/), troubledText, nastyString);

/**
 * The fields of one request. Twilio-like: the structure is what Twilio sends (Sids of real rows, known statuses,
 * counts) and only the text and numbers above are odd. Hostile: anything may be odd, missing, repeated or extra.
 */
function fieldsFor(t: WebhookTargets, hostile: boolean) {
  const oneOf = (...values: string[]) =>
    hostile
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: nastyString })
      : fc.constantFrom(...values);
  const orOdd = (plausible: fc.Arbitrary<string>, odd: fc.Arbitrary<string>) =>
    hostile ? fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: odd }) : plausible;
  return {
    oneOf,
    id: orOdd(fc.constantFrom(...t.ids), t.anyId),
    callId: orOdd(fc.constantFrom(...t.callIds), t.anyId),
    callSid: orOdd(fc.constantFrom(...t.callSids), fc.constantFrom('CA123', '', `CA${'f'.repeat(32)}`)),
    // A new message, or a retry of one already stored.
    messageSid: orOdd(
      fc.oneof(fc.stringMatching(/^SM[0-9a-f]{32}$/), fc.constantFrom(...t.messageSids)),
      fc.constantFrom('', 'SM1'),
    ),
    recordingSid: orOdd(fc.stringMatching(/^RE[0-9a-f]{32}$/), nastyString),
    count: fc.oneof(
      fc.nat({ max: 600 }).map(String),
      fc.constantFrom('-1', '1.5', '1e9', '99999999999999999999', 'NaN', ''),
      ...(hostile ? [nastyString] : []),
    ),
    recordingUrl: oneOf(
      'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/RE00000000000000000000000000000000',
      'https://api.twilio.com.evil.example/x',
      'http://127.0.0.1:1/recording',
      'file:///etc/passwd',
    ),
  };
}

type Params = Record<string, fc.Arbitrary<string>>;
interface Hook {
  path: string;
  query: Params;
  params: Params;
}

function hooks(t: WebhookTargets, hostile: boolean): Hook[] {
  const f = fieldsFor(t, hostile);
  const call = {
    CallSid: f.callSid,
    From: oddPhone,
    To: oddPhone,
    Caller: oddPhone,
    Called: oddPhone,
    CallStatus: f.oneOf('ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'),
    Direction: f.oneOf('inbound', 'outbound-api', 'outbound-dial'),
    AccountSid: fc.constant(`AC${'0'.repeat(32)}`),
    ApiVersion: fc.constant('2010-04-01'),
  };
  const voice = (path: string, query: Params, params: Params = {}) => ({
    path: `/webhooks/twilio/voice${path}`,
    query,
    params: { ...call, ...params },
  });
  const sms = {
    path: '/webhooks/twilio/sms',
    query: {},
    params: {
      MessageSid: f.messageSid,
      From: oddPhone,
      To: oddPhone,
      Body: text,
      NumMedia: hostile ? f.oneOf('0', '1', '2', '11') : fc.constant('0'),
      MediaUrl0: f.oneOf('https://api.twilio.com/2010-04-01/Accounts/AC00/Messages/MM00/Media/ME00', ''),
      MediaContentType0: f.oneOf('image/jpeg', 'text/plain', ''),
      SmsStatus: fc.constant('received'),
      AccountSid: fc.constant(`AC${'0'.repeat(32)}`),
      ApiVersion: fc.constant('2010-04-01'),
    },
  };
  return [
    // The customer's words: the webhook that matters most, so it gets a larger share.
    sms,
    sms,
    sms,
    {
      path: '/webhooks/twilio/sms/status',
      query: { messageId: f.id, round: f.count },
      params: {
        MessageSid: f.messageSid,
        MessageStatus: f.oneOf('queued', 'sent', 'delivered', 'undelivered', 'failed', 'read', '__proto__'),
        ErrorCode: f.oneOf('30003', '30008', ''),
      },
    },
    voice('', {}),
    voice('/status', { callId: f.callId }, { CallDuration: f.count }),
    voice(
      '/menu',
      { callId: f.callId, menu: f.oneOf('main', 'root', ''), attempt: f.count, step: f.count },
      { Digits: digits, SpeechResult: text },
    ),
    voice('/wait', { callId: f.callId }),
    voice('/wait-choice', { callId: f.callId }, { Digits: digits }),
    voice(
      '/queue-result',
      { callId: f.callId },
      {
        QueueResult: f.oneOf('bridged', 'hangup', 'leave', 'redirected', 'error', 'system-error'),
        QueueTime: f.count,
      },
    ),
    voice('/callback-number', { callId: f.callId, queueId: f.id, attempt: f.count }, { Digits: digits }),
    voice(
      '/voicemail',
      { callId: f.callId, queueId: f.id },
      { RecordingSid: f.recordingSid, RecordingUrl: f.recordingUrl, RecordingDuration: f.count },
    ),
    voice(
      '/transcription',
      { callId: f.callId },
      { RecordingSid: f.recordingSid, TranscriptionText: text, TranscriptionStatus: f.oneOf('completed', 'failed') },
    ),
    voice(
      '/recording',
      { callId: f.callId },
      {
        RecordingSid: f.recordingSid,
        RecordingUrl: f.recordingUrl,
        RecordingStatus: f.oneOf('completed', 'absent', 'failed'),
        RecordingDuration: f.count,
      },
    ),
    voice('/leg', { legId: f.id }),
    voice('/leg/status', { legId: f.id }),
    voice('/join', { callId: f.callId }),
    voice('/requeue', { callId: f.callId }),
    voice('/hold-music', {}),
    voice('/goodbye', {}),
  ];
}

/** Names a parser or handler may trip on: prototype keys, brackets, separators. */
const ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'MessageStatus[__proto__]', 'a[b]', 'a.b'];

/** The pairs, edited: a parameter dropped, one given twice, an odd one added. */
const edited = (pairs: Pair[]) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom('drop' as const, 'twice' as const, 'add' as const), fc.nat(), nastyString), {
        maxLength: 3,
      }),
      fc.constantFrom(...ODD_NAMES),
    )
    .map(([edits, oddName]) => {
      const out = [...pairs];
      for (const [kind, at, value] of edits) {
        if (out.length === 0) break;
        const i = at % out.length;
        if (kind === 'drop') out.splice(i, 1);
        else if (kind === 'twice') out.push([out[i][0], value]);
        else out.push([oddName, value]);
      }
      return out;
    });

/** The parameters as pairs; with `missing`, each one is left out one time in that many. */
const pairsOf = (params: Params, missing?: number) =>
  fc
    .record(
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, missing ? fc.option(v, { freq: missing }) : v])),
    )
    .map((values) => Object.entries(values).filter((e): e is Pair => e[1] !== null));

const FORM = 'application/x-www-form-urlencoded';
const hostileContentType = fc.constantFrom(
  ...Array.from({ length: 8 }, () => FORM),
  `${FORM}; charset=utf-8`,
  `${FORM}; charset=UTF-8`,
  `${FORM}; charset=latin1`,
  `${FORM}; charset=utf-16`,
  `${FORM}; charset=x-bogus`,
  `${FORM}; charset`,
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'text/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded, application/json',
  '',
);
const hostileSigning = fc.constantFrom(
  ...Array.from({ length: 4 }, () => 'valid' as const),
  'none',
  'garbage',
  'other-url',
  'other-params',
);

/** One webhook request: the hook's path with its query, its parameters, how it is sent and signed. */
function request(t: WebhookTargets, hook: Hook, hostile: boolean): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      query: hostile ? pairsOf(hook.query, 20).chain(edited) : pairsOf(hook.query),
      rawQuery: hostile ? oneTimeIn(4, fc.constant(true)) : fc.constant(null),
      params: hostile ? pairsOf(hook.params, 10).chain(edited) : pairsOf(hook.params),
      contentType: hostile ? hostileContentType : fc.constant(FORM),
      signing: hostile ? hostileSigning : fc.constant('valid' as const),
    })
    .map(({ query, rawQuery, params, contentType, signing }) => {
      const target = query.length ? `${hook.path}?${formEncode(query, rawQuery === true)}` : hook.path;
      const form = formEncode(params);
      const isForm = contentType.startsWith(FORM) && !contentType.includes(',');
      const body = contentType.includes('json') ? JSON.stringify(Object.fromEntries(params)) : form;
      // The server signs over what its form parser read: nothing, unless the body is a form it can read.
      const parsed = isForm && !/charset=(?!utf-8)/i.test(contentType) ? parsedForm(body) : {};
      const signature = {
        valid: () => twilio.getExpectedTwilioSignature(t.authToken, t.publicUrl + target, parsed),
        none: () => null,
        garbage: () => 'bm90IGEgc2lnbmF0dXJl',
        'other-url': () => twilio.getExpectedTwilioSignature(t.authToken, `${t.publicUrl}/webhooks/other`, parsed),
        'other-params': () =>
          twilio.getExpectedTwilioSignature(t.authToken, t.publicUrl + target, { ...parsed, Extra: 'x' }),
      }[signing]();
      const headers: [string, string][] = [];
      if (contentType) headers.push(['Content-Type', contentType]);
      if (signature) headers.push(['X-Twilio-Signature', signature]);
      return {
        family: `webhook POST ${hook.path}`,
        as: signing === 'valid' ? 'twilio' : 'forger',
        method: 'POST',
        target,
        headers,
        body: Buffer.from(body, 'utf8'),
      } satisfies FuzzRequest;
    });
}

/**
 * A Twilio webhook: three in five as Twilio sends them, signed, with odd text and numbers in them; the others
 * hostile, with odd, missing, repeated and prototype parameters, other bodies and content types, bad signatures.
 */
export function webhookRequest(t: WebhookTargets): fc.Arbitrary<FuzzRequest> {
  const asTwilio = hooks(t, false).map((hook) => request(t, hook, false));
  const hostile = hooks(t, true).map((hook) => request(t, hook, true));
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...asTwilio) }, { weight: 2, arbitrary: fc.oneof(...hostile) });
}
