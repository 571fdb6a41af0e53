import { describe, expect, it } from 'vitest';
import type { AgentReportRow, ContactReportRow } from '../../../server/http/wallApiTypes';
import { activeAgentRows, agentTotals, contactsByPeriod, offeredByChannel, sumContactRows } from './reportRows';

const row = (
  period: string,
  channel: ContactReportRow['channel'],
  figures: Partial<ContactReportRow>,
): ContactReportRow => ({
  period,
  queueId: 'q',
  queueName: 'Sales',
  channel,
  offered: 0,
  answered: 0,
  answeredWithinThreshold: 0,
  abandoned: 0,
  shortAbandoned: 0,
  callbacks: 0,
  transfers: 0,
  handled: 0,
  serviceLevel: null,
  asaSeconds: null,
  ahtSeconds: null,
  abandonRate: null,
  occupancy: null,
  ...figures,
});

const P1 = '2026-03-02T09:00:00.000Z';
const P2 = '2026-03-02T09:15:00.000Z';

describe('sumContactRows', () => {
  it('adds counts and recomputes service level, ASA, AHT and abandon rate from the sums', () => {
    const total = sumContactRows([
      row(P1, 'voice', {
        offered: 10,
        answered: 8,
        answeredWithinThreshold: 6,
        shortAbandoned: 1,
        abandoned: 1,
        asaSeconds: 15,
        handled: 8,
        ahtSeconds: 200,
      }),
      row(P1, 'email', {
        offered: 5,
        answered: 2,
        answeredWithinThreshold: 2,
        callbacks: 0,
        abandoned: 2,
        asaSeconds: 60,
        handled: 2,
        ahtSeconds: 100,
      }),
    ]);
    expect(total).toMatchObject({ offered: 15, answered: 10, abandoned: 3, shortAbandoned: 1 });
    expect(total.serviceLevel).toBeCloseTo(8 / 14);
    expect(total.asaSeconds).toBeCloseTo((15 * 8 + 60 * 2) / 10);
    expect(total.ahtSeconds).toBeCloseTo((200 * 8 + 100 * 2) / 10);
    expect(total.abandonRate).toBeCloseTo(3 / 14);
  });
});

describe('contactsByPeriod and offeredByChannel', () => {
  const rows = [row(P2, 'sms', { offered: 2 }), row(P1, 'voice', { offered: 3 }), row(P1, 'email', { offered: 1 })];

  it('gives each interval once, in time order', () => {
    expect(contactsByPeriod(rows).map((r) => [r.period, r.offered])).toEqual([
      [P1, 4],
      [P2, 2],
    ]);
  });

  it('splits the offered contacts of each interval by channel', () => {
    expect(offeredByChannel(rows)).toEqual([
      { period: P1, voice: 3, sms: 0, email: 1 },
      { period: P2, voice: 0, sms: 2, email: 0 },
    ]);
  });
});

describe('agentTotals', () => {
  const agentRow = (agentId: string, agentName: string, handled: number, talkSeconds: number): AgentReportRow => ({
    period: P1,
    agentId,
    agentName,
    handled,
    talkSeconds,
    holdSeconds: 10,
    wrapUpSeconds: 5,
    occupancy: null,
    presenceSeconds: { available: 0, busy: 0, away: 0, offline: 0 },
    awayByReason: [],
  });

  it('adds each agent’s intervals, agents by name', () => {
    expect(
      agentTotals([agentRow('b', '王芳', 2, 100), agentRow('a', 'Ann', 1, 50), agentRow('b', '王芳', 3, 60)]),
    ).toEqual([
      { agentId: 'a', agentName: 'Ann', handled: 1, talkSeconds: 50, holdSeconds: 10, wrapUpSeconds: 5 },
      { agentId: 'b', agentName: '王芳', handled: 5, talkSeconds: 160, holdSeconds: 20, wrapUpSeconds: 10 },
    ]);
  });
});

describe('activeAgentRows', () => {
  it('leaves out an agent’s intervals with nothing in them', () => {
    const empty: AgentReportRow = {
      period: P1,
      agentId: 'a',
      agentName: 'Ann',
      handled: 0,
      talkSeconds: 0,
      holdSeconds: 0,
      wrapUpSeconds: 0,
      occupancy: null,
      presenceSeconds: { available: 0, busy: 0, away: 0, offline: 0 },
      awayByReason: [],
    };
    const signedIn = { ...empty, period: P2, presenceSeconds: { ...empty.presenceSeconds, available: 900 } };
    expect(activeAgentRows([empty, signedIn])).toEqual([signedIn]);
  });
});
