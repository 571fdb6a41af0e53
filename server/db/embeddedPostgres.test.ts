import { describe, expect, it } from 'vitest';
import { utf8LocaleFlags } from './embeddedPostgres';

describe('the locale the embedded database is initialised with', () => {
  it('when the system has C.UTF-8, then initdb gets it, spelled as the system lists it', () => {
    expect(utf8LocaleFlags(['C', 'C.utf8', 'POSIX'])).toEqual(['--locale=C.utf8']);
    expect(utf8LocaleFlags(['C.UTF-8', 'en_US.UTF-8'])).toEqual(['--locale=C.UTF-8']);
  });

  it('when it has none, then no locale: the encoding alone makes the database UTF-8', () => {
    expect(utf8LocaleFlags(['C', 'POSIX'])).toEqual(['--no-locale']);
    expect(utf8LocaleFlags([])).toEqual(['--no-locale']);
  });
});
