import { describe, expect, it } from 'vitest';
import { furthest, movesForward } from './deliveryStatus';

describe('movesForward', () => {
  it('when a report is later in a send’s life, then it applies: queued → sending → sent → delivered → failed', () => {
    expect(movesForward('queued', 'sending')).toBe(true);
    expect(movesForward('sending', 'sent')).toBe(true);
    expect(movesForward('sending', 'delivered')).toBe(true);
    expect(movesForward('sent', 'delivered')).toBe(true);
    expect(movesForward('delivered', 'undelivered')).toBe(true);
    expect(movesForward('pending', 'sending')).toBe(true);
  });

  it('when the send job’s `sent` comes after the `delivered` callback, then delivered stays', () => {
    expect(movesForward('delivered', 'sent')).toBe(false);
    expect(furthest('delivered', 'sent')).toBe('delivered');
  });

  it('when a final status is reported again or another final one follows, then the first stands', () => {
    expect(movesForward('failed', 'failed')).toBe(false);
    expect(movesForward('failed', 'undelivered')).toBe(false);
    expect(movesForward('undelivered', 'delivered')).toBe(false);
  });

  it('when a recipient was skipped, or a status is unknown, then nothing moves it', () => {
    expect(movesForward('skipped', 'failed')).toBe(false);
    expect(movesForward('sent', 'bogus')).toBe(false);
    expect(movesForward('bogus', 'sent')).toBe(false);
  });
});
