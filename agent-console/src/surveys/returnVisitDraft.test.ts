import { describe, expect, it } from 'vitest';
import { scheduleInputOf, skippedByReason, type ReturnVisitFilterDraft } from './returnVisitDraft';

const anyFilter: ReturnVisitFilterDraft = {
  resolvedFrom: '2026-11-01',
  resolvedTo: '2026-11-30',
  queueId: '',
  channel: '',
  assigneeId: '',
};

describe('scheduleInputOf', () => {
  it('when one ticket is revisited now without a note, then only the ticket and the method are sent', () => {
    expect(scheduleInputOf({ method: 'sms', dueAt: '', note: '  ' }, { ticketIds: ['t1'] })).toEqual({
      method: 'sms',
      ticketIds: ['t1'],
    });
  });

  it('when a time is chosen, then it goes out as the instant of that local time', () => {
    const input = scheduleInputOf(
      { method: 'callback', dueAt: '2026-12-08T09:30', note: '回访' },
      { ticketIds: ['t1'] },
    );
    expect(input.dueAt).toBe(new Date(2026, 11, 8, 9, 30).toISOString());
    expect(input.note).toBe('回访');
  });

  it('when the time is not a real one, then it is sent as typed so the server names the field', () => {
    expect(
      scheduleInputOf({ method: 'callback', dueAt: '2026-02-30T10:00', note: '' }, { ticketIds: ['t'] }).dueAt,
    ).toBe('2026-02-30T10:00');
  });

  it('when by filter, then "any" choices are left out and the chosen ones kept', () => {
    expect(scheduleInputOf({ method: 'email', dueAt: '', note: '' }, { filter: anyFilter })).toEqual({
      method: 'email',
      filter: { resolvedFrom: '2026-11-01', resolvedTo: '2026-11-30' },
    });
    expect(
      scheduleInputOf(
        { method: 'email', dueAt: '', note: '' },
        { filter: { ...anyFilter, queueId: 'q1', channel: 'sms', assigneeId: 'u1' } },
      ).filter,
    ).toEqual({
      resolvedFrom: '2026-11-01',
      resolvedTo: '2026-11-30',
      queueId: 'q1',
      channel: 'sms',
      assigneeId: 'u1',
    });
  });
});

describe('skippedByReason', () => {
  it('when tickets are left out, then they are counted by reason, most common first', () => {
    expect(
      skippedByReason([
        { ticketId: 'a', reason: 'no_phone' },
        { ticketId: 'b', reason: 'already_scheduled' },
        { ticketId: 'c', reason: 'already_scheduled' },
      ]),
    ).toEqual([
      { reason: 'already_scheduled', count: 2 },
      { reason: 'no_phone', count: 1 },
    ]);
  });
});
