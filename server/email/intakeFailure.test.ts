import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { InvalidEmailError } from '../../channels/email/parseInboundEmail';
import { HttpError } from '../http/httpError';
import { classifyIntakeFailure } from './intakeFailure';

const pgError = (code: string) =>
  new postgres.PostgresError({ code, severity: 'ERROR', message: `error ${code}` } as never);
const systemError = (code: string) => Object.assign(new Error(`${code} somewhere`), { code, errno: -1 });

describe('classifyIntakeFailure', () => {
  it.each([
    ['a mail that cannot be parsed', new InvalidEmailError('the mail could not be parsed')],
    ['intake refusing the contact (400)', new HttpError(400, 'invalid_input', 'from: not an email address')],
    ['an index row too large (54000)', pgError('54000')],
    ['a check constraint (23514)', pgError('23514')],
    ['a value out of range (22003)', pgError('22003')],
  ])('when the failure is %s, then it is the mail’s: set aside at once', (_name, err) => {
    expect(classifyIntakeFailure(err)).toBe('mail');
  });

  it.each([
    ['the database refusing connections', systemError('ECONNREFUSED')],
    ['a full disk', systemError('ENOSPC')],
    ['a broken pipe', systemError('EPIPE')],
    ['the database client losing its connection', systemError('CONNECTION_CLOSED')],
    ['the database shutting down (57P01)', pgError('57P01')],
    ['too many connections (53300)', pgError('53300')],
    ['a deadlock (40P01)', pgError('40P01')],
    ['a server error answer (503)', new HttpError(503, 'secrets_key_missing', 'no key')],
  ])('when the failure is %s, then it is the environment’s: never set aside', (_name, err) => {
    expect(classifyIntakeFailure(err)).toBe('environment');
  });

  it.each([
    ['a plain TypeError', new TypeError('Cannot read properties of undefined')],
    ['an unlisted SQLSTATE (XX000)', pgError('XX000')],
    ['something that is not an Error', 'boom'],
    ['nothing', undefined],
  ])('when the failure is %s, then it cannot be told: tried a few times', (_name, err) => {
    expect(classifyIntakeFailure(err)).toBe('unknown');
  });
});
