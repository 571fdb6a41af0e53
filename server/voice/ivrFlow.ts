import { chooseOption, type VoiceWebhook } from '../../channels/voice/voiceWebhook';
import type { AppContext } from '../context';
import { callerIdentity } from '../intake/contactIdentity';
import { isOpen } from './businessHours';
import { publishCallChanged } from './callEvents';
import { findCall } from './callQueries';
import { twimlFor } from './callTwiml';
import { loadIvr, type IvrAction, type IvrMenu, type IvrSettings } from './ivrSettings';
import { enterQueue } from './queueCall';
import { offerSurveyOptIn } from '../surveys/voice/surveyOptIn';
import { HttpError } from '../http/httpError';

const MAX_MENU_ATTEMPTS = 3;

/**
 * "A call comes in": one row per CallSid from the first webhook (a retried webhook finds it), the caller looked up by
 * number so the screen pop is ready before anyone answers; then the greeting and the main menu, or, out of business
 * hours, the closed message and voicemail.
 */
export async function answerIncomingCall(ctx: AppContext, hook: VoiceWebhook): Promise<string> {
  const [callId, ivr] = await Promise.all([recordIncomingCall(ctx, hook), loadIvr(ctx.sql)]);
  const twiml = twimlFor(ctx, ivr);
  if (!(await isOpen(ctx.sql, ivr.businessHoursId))) {
    await appendPath(ctx, callId, 'closed', 0);
    return twiml.closed(callId, ivr.voicemailQueueId);
  }
  return twiml.menu(callId, menuById(ivr, ivr.rootMenuId), 0, 0, ivr.greeting);
}

async function recordIncomingCall(ctx: AppContext, hook: VoiceWebhook): Promise<string> {
  // Found by the identity intake files the caller under, looked up in the insert itself (one round trip while Twilio
  // waits for the menu). A withheld or malformed caller ID finds nobody: the call is still answered, and if it
  // reaches a queue, intake files it under a customer of its own.
  const phone = callerIdentity(hook.from, ctx.config.DEFAULT_PHONE_REGION);
  const status = hook.callStatus === 'in-progress' || hook.callStatus === 'queued' ? hook.callStatus : 'ringing';
  const [row] = await ctx.sql<{ id: string; created: boolean }[]>`
    insert into calls (call_sid, direction, from_number, to_number, status, customer_id)
    values (${hook.callSid}, 'inbound', ${hook.from}, ${hook.to}, ${status},
      (select customer_id from customer_identities where kind = 'phone' and value = ${phone}))
    on conflict (call_sid) do update set updated_at = now()
    returning id, (xmax = 0) as created`;
  // Twilio waits for the menu, not for the monitors: they are told after the answer is on its way.
  if (row.created)
    publishCallChanged(ctx, row.id).catch((err) =>
      ctx.log.warn({ err, callId: row.id }, 'incoming call not published'),
    );
  return row.id;
}

function menuById(ivr: IvrSettings, id: string): IvrMenu {
  const menu = ivr.menus.find((m) => m.id === id);
  if (!menu) throw new HttpError(400, 'invalid_input', `No IVR menu "${id}".`);
  return menu;
}

/**
 * Records a step of the caller's way through the menus, once: `at` is how many steps the path held when the caller
 * was asked. Twilio retries a webhook it got no answer to; the retry finds the path already longer and adds nothing,
 * while a second pass through the same menu (asked at a later step) is recorded. Returns the path's length after
 * the step. `at` null: a menu answer without a step (asked before steps rode along), recorded as it comes.
 */
async function appendPath(ctx: AppContext, callId: string, step: string, at: number | null): Promise<number> {
  if (at === null) {
    const [row] = await ctx.sql<{ length: number }[]>`
      update calls set ivr_path = array_append(ivr_path, ${step}), updated_at = now() where id = ${callId} returning cardinality(ivr_path) as length`;
    return row?.length ?? 0;
  }
  await ctx.sql`update calls set ivr_path = array_append(ivr_path, ${step}), updated_at = now() where id = ${callId} and cardinality(ivr_path) = ${at}`;
  return at + 1;
}

/** The caller answered a menu (or did not): follow the chosen option, ask again, or after three misses take the first option. */
export async function answerMenu(
  ctx: AppContext,
  callId: string,
  menuId: string,
  attempt: number,
  step: number | null,
  hook: VoiceWebhook,
): Promise<string> {
  const call = await findCall(ctx.sql, callId);
  if (!call) throw new HttpError(404, 'not_found', 'Call not found.');
  const ivr = await loadIvr(ctx.sql);
  const twiml = twimlFor(ctx, ivr);
  // The menu may have been edited while the caller listened: start again from the top.
  const menu = ivr.menus.find((m) => m.id === menuId) ?? menuById(ivr, ivr.rootMenuId);
  const chosen = chooseOption(menu.options, hook);
  if (!chosen) {
    if (attempt + 1 < MAX_MENU_ATTEMPTS) {
      const sorry =
        hook.digits || hook.speech ? 'Sorry, that is not one of the choices.' : 'Sorry, I did not get that.';
      // Asked again, nothing recorded: the path is as long as it was.
      return twiml.menu(callId, menu, attempt + 1, step ?? (await pathLength(ctx, callId)), sorry);
    }
    const next = await appendPath(ctx, callId, `${menu.id}:none`, step);
    return followAction(ctx, ivr, callId, menu.options[0].action, next);
  }
  const next = await appendPath(ctx, callId, `${menu.id}:${chosen.key} ${chosen.label}`, step);
  return followAction(ctx, ivr, callId, chosen.action, next);
}

async function pathLength(ctx: AppContext, callId: string) {
  const [row] = await ctx.sql<
    { length: number }[]
  >`select cardinality(ivr_path) as length from calls where id = ${callId}`;
  return row?.length ?? 0;
}

/** `step`: the path's length once this choice is recorded, where a submenu asks from. */
async function followAction(
  ctx: AppContext,
  ivr: IvrSettings,
  callId: string,
  action: IvrAction,
  step: number,
): Promise<string> {
  const twiml = twimlFor(ctx, ivr);
  switch (action.type) {
    case 'submenu':
      return twiml.menu(callId, menuById(ivr, action.menuId), 0, step);
    case 'voicemail':
      await ctx.sql`update calls set voicemail = true where id = ${callId}`;
      return twiml.voicemail(callId, action.queueId ?? ivr.voicemailQueueId);
    case 'callback': {
      const call = (await findCall(ctx.sql, callId))!;
      await ctx.sql`update calls set callback_requested = true, queue_id = ${action.queueId} where id = ${callId}`;
      return twiml.callbackNumber(callId, action.queueId, call.fromNumber, 0);
    }
    case 'queue':
      return (await offerSurveyOptIn(ctx, ivr, callId, action.queueId)) ?? enterQueue(ctx, ivr, callId, action.queueId);
  }
}
