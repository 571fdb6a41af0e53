import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../server/http/apiTypes';
import { describeActor, describeAudit } from './describeAudit';

// Shows which key was used and with which values, e.g. "auditAction.ticket.status_changed {from:…,to:…}".
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const names = new Map([
  ['agent-1', 'Alice'],
  ['queue-1', 'Billing'],
]);
const nameOf = (id: unknown) => (typeof id === 'string' ? names.get(id) : undefined);

const entry = (action: string, data: Record<string, unknown> = {}): AuditEntryView => ({
  id: 'e1',
  at: '2025-03-10T12:00:00Z',
  actor: { kind: 'user', id: 'u1', name: 'Bob' },
  action,
  data,
});

describe('describeAudit', () => {
  it('translates status, priority and type values', () => {
    expect(describeAudit(entry('ticket.status_changed', { from: 'open', to: 'resolved' }), t, nameOf)).toBe(
      'auditAction.ticket.status_changed {"from":"ticketStatus.open","to":"ticketStatus.resolved"}',
    );
    expect(describeAudit(entry('ticket.priority_changed', { from: 'normal', to: 'urgent' }), t, nameOf)).toBe(
      'auditAction.ticket.priority_changed {"from":"ticketPriority.normal","to":"ticketPriority.urgent"}',
    );
    expect(describeAudit(entry('ticket.type_changed', { from: null, to: 'complaint' }), t, nameOf)).toBe(
      'auditAction.ticket.type_changed {"from":"ticketType.none","to":"ticketType.complaint"}',
    );
  });

  it('names agents and queues it knows, and says "an agent" / "a queue" otherwise', () => {
    expect(describeAudit(entry('ticket.assigned', { agentId: 'agent-1', via: 'offer' }), t, nameOf)).toBe(
      'auditAction.ticket.assigned {"agent":"Alice"}',
    );
    expect(describeAudit(entry('ticket.transferred', { toQueueId: 'queue-1' }), t, nameOf)).toBe(
      'auditAction.ticket.transferred {"target":"Billing"}',
    );
    expect(describeAudit(entry('ticket.transferred', { toAgentId: 'agent-x' }), t, nameOf)).toBe(
      'auditAction.ticket.transferred {"target":"audit.unknownAgent"}',
    );
    expect(describeAudit(entry('ticket.overflowed', { fromQueueId: 'queue-1', toQueueId: 'q-9' }), t, nameOf)).toBe(
      'auditAction.ticket.overflowed {"from":"Billing","to":"audit.unknownQueue"}',
    );
  });

  it('lists the changed customer fields in words', () => {
    const changes = { name: { from: null, to: 'Ada' }, tags: { from: [], to: ['vip'] } };
    expect(describeAudit(entry('customer.updated', { changes }), t, nameOf)).toBe(
      'auditAction.customer.updated {"fields":"customer.field.nameaudit.listSeparatorcustomer.field.tags"}',
    );
  });

  it('says which identity was added or removed', () => {
    expect(
      describeAudit(entry('customer.identity_added', { kind: 'email', value: 'ada@example.com' }), t, nameOf),
    ).toBe('auditAction.customer.identity_added {"identity":"identityKind.email ada@example.com"}');
  });

  it('uses plain sentences for actions without details', () => {
    expect(describeAudit(entry('message.note_added', { messageId: 'm1' }), t, nameOf)).toBe(
      'auditAction.message.note_added',
    );
  });

  it('tells what happened on the phone: calls placed, transferred, missed and wrapped up', () => {
    expect(describeAudit(entry('call.placed', { to: '+14155550100', origin: 'click_to_dial' }), t, nameOf)).toBe(
      'auditAction.call.placed {"number":"+14155550100"}',
    );
    expect(describeAudit(entry('call.transferred', { callId: 'c1', queueId: 'queue-1' }), t, nameOf)).toBe(
      'auditAction.call.transferred {"target":"Billing"}',
    );
    expect(describeAudit(entry('call.transferred', { callId: 'c1', agentId: 'agent-1' }), t, nameOf)).toBe(
      'auditAction.call.transferred {"target":"Alice"}',
    );
    expect(describeAudit(entry('call.agent_missed', { agentId: 'agent-1', status: 'no-answer' }), t, nameOf)).toBe(
      'auditAction.call.agent_missed {"agent":"Alice"}',
    );
    expect(describeAudit(entry('call.agent_dial_failed', { agentId: 'agent-1', error: 'Twilio 500' }), t, nameOf)).toBe(
      'auditAction.call.agent_dial_failed {"agent":"Alice"}',
    );
    expect(describeAudit(entry('call.wrapped_up', { disposition: 'follow_up' }), t, nameOf)).toBe(
      'auditAction.call.wrapped_up {"disposition":"voice.disposition.follow_up"}',
    );
    expect(describeAudit(entry('call.wrapped_up', { disposition: 'Sold' }), t, nameOf)).toBe(
      'auditAction.call.wrapped_up {"disposition":"Sold"}',
    );
  });

  it('tells a callback’s story: requested, booked for a time, each attempt’s outcome', () => {
    expect(describeAudit(entry('callback.requested', { phone: '+14155550100' }), t, nameOf)).toBe(
      'auditAction.callback.requested {"number":"+14155550100"}',
    );
    expect(
      describeAudit(
        entry('callback.scheduled', { phone: '+14155550100', dueAt: '2026-11-25T15:30:00.000Z' }),
        t,
        nameOf,
      ),
    ).toBe('auditAction.callback.scheduled {"number":"+14155550100","time":"2026-11-25T15:30:00.000Z"}');
    expect(describeAudit(entry('callback.retry_scheduled', { attempt: 1, outcome: 'no-answer' }), t, nameOf)).toBe(
      'auditAction.callback.retry_scheduled {"attempt":"1","outcome":"callbacks.outcome.no-answer"}',
    );
    expect(describeAudit(entry('callback.failed', { attempt: 3, outcome: 'busy' }), t, nameOf)).toBe(
      'auditAction.callback.failed {"attempt":"3","outcome":"callbacks.outcome.busy"}',
    );
  });

  it('tells what became of a reply: sent, delivered, failed with why, sent again and why', () => {
    expect(describeAudit(entry('message.sent', { messageId: 'm1', via: 'send' }), t, nameOf)).toBe(
      'auditAction.message.sent',
    );
    expect(describeAudit(entry('message.delivered', { messageId: 'm1', via: 'status_callback' }), t, nameOf)).toBe(
      'auditAction.message.delivered',
    );
    expect(
      describeAudit(
        entry('message.failed', {
          messageId: 'm1',
          code: '21610',
          reason: 'Attempt to send to unsubscribed recipient',
        }),
        t,
        nameOf,
      ),
    ).toBe('auditAction.message.failed {"reason":"Attempt to send to unsubscribed recipient"}');
    expect(
      describeAudit(
        entry('message.failed', { messageId: 'm1', code: 'outcome_unknown', reason: 'Twilio could not be asked' }),
        t,
        nameOf,
      ),
    ).toBe('auditAction.message.failed {"reason":"delivery.reason.outcome_unknown"}');
    expect(describeAudit(entry('message.failed', { messageId: 'm1', code: '30005', reason: null }), t, nameOf)).toBe(
      'auditAction.message.failed {"reason":"30005"}',
    );
    expect(describeAudit(entry('message.resent', { messageId: 'm1', reason: 'no_answer' }), t, nameOf)).toBe(
      'auditAction.message.resent {"why":"delivery.resendReason.no_answer"}',
    );
    expect(describeAudit(entry('message.retried', { messageId: 'm1' }), t, nameOf)).toBe('auditAction.message.retried');
  });

  it('shows an unknown action raw', () => {
    expect(describeAudit(entry('ticket.sla_breached'), t, nameOf)).toBe('ticket.sla_breached');
  });
});

describe('describeActor', () => {
  it('names users, and says System or Customer for the others', () => {
    expect(describeActor({ kind: 'user', id: 'u1', name: 'Bob' }, t)).toBe('Bob');
    expect(describeActor({ kind: 'system', id: null, name: null }, t)).toBe('audit.system');
    expect(describeActor({ kind: 'customer', id: null, name: null }, t)).toBe('audit.customer');
  });
});
