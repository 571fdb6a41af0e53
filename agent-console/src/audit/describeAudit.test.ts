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
    expect(describeAudit(entry('customer.identity_added', { kind: 'email', value: 'ada@example.com' }), t, nameOf)).toBe(
      'auditAction.customer.identity_added {"identity":"identityKind.email ada@example.com"}',
    );
  });

  it('uses plain sentences for actions without details', () => {
    expect(describeAudit(entry('message.note_added', { messageId: 'm1' }), t, nameOf)).toBe('auditAction.message.note_added');
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
