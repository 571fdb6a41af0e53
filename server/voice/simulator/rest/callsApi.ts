import type { SimContext } from '../context';
import { endCall, hangupStatus } from '../calls/callLifecycle';
import { isEndpointAddress } from '../calls/endpointDirectory';
import type { StatusCallbackConfig, StatusEvent } from '../calls/simCall';
import { redirectCall } from '../engine/callRunner';
import type { Instruction } from '../engine/instruction';
import { runOutboundCall } from '../engine/outboundCall';
import { newSid } from '../sids';
import { presentCall } from './presenters';
import { Form, json, noContent, notFound, page, twilioError, type TwilioHttpResponse } from './restResponses';

const STATUS_EVENTS: StatusEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

/** POST /Calls.json: an outbound-api call to a number or a client, running Url or Twiml once answered. */
export function createCall(ctx: SimContext, form: Form): TwilioHttpResponse {
  const to = form.one('To');
  const from = form.one('From');
  if (!to) return twilioError(400, 21201, "No 'To' number is specified");
  if (!from) return twilioError(400, 21213, "No 'From' number is specified");
  if (!isEndpointAddress(to)) return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
  if (!isEndpointAddress(from)) return twilioError(400, 21212, `Invalid 'From' Phone Number: ${from}`);
  const instruction = documentOf(form);
  if ('error' in instruction) return instruction.error;
  const statusCallback = statusCallbackOf(form);
  if (statusCallback && 'error' in statusCallback) return statusCallback.error;
  const timeout = form.int('Timeout') ?? 60;
  if (!Number.isInteger(timeout) || timeout < 1)
    return twilioError(400, 21216, `Invalid Timeout: ${form.one('Timeout')}`);

  const call = ctx.calls.create({
    sid: newSid('CA'),
    from,
    to,
    direction: 'outbound-api',
    status: 'queued',
    statusCallback,
  });
  call.answerInstruction = instruction;
  const response = json(201, presentCall(ctx, call));
  const recording = form.bool('Record')
    ? {
        callback: form.one('RecordingStatusCallback')
          ? {
              url: form.one('RecordingStatusCallback')!,
              method: form.method('RecordingStatusCallbackMethod') ?? 'POST',
              events: new Set(
                form.many('RecordingStatusCallbackEvent').length
                  ? form.many('RecordingStatusCallbackEvent')
                  : ['completed'],
              ),
            }
          : null,
      }
    : null;
  void runOutboundCall(ctx, call, Math.min(timeout, 600), recording);
  return response;
}

/** POST /Calls/{Sid}.json: redirect a live call (Url or Twiml), or end it (Status completed, or canceled while ringing). */
export function updateCall(ctx: SimContext, sid: string, form: Form, path: string): TwilioHttpResponse {
  const call = ctx.calls.get(sid);
  if (!call) return notFound(path);
  const status = form.one('Status');
  if (status !== undefined) {
    if (status !== 'completed' && status !== 'canceled') return twilioError(400, 21218, `Invalid Status: ${status}`);
    const unanswered = call.answeredAt === null;
    if (call.isLive && (status === 'completed' || unanswered)) {
      call.note('hangup', { details: { by: 'api' } });
      endCall(ctx, call, status === 'canceled' ? 'canceled' : hangupStatus(call));
    }
    return json(200, presentCall(ctx, call));
  }
  if (!form.one('Url') && !form.one('Twiml')) return json(200, presentCall(ctx, call));
  if (!call.isLive) return twilioError(400, 21220, 'Call is not in-progress. Cannot redirect.');
  const instruction = documentOf(form);
  if ('error' in instruction) return instruction.error;
  if (call.answeredAt === null && call.direction !== 'inbound') call.answerInstruction = instruction;
  else {
    call.note('redirect', { url: instruction.kind === 'fetch' ? instruction.url : undefined, details: { by: 'api' } });
    redirectCall(ctx, call, instruction);
  }
  return json(200, presentCall(ctx, call));
}

export function fetchCall(ctx: SimContext, sid: string, path: string) {
  const call = ctx.calls.get(sid);
  return call ? json(200, presentCall(ctx, call)) : notFound(path);
}

export function deleteCall(ctx: SimContext, sid: string, path: string) {
  const call = ctx.calls.get(sid);
  if (!call) return notFound(path);
  if (call.isLive) return twilioError(400, 20009, 'Cannot delete a call that is in progress');
  ctx.calls.delete(sid);
  return noContent();
}

/** GET /Calls.json with Status, To, From, ParentCallSid filters, newest first. */
export function listCalls(ctx: SimContext, query: Form, path: string) {
  const filters = {
    status: query.one('Status'),
    to: query.one('To'),
    from: query.one('From'),
    parentCallSid: query.one('ParentCallSid'),
  };
  const calls = ctx.calls
    .all()
    .filter(
      (c) =>
        (!filters.status || c.status === filters.status) &&
        (!filters.to || c.to === filters.to) &&
        (!filters.from || c.from === filters.from) &&
        (!filters.parentCallSid || c.parentCallSid === filters.parentCallSid),
    )
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((c) => presentCall(ctx, c));
  return json(200, page('calls', path, calls, query.int('PageSize') || 50));
}

function documentOf(form: Form): Instruction | { error: TwilioHttpResponse } {
  const twiml = form.one('Twiml');
  if (twiml) return { kind: 'twiml', xml: twiml };
  const url = form.one('Url');
  if (!url) return { error: twilioError(400, 21205, 'Url or Twiml parameter is required.') };
  if (!/^https?:\/\//.test(url)) return { error: twilioError(400, 21205, `Url is not a valid URL: ${url}`) };
  const method = form.method('Method');
  if (method === null) return { error: twilioError(400, 21207, `Invalid Method: ${form.one('Method')}`) };
  return { kind: 'fetch', url, method: method ?? 'POST' };
}

function statusCallbackOf(form: Form): StatusCallbackConfig | { error: TwilioHttpResponse } | null {
  const url = form.one('StatusCallback');
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) return { error: twilioError(400, 21609, `StatusCallback is not a valid URL: ${url}`) };
  const events = form.many('StatusCallbackEvent');
  if (events.some((e) => !STATUS_EVENTS.includes(e as StatusEvent)))
    return { error: twilioError(400, 21626, `Invalid StatusCallbackEvent: ${events.join(' ')}`) };
  const method = form.method('StatusCallbackMethod');
  if (method === null)
    return { error: twilioError(400, 21207, `Invalid StatusCallbackMethod: ${form.one('StatusCallbackMethod')}`) };
  return { url, method: method ?? 'POST', events: new Set((events.length ? events : ['completed']) as StatusEvent[]) };
}
