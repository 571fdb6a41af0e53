import { describe, expect, it } from 'vitest';
import { emailDocument } from './emailDocument';

describe('emailDocument', () => {
  it('puts the mail in the body of a document that may neither run nor load anything', () => {
    const doc = emailDocument('<p>Hello <b>team</b></p>');
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<body><p>Hello <b>team</b></p></body>');
    const policy = doc.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    expect(policy.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", "form-action 'none'"]));
    expect(policy).not.toMatch(/script-src|https?:/);
  });

  it('opens links outside the console and sends no referrer', () => {
    const doc = emailDocument('<a href="https://example.com">x</a>');
    expect(doc).toContain('<base target="_blank">');
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
  });
});
