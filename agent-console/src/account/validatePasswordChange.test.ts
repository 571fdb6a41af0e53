import { describe, expect, it } from 'vitest';
import { validatePasswordChange } from './validatePasswordChange';

const valid = { currentPassword: 'old-secret', newPassword: 'new-secret-1', confirmPassword: 'new-secret-1' };

describe('validatePasswordChange', () => {
  it('accepts a complete form', () => {
    expect(validatePasswordChange(valid)).toBeNull();
  });

  it('requires the current password', () => {
    expect(validatePasswordChange({ ...valid, currentPassword: '' })).toBe('currentRequired');
  });

  it('requires at least 10 characters', () => {
    expect(validatePasswordChange({ ...valid, newPassword: '123456789', confirmPassword: '123456789' })).toBe(
      'tooShort',
    );
    expect(validatePasswordChange({ ...valid, newPassword: '1234567890', confirmPassword: '1234567890' })).toBeNull();
  });

  it('counts characters, not UTF-16 code units', () => {
    const nineEmoji = '😀'.repeat(9); // 18 code units, 9 characters
    expect(validatePasswordChange({ ...valid, newPassword: nineEmoji, confirmPassword: nineEmoji })).toBe('tooShort');
  });

  it('requires the confirmation to match', () => {
    expect(validatePasswordChange({ ...valid, confirmPassword: 'new-secret-2' })).toBe('mismatch');
  });
});
