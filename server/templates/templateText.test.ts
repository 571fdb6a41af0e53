import { describe, expect, it } from 'vitest';
import { fillVariables, placeholdersIn, unknownVariables, withoutVariables, type TemplateValues } from './templateText';

const values: TemplateValues = {
  'customer.name': 'Mei Chen',
  'customer.email': null,
  'customer.phone': '+12025550123',
  'ticket.number': '1234',
  'ticket.subject': 'Late parcel',
  'agent.name': 'Sam',
};

describe('template text', () => {
  it('when variables have values, then they are filled in, spaces inside the braces allowed', () => {
    expect(fillVariables('Hi {{customer.name|there}}, about #{{ ticket.number }}. — {{agent.name}}', values)).toEqual({
      text: 'Hi Mei Chen, about #1234. — Sam',
      emptyVariables: [],
    });
  });

  it('when a variable has no value, then its fallback stands in, or nothing, and the variable is reported', () => {
    const none = { ...values, 'customer.name': '  ' };
    expect(fillVariables('Hi {{customer.name|there}}! {{customer.email}}', none)).toEqual({
      text: 'Hi there! ',
      emptyVariables: ['customer.email'],
    });
  });

  it('when a body names an unknown variable, then it is reported and left as written', () => {
    expect(unknownVariables('{{customer.name}} {{order.id|?}} {{order.id}}')).toEqual(['order.id']);
    expect(fillVariables('{{order.id}}', values).text).toBe('{{order.id}}');
  });

  it('when a text holds placeholders, then each is found once, in order', () => {
    expect(placeholdersIn('Order [[order number]] ships [[date]]; ref [[order number]]. [[]] [x]')).toEqual([
      'order number',
      'date',
    ]);
    expect(placeholdersIn('No placeholders [here].')).toEqual([]);
  });

  it('when a body is read for its words, then variables are left out', () => {
    expect(withoutVariables('Refund for {{customer.name|you}}')).toBe('Refund for  ');
  });
});
