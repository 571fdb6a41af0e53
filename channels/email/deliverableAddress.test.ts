import { describe, expect, it } from 'vitest';
import { undeliverableReason } from './deliverableAddress';

describe('undeliverableReason', () => {
  it.each([
    'alice@customer.example',
    'first.last+tag@sub.customer.example',
    'user@localhost',
    'ops@mailhost',
    "o'brien@customer.example",
    '"john.smith"@customer.example',
    'user@[192.0.2.10]',
    '王小明@例子.中国',
    'Alice@Customer.Example',
  ])('when the address is %s, then it can be tried', (address) => {
    expect(undeliverableReason(address)).toBeNull();
  });

  it.each([
    ['name@yahoo.com.', 'the domain ends with a dot'],
    ['name@.yahoo.com', 'the domain has an empty part (a misplaced dot)'],
    ['name@yahoo..com', 'the domain has an empty part (a misplaced dot)'],
    ['na me@yahoo.com', 'it contains a space'],
    ['name@yahoo.com ', 'it contains a space'],
    ['name\u0000@yahoo.com', 'it contains a control character'],
    ['name\r\n@yahoo.com', 'it contains a control character'],
    ['name.yahoo.com', 'it has no @'],
    ['@yahoo.com', 'nothing comes before the @'],
    ['name@', 'nothing comes after the @'],
    ['.name@yahoo.com', 'the part before the @ has a misplaced dot'],
    ['na..me@yahoo.com', 'the part before the @ has a misplaced dot'],
    ['"Lottery"@example.com>', 'the domain has a character domain names do not allow'],
    ['"john smith"@customer.example', 'it contains a space'],
    ['a@b@yahoo.com', 'the part before the @ has a character mail does not allow'],
    ['name@-yahoo.com', 'the domain has a character domain names do not allow'],
    ['name@yahoo_mail.com', 'the domain has a character domain names do not allow'],
    ['name@192.0.2.10', 'the domain ends in a number (no domain does)'],
    ['', 'there is no address'],
  ])('when the address is %j, then it is refused: %s', (address, reason) => {
    expect(undeliverableReason(address)).toBe(reason);
  });
});
