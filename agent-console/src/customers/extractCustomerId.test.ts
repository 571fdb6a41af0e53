import { describe, expect, it } from 'vitest';
import { extractCustomerId } from './extractCustomerId';

const A = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const B = '0a1b2c3d-0000-4111-8222-333344445555';

describe('extractCustomerId', () => {
  it('reads the holder from an identity_taken message', () => {
    expect(extractCustomerId(`The phone +14155550100 belongs to customer ${A}.`)).toBe(A);
  });

  it('reads the survivor from a merged message (the last id named)', () => {
    expect(extractCustomerId(`Customer ${A} was merged into customer ${B}.`)).toBe(B);
  });

  it('lower-cases the id', () => {
    expect(extractCustomerId(`belongs to customer ${A.toUpperCase()}`)).toBe(A);
  });

  it('is not fooled by an email address that contains a UUID', () => {
    expect(extractCustomerId(`The email ${B}@example.com belongs to customer ${A}.`)).toBe(A);
  });

  it('tries the next text (e.g. the field message) when one has no id, and gives null when none has', () => {
    expect(extractCustomerId('Already taken.', `belongs to customer ${A}`)).toBe(A);
    expect(extractCustomerId('Already taken.', undefined, null)).toBeNull();
  });
});
