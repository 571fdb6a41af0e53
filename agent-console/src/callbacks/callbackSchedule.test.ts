import { describe, expect, it } from 'vitest';
import type { CallbackView } from '../api/callbackEndpoints';
import {
  checkCallbackForm,
  defaultDueInput,
  isCancelable,
  isOverdue,
  minDueInput,
  splitCallbacks,
} from './callbackSchedule';

const callback = (id: string, status: CallbackView['status'], dueAt: string): CallbackView => ({
  id,
  customerId: 'c',
  customerName: 'Ann',
  ticketId: 't',
  queueId: 'q',
  phoneNumber: '+14155550100',
  status,
  dueAt,
  queuedSince: dueAt,
  attempts: 0,
  maxAttempts: 3,
  note: '',
  lastOutcome: null,
  requestedByUserId: null,
  attemptLog: [],
});

describe('defaultDueInput', () => {
  it('is the first quarter hour at least an hour away, in local time', () => {
    expect(defaultDueInput(new Date(2025, 2, 10, 14, 5))).toBe('2025-03-10T15:15');
    expect(defaultDueInput(new Date(2025, 2, 10, 14, 15))).toBe('2025-03-10T15:15');
    expect(defaultDueInput(new Date(2025, 2, 10, 23, 50))).toBe('2025-03-11T01:00');
  });
});

describe('checkCallbackForm', () => {
  const at = (...parts: [number, number, number, number, number, number?]) => new Date(...parts).getTime();

  it('turns the local time into an instant', () => {
    const checked = checkCallbackForm(
      { phoneNumber: '+14155550100', queueId: 'q', dueAt: '2025-03-10T15:15', note: '' },
      at(2025, 2, 10, 14, 0),
    );
    expect(checked).toEqual({ dueAt: new Date(2025, 2, 10, 15, 15).toISOString(), missing: [], pastDue: false });
  });

  it('names what is missing or not a time', () => {
    expect(checkCallbackForm({ phoneNumber: ' ', queueId: '', dueAt: '2025-02-30T10:00', note: '' }).missing).toEqual([
      'phoneNumber',
      'queueId',
      'dueAt',
    ]);
  });

  it('flags a due time in the past, allowing this very minute (a minute’s grace, as on the server)', () => {
    const form = (dueAt: string) => ({ phoneNumber: '+14155550100', queueId: 'q', dueAt, note: '' });
    expect(checkCallbackForm(form('2025-03-10T13:00'), at(2025, 2, 10, 14, 0)).pastDue).toBe(true);
    expect(checkCallbackForm(form('2025-03-10T14:05'), at(2025, 2, 10, 14, 5, 40)).pastDue).toBe(false);
    expect(checkCallbackForm(form('2025-03-10T14:03'), at(2025, 2, 10, 14, 5, 0)).pastDue).toBe(true);
  });
});

describe('minDueInput', () => {
  it('is the current minute, in local time', () => {
    expect(minDueInput(new Date(2025, 2, 10, 14, 5, 40))).toBe('2025-03-10T14:05');
  });
});

describe('isOverdue', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('marks a callback still waiting more than five minutes after it fell due', () => {
    expect(isOverdue(callback('a', 'pending', '2025-03-10T11:54:00Z'), now)).toBe(true);
    expect(isOverdue(callback('a', 'pending', '2025-03-10T11:56:00Z'), now)).toBe(false);
    expect(isOverdue(callback('a', 'pending', '2025-03-10T13:00:00Z'), now)).toBe(false);
  });

  it('never marks one someone is on, or one that is over', () => {
    for (const status of ['offered', 'dialing', 'completed', 'failed', 'canceled'] as const) {
      expect(isOverdue(callback('a', status, '2025-03-10T10:00:00Z'), now)).toBe(false);
    }
  });
});

describe('isCancelable', () => {
  it('allows canceling only before the callback is dialled', () => {
    expect(isCancelable({ status: 'pending' })).toBe(true);
    expect(isCancelable({ status: 'offered' })).toBe(true);
    for (const status of ['dialing', 'completed', 'failed', 'canceled'] as const)
      expect(isCancelable({ status })).toBe(false);
  });
});

describe('splitCallbacks', () => {
  it('puts open callbacks soonest first and finished ones latest first', () => {
    const { open, recent } = splitCallbacks([
      callback('a', 'completed', '2025-03-01T10:00:00Z'),
      callback('b', 'pending', '2025-03-12T10:00:00Z'),
      callback('c', 'dialing', '2025-03-11T10:00:00Z'),
      callback('d', 'failed', '2025-03-05T10:00:00Z'),
      callback('e', 'canceled', '2025-03-03T10:00:00Z'),
    ]);
    expect(open.map((c) => c.id)).toEqual(['c', 'b']);
    expect(recent.map((c) => c.id)).toEqual(['d', 'e', 'a']);
  });

  it('counts a callback read twice once, as open, and keeps only the latest finished ones', () => {
    const { open, recent } = splitCallbacks(
      [
        callback('a', 'completed', '2025-03-01T10:00:00Z'),
        callback('a', 'dialing', '2025-03-01T10:00:00Z'),
        callback('b', 'failed', '2025-03-02T10:00:00Z'),
        callback('c', 'failed', '2025-03-03T10:00:00Z'),
      ],
      1,
    );
    expect(open.map((c) => c.id)).toEqual(['a']);
    expect(recent.map((c) => c.id)).toEqual(['c']);
  });
});
