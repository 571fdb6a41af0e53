import type { SimContext } from '../context';
import type { SimCall } from '../calls/simCall';
import type { HttpMethod } from '../types';
import { ApplicationError } from './applicationError';
import { executeVerbs } from './executeVerbs';
import type { Instruction } from './instruction';
import { loadDocument } from './loadDocument';

/** Twilio's default hold music for queues and conferences. */
export const TWILIO_HOLD_MUSIC = 'https://twimlets.com/holdmusic?Bucket=com.twilio.music.classical';

// A wait or hold document is requested no more often than this (simulated seconds), so an empty one cannot spin.
export const MIN_LOOP_SECONDS = 1;

/** Twilio's own hold-music URLs, which the simulator "plays" without fetching. */
export function isTwilioHoldMusic(url: string) {
  return /(^|\.)twimlets\.com$/.test(new URL(url).hostname) || url.includes('com.twilio.music');
}

/**
 * Plays a wait or hold document to the call until `signal` aborts: Say/Play/Pause/Redirect, re-requested when it
 * ends. '' is silence; Twilio's hold music just plays. A failing document stops the music (the call goes on).
 */
export async function playLoopingDocument(
  ctx: SimContext,
  call: SimCall,
  url: string,
  method: HttpMethod,
  extraParams: () => Record<string, string>,
  signal: AbortSignal,
) {
  if (!url) return;
  if (isTwilioHoldMusic(url)) {
    call.note('play', { url, details: { loop: 0 } });
    return;
  }
  let next: Instruction = { kind: 'fetch', url, method };
  for (;;) {
    const started = Date.now();
    try {
      const doc = await loadDocument(
        ctx,
        call,
        next as Extract<Instruction, { kind: 'fetch' }>,
        'music',
        signal,
        extraParams(),
      );
      const outcome = await executeVerbs(
        { ctx, call, signal, documentUrl: doc.url, context: 'music', extraParams },
        doc.verbs,
      );
      next = outcome.kind === 'next' ? outcome.to : { kind: 'fetch', url, method };
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      call.note('error', { text: error.message, details: { code: error.code, url: error.url } });
      return;
    }
    await waitOutLoop(ctx, started, signal);
  }
}

/** Sleeps what is left of the minimum loop interval since `started`. */
export async function waitOutLoop(ctx: SimContext, startedMs: number, signal: AbortSignal) {
  const elapsed = (Date.now() - startedMs) / 1000 / ctx.clock.timeScale;
  if (elapsed < MIN_LOOP_SECONDS) await ctx.clock.sleep(MIN_LOOP_SECONDS - elapsed, signal);
}
