import { SimCall, type SimCallInit } from './simCall';

type Listener = (call: SimCall) => void;

/**
 * Every call leg, live or ended (the most recent `retainEnded` ended ones are kept for the UI), and the change
 * feed: changes are coalesced per tick, then reported to listeners (waitFor) and to the `onChanged` option.
 */
export class CallRegistry {
  private readonly calls = new Map<string, SimCall>();
  private readonly listeners = new Set<Listener>();
  private readonly dirty = new Set<SimCall>();
  private flushScheduled = false;
  private closed = false;

  constructor(
    private readonly retainEnded: number,
    private readonly onChanged?: Listener,
  ) {}

  create(init: SimCallInit): SimCall {
    const call = new SimCall(init, (c) => this.changed(c));
    this.calls.set(call.sid, call);
    this.changed(call);
    return call;
  }

  get(sid: string) {
    return this.calls.get(sid);
  }

  all(): SimCall[] {
    return [...this.calls.values()];
  }

  /** Drops a call's record (REST DELETE of an ended call). */
  delete(sid: string) {
    this.calls.delete(sid);
  }

  subscribe(listener: Listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(call: SimCall) {
    if (this.closed) return;
    this.dirty.add(call);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  close() {
    this.closed = true;
    this.listeners.clear();
  }

  private flush() {
    this.flushScheduled = false;
    const changed = [...this.dirty];
    this.dirty.clear();
    if (this.closed) return;
    this.prune();
    for (const call of changed) {
      for (const listener of [...this.listeners]) listener(call);
      try {
        this.onChanged?.(call);
      } catch {
        // A failing observer must not break the simulated call.
      }
    }
  }

  private prune() {
    const ended = this.all().filter((c) => !c.isLive);
    if (ended.length <= this.retainEnded) return;
    ended.sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    for (const call of ended.slice(0, ended.length - this.retainEnded)) this.calls.delete(call.sid);
  }
}
