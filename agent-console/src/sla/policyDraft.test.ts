import { describe, expect, it } from 'vitest';
import type { SlaPolicyView } from '../../../server/http/slaApiTypes';
import { newPolicyDraft, policyDraft, policyInput, splitList } from './policyDraft';

const stored: SlaPolicyView = {
  id: 'p1',
  position: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  name: 'VIP email',
  enabled: true,
  queueIds: ['q1'],
  priorities: ['high', 'urgent'],
  channels: ['email'],
  customerTags: ['vip'],
  firstResponseMinutes: 30,
  nextResponseMinutes: null,
  resolutionMinutes: 480,
  warnMinutesBefore: 10,
  warnPercentUsed: 80,
  quietHours: { start: '22:00', end: '07:00', timezone: 'Asia/Shanghai' },
  smsRecipients: ['+8613800138000'],
  emailRecipients: ['lead@example.com'],
  escalation: {
    afterMinutes: 15,
    action: 'reassign_to_queue',
    queueId: 'q2',
    smsRecipients: [],
    emailRecipients: [],
  },
};

describe('a policy in its form', () => {
  it('comes back from the form as it was stored', () => {
    const { id: _id, position: _p, createdAt: _c, updatedAt: _u, ...input } = stored;
    expect(policyInput(policyDraft(stored))).toEqual(input);
  });

  it('sends empty targets as none, tags and recipients as clean lists, and switched-off parts as null', () => {
    const draft = {
      ...newPolicyDraft('Europe/Paris'),
      name: 'Default',
      firstResponseMinutes: ' 45 ',
      resolutionMinutes: '',
      warnMinutesBefore: '',
      customerTags: 'VIP, gold ,vip',
      smsRecipients: '+33612345678；+33698765432\n',
      emailRecipients: 'a@example.com, , b@example.com',
      escalationSmsRecipients: '+33600000000',
    };
    expect(policyInput(draft)).toMatchObject({
      firstResponseMinutes: 45,
      resolutionMinutes: null,
      warnMinutesBefore: null,
      customerTags: ['vip', 'gold'],
      smsRecipients: ['+33612345678', '+33698765432'],
      emailRecipients: ['a@example.com', 'b@example.com'],
      quietHours: null,
      escalation: null,
    });
  });

  it('passes a number that is not one through as typed, so the server names the field', () => {
    expect(policyInput({ ...newPolicyDraft(), firstResponseMinutes: '1e' }).firstResponseMinutes).toBe('1e');
  });

  it('sends only what the chosen escalation uses', () => {
    const draft = {
      ...newPolicyDraft(),
      escalationOn: true,
      escalationAfterMinutes: '20',
      escalationAction: 'notify_second_level' as const,
      escalationQueueId: 'q9',
      escalationSmsRecipients: '+33600000000',
    };
    expect(policyInput(draft).escalation).toEqual({
      afterMinutes: 20,
      action: 'notify_second_level',
      queueId: null,
      smsRecipients: ['+33600000000'],
      emailRecipients: [],
    });
    expect(policyInput({ ...draft, escalationAction: 'raise_priority' }).escalation?.smsRecipients).toEqual([]);
  });

  it('splits lists on commas, semicolons (also Chinese ones) and new lines', () => {
    expect(splitList('a，b；c\nd, e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
