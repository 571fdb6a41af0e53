import type { SimContext } from '../context';
import { presentMember, presentQueue } from './presenters';
import { Form, json, noContent, notFound, page, twilioError, type TwilioHttpResponse } from './restResponses';

export function listQueues(ctx: SimContext, query: Form, path: string) {
  const queues = ctx.queues.list().map((q) => presentQueue(ctx, q));
  return json(200, page('queues', path, queues, query.int('PageSize') || 50));
}

export function createQueue(ctx: SimContext, form: Form) {
  const name = form.one('FriendlyName');
  if (!name) return twilioError(400, 20001, 'Missing required parameter FriendlyName in the post body');
  if (ctx.queues.byFriendlyName(name))
    return twilioError(400, 22003, `A queue with friendly name ${name} already exists`);
  return json(201, presentQueue(ctx, ctx.queues.create(name, form.int('MaxSize'))));
}

export function fetchQueue(ctx: SimContext, sid: string, path: string) {
  const queue = ctx.queues.bySid(sid);
  return queue ? json(200, presentQueue(ctx, queue)) : notFound(path);
}

export function updateQueue(ctx: SimContext, sid: string, form: Form, path: string) {
  const queue = ctx.queues.bySid(sid);
  if (!queue) return notFound(path);
  const name = form.one('FriendlyName');
  if (name && name !== queue.name) ctx.queues.rename(queue, name);
  const maxSize = form.int('MaxSize');
  if (maxSize) queue.maxSize = maxSize;
  return json(200, presentQueue(ctx, queue));
}

export function deleteQueue(ctx: SimContext, sid: string, path: string) {
  const queue = ctx.queues.bySid(sid);
  if (!queue) return notFound(path);
  if (queue.members.length) return twilioError(400, 20009, 'Cannot delete a queue with calls in it');
  ctx.queues.delete(queue);
  return noContent();
}

export function listMembers(ctx: SimContext, queueSid: string, query: Form, path: string) {
  const queue = ctx.queues.bySid(queueSid);
  if (!queue) return notFound(path);
  return json(
    200,
    page(
      'queue_members',
      path,
      queue.members.map((m) => presentMember(ctx, queue, m)),
      query.int('PageSize') || 50,
    ),
  );
}

function memberOf(ctx: SimContext, queueSid: string, callSid: string) {
  const queue = ctx.queues.bySid(queueSid);
  const member = callSid === 'Front' ? queue?.members.find((m) => !m.dequeued.settled) : queue?.member(callSid);
  return queue && member ? { queue, member } : null;
}

export function fetchMember(ctx: SimContext, queueSid: string, callSid: string, path: string) {
  const found = memberOf(ctx, queueSid, callSid);
  return found ? json(200, presentMember(ctx, found.queue, found.member)) : notFound(path);
}

/** POST /Members/{CallSid or Front}.json with Url: dequeues the caller to run that document (QueueResult=redirected). */
export function dequeueMember(
  ctx: SimContext,
  queueSid: string,
  callSid: string,
  form: Form,
  path: string,
): TwilioHttpResponse {
  const found = memberOf(ctx, queueSid, callSid);
  if (!found) return notFound(path);
  const url = form.one('Url');
  if (!url || !/^https?:\/\//.test(url)) return twilioError(400, 21205, `Url is not a valid URL: ${url ?? ''}`);
  const method = form.method('Method');
  if (method === null) return twilioError(400, 21207, `Invalid Method: ${form.one('Method')}`);
  const body = presentMember(ctx, found.queue, found.member);
  found.member.dequeued.resolve({ kind: 'redirected', to: { kind: 'fetch', url, method: method ?? 'POST' } });
  return json(200, body);
}
