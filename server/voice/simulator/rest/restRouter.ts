import type { SimContext } from '../context';
import { createCall, deleteCall, fetchCall, listCalls, updateCall } from './callsApi';
import {
  createParticipant,
  fetchConference,
  fetchParticipant,
  listConferences,
  listParticipants,
  removeParticipant,
  updateConference,
  updateParticipant,
} from './conferencesApi';
import { presentRecording } from './presenters';
import {
  createQueue,
  deleteQueue,
  dequeueMember,
  fetchMember,
  fetchQueue,
  listMembers,
  listQueues,
  updateQueue,
} from './queuesApi';
import { Form, json, notFound, twilioError, type TwilioHttpRequest, type TwilioHttpResponse } from './restResponses';

type Handler = (ctx: SimContext, ids: string[], form: Form, path: string) => TwilioHttpResponse;

// Paths under /2010-04-01/Accounts/{AccountSid}; each capture group is an id passed on in order.
const ROUTES: Array<[method: string, pattern: RegExp, handler: Handler]> = [
  ['post', /^\/Calls\.json$/, (ctx, _, form) => createCall(ctx, form)],
  ['get', /^\/Calls\.json$/, (ctx, _, form, path) => listCalls(ctx, form, path)],
  ['get', /^\/Calls\/([^/]+)\.json$/, (ctx, [sid], _, path) => fetchCall(ctx, sid, path)],
  ['post', /^\/Calls\/([^/]+)\.json$/, (ctx, [sid], form, path) => updateCall(ctx, sid, form, path)],
  ['delete', /^\/Calls\/([^/]+)\.json$/, (ctx, [sid], _, path) => deleteCall(ctx, sid, path)],
  ['get', /^\/Conferences\.json$/, (ctx, _, form, path) => listConferences(ctx, form, path)],
  ['get', /^\/Conferences\/([^/]+)\.json$/, (ctx, [sid], _, path) => fetchConference(ctx, sid, path)],
  ['post', /^\/Conferences\/([^/]+)\.json$/, (ctx, [sid], form, path) => updateConference(ctx, sid, form, path)],
  [
    'get',
    /^\/Conferences\/([^/]+)\/Participants\.json$/,
    (ctx, [sid], form, path) => listParticipants(ctx, sid, form, path),
  ],
  [
    'post',
    /^\/Conferences\/([^/]+)\/Participants\.json$/,
    (ctx, [sid], form, path) => createParticipant(ctx, sid, form, path),
  ],
  [
    'get',
    /^\/Conferences\/([^/]+)\/Participants\/([^/]+)\.json$/,
    (ctx, [sid, call], _, path) => fetchParticipant(ctx, sid, call, path),
  ],
  [
    'post',
    /^\/Conferences\/([^/]+)\/Participants\/([^/]+)\.json$/,
    (ctx, [sid, call], form, path) => updateParticipant(ctx, sid, call, form, path),
  ],
  [
    'delete',
    /^\/Conferences\/([^/]+)\/Participants\/([^/]+)\.json$/,
    (ctx, [sid, call], _, path) => removeParticipant(ctx, sid, call, path),
  ],
  ['get', /^\/Queues\.json$/, (ctx, _, form, path) => listQueues(ctx, form, path)],
  ['post', /^\/Queues\.json$/, (ctx, _, form) => createQueue(ctx, form)],
  ['get', /^\/Queues\/([^/]+)\.json$/, (ctx, [sid], _, path) => fetchQueue(ctx, sid, path)],
  ['post', /^\/Queues\/([^/]+)\.json$/, (ctx, [sid], form, path) => updateQueue(ctx, sid, form, path)],
  ['delete', /^\/Queues\/([^/]+)\.json$/, (ctx, [sid], _, path) => deleteQueue(ctx, sid, path)],
  ['get', /^\/Queues\/([^/]+)\/Members\.json$/, (ctx, [sid], form, path) => listMembers(ctx, sid, form, path)],
  [
    'get',
    /^\/Queues\/([^/]+)\/Members\/([^/]+)\.json$/,
    (ctx, [sid, call], _, path) => fetchMember(ctx, sid, call, path),
  ],
  [
    'post',
    /^\/Queues\/([^/]+)\/Members\/([^/]+)\.json$/,
    (ctx, [sid, call], form, path) => dequeueMember(ctx, sid, call, form, path),
  ],
  [
    'get',
    /^\/Recordings\/([^/]+)\.json$/,
    (ctx, [sid], _, path) => {
      const recording = ctx.recordings.get(sid);
      return recording ? json(200, presentRecording(ctx, recording)) : notFound(path);
    },
  ],
];

/**
 * Serves the Voice part of Twilio's REST API (2010-04-01) for the official client's `httpClient`: the same
 * paths, form fields, JSON bodies and error bodies. Credentials must be the account's.
 */
export async function serveRestRequest(ctx: SimContext, req: TwilioHttpRequest): Promise<TwilioHttpResponse> {
  const url = new URL(req.uri);
  const path = url.pathname;
  if (req.username !== undefined && (req.username !== ctx.accountSid || req.password !== ctx.authToken))
    return twilioError(401, 20003, 'Authenticate');
  const prefix = `/2010-04-01/Accounts/${ctx.accountSid}`;
  if (!path.startsWith(`${prefix}/`)) return notFound(path);
  const method = req.method.toLowerCase();
  const rest = path.slice(prefix.length);
  const query = { ...Object.fromEntries(url.searchParams), ...(req.params ?? {}) };
  const form = new Form(method === 'get' || method === 'delete' ? query : (req.data ?? {}));
  let pathMatched = false;
  for (const [routeMethod, pattern, handler] of ROUTES) {
    const match = pattern.exec(rest);
    if (!match) continue;
    pathMatched = true;
    if (routeMethod === method) return handler(ctx, match.slice(1), form, path);
  }
  return pathMatched ? twilioError(405, 20004, 'Method not allowed') : notFound(path);
}
