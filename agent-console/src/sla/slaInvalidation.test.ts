import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../data/queryKeys';
import { invalidationsFor } from '../realtime/invalidationRules';

const keysOf = (list: { queryKey: readonly unknown[] }[]) => list.map((entry) => entry.queryKey);

describe('SLA events on the console', () => {
  it('an alarm re-reads the at-risk list, the ticket (its badge) and the report', () => {
    const alarm = {
      ticketId: 't1',
      ticketNumber: 4,
      subject: 'Refund',
      target: 'first_response',
      kind: 'warning',
      dueAt: '2026-03-02T10:00:00.000Z',
    } as const;
    const keys = keysOf(invalidationsFor('sla.alarm', alarm, new QueryClient(), 'me'));
    expect(keys).toContainEqual(queryKeys.slaAtRisk);
    expect(keys).toContainEqual(queryKeys.ticket('t1'));
    expect(keys).toContainEqual(queryKeys.slaReportAll);
  });

  it('a ticket change re-reads the at-risk list: a reply, resolve or pause takes the ticket off it', () => {
    const keys = keysOf(invalidationsFor('ticket.changed', { ticketId: 't1' }, new QueryClient(), 'me'));
    expect(keys).toContainEqual(queryKeys.slaAtRisk);
  });
});
