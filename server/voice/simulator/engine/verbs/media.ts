import { intAttr, type TwimlNode } from '../../twiml/twimlNode';
import { resolveUrl } from '../instruction';
import { CONTINUE, type VerbOutcome, type VerbScope } from '../verbScope';

// A simulated voice speaks about 150 words a minute; an audio file of unknown length plays for a few seconds.
const SECONDS_PER_WORD = 0.4;
export const PLAY_SECONDS = 5;

export function speechSeconds(text: string) {
  return Math.max(1, text.split(/\s+/).filter(Boolean).length * SECONDS_PER_WORD);
}

/** `<Say>`: the party hears the text; loop="0" repeats until something interrupts. */
export async function say({ ctx, call, signal }: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const loop = intAttr(verb, 'loop', 1);
  const text = verb.innerText;
  call.note('say', { text, details: { voice: verb.attrs.voice ?? null, language: verb.attrs.language ?? null, loop } });
  await ctx.clock.sleep(loop === 0 ? Infinity : speechSeconds(text) * loop, signal);
  return CONTINUE;
}

/** `<Play>`: an audio URL (or DTMF `digits`) plays; loop="0" plays until something interrupts. */
export async function play({ ctx, call, signal, documentUrl }: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const loop = intAttr(verb, 'loop', 1);
  if (!verb.text) {
    call.note('play', { details: { digits: verb.attrs.digits } });
    await ctx.clock.sleep(0.1 * verb.attrs.digits.length, signal);
    return CONTINUE;
  }
  call.note('play', { url: resolveUrl(verb.text, documentUrl), details: { loop } });
  await ctx.clock.sleep(loop === 0 ? Infinity : PLAY_SECONDS * loop, signal);
  return CONTINUE;
}

/** `<Pause length>`: silence, 1 s by default. */
export async function pause({ ctx, call, signal }: VerbScope, verb: TwimlNode): Promise<VerbOutcome> {
  const length = intAttr(verb, 'length', 1);
  call.note('pause', { details: { length } });
  await ctx.clock.sleep(length, signal);
  return CONTINUE;
}
