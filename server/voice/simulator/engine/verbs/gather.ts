import { deferred } from '../../simClock';
import { boolAttr, intAttr, methodAttr, TwimlError, type TwimlNode } from '../../twiml/twimlNode';
import { resolveUrl } from '../instruction';
import { CONTINUE, type VerbOutcome, type VerbScope } from '../verbScope';
import { pause, play, say } from './media';

type GatherResult = { digits: string; finishedOnKey?: string } | { speech: string };

const PROMPTS = { Say: say, Play: play, Pause: pause } as const;

/**
 * `<Gather>`: plays its prompts while listening (the first input cuts them off), then waits `timeout` seconds
 * (again after each key). Digits end at numDigits or finishOnKey, speech at once; whatever came in by the
 * timeout is submitted. No input goes on with the next verb unless actionOnEmptyResult.
 */
export async function gather(scope: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const { ctx, call } = scope;
  const input = (verb.attrs.input ?? 'dtmf').split(/\s+/).filter(Boolean);
  if (!input.length || input.some((i) => i !== 'dtmf' && i !== 'speech'))
    throw new TwimlError(`<Gather> input="${verb.attrs.input}" must be dtmf, speech or both`, 12200);
  const numDigits = verb.attrs.numDigits ? intAttr(verb, 'numDigits', 0) : null;
  const finishOnKey = verb.attrs.finishOnKey ?? '#';
  const timeout = intAttr(verb, 'timeout', 5);
  const actionUrl = verb.attrs.action ? resolveUrl(verb.attrs.action, scope.documentUrl) : scope.documentUrl;
  const method = methodAttr(verb, 'method');
  const actionOnEmptyResult = boolAttr(verb, 'actionOnEmptyResult', false);

  const result = deferred<GatherResult | null>();
  const prompts = new AbortController();
  let digits = '';
  let quiet: AbortController | null = null;
  const waitQuietly = () => {
    quiet?.abort();
    quiet = new AbortController();
    ctx.clock.sleep(timeout, AbortSignal.any([scope.signal, quiet.signal])).then(
      () => result.resolve(digits ? { digits } : null),
      () => {},
    );
  };
  const awaiting = {
    kind: 'gather' as const,
    input: input as Array<'dtmf' | 'speech'>,
    numDigits,
    finishOnKey,
    digits: '',
    hints: verb.attrs.hints ?? null,
  };
  call.awaiting = awaiting;
  call.listener = {
    digit: input.includes('dtmf')
      ? (key) => {
          if (result.settled) return;
          prompts.abort();
          if (finishOnKey && key === finishOnKey) return result.resolve({ digits, finishedOnKey: key });
          digits += key;
          awaiting.digits = digits;
          call.touch();
          if (numDigits !== null && digits.length >= numDigits) return result.resolve({ digits });
          waitQuietly();
        }
      : undefined,
    speech: input.includes('speech')
      ? (text) => {
          prompts.abort();
          result.resolve({ speech: text });
        }
      : undefined,
  };
  call.note('gather', { details: { input, numDigits, finishOnKey, timeout } });

  const promptScope = { ...scope, signal: AbortSignal.any([scope.signal, prompts.signal]) };
  (async () => {
    for (const prompt of verb.children) await PROMPTS[prompt.name as keyof typeof PROMPTS](promptScope, prompt);
  })().then(
    () => {
      if (!result.settled && !digits) waitQuietly();
    },
    () => {},
  );

  let got: GatherResult | null;
  try {
    got = await ctx.clock.abortable(result.promise, scope.signal);
  } finally {
    prompts.abort();
    (quiet as AbortController | null)?.abort();
    call.listener = null;
    call.awaiting = null;
    call.touch();
  }
  const params: Record<string, string> | null = !got
    ? null
    : 'speech' in got
      ? { SpeechResult: got.speech, Confidence: '0.92' }
      : got.digits
        ? { Digits: got.digits, ...(got.finishedOnKey ? { FinishedOnKey: got.finishedOnKey } : {}) }
        : null;
  if (!params && !actionOnEmptyResult) return CONTINUE;
  if (!actionUrl) return CONTINUE;
  return {
    kind: 'next',
    answersInput: true,
    to: { kind: 'fetch', url: actionUrl, method, params: { ...scope.extraParams?.(), ...(params ?? { Digits: '' }) } },
  };
}
