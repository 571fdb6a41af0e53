import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { customerName } from './customerName';

const t = ((key: string) => key) as unknown as TFunction;

/** Every string of a translation resource. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings);

describe('customerName', () => {
  it('names a customer by their name, and one without a name (or only spaces) as unnamed', () => {
    expect(customerName({ name: 'Grace Hopper' }, t)).toBe('Grace Hopper');
    expect(customerName({ name: null }, t)).toBe('customer.unnamed');
    expect(customerName({ name: '  ' }, t)).toBe('customer.unnamed');
  });

  it('is the only wording for a nameless customer, in English and Chinese', () => {
    expect(strings(en).filter((text) => /^(Unknown|Unnamed) customer$/.test(text))).toEqual(['Unnamed customer']);
    expect(strings(zhCN).filter((text) => /^(未知|未命名)客户$/.test(text))).toEqual(['未命名客户']);
  });
});
