import { describe, expect, it, vi } from 'vitest';
import { REALTIME_EVENTS, createListenerRegistry } from './listenerRegistry';

describe('createListenerRegistry', () => {
  it('passes each event only to the listeners of that event', () => {
    const registry = createListenerRegistry();
    const ticket = vi.fn();
    const customer = vi.fn();
    registry.add('ticket.changed', ticket);
    registry.add('customer.changed', customer);

    registry.dispatch('ticket.changed', { ticketId: 't1' });

    expect(ticket).toHaveBeenCalledWith({ ticketId: 't1' });
    expect(customer).not.toHaveBeenCalled();
  });

  it('stops calling a listener once it is removed', () => {
    const registry = createListenerRegistry();
    const listener = vi.fn();
    const remove = registry.add('offer.ended', listener);
    remove();
    registry.dispatch('offer.ended', { offerId: 'o1', ticketId: 't1', reason: 'timed_out' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps calling the other listeners when one throws', () => {
    const onError = vi.fn();
    const registry = createListenerRegistry(onError);
    const after = vi.fn();
    registry.add('ticket.changed', () => {
      throw new Error('boom');
    });
    registry.add('ticket.changed', after);

    registry.dispatch('ticket.changed', { ticketId: 't1' });

    expect(after).toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });

  it('lets a listener remove itself while the event is being dispatched', () => {
    const registry = createListenerRegistry();
    const second = vi.fn();
    const removeFirst = registry.add('ticket.changed', () => removeFirst());
    registry.add('ticket.changed', second);
    registry.dispatch('ticket.changed', { ticketId: 't1' });
    registry.dispatch('ticket.changed', { ticketId: 't2' });
    expect(second).toHaveBeenCalledTimes(2);
  });
});

describe('REALTIME_EVENTS', () => {
  it('lists presence, offer, ticket, customer, campaign, mailbox, call and simulator events', () => {
    expect([...REALTIME_EVENTS].sort()).toEqual([
      'call.changed',
      'call.monitored',
      'campaign.changed',
      'customer.at_risk',
      'customer.changed',
      'mailbox.changed',
      'monitor.changed',
      'offer.created',
      'offer.ended',
      'presence.changed',
      'return_visit.changed',
      'simulator.changed',
      'sla.alarm',
      'survey.low_score',
      'ticket.changed',
      'tickets.changed',
      'voice.simulator.changed',
      'wall.agent',
      'wall.figures',
      'wall.settings',
      'wall.threshold',
    ]);
  });
});
