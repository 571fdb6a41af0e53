import type { CallRegistry } from '../calls/callRegistry';
import type { SimCall } from '../calls/simCall';
import type { CallSnapshot } from '../types';

/**
 * Resolves with the first call snapshot (of `callSid`, or of any call) that satisfies `predicate`, checked now
 * and at every change; rejects after `timeoutMs` of real time with what the call(s) looked like.
 */
export function waitForCall(
  calls: CallRegistry,
  snapshot: (call: SimCall) => CallSnapshot,
  predicate: (s: CallSnapshot) => boolean,
  options: { callSid?: string; timeoutMs: number },
): Promise<CallSnapshot> {
  const candidates = () =>
    options.callSid ? [calls.get(options.callSid)].filter((c): c is SimCall => !!c) : calls.all();
  return new Promise((resolve, reject) => {
    const test = (call: SimCall) => {
      if (options.callSid && call.sid !== options.callSid) return false;
      const view = snapshot(call);
      if (!predicate(view)) return false;
      finish();
      resolve(view);
      return true;
    };
    const unsubscribe = calls.subscribe((call) => void test(call));
    const timer = setTimeout(() => {
      finish();
      const seen = candidates().map((c) => describe(snapshot(c)));
      reject(
        new Error(
          `waitFor${options.callSid ? ` ${options.callSid}` : ''} timed out after ${options.timeoutMs} ms.\n${seen.join('\n') || 'no such call'}`,
        ),
      );
    }, options.timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
    };
    for (const call of candidates()) if (test(call)) return;
  });
}

function describe(s: CallSnapshot) {
  const transcript = s.transcript.map(
    (e) =>
      `    ${e.kind}${e.text ? ` "${e.text}"` : ''}${e.url ? ` ${e.url}` : ''}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`,
  );
  return [
    `  ${s.sid} ${s.direction} ${s.from} -> ${s.to}: ${s.status}, awaiting ${s.awaiting?.kind ?? 'nothing'}`,
    ...transcript.slice(-15),
  ].join('\n');
}
